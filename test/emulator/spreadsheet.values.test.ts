/** Range values, bounds errors, sheet extents: behaviour documented for Apps Script. */
import vm from 'node:vm';
import { moscowDate, setup } from './spreadsheetFixture';

describe('Sheet.getRange bounds errors (word for word)', () => {
  const cases: Array<[string, number[], string]> = [
    ['row 0', [0, 1], 'The starting row of the range is too small.'],
    ['column 0', [1, 0], 'The starting column of the range is too small.'],
    ['0 rows', [1, 1, 0, 1], 'The number of rows in the range must be at least 1.'],
    ['0 columns', [1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    ['past the last row', [1000, 1, 2, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    ['past the last column', [1, 26, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ];
  test.each(cases)('%s', (_name, args, message) => {
    const { sheet } = setup();
    expect(() => (sheet.getRange as (...a: number[]) => unknown)(...args)).toThrow(message);
  });

  test('the largest valid range works, and errors are Apps Script exceptions', () => {
    const { sheet } = setup();
    expect(sheet.getRange(1, 1, 1000, 26).getA1Notation()).toBe('A1:Z1000');
    try {
      sheet.getRange(0, 1);
      throw new Error('no error');
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
    }
  });

  test('a wrong argument type gives the signature error', () => {
    const { sheet } = setup();
    expect(() => (sheet.getRange as (...a: unknown[]) => unknown)(1, 'B')).toThrow(
      "The parameters (number,String) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });
});

describe('A1 notation ranges', () => {
  test('single cells, rectangles, whole columns and rows, anchors, sheet prefixes', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Лист 2');
    expect(sheet.getRange('B3').getRow()).toBe(3);
    expect(sheet.getRange('B3').getColumn()).toBe(2);
    const r = sheet.getRange('$B$2:D5');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 2, 4, 3]);
    expect(r.getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange('A:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('A:C').getA1Notation()).toBe('A:C');
    expect(sheet.getRange('2:5').getNumColumns()).toBe(26);
    expect(sheet.getRange('2:5').getA1Notation()).toBe('2:5');
    const other = ss.getRange("'Лист 2'!C4");
    expect(other.getSheet().getName()).toBe('Лист 2');
    expect(other.getA1Notation()).toBe('C4');
    expect(() => ss.getRange('Нет!A1')).toThrow('Range not found');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });
});

describe('values', () => {
  test('an empty cell reads as "" and a new sheet has getLastRow() = 0', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getRange('C7').getValue()).toBe('');
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('setValues/getValues round-trip numbers, booleans, strings, dates', () => {
    const { sheet } = setup();
    const d = moscowDate(2026, 12, 1);
    sheet.getRange(2, 2, 2, 3).setValues([
      [1, true, 'текст'],
      [d, -2.5, ''],
    ]);
    const got = sheet.getRange(2, 2, 2, 3).getValues();
    expect(got[0]).toEqual([1, true, 'текст']);
    expect((got[1][0] as Date).getTime()).toBe(d.getTime());
    expect(got[1].slice(1)).toEqual([-2.5, '']);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
  });

  test('format-only cells do not count for getLastRow', () => {
    const { sheet } = setup();
    sheet.getRange('A10').setBackground('#ff0000');
    sheet.getRange('A3').setValue('x');
    expect(sheet.getLastRow()).toBe(3);
  });

  test('dimension mismatch errors (word for word)', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(() => sheet.getRange(1, 1, 3, 1).setValues([[1], [2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('setValue on a block writes every cell; getValue reads the top-left', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    sheet.getRange('A1').setValue(null);
    expect(sheet.getRange('A1:B2').getValue()).toBe('');
  });

  test('dates come back in the add-on realm; dates from another realm are accepted', () => {
    const { env, sheet } = setup();
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Error, Date })', context) as { Error: ErrorConstructor; Date: DateConstructor };
    env.realm = realm;
    const foreign = vm.runInContext('new Date(Date.UTC(2026, 10, 30, 21))', context) as Date;
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange('A1').setValue(foreign);
    const back = sheet.getRange('A1').getValue() as Date;
    expect(back instanceof realm.Date).toBe(true);
    expect(back.getTime()).toBe(Date.UTC(2026, 10, 30, 21));
    // errors too
    let err: unknown;
    try {
      sheet.getRange(0, 1);
    } catch (e) {
      err = e;
    }
    expect(err instanceof realm.Error).toBe(true);
  });

  test('getCell and offset are relative, with bounds', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:D4');
    expect(r.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(() => r.getCell(4, 1)).toThrow('Cell reference out of range');
    expect(r.offset(1, -1).getA1Notation()).toBe('A3:C5');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });

  test('isBlank, clearContent keeps formats, clear removes both', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    expect(r.isBlank()).toBe(true);
    r.setValues([['a', 'b']]).setBackground('#00ff00');
    expect(r.isBlank()).toBe(false);
    r.clearContent();
    expect(r.isBlank()).toBe(true);
    expect(r.getBackground()).toBe('#00ff00');
    r.setValue('x').clear();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getBackground()).toBe('#ffffff');
  });
});

describe('appendRow', () => {
  test('writes after the last row with content, from column A', () => {
    const { sheet } = setup();
    sheet.appendRow(['Задача', 'Срок']);
    sheet.getRange('C5').setValue('далеко');
    sheet.appendRow(['x', 2]);
    expect(sheet.getRange('A6:B6').getValues()).toEqual([['x', 2]]);
    expect(sheet.getLastRow()).toBe(6);
  });

  test('grows the sheet when it is full (rows and columns)', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    const wide = Array.from({ length: 30 }, (_, i) => i);
    sheet.appendRow(wide);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange(1001, 30).getValue()).toBe(29);
  });

  test('strings are interpreted like typed input, "=" becomes a formula', () => {
    const { sheet } = setup();
    sheet.appendRow(['12', '=1+1', "'=1+1"]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[12, 2, '=1+1']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('C1').getFormula()).toBe('');
  });
});

describe('formats', () => {
  test('defaults and resets', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getFontColor()).toBe('#000000');
    expect(r.getFontWeight()).toBe('normal');
    expect(r.getNumberFormat()).toBe('0.###############');
    expect(r.getHorizontalAlignment()).toBe('general');
    expect(r.getVerticalAlignment()).toBe('bottom');
    expect(r.getWrap()).toBe(false);
    r.setBackground('#F00').setFontColor('blue').setFontWeight('bold').setWrap(true).setNumberFormat('0.00');
    expect([r.getBackground(), r.getFontColor(), r.getFontWeight(), r.getWrap(), r.getNumberFormat()]).toEqual([
      '#ff0000',
      '#0000ff',
      'bold',
      true,
      '0.00',
    ]);
    r.setBackground(null).setFontWeight(null).setNumberFormat('0.###############');
    expect([r.getBackground(), r.getFontWeight(), r.getNumberFormat()]).toEqual([
      '#ffffff',
      'normal',
      '0.###############',
    ]);
  });

  test('plural setters check dimensions and write per cell', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setBackgrounds([['#111111', null]]).setFontWeights([['bold', 'normal']]);
    expect(r.getBackgrounds()).toEqual([['#111111', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(() => r.setBackgrounds([['#111111']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('notes', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setNote('Подсказка');
    expect(sheet.getRange('B2').getNote()).toBe('Подсказка');
    sheet.getRange('B2').clearNote();
    expect(sheet.getRange('B2').getNote()).toBe('');
  });
});

describe('gasObject wrapping', () => {
  test('one getValues is one counted call; internal calls are not counted', () => {
    const { env, sheet } = setup();
    const r = sheet.getRange('A1:B2');
    r.getValues();
    expect(env.calls.summary().byMethod).toEqual({ 'Sheet.getRange': 1, 'Range.getValues': 1 });
    env.calls.reset();
    sheet.getDataRange(); // uses lastRow/lastColumn internally
    sheet.appendRow([1]); // writes through internal helpers
    expect(env.calls.summary().byMethod).toEqual({ 'Sheet.getDataRange': 1, 'Sheet.appendRow': 1 });
  });

  test('chained calls are counted on the returned proxy', () => {
    const { env, sheet } = setup();
    sheet.getRange('A1').setValue(1).setBackground('#ff0000');
    expect(env.calls.summary().byMethod).toEqual({
      'Sheet.getRange': 1,
      'Range.setValue': 1,
      'Range.setBackground': 1,
    });
  });

  test('an unknown member throws instead of returning undefined', () => {
    const { sheet, app } = setup();
    const r = sheet.getRange('A1') as unknown as Record<string, unknown>;
    expect(() => r.getValuesFast).toThrow('Range.getValuesFast is not implemented by the emulator (or does not exist)');
    expect(() => (app as unknown as Record<string, unknown>).create).toThrow('SpreadsheetApp.create');
  });
});

describe('large blocks', () => {
  // Speed is measured in `npm run bench`, not here.
  test('a 1 000 × 20 block round-trips through setValues/getValues/getDisplayValues', () => {
    const { sheet } = setup();
    const data = Array.from({ length: 1000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => (j % 2 ? `t${i}` : i * j)),
    );
    sheet.getRange(1, 1, 1000, 20).setValues(data);
    const back = sheet.getRange(1, 1, 1000, 20).getValues();
    expect(sheet.getRange(1, 1, 1000, 20).getDisplayValues()[999][18]).toBe(String(999 * 18));
    expect(back[999][19]).toBe('t999');
    expect(back[999][18]).toBe(999 * 18);
  });
});
