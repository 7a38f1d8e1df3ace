/**
 * Google's size limits (10 000 000 cells, 18 278 columns, 50 000 characters a cell) on every way the
 * grid grows, and sparse storage: memory follows the cells that hold something (emulator/RULES.md §10).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSpreadsheet, saveSpreadsheet } from '../../emulator/persistence/xlsx';
import { lastRowOf } from '../../emulator/spreadsheet/cells';
import { newSheetModel, newSpreadsheetModel } from '../../emulator/spreadsheet/model';
import { openWorkspace } from '../../workspace/workspace';
import { setup } from './spreadsheetFixture';

const CELLS = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
const CHARS = 'Your input contains more than the maximum of 50000 characters in a single cell.';
const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'limits-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Heap in use after a full collection when the test runs with --expose-gc, else as it is. */
function heapUsed(): number {
  (global as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

describe('10 000 000 cells per spreadsheet', () => {
  test('inserting rows, columns or a sheet past the limit throws Google’s message and changes nothing', () => {
    const { ss, sheet } = setup();
    // 384 615 rows × 26 columns = 9 999 990 cells: allowed.
    sheet.insertRowsAfter(1000, 383_615);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(() => sheet.insertRowAfter(1)).toThrow(CELLS);
    expect(() => sheet.insertColumnsBefore(1, 1)).toThrow(CELLS);
    expect(() => ss.insertSheet('Ещё')).toThrow(CELLS);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), ss.getSheets().length]).toEqual([384_615, 26, 1]);
    // Shrinking makes room again.
    sheet.deleteColumn(26);
    expect(ss.insertSheet('Ещё').getMaxRows()).toBe(1000);
  });

  test('appendRow grows a full sheet by a row up to the limit, then throws; setValues never grows it', () => {
    const { sheet } = setup();
    sheet.deleteColumns(2, 25);
    sheet.getRange(1000, 1).setValue('последняя');
    sheet.appendRow(['ещё одна']);
    expect(sheet.getMaxRows()).toBe(1001);
    // One column of 10 000 000 rows is the whole allowance.
    sheet.insertRowsAfter(1001, 9_998_999);
    sheet.getRange(10_000_000, 1).setValue('на самой границе');
    expect(() => sheet.appendRow(['сверх'])).toThrow(CELLS);
    expect([sheet.getMaxRows(), sheet.getLastRow()]).toEqual([10_000_000, 10_000_000]);
    // Beyond the grid a range cannot even be taken, so setValues cannot grow the sheet.
    expect(() => sheet.getRange(10_000_001, 1)).toThrow(OUTSIDE);
  });
});

