/**
 * Staff delete, rename or clear what the add-on reads: «Настроить учебный год…» repairs it and every
 * action works again; nothing is doubled or silently dropped meanwhile.
 */
import type { Workspace } from '../../workspace/workspace';
import { columnIndex, columnOf, records, ROADMAP, rowOf, useDemoSchool } from './workspace';
import { api, progressReport } from './api';

const demo = useDemoSchool('damagedColumns');
const PAIRS = 'Пары и группы';
const MENTEES = 'Наставляемые';

/** The actions that read the damaged tables, with their arguments. */
const ACTIONS: Array<[string, ...unknown[]]> = [
  ['getProgress'],
  ['getYearView'],
  ['proposePairs'],
  ['listProgramPairs'],
  ['getDocumentsView'],
  ['previewDocuments', 'pairsOrder'],
  ['previewDocuments', 'consentPersonalData'],
];

function deleteColumn(ws: Workspace, sheet: string, header: string): void {
  ws.spreadsheet()
    .getActiveSpreadsheet()
    .getSheetByName(sheet)!
    .deleteColumn(columnIndex(ws, sheet, header) + 1);
}

/** A column's values by the row's id (column «ID»), so the order of columns does not matter. */
function byId(ws: Workspace, sheet: string, header: string): Record<string, string> {
  return Object.fromEntries(records(ws, sheet).map((r) => [r.ID, r[header]]));
}

describe('a deleted column', () => {
  test('«ID наставляемых» on «Пары и группы»: setup restores it with its ids, and every action works', async () => {
    const ws = await demo();
    const ids = byId(ws, PAIRS, 'ID наставляемых');
    const order = ws.run('previewDocuments', 'pairsOrder');
    deleteColumn(ws, PAIRS, 'ID наставляемых');
    expect(() => ws.run('getProgress')).toThrow(/На листе «Пары и группы» нет столбца «ID наставляемых»/);

    const result = api(ws, 'setupSchoolYear');
    expect(result.message).toContain('на листе «Пары и группы» восстановлены столбцы: ID наставляемых');
    expect(byId(ws, PAIRS, 'ID наставляемых')).toEqual(ids);
    for (const [fn, ...args] of ACTIONS) expect(() => ws.run(fn, ...args)).not.toThrow();
    expect(ws.run('previewDocuments', 'pairsOrder')).toEqual(order);
  });

  test.each([MENTEES, 'Наставники'])('«Email» on «%s»: setup fills it again from the answers', async (sheet) => {
    const ws = await demo();
    const emails = byId(ws, sheet, 'Email');
    const people = ws.values(sheet)!.length;
    deleteColumn(ws, sheet, 'Email');
    expect(() => ws.run('getProgress')).toThrow(new RegExp(`На листе «${sheet}» нет столбца «Email»`));

    const result = api(ws, 'setupSchoolYear');
    expect(result.message).toContain(`на листе «${sheet}» восстановлены столбцы: Email`);
    expect(result.message).toContain(`адреса в столбце «Email» возвращены из ответов анкет: ${people - 1}`);
    expect(byId(ws, sheet, 'Email')).toEqual(emails);
    expect(ws.values(sheet)!.length).toBe(people);
    for (const [fn, ...args] of ACTIONS) expect(() => ws.run(fn, ...args)).not.toThrow();
  });

  test('«Email» already re-added empty by another action: setup still fills it from the answers', async () => {
    const ws = await demo();
    const emails = byId(ws, MENTEES, 'Email');
    deleteColumn(ws, MENTEES, 'Email');
    // Opening the bank for pairing puts the column back, empty.
    ws.run('proposePairs');
    expect(Object.values(byId(ws, MENTEES, 'Email')).every((e) => e === '')).toBe(true);
    ws.run('setupSchoolYear');
    expect(byId(ws, MENTEES, 'Email')).toEqual(emails);
  });

  test('«Обработать ответы заново» after a deleted «Email» does not add everyone a second time', async () => {
    const ws = await demo();
    const before = records(ws, MENTEES);
    expect(before).toHaveLength(40);
    deleteColumn(ws, MENTEES, 'Email');
    ws.run('menuReplayResponses');
    const after = records(ws, MENTEES);
    expect(after).toHaveLength(40);
    expect(after.map((r) => [r.ID, r.Email, r['ФИО'], r['Статус']])).toEqual(
      before.map((r) => [r.ID, r.Email, r['ФИО'], r['Статус']]),
    );
  });
});

describe('a renamed «Статус» on the roadmap', () => {
  test('is reported by name, and setup gives the header back with the statuses staff set', async () => {
    const ws = await demo();
    const before = progressReport(ws);
    expect(before.overall.percent).toBeGreaterThan(0);
    const header = ws.values(ROADMAP)![0];
    const col = columnOf(ws, ROADMAP, 'Статус');
    ws.edit(ROADMAP, `${col}1`, 'Статус выполнения');
    expect(() => ws.run('getProgress')).toThrow(/На листе «Дорожная карта» нет столбца «Статус»/);

    const result = api(ws, 'setupSchoolYear');
    expect(result.message).toContain('столбцу «Статус выполнения» возвращено название «Статус»');
    expect(ws.values(ROADMAP)![0]).toEqual(header);
    const after = progressReport(ws);
    expect(after.overall).toEqual(before.overall);
  });
});

describe('a cleared «№» on the roadmap', () => {
  test('setup gives the number back instead of adding the activity a second time', async () => {
    const ws = await demo();
    const before = ws.values(ROADMAP)!;
    const row = rowOf(ws, '1.1');
    ws.edit(ROADMAP, `A${row}`, '');
    const result = api(ws, 'setupSchoolYear');
    expect(result.added).toBe(0);
    expect(records(ws, ROADMAP).filter((r) => r['№'] === '1.1')).toHaveLength(1);
    expect(ws.values(ROADMAP)).toEqual(before);
  });
});

describe('one ID given to two people in a bank', () => {
  test('is reported with the sheet, rows and column; the order is not made without one of the pairs', async () => {
    const ws = await demo();
    const ids = ws.values(MENTEES)!.map((r) => r[0]);
    // Staff copy the first person's id over the second's (a pair of the order has the second).
    ws.edit(MENTEES, 'A3', ids[1]);
    const preview = api(ws, 'previewDocuments', 'pairsOrder');
    const problem = `На листе «Наставляемые» ID «${ids[1]}» стоит в строках 2 и 3 (столбец «ID»)`;
    expect(preview.problems.join('\n')).toContain(problem);
    expect(() => ws.run('generateDocuments', { kind: 'pairsOrder', date: '2026-11-25' })).toThrow(problem);
  });
});
