import { cellOf, columnIndex, columnOf, NOW, records, ROADMAP, rowOf, setUpWorkspace } from './workspace';
import { api } from './api';
import { columnToLetters } from '../../emulator/spreadsheet/a1';

describe('re-running setup never loses what staff entered', () => {
  test('statuses, dates done, evidence, comments and added rows are kept', async () => {
    const ws = await setUpWorkspace();
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'Выполнено');
    ws.edit(ROADMAP, cellOf(ws, 'Подтверждение (ссылка)', '1.3'), 'https://school.example/pedsovet');
    ws.edit(ROADMAP, cellOf(ws, 'Комментарий', '1.3'), 'Протокол № 5');
    ws.edit(ROADMAP, cellOf(ws, 'Ответственный', '2.1'), 'Сидорова А. А.');
    const last = ws.values(ROADMAP)!.length + 1;
    ws.edit(ROADMAP, `A${last}:C${last}`, [['7.2', '7. Информационная поддержка', 'Статья в районной газете']]);
    const before = ws.values(ROADMAP);

    const result = api(ws, 'setupSchoolYear');
    expect(result).toMatchObject({ added: 0, kept: 22, restoredColumns: [] });
    expect(ws.values(ROADMAP)).toEqual(before);
  });

  test('a deleted activity row is restored in its place; other rows keep their entries', async () => {
    const ws = await setUpWorkspace();
    ws.edit(ROADMAP, cellOf(ws, 'Комментарий', '2.2'), 'важно');
    ws.spreadsheet().getActiveSpreadsheet().getSheetByName(ROADMAP)!.deleteRow(rowOf(ws, '2.1'));
    const result = api(ws, 'setupSchoolYear');
    expect(result.added).toBe(1);
    const nos = records(ws, ROADMAP).map((r) => r['№']);
    expect(nos.slice(nos.indexOf('2'), nos.indexOf('2') + 3)).toEqual(['2', '2.1', '2.2']);
    expect(records(ws, ROADMAP).find((r) => r['№'] === '2.2')!['Комментарий']).toBe('важно');
  });

  test('a deleted column is re-created at the end, never written into another column', async () => {
    const ws = await setUpWorkspace();
    ws.edit(ROADMAP, cellOf(ws, 'Подтверждение (ссылка)', '1.3'), 'https://school.example/1');
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName(ROADMAP)!;
    sheet.deleteColumn(columnIndex(ws, ROADMAP, 'Комментарий') + 1);
    expect(() => ws.run('getProgress')).not.toThrow();

    const result = api(ws, 'setupSchoolYear');
    expect(result.restoredColumns).toEqual(['Комментарий']);
    expect(result.message).toContain('восстановлены столбцы: Комментарий');
    const header = ws.values(ROADMAP)![0];
    expect(header[header.length - 1]).toBe('Комментарий');
    expect(records(ws, ROADMAP).find((r) => r['№'] === '1.3')!['Подтверждение (ссылка)']).toBe(
      'https://school.example/1',
    );
  });

  test('works after staff inserted their own column and swapped two columns', async () => {
    const ws = await setUpWorkspace();
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName(ROADMAP)!;
    // A column of their own before «Статус».
    const statusIndex = columnIndex(ws, ROADMAP, 'Статус') + 1;
    sheet.insertColumnBefore(statusIndex);
    ws.edit(ROADMAP, `${columnOf(ws, ROADMAP, '')}1`, 'Приоритет');
    // Swap «Срок окончания» and «Ответственный» (headers and contents), as a drag would.
    const values = ws.values(ROADMAP)!;
    const [endCol, respCol] = [columnIndex(ws, ROADMAP, 'Срок окончания'), columnIndex(ws, ROADMAP, 'Ответственный')];
    const a = values.map((r) => [r[respCol]]);
    const b = values.map((r) => [r[endCol]]);
    const L = (i: number) => columnToLetters(i + 1);
    // A drag takes each column's data validation along; typing over them would be refused (dates vs names).
    for (const col of [endCol, respCol]) sheet.getRange(2, col + 1, sheet.getMaxRows() - 1, 1).clearDataValidations();
    ws.edit(ROADMAP, `${L(endCol)}1:${L(endCol)}${values.length}`, a);
    ws.edit(ROADMAP, `${L(respCol)}1:${L(respCol)}${values.length}`, b);

    ws.run('setupSchoolYear');
    const rows = records(ws, ROADMAP);
    expect(rows.every((r) => r['Приоритет'] === '')).toBe(true);
    expect(rows.find((r) => r['№'] === '1.3')).toMatchObject({ 'Срок окончания': '28.02.2026', Статус: 'Не начато' });
    // The highlight rules follow the columns where they are now.
    expect(ws.format(ROADMAP, `A${rowOf(ws, '1.3')}`).background).toBe('#f4cccc');
    // And so do the entry rules: a name in the moved deadline column is refused.
    expect(() => ws.edit(ROADMAP, cellOf(ws, 'Срок окончания', '1.3'), 'Иванова')).toThrow(/Недопустимое значение/);
    ws.edit(ROADMAP, cellOf(ws, 'Подтверждение (ссылка)', '1.3'), 'https://school.example/1');
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'Выполнено');
    expect(ws.format(ROADMAP, `A${rowOf(ws, '1.3')}`).background).toBe('#eeeeee');
  });

  test('a new period archives the old roadmap instead of overwriting it', async () => {
    const ws = await setUpWorkspace();
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'Выполнено');
    // June 2027: the year 2026–2027 has ended, so the next one may close it.
    ws.advance(Date.parse('2027-06-01T10:00:00+03:00') - Date.parse(NOW));
    const result = api(ws, 'setupSchoolYear', { startYear: 2027 });
    expect(result).toMatchObject({ archivedSheet: 'Дорожная карта 2026–2027', period: '2027–2028' });
    expect(records(ws, 'Дорожная карта 2026–2027').find((r) => r['№'] === '1.3')!['Статус']).toBe('Выполнено');
    expect(records(ws, ROADMAP).find((r) => r['№'] === '1.3')).toMatchObject({
      Статус: 'Не начато',
      'Срок окончания': '28.02.2027',
    });
  });
});

