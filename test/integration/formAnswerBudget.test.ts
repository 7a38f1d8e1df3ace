/**
 * Issue 18: what one questionnaire answer costs the form-submit trigger (installable triggers have a
 * daily runtime cap), and a burst of answers whose firings start together, on the demo school.
 */
import type { Workspace } from '../../workspace/workspace';
import { menteeAnswers, mentorAnswers } from './answers';
import { records, setUpWorkspace, useDemoSchool } from './workspace';

/** Service calls one answer may cost its trigger run. */
const BUDGET = 25;
const MENTEES = 'Наставляемые';
const MENTORS = 'Наставники';
const demo = useDemoSchool('formAnswerBudget');

const menteeAnswersOf = (fullName: string) => menteeAnswers({ fullName });
const mentorAnswersOf = (fullName: string) => mentorAnswers({ fullName });

/** Calls of one submission's trigger run; the run must succeed. */
function callsOf(ws: Workspace, submit: () => { triggerRuns: Array<{ ok: boolean; error?: string }> }) {
  ws.resetCalls();
  const run = submit();
  const calls = ws.calls();
  expect(run.triggerRuns.map((r) => r.error ?? 'ok')).toEqual(['ok']);
  return calls;
}

/** At most BUDGET calls; when over, which methods (the failure shows them). */
function withinBudget(calls: { total: number; byMethod: Record<string, number> }): void {
  expect(calls.total <= BUDGET ? 'within budget' : calls.byMethod).toBe('within budget');
}

/** The last filed row per form, as the trigger keeps it in «Служебные данные». */
function filedRows(ws: Workspace): Record<string, number> {
  const row = ws.values('Служебные данные')!.find((r) => r[0] === 'formsFiled')!;
  return (JSON.parse(row.slice(1).join('')) as { rows: Record<string, number> }).rows;
}

const stale = (ws: Workspace) => ws.values('Служебные данные')!.some((r) => r[0] === 'summaryStale' && r[1] === '1');

const responseSheet = (ws: Workspace, title: string) => ws.forms().find((f) => f.title === title)!.responseSheet!;

describe('one questionnaire answer within the call budget', () => {
  test(`a new mentee's answer costs at most ${BUDGET} calls and lands in the bank`, async () => {
    const ws = await demo();
    // «Сводка» up to date (as a refresh leaves it): the answer also pays for marking it stale.
    const at = ws.values('Служебные данные')!.findIndex((r) => r[0] === 'summaryStale');
    if (at >= 0) ws.edit('Служебные данные', `B${at + 1}`, '');
    expect(stale(ws)).toBe(false);
    const before = records(ws, MENTEES).length;
    const calls = callsOf(ws, () =>
      ws.submitForm('Анкета наставляемого', menteeAnswersOf('Петрова Анна Сергеевна'), {
        email: 'petrova.new@school2.example',
      }),
    );
    expect(records(ws, MENTEES)).toHaveLength(before + 1);
    expect(records(ws, MENTEES).at(-1)).toMatchObject({ ФИО: 'Петрова Анна Сергеевна' });
    expect(stale(ws)).toBe(true);
    withinBudget(calls);
  });

  test(`the same person answering again updates their row, at most ${BUDGET} calls`, async () => {
    const ws = await demo();
    ws.submitForm('Анкета наставляемого', menteeAnswersOf('Петрова Анна Сергеевна'), {
      email: 'petrova.new@school2.example',
    });
    const before = records(ws, MENTEES).length;
    const calls = callsOf(ws, () =>
      ws.submitForm('Анкета наставляемого', menteeAnswersOf('Петрова Анна Сергеевна (уточнено)'), {
        email: 'Petrova.New@school2.example',
      }),
    );
    expect(records(ws, MENTEES)).toHaveLength(before);
    expect(records(ws, MENTEES).at(-1)).toMatchObject({ ФИО: 'Петрова Анна Сергеевна (уточнено)' });
    withinBudget(calls);
  });

  test(`a new mentor's answer costs at most ${BUDGET} calls and lands in the bank`, async () => {
    const ws = await demo();
    const before = records(ws, MENTORS).length;
    const calls = callsOf(ws, () =>
      ws.submitForm('Анкета наставника', mentorAnswersOf('Соколов Игорь Петрович'), {
        email: 'sokolov.new@school2.example',
      }),
    );
    expect(records(ws, MENTORS)).toHaveLength(before + 1);
    expect(records(ws, MENTORS).at(-1)).toMatchObject({ ФИО: 'Соколов Игорь Петрович' });
    withinBudget(calls);
  });

  test(`the first answer after «Обработать ответы заново» costs at most ${BUDGET} calls too`, async () => {
    const ws = await setUpWorkspace();
    ws.run('setupQuestionnaires');
    for (let i = 0; i < 3; i++) {
      ws.submitForm('Анкета наставляемого', menteeAnswersOf(`Учитель ${i}`), {
        email: `t${i}@school2.example`,
        deferTriggers: true,
      });
    }
    ws.run('menuReplayResponses');
    const calls = callsOf(ws, () =>
      ws.submitForm('Анкета наставляемого', menteeAnswersOf('Петрова Анна Сергеевна'), {
        email: 'petrova@school2.example',
      }),
    );
    expect(records(ws, MENTEES)).toHaveLength(4);
    withinBudget(calls);
  });
});

describe('a burst of 200 answers fired together', () => {
  test('all 200 reach the bank, the filed mark covers every row (nothing for «Обработать ответы заново»)', async () => {
    const ws = await demo();
    const before = records(ws, MENTEES).length;
    for (let i = 0; i < 200; i++) {
      ws.submitForm('Анкета наставляемого', menteeAnswersOf(`Учитель ${i}`), {
        email: `burst${i}@school2.example`,
        deferTriggers: true,
      });
    }
    expect(ws.pendingFormTriggers()).toBe(200);
    ws.resetCalls();
    const runs = ws.flushFormTriggers({ simultaneous: true, order: 'shuffle', seed: 7 });
    const calls = ws.calls();
    expect(runs).toHaveLength(200);
    expect(runs.filter((r) => !r.ok)).toEqual([]);
    expect(ws.logs.entries.filter((e) => /left for the next run/.test(e.message))).toEqual([]);
    const bank = records(ws, MENTEES);
    expect(bank).toHaveLength(before + 200);
    const emails = new Set(bank.map((r) => r.Email));
    for (let i = 0; i < 200; i++) expect(emails.has(`burst${i}@school2.example`)).toBe(true);
    // Every row of the response sheet is below the filed mark: no answer waits for a replay.
    expect(filedRows(ws).mentee).toBe(ws.values(responseSheet(ws, 'Анкета наставляемого'))!.length);
    const perAnswer = calls.total / 200;
    console.log(`Burst of 200 answers: ${calls.total} calls, ${perAnswer.toFixed(1)} per answer.`);
    expect(perAnswer).toBeLessThanOrEqual(10);
  });
});
