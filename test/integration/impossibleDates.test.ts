import type { Workspace } from '../../workspace/workspace';
import { columnOf, records, useDemoSchool } from './workspace';
import { api } from './api';

const PAIRS = 'Пары и группы';
const PROGRAMS = 'Программы';

/** The demo school: seeded once, a fresh copy for each test. */
const demo = useDemoSchool('impossible-dates');

/** What no message for school staff may contain. */
const NOT_FOR_STAFF = /undefined|\[object Object\]|(?<!\.)\.\.(?!\.)|непредвиденная|Not an ISO|Invalid|Cannot|is not/;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
}

/** The 1-based sheet row of a pair by its id. */
const pairRow = (ws: Workspace, id: string) => records(ws, PAIRS).findIndex((p) => p.ID === id) + 2;

describe('impossible dates typed on the sheets', () => {
  test.each(['31.13.2027', '29.02.2027', '31.04.2027'])(
    '«%s» as a pair’s end: that pair is left out and named by sheet, row and column; the others are made',
    async (typed) => {
      const ws = await demo();
      const row = pairRow(ws, 'ПГ-001');
      ws.edit(PAIRS, `${columnOf(ws, PAIRS, 'Окончание')}${row}`, typed);
      const where = `лист «${PAIRS}», строка ${row}, столбец «Окончание»: «${typed}» — такой даты нет в календаре`;

      const preview = api(ws, 'previewDocuments', 'program');
      expect(preview.problems).toEqual([]);
      expect(preview.warnings.join('\n')).toContain(where);
      expect(preview.documents.map((d) => d.key)).not.toContain('ПГ-001');

      const programs = api(ws, 'generateDocuments', { kind: 'program' });
      expect(programs.finished).toBe(true);
      expect(programs.results.map((r) => r.related).sort()).toEqual(['ПГ-002', 'ПГ-003']);
      expect(programs.skipped.join('\n')).toContain(where);

      const order = api(ws, 'generateDocuments', { kind: 'pairsOrder' });
      expect(order.results).toHaveLength(1);
      expect(order.skipped.join('\n')).toMatch(/Пара ПГ-001 не войдёт в приказ/);
      expect(order.skipped.join('\n')).toContain(where);
      for (const m of [...preview.warnings, ...programs.skipped, ...order.skipped])
        expect(m).not.toMatch(NOT_FOR_STAFF);
    },
  );

  test('with every pair’s term impossible, nothing is made and the message lists each cell', async () => {
    const ws = await demo();
    const column = columnOf(ws, PAIRS, 'Начало');
    for (const id of ['ПГ-001', 'ПГ-002', 'ПГ-003']) ws.edit(PAIRS, `${column}${pairRow(ws, id)}`, '29.02.2027');
    const message = errorOf(() => ws.run('generateDocuments', { kind: 'pairsOrder' }));
    for (const id of ['ПГ-001', 'ПГ-002', 'ПГ-003']) {
      expect(message).toContain(`строка ${pairRow(ws, id)}, столбец «Начало»: «29.02.2027»`);
    }
    expect(message).not.toMatch(NOT_FOR_STAFF);
  });

  test('impossible dates of a program: the rest of it saves, the cells stay as typed and are named', async () => {
    const ws = await demo();
    const rows = records(ws, PROGRAMS);
    const first = rows.findIndex((r) => r['Пара/группа'] === 'ПГ-001');
    const done = rows.findIndex((r, i) => i >= first && r['Пара/группа'] === 'ПГ-001' && r['Статус'] === 'выполнено');
    const planned = rows.findIndex(
      (r, i) => i >= first && r['Пара/группа'] === 'ПГ-001' && r['Статус'] === 'запланировано',
    );
    const dateColumn = columnOf(ws, PROGRAMS, 'Дата');
    ws.edit(PROGRAMS, `${dateColumn}${done + 2}`, '31.13.2027');
    ws.edit(PROGRAMS, `${dateColumn}${planned + 2}`, '31.04.2027');
    const plannedId = rows[planned]['ID мероприятия'];

    // Other programs' pages still open; this one opens with the bad date left empty for a new pick.
    expect(() => ws.run('listProgramPairs')).not.toThrow();
    const draft = api(ws, 'getProgramDraft', 'ПГ-001');
    expect(draft.activities.find((a) => a.id === plannedId)!.date).toBe('');

    // Saved without picking a date: the rest is saved, both rows stay as typed, and the message names them.
    const edited = draft.activities.map((a) =>
      a.id === plannedId || a.date === '' ? a : { ...a, title: `${a.title} (уточнено)` },
    );
    const saved = api(ws, 'saveProgram', {
      pairId: 'ПГ-001',
      goals: draft.goals,
      tasks: draft.tasks,
      activities: edited,
    });
    const after = records(ws, PROGRAMS).filter((r) => r['Пара/группа'] === 'ПГ-001');
    expect(after.map((r) => r['Дата'])).toEqual(expect.arrayContaining(['31.13.2027', '31.04.2027']));
    expect(after.filter((r) => r['Мероприятие'].endsWith('(уточнено)')).length).toBeGreaterThan(0);
    const sheetRows = records(ws, PROGRAMS).map((r, i) => ({ r, row: i + 2 }));
    for (const typed of ['31.13.2027', '31.04.2027']) {
      const { row } = sheetRows.find(({ r }) => r['Дата'] === typed)!;
      expect(saved.message).toContain(
        `лист «${PROGRAMS}», строка ${row}, столбец «Дата»: «${typed}» — такой даты нет в календаре`,
      );
    }
    expect(saved.message).not.toMatch(NOT_FOR_STAFF);

    // A program document for that pair waits for the fix; the other pairs' are made.
    const batch = api(ws, 'generateDocuments', { kind: 'program' });
    expect(batch.results.map((r) => r.related).sort()).toEqual(['ПГ-002', 'ПГ-003']);
    expect(batch.skipped.join('\n')).toMatch(/Программа пары ПГ-001 не создана[^\n]*«31\.13\.2027»/);

    // Once a date is picked in the panel, the row takes it.
    const again = api(ws, 'getProgramDraft', 'ПГ-001');
    const fixed = again.activities.map((a) => (a.id === plannedId ? { ...a, date: '2027-04-30' } : a));
    ws.run('saveProgram', { pairId: 'ПГ-001', goals: again.goals, tasks: again.tasks, activities: fixed });
    const row = records(ws, PROGRAMS).find((r) => r['ID мероприятия'] === plannedId && r['Пара/группа'] === 'ПГ-001')!;
    expect(row).toMatchObject({ Дата: '30.04.2027', Месяц: 'апрель 2027' });
  });
});

