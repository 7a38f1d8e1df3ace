/** How typed text (and strings written by setValue/setValues) is interpreted; how values display. */
import { displayValue, formatValue } from '../../emulator/spreadsheet/display';
import { parseUserInput } from '../../emulator/spreadsheet/userInput';
import { moscowDate, setup } from './spreadsheetFixture';

const RU = 'ru_RU';
const MSK = 'Europe/Moscow';

describe('parseUserInput (ru_RU)', () => {
  test('apostrophe keeps the rest literally', () => {
    expect(parseUserInput('\'=HYPERLINK("x")', RU, MSK)).toEqual({ value: '=HYPERLINK("x")' });
    expect(parseUserInput("'12", RU, MSK)).toEqual({ value: '12' });
    // Only the first apostrophe is the escape: a value that starts with one is written with two.
    expect(parseUserInput("'Иванов", RU, MSK)).toEqual({ value: 'Иванов' });
    expect(parseUserInput("''Иванов", RU, MSK)).toEqual({ value: "'Иванов" });
  });

  test('"=" starts a formula, also in a plain-text (@) cell', () => {
    expect(parseUserInput('=1+1', RU, MSK)).toEqual({ value: '', formula: '=1+1' });
    expect(parseUserInput('=1+1', RU, MSK, '@')).toEqual({ value: '', formula: '=1+1' });
    expect(parseUserInput('=', RU, MSK)).toEqual({ value: '=' });
  });

  test('plain text format keeps other strings as text', () => {
    expect(parseUserInput('12', RU, MSK, '@')).toEqual({ value: '12' });
    expect(parseUserInput('25.11.2026', RU, MSK, '@')).toEqual({ value: '25.11.2026' });
  });

  test('numbers with the ru decimal comma', () => {
    expect(parseUserInput('12', RU, MSK).value).toBe(12);
    expect(parseUserInput('-3', RU, MSK).value).toBe(-3);
    expect(parseUserInput('3,5', RU, MSK).value).toBe(3.5);
    expect(parseUserInput('1 234,5', RU, MSK).value).toBe(1234.5);
    expect(parseUserInput('3.5', RU, MSK).value).toBe('3.5');
    expect(parseUserInput('12 яблок', RU, MSK).value).toBe('12 яблок');
  });

  test('percent', () => {
    expect(parseUserInput('50%', RU, MSK)).toEqual({ value: 0.5, impliedFormat: '0%' });
  });

  test('booleans in English and Russian', () => {
    for (const t of ['TRUE', 'true', 'ИСТИНА', 'истина']) expect(parseUserInput(t, RU, MSK).value).toBe(true);
    for (const t of ['FALSE', 'ЛОЖЬ']) expect(parseUserInput(t, RU, MSK).value).toBe(false);
  });

  test('dates at midnight in the spreadsheet time zone', () => {
    const d = parseUserInput('25.11.2026', RU, MSK).value as Date;
    expect(d.getTime()).toBe(moscowDate(2026, 11, 25).getTime());
    const iso = parseUserInput('2026-11-25', RU, MSK).value as Date;
    expect(iso.getTime()).toBe(moscowDate(2026, 11, 25).getTime());
    const withTime = parseUserInput('25.11.2026 14:30', RU, MSK).value as Date;
    expect(withTime.toISOString()).toBe('2026-11-25T11:30:00.000Z');
    const ny = parseUserInput('25.11.2026', RU, 'America/New_York').value as Date;
    expect(ny.toISOString()).toBe('2026-11-25T05:00:00.000Z');
    expect(parseUserInput('31.02.2026', RU, MSK).value).toBe('31.02.2026');
  });

  test('anything else stays a string', () => {
    expect(parseUserInput('Выполнено', RU, MSK)).toEqual({ value: 'Выполнено' });
  });
});

