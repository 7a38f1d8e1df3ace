/**
 * Jobs (the reset's progress): what GET /api/jobs/:id answers at each point, driven by promises the test
 * resolves — never by how fast the machine runs the steps.
 */
import { Jobs, type JobStep } from '../../workspace/server/jobs';

/** Runs the job's body at once, as an empty session queue does; `finished` settles with it. */
function startJob(jobs: Jobs, steps: JobStep[]) {
  let finished: Promise<void> = Promise.resolve();
  const started = jobs.start('Сброс', steps, (body) => (finished = body()));
  return { started, finished: () => finished.catch(() => undefined) };
}

test('between steps the job yields, and a request then sees the next step named and the finished ones counted', async () => {
  const jobs = new Jobs();
  let betweenSteps: unknown;
  let answeredBeforeSecondRan = false;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const inSecond = new Promise<void>((r) => (entered = r));
  const { started, finished } = startJob(jobs, [
    {
      label: 'Создание таблицы',
      // Queued before the job's own yield, so it runs in that yield: a request arriving between the steps.
      run: () => void setImmediate(() => (betweenSteps = jobs.get(started.id))),
    },
    {
      label: 'Отметки сотрудников',
      run: async () => {
        answeredBeforeSecondRan = betweenSteps !== undefined;
        entered();
        await gate;
      },
    },
    { label: 'Сохранение', run: () => undefined },
  ]);
  expect(started).toEqual({
    id: started.id,
    label: 'Сброс',
    step: 0,
    steps: 3,
    stepLabel: 'Создание таблицы',
    done: false,
  });

  await inSecond;
  expect(answeredBeforeSecondRan).toBe(true);
  expect(betweenSteps).toMatchObject({ step: 1, stepLabel: 'Отметки сотрудников', done: false });
  expect(jobs.get(started.id)).toMatchObject({ step: 1, stepLabel: 'Отметки сотрудников', done: false });

  release();
  await finished();
  expect(jobs.get(started.id)).toEqual({
    id: started.id,
    label: 'Сброс',
    step: 3,
    steps: 3,
    stepLabel: 'Сохранение',
    done: true,
  });
});

test('a failing step ends the job with its error, named by the step it stopped at', async () => {
  const jobs = new Jobs();
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const { started, finished } = startJob(jobs, [
      { label: 'Создание таблицы', run: () => undefined },
      {
        label: 'Сохранение',
        run: () => {
          throw new Error('Диск заполнен');
        },
      },
    ]);
    await finished();
    expect(jobs.get(started.id)).toMatchObject({
      step: 1,
      stepLabel: 'Сохранение',
      done: true,
      error: 'Диск заполнен',
    });
    expect(logged).toHaveBeenCalledWith('Ошибка задачи «Сброс» на шаге «Сохранение»: Диск заполнен');
  } finally {
    logged.mockRestore();
  }
});