describe('bad input through the sidebar API: a Russian message naming the field, never a technical one', () => {
  const OBJECT = { a: { b: 1 } };
  const junk: unknown[] = [undefined, null, '', 0, 'нет-такого', [], [{}], {}, OBJECT];
  const cases: Array<[string, unknown[]]> = [
    ...junk.map((j): [string, unknown[]] => ['previewDocuments', [j]]),
    ...junk.map((j): [string, unknown[]] => ['generateDocuments', [j]]),
    ...junk.map((j): [string, unknown[]] => ['generateDocuments', [{ kind: j }]]),
    ...junk.map((j): [string, unknown[]] => ['getProgramDraft', [j]]),
    ...junk.map((j): [string, unknown[]] => ['saveProgram', [j]]),
    ...junk.map((j): [string, unknown[]] => ['prepareNews', [j]]),
    ...junk.map((j): [string, unknown[]] => ['continueDocuments', [j]]),
    ...junk.map((j): [string, unknown[]] => ['addPractice', [j]]),
    ...junk.filter((j) => j !== undefined && j !== null).map((j): [string, unknown[]] => ['proposePairs', [j]]),
    ['proposePairs', [{ weights: { requests: OBJECT } }]],
    ['proposePairs', [{ weights: { constructor: 50 } }]],
    ['proposePairs', [{ locks: [OBJECT] }]],
    ['setupSchoolYear', [{ startYear: OBJECT }]],
    ['setupSchoolYear', [{ timeZone: OBJECT }]],
    ['setupSchoolYear', [{ timeZone: 'Mars/Base' }]],
    ['setupSchoolYear', [{ school: OBJECT }]],
  ];
  const dates: unknown[] = ['2027-13-31', '2027-02-29', '2027-04-31', '31.04.2027', 20270101, OBJECT, [], 'скоро'];
  cases.push(...dates.map((date): [string, unknown[]] => ['generateDocuments', [{ kind: 'program', date }]]));
  cases.push(
    ...dates.map((date): [string, unknown[]] => [
      'saveProgram',
      [{ pairId: 'ПГ-001', activities: [{ title: 'Встреча', date }] }],
    ]),
  );

  test('every case fails with a clear Russian message', async () => {
    const ws = await demo();
    const failures: string[] = [];
    for (const [fn, args] of cases) {
      let message: string;
      try {
        ws.run(fn, ...args);
        continue;
      } catch (e) {
        message = (e as Error).message;
      }
      if (NOT_FOR_STAFF.test(message) || !/[А-Яа-яЁё]/.test(message)) {
        failures.push(`${fn}(${JSON.stringify(args)}): ${message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('an impossible date names the field and the day as staff write it', async () => {
    const ws = await demo();
    expect(errorOf(() => ws.run('generateDocuments', { kind: 'program', date: '2027-02-29' }))).toBe(
      'Поле «Дата документов»: «29.02.2027» — такой даты нет в календаре. Выберите дату в календаре.',
    );
    const d = api(ws, 'getProgramDraft', 'ПГ-002');
    const bad = d.activities.map((a, i) =>
      i === d.activities.length - 1 ? { ...a, status: 'запланировано' as const, date: '2027-04-31' } : a,
    );
    const open = bad[bad.length - 1];
    expect(
      errorOf(() => ws.run('saveProgram', { pairId: 'ПГ-002', goals: d.goals, tasks: d.tasks, activities: bad })),
    ).toMatch(
      new RegExp(
        `«${open.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}»\\), поле «Дата»: «31\\.04\\.2027» — такой даты нет в календаре\\.$`,
      ),
    );
    expect(
      errorOf(() =>
        ws.run('saveProgram', {
          pairId: 'ПГ-002',
          goals: d.goals,
          tasks: d.tasks,
          activities: [{ ...open, date: '2030-01-01' }],
        }),
      ),
    ).toMatch(/дата должна быть в пределах 01\.09\.2026 – 31\.05\.2027\.$/);
  });
});