describe('service calls', () => {
  /** Calls made by a re-run of setup on a roadmap with `extra` staff-added rows. */
  async function resetupCalls(extra: number): Promise<number> {
    const ws = await setUpWorkspace();
    const first = ws.values(ROADMAP)!.length + 1;
    // Staff rows with their own deadlines: reading dates must not cost a call per row either.
    const rows = Array.from({ length: extra }, (_, i) => [
      `7.${i + 2}`,
      '7. Доп.',
      `Публикация ${i + 1}`,
      '01.03.2027',
      '15.03.2027',
    ]);
    ws.edit(ROADMAP, `A${first}:E${first + extra - 1}`, rows);
    ws.resetCalls();
    ws.run('setupSchoolYear');
    return ws.calls().total;
  }

  test('re-running setup costs the same number of calls for 10 or 500 rows', async () => {
    expect(await resetupCalls(500)).toBe(await resetupCalls(10));
  });

  test('a status edit costs the same number of calls for 10 or 500 rows', async () => {
    const cost = async (extra: number) => {
      const ws = await setUpWorkspace();
      const first = ws.values(ROADMAP)!.length + 1;
      ws.edit(
        ROADMAP,
        `A${first}:E${first + extra - 1}`,
        Array.from({ length: extra }, (_, i) => [`7.${i + 2}`, '', `П ${i}`, '01.09.2026', '01.10.2026']),
      );
      ws.resetCalls();
      ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'Выполнено');
      return ws.calls().total;
    };
    expect(await cost(500)).toBe(await cost(10));
  });
});