describe('18 278 columns per sheet', () => {
  test('a sheet reaches column ZZZ and no further', () => {
    const { sheet } = setup();
    sheet.deleteRows(101, 900);
    sheet.insertColumnsAfter(26, 18_252);
    expect(sheet.getMaxColumns()).toBe(18_278);
    sheet.getRange('ZZZ100').setValue('край');
    expect(sheet.getRange(100, 18_278).getValue()).toBe('край');
    expect(() => sheet.insertColumnAfter(1)).toThrow(
      'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
    );
    expect(() => sheet.appendRow(new Array(18_279).fill('x'))).toThrow('above the limit of 18278 columns');
    expect([sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([18_278, 100]);
  });
});

describe('50 000 characters per cell', () => {
  test('setValue, setValues, setFormula and appendRow refuse longer text and write nothing', () => {
    const { sheet } = setup();
    const long = 'я'.repeat(50_001);
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(() => sheet.getRange('A2:B2').setValues([['короткий', long]])).toThrow(CHARS);
    expect(() => sheet.getRange('A3').setValue(long)).toThrow(CHARS);
    expect(() => sheet.getRange('A4').setFormula(`="${long}"`)).toThrow(CHARS);
    expect(() => sheet.appendRow(['короткий', long])).toThrow(CHARS);
    expect(sheet.getLastRow()).toBe(1);
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });
});

describe('a staff edit (ws.edit)', () => {
  test('a cell beyond the grid and text over 50 000 characters are refused in Russian, nothing changes', async () => {
    const ws = await openWorkspace({});
    const name = ws.sheetNames()[0];
    const sheet = ws.model.sheets[0];
    ws.edit(name, 'A1', 'заголовок');
    expect(() => ws.edit(name, 'A9999999', 'x')).toThrow(
      `Лист «${name}», строка 9\u00a0999\u00a0999, столбец A: такой ячейки на листе нет — на нём строки 1–1\u00a0000 и столбцы A–Z. Сначала добавьте строки или столбцы, затем введите значение.`,
    );
    expect(() => ws.edit(name, 'AA1', 'x')).toThrow('строка 1, столбец AA: такой ячейки на листе нет');
    expect(() => ws.edit(name, 'A2:B2', [['ок', 'я'.repeat(60_000)]])).toThrow(
      `Лист «${name}», строка 2, столбец B: в ячейке может быть не больше 50\u00a0000 символов, а введено 60\u00a0000. Сократите текст.`,
    );
    expect([sheet.maxRows, sheet.maxCols, Object.keys(sheet.rows)]).toEqual([1000, 26, ['0']]);
    expect(ws.values(name)).toEqual([['заголовок']]);
    // A paste starting inside the grid may still run past its end: Sheets adds the rows.
    ws.edit(name, 'A1000', [['999-я'], ['1000-я']]);
    expect(sheet.maxRows).toBe(1001);
  });
});

describe('sparse storage', () => {
  test('a 5 000 000-row sheet with a value far down is read, saved and loaded holding only its rows', async () => {
    const { model, sheet } = setup();
    const before = heapUsed();
    sheet.deleteColumns(3, 24);
    sheet.getRange('A1:B2').setValues([
      ['Заголовок', 'Значение'],
      ['первая', 1],
    ]);
    sheet.getRange('A3').setBackground('#ffff00');
    // Rows inserted above data: the data moves, no hole is allocated. 5 000 000 × 2 = the cell limit.
    sheet.insertRowsAfter(2, 4_999_000);
    expect(sheet.getMaxRows()).toBe(5_000_000);
    expect(sheet.getRange(4_999_003, 1).getBackground()).toBe('#ffff00');
    sheet.getRange(200_000, 1, 1, 2).setValues([['далеко', 2]]);

    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([200_000, 2]);
    const values = sheet.getDataRange().getValues();
    expect(values).toHaveLength(200_000);
    expect([values[0], values[1], values[199_999]]).toEqual([
      ['Заголовок', 'Значение'],
      ['первая', 1],
      ['далеко', 2],
    ]);
    expect(values[100_000]).toEqual(['', '']);
    expect(Object.keys(model.sheets[0].rows)).toEqual(['0', '1', '199999', '4999002']);

    await saveSpreadsheet(model, dir);
    const loaded = (await loadSpreadsheet(dir))!.model.sheets[0];
    expect([loaded.maxRows, loaded.maxCols, lastRowOf(loaded)]).toEqual([5_000_000, 2, 200_000]);
    expect(Object.keys(loaded.rows)).toEqual(['0', '1', '199999', '4999002']);
    expect(loaded.rows[4_999_002]![0]!.format?.background).toBe('#ffff00');
    expect(heapUsed() - before).toBeLessThan(200 * 1024 * 1024);
  });

  test('rows inserted under a formatted header take its format, up to a budget of 100 000 cells', () => {
    const { model, sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setValues([['Дата', 'Статус']])
      .setFontWeight('bold');
    sheet.insertRowsAfter(1, 200_000);
    expect(sheet.getRange('A2:B2').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sheet.getRange(50_001, 2).getFontWeight()).toBe('bold');
    // Beyond 50 000 rows × 2 cells the new rows stay plain (RULES.md §10, a Choice).
    expect(sheet.getRange(50_002, 1).getFontWeight()).toBe('normal');
    expect(Object.keys(model.sheets[0].rows)).toHaveLength(50_001);
  });
});

describe('loading a workbook', () => {
  test('one over the limits is refused with a Russian message naming the sheets', async () => {
    const model = newSpreadsheetModel();
    model.sheets.push(newSheetModel(1, 'Настройки'));
    model.nextSheetId = 2;
    // What a staff edit of A9999999 used to leave behind: the grid stretched to ten million rows.
    model.sheets[1].maxRows = 9_999_999;
    model.sheets[1].rows[0] = [{ value: 'Параметр' }];
    await saveSpreadsheet(model, dir);
    await expect(loadSpreadsheet(dir)).rejects.toThrow(
      /не открыт: ячеек в нём — 260\u00a0025\u00a0974 \(строки × столбцы листов: «Лист1» 1\u00a0000 × 26, «Настройки» 9\u00a0999\u00a0999 × 26\), а в Google Таблице их может быть не больше 10\u00a0000\u00a0000\./,
    );

    model.sheets[1].maxRows = 100;
    model.sheets[1].maxCols = 18_279;
    await saveSpreadsheet(model, dir);
    await expect(loadSpreadsheet(dir)).rejects.toThrow(
      'на листе «Настройки» число столбцов — 18\u00a0279, а в Google Таблице их может быть не больше 18\u00a0278',
    );
  });
});