describe('setValue interprets strings like typed input', () => {
  test('numbers, dates, booleans, apostrophe, formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['3,5', '25.11.2026', 'ЛОЖЬ', "'007", '=2*3']]);
    const v = sheet.getRange('A1:E1').getValues()[0];
    expect(v[0]).toBe(3.5);
    expect((v[1] as Date).getTime()).toBe(moscowDate(2026, 11, 25).getTime());
    expect(v.slice(2)).toEqual([false, '007', 6]);
    expect(sheet.getRange('E1').getFormula()).toBe('=2*3');
  });

  test('a plain-text column keeps digits as text but still takes formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1:A2').setValues([['007'], ['=1+1']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['007'], [2]]);
  });

  test('a percent typed in an automatic cell gets a percent format', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('50%');
    expect(sheet.getRange('A1').getValue()).toBe(0.5);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('50%');
  });
});

describe('display values', () => {
  const fmt = (v: Parameters<typeof formatValue>[0], f?: string, tz = MSK): string => formatValue(v, f, RU, tz);

  test('automatic format in ru_RU', () => {
    expect(fmt(3.5)).toBe('3,5');
    expect(fmt(1234567)).toBe('1234567');
    expect(fmt(1 / 3)).toBe('0,3333333333');
    expect(fmt(0.1 + 0.2)).toBe('0,3');
    expect(fmt(true)).toBe('TRUE');
    expect(fmt(false)).toBe('FALSE');
    expect(fmt('текст')).toBe('текст');
    expect(fmt(moscowDate(2026, 11, 25))).toBe('25.11.2026');
    expect(fmt(new Date('2026-11-25T14:30:00+03:00'))).toBe('25.11.2026 14:30:00');
  });

  test('dates are shown in the spreadsheet time zone', () => {
    const d = new Date('2026-11-25T21:30:00Z');
    expect(fmt(d, 'dd.mm.yyyy')).toBe('26.11.2026');
    expect(fmt(d, 'dd.mm.yyyy', 'UTC')).toBe('25.11.2026');
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue(d).setNumberFormat('dd.mm.yyyy');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('26.11.2026');
    ss.setSpreadsheetTimeZone('UTC');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('25.11.2026');
  });

  test('date patterns: mm is minutes after hh or before ss, months otherwise', () => {
    const d = new Date('2026-03-05T09:07:04+03:00');
    expect(fmt(d, 'dd.mm.yyyy')).toBe('05.03.2026');
    expect(fmt(d, 'dd.MM.yyyy')).toBe('05.03.2026');
    expect(fmt(d, 'yyyy-mm-dd')).toBe('2026-03-05');
    expect(fmt(d, 'dd.mm.yyyy hh:mm')).toBe('05.03.2026 09:07');
    expect(fmt(d, 'hh:mm')).toBe('09:07');
    expect(fmt(d, 'mm:ss')).toBe('07:04');
    expect(fmt(d, 'd mmmm yyyy')).toBe('5 марта 2026');
  });

  test('number patterns with the ru decimal comma', () => {
    expect(fmt(3.14159, '0')).toBe('3');
    expect(fmt(2.5, '0')).toBe('3');
    expect(fmt(3.14159, '0.0')).toBe('3,1');
    expect(fmt(3, '0.00')).toBe('3,00');
    expect(fmt(0.256, '0%')).toBe('26%');
    expect(fmt(0.256, '0.0%')).toBe('25,6%');
    expect(fmt(1234567.8, '#,##0')).toBe('1\u00a0234\u00a0568');
    expect(fmt(-5, '0.0')).toBe('-5,0');
    expect(fmt(46351, 'dd.mm.yyyy')).toBe('25.11.2026');
    expect(fmt(moscowDate(2026, 11, 25), '0')).toBe('46351');
  });

  test('plain text format shows numbers as they are', () => {
    expect(fmt(3.5, '@')).toBe('3,5');
    expect(fmt('abc', '0.00')).toBe('abc');
  });

  test('displayValue of a stored cell', () => {
    expect(displayValue({ value: 0.5, format: { numberFormat: '0%' } }, { locale: RU, timeZone: MSK })).toBe('50%');
    expect(displayValue(undefined, { locale: RU, timeZone: MSK })).toBe('');
  });

  test('getDisplayValues over a range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[3.5, true, moscowDate(2026, 11, 25)]]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['3,5', 'TRUE', '25.11.2026', '']]);
  });
});
