/** Inserting/deleting rows and columns; sheet management; layout. */
import { setup } from './spreadsheetFixture';

describe('insert and delete rows/columns', () => {
  test('values, formats and validations shift; the sheet grows and shrinks', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.getRange('A2').setBackground('#ff0000');
    sheet.getRange('B3').setDataValidation(app.newDataValidation().requireValueInList(['x', 'y']).build());
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    expect(sheet.getRange('A4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('B5').getDataValidation()?.getCriteriaValues()[0]).toEqual(['x', 'y']);
    sheet.deleteRows(2, 2);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    sheet.insertColumnAfter(1);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getRange('C3').getDataValidation()).not.toBeNull();
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getRange('B3').getDataValidation()).not.toBeNull();
  });

  test('inserted rows take the format and validation of the row they follow', () => {
    const { sheet, app } = setup();
    sheet
      .getRange('A2:B2')
      .setBackground('#eeeeee')
      .setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('A2').setValue(true);
    sheet.insertRowAfter(2);
    expect(sheet.getRange('A3').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A3').getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(sheet.getRange('A3').getValue()).toBe('');
  });

  test('cell formulas are rewritten, on this and other sheets', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Итоги');
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    other.getRange('A1').setFormula('=Лист1!A3*10');
    sheet.insertRowBefore(2);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A4)');
    expect(other.getRange('A1').getFormula()).toBe('=Лист1!A4*10');
    expect(other.getRange('A1').getValue()).toBe(30);
    sheet.deleteRow(4);
    expect(other.getRange('A1').getFormula()).toBe('=#REF!*10');
    expect(other.getRange('A1').getValue()).toBe('#REF!');
    expect(sheet.getRange('B1').getValue()).toBe(3);
  });

  test('bounds errors', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(1000, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteColumns(0, 1)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.insertRowsAfter(1001, 1)).toThrow('Those rows are out of bounds.');
  });

  test('frozen rows move with insertions above them', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.insertRowBefore(1);
    expect(sheet.getFrozenRows()).toBe(2);
    sheet.deleteRows(1, 1);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  test('named ranges and protections move too', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Задачи', sheet.getRange('A2:C10'));
    const p = sheet.getRange('D5:D6').protect();
    sheet.insertRowsBefore(1, 3);
    expect(ss.getRangeByName('Задачи')?.getA1Notation()).toBe('A5:C13');
    expect(p.getRange().getA1Notation()).toBe('D8:D9');
    sheet.deleteRows(8, 2);
    expect(sheet.getProtections(SpreadsheetAppEnum.RANGE)).toHaveLength(0);
  });
});

const SpreadsheetAppEnum = {
  RANGE: 'RANGE',
  SHEET: 'SHEET',
} as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;

describe('sheets', () => {
  test('insertSheet: default names, position after the active sheet, becomes active; duplicates refused', () => {
    const { ss } = setup();
    const s2 = ss.insertSheet();
    expect(s2.getName()).toBe('Лист2');
    expect(ss.getActiveSheet().getName()).toBe('Лист2');
    ss.setActiveSheet(ss.getSheets()[0]);
    ss.insertSheet('Ответы');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1', 'Ответы', 'Лист2']);
    ss.insertSheet('Первый', 0);
    expect(ss.getSheets()[0].getName()).toBe('Первый');
    expect(ss.getSheets()[0].getIndex()).toBe(1);
    expect(() => ss.insertSheet('ответы')).toThrow(
      'A sheet with the name "ответы" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('ОТВЕТЫ')?.getName()).toBe('Ответы');
    expect(ss.getSheetByName('нет')).toBeNull();
  });

  test('setName checks duplicates and rewrites formulas', () => {
    const { ss, sheet } = setup();
    const s2 = ss.insertSheet('Данные');
    s2.getRange('A1').setValue(4);
    sheet.getRange('A1').setFormula('=Данные!A1*2');
    expect(() => s2.setName('лист1')).toThrow(
      'A sheet with the name "лист1" already exists. Please enter another name.',
    );
    s2.setName('Data 2');
    expect(sheet.getRange('A1').getFormula()).toBe("='Data 2'!A1*2");
    expect(sheet.getRange('A1').getValue()).toBe(8);
  });

  test('deleteSheet cannot delete the only sheet; moveActiveSheet', () => {
    const { ss, sheet } = setup();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    const b = ss.insertSheet('B');
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B', 'Лист1']);
    ss.deleteSheet(b);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1']);
    expect(ss.getActiveSheet().getName()).toBe('Лист1');
  });

  test('identity, time zone, locale, toasts', () => {
    const { ss, model, sheet, env } = setup();
    expect(ss.getId()).toBe(model.id);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${model.id}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
    expect(ss.getSpreadsheetLocale()).toBe('ru_RU');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Base')).toThrow();
    expect(sheet.getParent().getId()).toBe(model.id);
    expect(sheet.getSheetId()).toBe(0);
    ss.toast('Готово', 'Настройка');
    const { toastsOf } = jest.requireActual('../../emulator/spreadsheet/runtime');
    expect(toastsOf(model)).toEqual([
      { spreadsheetId: model.id, message: 'Готово', title: 'Настройка', timeoutSeconds: 5, atMs: env.now() },
    ]);
  });

  test('layout: widths, hidden rows/columns/sheets, tab colour, autoResize counted', () => {
    const { ss, sheet, env } = setup();
    expect(sheet.getColumnWidth(2)).toBe(100);
    sheet.setColumnWidth(2, 250).setColumnWidths(3, 2, 80);
    expect([sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([250, 80]);
    sheet.hideColumns(3, 2);
    expect([sheet.isColumnHiddenByUser(3), sheet.isColumnHiddenByUser(5)]).toEqual([true, false]);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    sheet.hideRows(2);
    expect(sheet.isRowHiddenByUser(2)).toBe(true);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    ss.insertSheet('B');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.setTabColor('#ff0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
    env.calls.reset();
    sheet.autoResizeColumns(1, 5);
    expect(env.calls.summary().byMethod).toEqual({ 'Sheet.autoResizeColumns': 1 });
  });
});
