import { cellOf, records, ROADMAP, rowOf, setUpWorkspace } from './workspace';
import { progressReport } from './api';

const RED = '#f4cccc';
const GREY = '#eeeeee';

describe('staff keep the roadmap', () => {
  test('past activities not done are highlighted as overdue; current and future ones are not', async () => {
    const ws = await setUpWorkspace();
    expect(ws.format(ROADMAP, `C${rowOf(ws, '1.3')}`).background).toBe(RED);
    expect(ws.format(ROADMAP, `C${rowOf(ws, '5.3')}`).background).not.toBe(RED);
    expect(ws.format(ROADMAP, `C${rowOf(ws, '6.1')}`).background).not.toBe(RED);
    // Stage header rows have no deadline, so they are never overdue.
    expect(ws.format(ROADMAP, `C${rowOf(ws, '1')}`).background).toBe('#eef3fb');
  });

  test('marking an overdue activity «Выполнено» with evidence greys it, stamps today and updates «Сводка»', async () => {
    const ws = await setUpWorkspace();
    const before = progressReport(ws);
    ws.edit(ROADMAP, cellOf(ws, 'Подтверждение (ссылка)', '1.3'), 'https://school2.example/prikaz-51.pdf');
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'Выполнено');
    const row = records(ws, ROADMAP).find((r) => r['№'] === '1.3')!;
    expect(row['Дата выполнения']).toBe('25.11.2026');
    expect(ws.format(ROADMAP, `C${rowOf(ws, '1.3')}`)).toMatchObject({ background: GREY, fontColor: '#7f7f7f' });
    const after = progressReport(ws);
    expect(after.overall.done).toBe(before.overall.done + 1);
    expect(after.overall.overdue).toBe(before.overall.overdue - 1);
    const summary = ws.values('Сводка')!;
    const total = summary.find((r) => r[1] === 'Итого')!;
    expect(total[3]).toBe(String(after.overall.done));
  });

  test('a date staff entered is kept when they set «Выполнено»', async () => {
    const ws = await setUpWorkspace();
    ws.edit(ROADMAP, cellOf(ws, 'Дата выполнения', '1.1'), '20.02.2026');
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.1'), 'Выполнено');
    expect(records(ws, ROADMAP).find((r) => r['№'] === '1.1')!['Дата выполнения']).toBe('20.02.2026');
  });

  test('a status outside the dropdown is refused with a Russian message and nothing changes', async () => {
    const ws = await setUpWorkspace();
    const cell = cellOf(ws, 'Статус', '1.2');
    expect(() => ws.edit(ROADMAP, cell, 'Готово')).toThrow(/Недопустимое значение «Готово»/);
    expect(records(ws, ROADMAP).find((r) => r['№'] === '1.2')!['Статус']).toBe('Не начато');
  });

  test('«Отменено» is not overdue and leaves the percentage base', async () => {
    const ws = await setUpWorkspace();
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.1'), 'Отменено');
    expect(ws.format(ROADMAP, `C${rowOf(ws, '1.1')}`).background).not.toBe(RED);
    const report = progressReport(ws);
    expect(report.stages[0]).toMatchObject({ stage: '1', cancelled: 1, total: 8 });
  });

  test('the progress report is plain JSON with ISO dates, for google.script.run', async () => {
    const ws = await setUpWorkspace();
    const report = progressReport(ws);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.asOf).toBe('2026-11-25');
    expect(report.overdue[0].end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('edits on other sheets do not trigger roadmap work', async () => {
    const ws = await setUpWorkspace();
    ws.resetCalls();
    ws.edit('Настройки', 'C1', 'заметка');
    expect(ws.calls().byMethod['Sheet.getRange'] ?? 0).toBe(0);
  });

  test('«Сводка» warns staff that it is filled automatically; the roadmap itself is open to staff', async () => {
    const ws = await setUpWorkspace();
    const summary = ws.model.sheets.find((s) => s.name === 'Сводка')!;
    expect(summary.protections).toEqual([
      expect.objectContaining({
        warningOnly: true,
        description: 'Сводка заполняется автоматически из листа «Дорожная карта»',
      }),
    ]);
    ws.setUser('zavuch@school2.example');
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'В работе');
    expect(records(ws, ROADMAP).find((r) => r['№'] === '1.3')!['Статус']).toBe('В работе');
  });
});
