/**
 * «Сводка» after events (issue 18): a roadmap edit updates the stage table and the lists at once,
 * values only; answers, pairs and events mark it stale, and it catches up when someone opens the
 * file, «Ход реализации» or the menu's refresh. A roadmap-only refresh must read exactly as a full one.
 */
import { COLORS } from '../../src/sheets/colors';
import type { Workspace } from '../../workspace/workspace';
import { menteeAnswers } from './answers';
import { cellOf, ROADMAP, useDemoSchool } from './workspace';
import { progressReport } from './api';

const SUMMARY = 'Сводка';
const demo = useDemoSchool('summary-freshness');

/** «Сводка» as staff read it, without the line that says when the other tables' figures were taken. */
function readable(ws: Workspace): string[][] {
  return ws.values(SUMMARY)!.filter((row) => !row[0].startsWith('Анкеты и итоги года — на'));
}

const answered = (ws: Workspace) => ws.values(SUMMARY)!.find((row) => row[1] === 'Наставляемые: ответов')![2];

describe('«Сводка» after events', () => {
  test('a status typed on the roadmap shows at once, exactly as a full refresh would write it', async () => {
    const ws = await demo();
    ws.edit(ROADMAP, cellOf(ws, 'Подтверждение (ссылка)', '6.1'), 'https://school2.example/news/1');
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '6.1'), 'Выполнено');
    const partial = readable(ws);
    const report = progressReport(ws);
    expect(partial.find((row) => row[1] === 'Итого')![3]).toBe(String(report.overall.done));
    ws.run('menuRefreshSummary');
    expect(partial).toEqual(readable(ws));
  });

  test('an activity becoming overdue or done moves between the lists, and the lists\u2019 headers keep their look', async () => {
    const ws = await demo();
    const overdueTitle = () => ws.values(SUMMARY)!.findIndex((row) => row[0].startsWith('Просроченные мероприятия:'));
    const countOf = () => Number(ws.values(SUMMARY)![overdueTitle()][0].split(':')[1]);
    const before = countOf();
    const overdueNo = ws.values(SUMMARY)![overdueTitle() + 2][0];
    ws.edit(ROADMAP, cellOf(ws, 'Подтверждение (ссылка)', overdueNo), 'https://school2.example/doc');
    ws.edit(ROADMAP, cellOf(ws, 'Статус', overdueNo), 'Выполнено');
    expect(countOf()).toBe(before - 1);
    const row = overdueTitle() + 1;
    expect(ws.format(SUMMARY, `A${row}`)).toMatchObject({ fontWeight: 'bold', fontColor: COLORS.overdueText });
    expect(ws.format(SUMMARY, `A${row + 1}`)).toMatchObject({ fontWeight: 'bold', background: COLORS.header });
  });

  test('a questionnaire answer marks «Сводка» stale; opening the file brings it up to date', async () => {
    const ws = await demo();
    const before = Number(answered(ws));
    ws.submitForm('Анкета наставляемого', menteeAnswers({ fullName: 'Новикова Дарья Олеговна' }), {
      email: 'novikova@school2.example',
    });
    expect(Number(answered(ws))).toBe(before);
    ws.open();
    expect(Number(answered(ws))).toBe(before + 1);
    const freshness = ws.values(SUMMARY)!.find((row) => row[0].startsWith('Анкеты и итоги года — на'))![0];
    expect(freshness).toMatch(/на \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}; обновляются при открытии таблицы/);
  });

  test('a «Сводка» whose rows staff deleted is rebuilt whole by the next roadmap edit', async () => {
    const ws = await demo();
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName(SUMMARY)!;
    sheet.deleteRows(4, 3);
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '6.2'), 'В работе');
    const rebuilt = readable(ws);
    ws.run('menuRefreshSummary');
    expect(rebuilt).toEqual(readable(ws));
    expect(rebuilt[3][0]).toBe('Этап');
  });

  test('a «Сводка» of an earlier version (no «на …» line) keeps its figures: the roadmap edit rebuilds it whole', async () => {
    const ws = await demo();
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName(SUMMARY)!;
    const line = ws.values(SUMMARY)!.findIndex((row) => row[0].startsWith('Анкеты и итоги года — на')) + 1;
    sheet.deleteRow(line);
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '6.2'), 'В работе');
    const rebuilt = ws.values(SUMMARY)!;
    expect(rebuilt.some((row) => row[0] === 'Анкеты')).toBe(true);
    expect(rebuilt.some((row) => row[0] === 'Итоги года')).toBe(true);
    expect(rebuilt.some((row) => row[0].startsWith('Анкеты и итоги года — на'))).toBe(true);
  });
});
