/**
 * When the local server saves (workspace/server/saveScheduler.ts): changes coalesce into few saves,
 * continuous changes still save, saves never overlap, flush and close save at once. Fake timers: the
 * assertions count saves at chosen moments, nothing depends on the machine's speed.
 */
import { SaveScheduler } from '../../workspace/server/saveScheduler';

const TIMING = { delayMs: 300, maxDelayMs: 2000 };

/** A scheduler over a save that the test finishes by hand, and a queue like the session's. */
function harness() {
  let tail: Promise<unknown> = Promise.resolve();
  const queue = (body: () => Promise<void>): Promise<void> => {
    const run = tail.then(body);
    tail = run.catch(() => undefined);
    return run;
  };
  const saves: Array<{ finish: () => void; fail: (e: Error) => void }> = [];
  let running = 0;
  let overlapped = false;
  const save = () =>
    new Promise<void>((resolve, reject) => {
      running++;
      if (running > 1) overlapped = true;
      const done = (f: () => void) => () => {
        running--;
        f();
      };
      saves.push({ finish: done(resolve), fail: (e) => done(() => reject(e))() });
    });
  const scheduler = new SaveScheduler(save, queue, TIMING);
  return { scheduler, saves, overlapped: () => overlapped, running: () => running };
}

/** Lets promise callbacks run (the queue and the scheduler chain through several). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('fifty changes in a burst are one save, after the quiet delay', async () => {
  const { scheduler, saves } = harness();
  for (let i = 0; i < 50; i++) scheduler.changed();
  await jest.advanceTimersByTimeAsync(TIMING.delayMs - 1);
  expect(saves).toHaveLength(0);
  await jest.advanceTimersByTimeAsync(1);
  await settle();
  expect(saves).toHaveLength(1);
  saves[0].finish();
  await settle();
  await jest.advanceTimersByTimeAsync(10 * TIMING.maxDelayMs);
  expect(saves).toHaveLength(1);
});

test('changes that never pause still save once the longest delay has passed', async () => {
  const { scheduler, saves } = harness();
  for (let t = 0; t < TIMING.maxDelayMs - 100; t += 100) {
    scheduler.changed();
    await jest.advanceTimersByTimeAsync(100);
  }
  expect(saves).toHaveLength(0);
  scheduler.changed();
  await jest.advanceTimersByTimeAsync(100);
  await settle();
  expect(saves).toHaveLength(1);
});

test('changes during a save get exactly one more save after it, never a second one at the same time', async () => {
  const { scheduler, saves, overlapped } = harness();
  scheduler.changed();
  await jest.advanceTimersByTimeAsync(TIMING.delayMs);
  await settle();
  expect(saves).toHaveLength(1);
  // While it runs: more changes, their timer fires, a flush is asked for twice.
  for (let i = 0; i < 5; i++) scheduler.changed();
  await jest.advanceTimersByTimeAsync(TIMING.maxDelayMs);
  const flushed = [scheduler.flush(), scheduler.flush()];
  await settle();
  expect(saves).toHaveLength(1);
  saves[0].finish();
  await settle();
  expect(saves).toHaveLength(2);
  saves[1].finish();
  await Promise.all(flushed);
  await jest.advanceTimersByTimeAsync(10 * TIMING.maxDelayMs);
  expect(saves).toHaveLength(2);
  expect(overlapped()).toBe(false);
});

test('whenSaved resolves when the scheduled save is done; flush saves at once; nothing to save, no save', async () => {
  const { scheduler, saves } = harness();
  await scheduler.whenSaved();
  await scheduler.flush();
  expect(saves).toHaveLength(0);

  scheduler.changed();
  let saved = false;
  void scheduler.whenSaved().then(() => (saved = true));
  await jest.advanceTimersByTimeAsync(TIMING.delayMs);
  await settle();
  expect(saved).toBe(false);
  saves[0].finish();
  await settle();
  expect(saved).toBe(true);

  scheduler.changed();
  const flush = scheduler.flush();
  await settle();
  expect(saves).toHaveLength(2);
  saves[1].finish();
  await flush;
});

test('a failed scheduled save is tried again; flush and whenSaved report the failure', async () => {
  const { scheduler, saves } = harness();
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    scheduler.changed();
    const waiting = scheduler.whenSaved();
    await jest.advanceTimersByTimeAsync(TIMING.delayMs);
    await settle();
    saves[0].fail(new Error('диск заполнен'));
    await expect(waiting).rejects.toThrow('диск заполнен');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('Не удалось сохранить рабочую область: диск заполнен'));
    await jest.advanceTimersByTimeAsync(TIMING.maxDelayMs);
    await settle();
    expect(saves).toHaveLength(2);
    saves[1].finish();
    await settle();
    await scheduler.whenSaved();
  } finally {
    error.mockRestore();
  }
});

test('close saves what is pending and schedules nothing after', async () => {
  const { scheduler, saves } = harness();
  scheduler.changed();
  const closed = scheduler.close();
  await settle();
  expect(saves).toHaveLength(1);
  saves[0].finish();
  await closed;
  scheduler.changed();
  await jest.advanceTimersByTimeAsync(10 * TIMING.maxDelayMs);
  expect(saves).toHaveLength(1);
});
