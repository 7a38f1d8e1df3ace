/**
 * Times on the sheets are date-time values shown as Russians read them («13.05.2027 12:30», in the
 * spreadsheet's zone), never raw ISO text such as «2027-05-14T07:10:00.657Z».
 */
import { STATE_SHEET } from '../../src/state/stateSheet';
import { columnIndex, columnOf, MAY, records, useDemoSchool } from './workspace';

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const RU_TIME = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/;

describe('times on the sheets', () => {
  const demo = useDemoSchool('times', MAY);

  test('no sheet staff read shows an ISO time; «Встречи», «Журнал напоминаний», «Мониторинг — ответы» show dd.mm.yyyy hh:mm', async () => {
    const ws = await demo();
    // A reminder run, so «Журнал напоминаний» has rows.
    ws.advanceTo('2027-05-15T10:00:00+03:00');
    for (const name of ws.sheetNames().filter((n) => n !== STATE_SHEET)) {
      const bad = ws
        .values(name)!
        .flatMap((row, r) => row.map((v, c) => ({ v, at: `${name}!R${r + 1}C${c + 1}` })))
        .filter(({ v }) => ISO_TIME.test(v));
      expect(bad).toEqual([]);
    }
    const meetings = records(ws, 'Встречи');
    expect(meetings.length).toBeGreaterThan(0);
    for (const m of meetings) expect(m['Отметка времени отчёта']).toMatch(RU_TIME);
    const monitoring = records(ws, 'Мониторинг — ответы');
    expect(monitoring.length).toBeGreaterThan(0);
    for (const m of monitoring) expect(m['Отметка времени']).toMatch(RU_TIME);
    const reminders = records(ws, 'Журнал напоминаний');
    expect(reminders.length).toBeGreaterThan(0);
    for (const m of reminders) expect(m['Отправлено']).toMatch(RU_TIME);
  });

  test('re-setup turns ISO text an earlier version wrote into date-time values, rows kept', async () => {
    const ws = await demo();
    const before = records(ws, 'Встречи').length;
    // Old ISO text, as an earlier version wrote it.
    const col = columnIndex(ws, 'Встречи', 'Отметка времени отчёта');
    const a1 = `${columnOf(ws, 'Встречи', 'Отметка времени отчёта')}2`;
    ws.edit('Встречи', a1, "'2027-05-14T07:10:00.657Z");
    expect(ws.values('Встречи')![1][col]).toBe('2027-05-14T07:10:00.657Z');
    ws.run('setupSchoolYear', { school: 'МБОУ «СОШ № 2»', startYear: 2026 });
    // 07:10 UTC is 10:10 in Moscow.
    expect(ws.values('Встречи')![1][col]).toBe('14.05.2027 10:10');
    expect(records(ws, 'Встречи')).toHaveLength(before);
  });
});
