/**
 * «Выгрузка для района» (issue 20, point 5): the school's year figures as ONE row under a header of
 * stable column names — what the district's IMPORTRANGE reads. The numbers are «Сводка»'s, no name
 * of a person leaves the school, and running it again keeps one row.
 */
import { DISTRICT_COLUMNS } from '../../src/domain/district';
import type { Workspace } from '../../workspace/workspace';
import { api } from './api';
import { MAY, records, setUpWorkspace, useDemoSchool } from './workspace';

const SHEET = 'Выгрузка для района';
const demo = useDemoSchool('district-export', MAY);

/** The exported row as an object keyed by column name. */
function exported(ws: Workspace): Record<string, string> {
  const values = ws.values(SHEET)!;
  expect(values).toHaveLength(2);
  expect(values[0]).toEqual([...DISTRICT_COLUMNS]);
  return Object.fromEntries(values[0].map((h, i) => [h, values[1][i]]));
}

/** A «Сводка» line by its caption in column B. */
const summaryLine = (ws: Workspace, caption: string) => ws.values('Сводка')!.find((row) => row[1] === caption)!;

describe('«Выгрузка для района»', () => {
  test('the menu writes the header and one row with «Сводка»’s figures', async () => {
    const ws = await demo();
    ws.run('menuRefreshSummary');
    ws.run('menuDistrictExport');
    // Run again from another sheet (a new sheet is active anyway): the person sees the row.
    const ss = ws.spreadsheet().getActiveSpreadsheet();
    ss.getSheetByName('Сводка')!.activate();
    ws.run('menuDistrictExport');
    expect(ss.getActiveSheet().getName()).toBe('Выгрузка для района');
    const row = exported(ws);
    const total = summaryLine(ws, 'Итого');
    expect(row.schemaVersion).toBe('1');
    expect(row.period).toBe('2026–2027');
    expect(row.asOf).toBe('2027-05-14');
    expect(ws.values('Сводка')![1][0]).toBe(`${row.school} · ${row.period} учебный год`);
    expect([row.activitiesTotal, row.activitiesDone]).toEqual([total[2], total[3]]);
    expect(`${row.overallPercent}%`).toBe(total[7]);
    const pairs = summaryLine(ws, 'Пары и группы: утверждено');
    expect(Number(row.pairs) + Number(row.groups)).toBe(Number(pairs[2]));
    expect(Number(row.pairs)).toBeGreaterThan(0);
    expect(row.pairsProposed).toBe(pairs[4]);
    expect(row.meetings).toBe(summaryLine(ws, 'Выполнение программ, % (в среднем)')[4]);
    expect(row.mentees).toBe(summaryLine(ws, 'Наставляемые: ответов')[4]);
    expect(row.mentors).toBe(summaryLine(ws, 'Наставники: ответов')[4]);
    const monitoring = summaryLine(ws, 'Мониторинг: ответили');
    expect([row.monitoringAnswered, row.monitoringExpected]).toEqual([monitoring[2], monitoring[4]]);
    expect(Number(row.monitoringAnswered)).toBeGreaterThan(0);
  });

  test('no name of a person is in the row', async () => {
    const ws = await demo();
    ws.run('menuDistrictExport');
    const cells = ws.values(SHEET)![1].join('\u0001');
    const names = [...records(ws, 'Наставляемые'), ...records(ws, 'Наставники')].map((r) => r['ФИО']);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(cells).not.toContain(name);
  });

  test('running it again, even after someone typed below, keeps exactly one row', async () => {
    const ws = await demo();
    ws.run('menuDistrictExport');
    const first = ws.values(SHEET)!;
    ws.edit(SHEET, 'A3:B3', [['2', 'лишняя строка']]);
    ws.run('menuDistrictExport');
    ws.run('menuDistrictExport');
    expect(ws.values(SHEET)).toEqual(first);
  });

  test('the sidebar call returns the same row as CSV and JSON', async () => {
    const ws = await demo();
    const files = api(ws, 'getDistrictExport');
    const row = exported(ws);
    const lines = files.csv.split('\r\n');
    expect(lines).toEqual([DISTRICT_COLUMNS.join(','), expect.any(String), '']);
    const json = JSON.parse(files.json) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...DISTRICT_COLUMNS]);
    // The sheet shows numbers in the Russian locale («9,2»); IMPORTRANGE and the files carry the number.
    for (const column of DISTRICT_COLUMNS) expect(String(json[column] ?? '')).toBe(row[column].replace(',', '.'));
    expect(lines[1]).toBe(DISTRICT_COLUMNS.map((c) => json[c] ?? '').join(','));
  });

  test('before setup the menu explains what to do first', async () => {
    const ws = await setUpWorkspace({ setup: false });
    ws.run('menuDistrictExport');
    expect(ws.ui.dialogs[ws.ui.dialogs.length - 1]).toMatchObject({
      kind: 'alert',
      message: expect.stringContaining('Дорожная карта ещё не создана'),
    });
    expect(ws.values(SHEET)).toBeFalsy();
  });
});
