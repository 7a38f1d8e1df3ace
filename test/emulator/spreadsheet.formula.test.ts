/** The small formula evaluator and formula cells. */
import { adjustFormula, translateFormula } from '../../emulator/spreadsheet/formula';
import { moscowDate, setup } from './spreadsheetFixture';

function evalIn(formula: string, cells: Record<string, unknown> = {}): unknown {
  const { sheet } = setup();
  for (const [a1, v] of Object.entries(cells)) sheet.getRange(a1).setValue(v);
  sheet.getRange('Z1').setFormula(formula);
  return sheet.getRange('Z1').getValue();
}

describe('evaluation', () => {
  test('arithmetic, precedence, concatenation, comparisons', () => {
    expect(evalIn('=1+2*3')).toBe(7);
    expect(evalIn('=(1+2)*3')).toBe(9);
    expect(evalIn('=-2^2')).toBe(4);
    expect(evalIn('=10/4')).toBe(2.5);
    expect(evalIn('=50%')).toBe(0.5);
    expect(evalIn('="a"&"b"&1')).toBe('ab1');
    expect(evalIn('=2.5&""')).toBe('2,5');
    expect(evalIn('="abc"="ABC"')).toBe(true);
    expect(evalIn('=1<>2')).toBe(true);
    expect(evalIn('=A1>=3', { A1: 3 })).toBe(true);
    expect(evalIn('=1/0')).toBe('#DIV/0!');
    expect(evalIn('="x"+1')).toBe('#VALUE!');
  });

  test('references: relative, absolute, other sheets with quoted names', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Лист 2').getRange('B2').setValue(5);
    sheet.getRange('A1').setValue(2);
    sheet.getRange('B1').setFormula("=$A$1*'Лист 2'!B2");
    expect(sheet.getRange('B1').getValue()).toBe(10);
    sheet.getRange('C1').setFormula('=Лист1!A1+1');
    expect(sheet.getRange('C1').getValue()).toBe(3);
  });

  test('functions', () => {
    const cells = { A1: 1, A2: 2, A3: 'x', A4: '', B1: 'Выполнено', B2: 'В работе', B3: 'Выполнено' };
    expect(evalIn('=SUM(A1:A4, 10)', cells)).toBe(13);
    expect(evalIn('=COUNTA(A1:A4)', cells)).toBe(3);
    expect(evalIn('=COUNTIF(B1:B3,"Выполнено")', cells)).toBe(2);
    expect(evalIn('=COUNTIF(B1:B3,"<>Выполнено")', cells)).toBe(1);
    expect(evalIn('=COUNTIF(A1:A3,">1")', cells)).toBe(1);
    expect(evalIn('=IF(A1=1,"да","нет")', cells)).toBe('да');
    expect(evalIn('=IF(A1=2,"да")', cells)).toBe(false);
    expect(evalIn('=AND(A1=1,OR(A2=5,NOT(FALSE)))', cells)).toBe(true);
    expect(evalIn('=ISBLANK(A4)', cells)).toBe(true);
    expect(evalIn('=ISBLANK(A1)', cells)).toBe(false);
    expect(evalIn('=LEN(B2)', cells)).toBe(8);
    expect(evalIn('=LEFT(B2,3)', cells)).toBe('В р');
    expect(evalIn('=LEFT(B2)', cells)).toBe('В');
    expect(evalIn('=LEFT(B2,-1)', cells)).toBe('#VALUE!');
    expect(evalIn('=ROUND(2.345, 2)')).toBe(2.35);
    expect(evalIn('=ROUND(-2.5)')).toBe(-3);
    expect(evalIn('=HYPERLINK("https://example.com", "Ссылка")')).toBe('Ссылка');
    expect(evalIn('=IF(TRUE;1;2)')).toBe(1);
  });

  test('unknown function gives #NAME?, broken syntax #ERROR!', () => {
    expect(evalIn('=NOSUCH(1)')).toBe('#NAME?');
    expect(evalIn('=1+')).toBe('#ERROR!');
    expect(evalIn('=NOSUCH(1)+1')).toBe('#NAME?');
  });

  test('TODAY() and NOW() use the simulated clock in the spreadsheet time zone', () => {
    const { env, sheet } = setup();
    sheet.getRange('A1').setFormula('=TODAY()');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(moscowDate(2026, 11, 25).getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('25.11.2026');
    sheet.getRange('A2').setFormula('=TODAY()+7');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('02.12.2026');
    env.advance(24 * 3600_000);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('26.11.2026');
    sheet.getRange('A3').setFormula('=A2-A1');
    expect(sheet.getRange('A3').getValue()).toBe(7);
  });

  test('formula cells recompute when their inputs change', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('=A1*2');
    expect(sheet.getRange('B1').getValue()).toBe(0);
    sheet.getRange('A1').setValue(21);
    expect(sheet.getRange('B1').getValue()).toBe(42);
    sheet.getRange('C1').setFormula('=B1+1');
    sheet.getRange('A1').setValue(1);
    expect(sheet.getRange('C1').getValue()).toBe(3);
  });

  test('a circular reference does not hang', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=B1');
    sheet.getRange('B1').setFormula('=A1');
    expect(sheet.getRange('A1:B1').getValues()[0]).toContain('#REF!');
  });

  test('setFormula on a block moves relative references like a fill', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*$A$1*10');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*$A$1*10'], ['=A2*$A$1*10'], ['=A3*$A$1*10']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
  });

  test('setFormulas and getFormulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setFormulas([['=1+1', '']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=1+1', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[2, '']]);
  });
});

describe('reference rewriting', () => {
  const ins = (index0: number, count: number) => ({ dim: 'row' as const, index0, count });
  test('row insertion shifts references at or below it, ranges grow', () => {
    expect(adjustFormula('=A1+A2+$A$3+SUM(A1:A5)', 'S', 'S', ins(1, 2))).toBe('=A1+A4+$A$5+SUM(A1:A7)');
    expect(adjustFormula('=A:A', 'S', 'S', ins(0, 1))).toBe('=A:A');
    expect(adjustFormula('=Other!A2+A2', 'S', 'Other', ins(0, 1))).toBe('=Other!A3+A2');
  });
  test('deletion shrinks ranges and turns a deleted cell into #REF!', () => {
    expect(adjustFormula('=A2+A5+SUM(A1:A5)', 'S', 'S', ins(1, -2))).toBe('=#REF!+A3+SUM(A1:A3)');
    expect(adjustFormula('=SUM(B2:B3)', 'S', 'S', ins(1, -2))).toBe('=SUM(#REF!)');
  });
  test('translate for fills', () => {
    expect(translateFormula('=$E2<TODAY()', 3, 0)).toBe('=$E5<TODAY()');
    expect(translateFormula('=A1', -1, 0)).toBe('=#REF!');
  });
});
