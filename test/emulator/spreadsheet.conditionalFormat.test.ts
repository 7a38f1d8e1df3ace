/** Conditional format rules: the builder, rule objects, and what a person sees (effectiveFormat). */
import { effectiveFormat } from '../../emulator/spreadsheet/conditionalFormat';
import { moscowDate, setup, type Fixture } from './spreadsheetFixture';

const RED = '#f4cccc';

/** A tracker: E = deadline, G = status, rows 2..6 filled. */
const OVERDUE = '=AND($E2<>"",$E2<TODAY(),$G2<>"Выполнено")';

function tracker(formula = OVERDUE): Fixture {
  const f = setup();
  const { sheet, app } = f;
  sheet.getRange('A1:J1').setValues([['№', 'Задача', '', '', 'Срок', '', 'Статус', '', '', '']]);
  const rows: Array<[Date | string, string]> = [
    [moscowDate(2026, 11, 20), 'В работе'], // overdue
    [moscowDate(2026, 11, 20), 'Выполнено'], // done: not overdue
    [moscowDate(2026, 11, 25), 'В работе'], // due today: not overdue
    [moscowDate(2026, 12, 1), ''], // future
    [moscowDate(2026, 11, 1), ''], // overdue
  ];
  rows.forEach(([due, status], i) => {
    sheet.getRange(i + 2, 1).setValue(i + 1);
    sheet.getRange(i + 2, 5).setValue(due);
    sheet.getRange(i + 2, 7).setValue(status);
  });
  const rule = app
    .newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(RED)
    .setFontColor('#990000')
    .setRanges([sheet.getRange('A2:J40')])
    .build();
  sheet.setConditionalFormatRules([rule]);
  return f;
}

function highlighted(f: Fixture, rows: number[]): number[] {
  const s = f.model.sheets[0];
  return rows.filter((r) => effectiveFormat(f.model, s, r - 1, 1, f.env).background === RED);
}

describe('builder and rule objects', () => {
  test('build, read back, copy', () => {
    const { sheet, app } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Выполнено')
      .setBackground('#D9EAD3')
      .setStrikethrough(true)
      .setBold(true)
      .setRanges([sheet.getRange('G2:G10'), sheet.getRange('H2:H3')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const back = sheet.getConditionalFormatRules();
    expect(back).toHaveLength(1);
    expect(back[0].getRanges().map((r) => r.getA1Notation())).toEqual(['G2:G10', 'H2:H3']);
    const copy = back[0]
      .copy()
      .setRanges([sheet.getRange('A1')])
      .build();
    sheet.setConditionalFormatRules([...back, copy]);
    expect(sheet.getConditionalFormatRules().map((r) => r.getRanges()[0].getA1Notation())).toEqual(['G2:G10', 'A1']);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  test('getBooleanCondition reports the criteria and the format', () => {
    const { sheet, app } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$G2="Выполнено"')
      .setBackground('#d9ead3')
      .setRanges([sheet.getRange('A2:J40')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const cond = sheet.getConditionalFormatRules()[0].getBooleanCondition();
    expect(cond?.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(cond?.getCriteriaValues()).toEqual(['=$G2="Выполнено"']);
    expect(cond?.getBackground()).toBe('#d9ead3');
    expect(cond?.getFontColor()).toBeNull();
    expect(cond?.getBold()).toBeNull();
    const empty = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('A1')]);
    expect(empty.getBooleanCondition()?.getCriteriaType()).toBe(app.BooleanCriteria.CELL_EMPTY);
    expect(empty.getBooleanCondition()?.getCriteriaValues()).toEqual([]);
    expect(rule.getGradientCondition()).toBeNull();
  });

  test('a rule without a condition cannot be built', () => {
    const { app } = setup();
    expect(() => app.newConditionalFormatRule().setBackground('#ff0000').build()).toThrow();
  });
});

describe('effectiveFormat', () => {
  test('the overdue rule highlights exactly the overdue, unfinished rows', () => {
    const f = tracker();
    expect(highlighted(f, [1, 2, 3, 4, 5, 6, 7, 40, 41])).toEqual([2, 6]);
    const fmt = effectiveFormat(f.model, f.model.sheets[0], 1, 9, f.env);
    expect(fmt).toMatchObject({ background: RED, fontColor: '#990000' });
  });

  test('without a blank guard, empty rows count as overdue: a blank compares as 0 (as in Sheets)', () => {
    const f = tracker('=AND($E2<TODAY(),$G2<>"Выполнено")');
    expect(highlighted(f, [1, 2, 3, 4, 5, 6, 7, 40, 41])).toEqual([2, 6, 7, 40]);
  });

  test('the rule follows the clock and the data', () => {
    const f = tracker();
    f.env.advance(24 * 3600_000); // 26.11: row 4 (due 25.11) becomes overdue
    expect(highlighted(f, [2, 3, 4, 5, 6])).toEqual([2, 4, 6]);
    f.sheet.getRange('G2').setValue('Выполнено');
    expect(highlighted(f, [2, 3, 4, 5, 6])).toEqual([4, 6]);
  });

  test('the first matching rule wins over later ones; static format shows through', () => {
    const { sheet, app, model, env } = setup();
    sheet.getRange('A1:A3').setValues([['Выполнено'], [''], ['x']]);
    sheet.getRange('A1:A3').setFontWeight('bold');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('выполнено')
        .setBackground('#00ff00')
        .setStrikethrough(true)
        .setRanges([sheet.getRange('A1:A3')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenCellNotEmpty()
        .setBackground('#0000ff')
        .setRanges([sheet.getRange('A1:A3')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#eeeeee')
        .setRanges([sheet.getRange('A1:A3')])
        .build(),
    ]);
    const s = model.sheets[0];
    expect(effectiveFormat(model, s, 0, 0, env)).toEqual({
      fontWeight: 'bold',
      background: '#00ff00',
      strikethrough: true,
    });
    expect(effectiveFormat(model, s, 1, 0, env)).toEqual({ fontWeight: 'bold', background: '#eeeeee' });
    expect(effectiveFormat(model, s, 2, 0, env)).toEqual({ fontWeight: 'bold', background: '#0000ff' });
    expect(effectiveFormat(model, s, 3, 0, env)).toEqual({});
  });
});

describe('row and column changes move rules (as Sheets does)', () => {
  test('inserting a row above the range shifts ranges and formula references', () => {
    const f = tracker();
    f.sheet.insertRowBefore(1);
    const rule = f.model.sheets[0].conditionalRules[0];
    expect(f.sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A3:J41');
    expect(rule.formula).toBe('=AND($E3<>"",$E3<TODAY(),$G3<>"Выполнено")');
    expect(highlighted(f, [2, 3, 4, 5, 6, 7])).toEqual([3, 7]);
  });

  test('inserting rows inside grows the range; deleting rows shrinks it', () => {
    const f = tracker();
    f.sheet.insertRowsAfter(3, 2);
    expect(f.sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:J42');
    expect(highlighted(f, [2, 3, 4, 5, 6, 7, 8])).toEqual([2, 8]);
    f.sheet.deleteRows(2, 3);
    expect(f.sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:J39');
    expect(f.model.sheets[0].conditionalRules[0].formula).toBe(OVERDUE);
  });

  test('inserting a column before E moves $E to $F', () => {
    const f = tracker();
    f.sheet.insertColumnBefore(3);
    expect(f.model.sheets[0].conditionalRules[0].formula).toBe('=AND($F2<>"",$F2<TODAY(),$H2<>"Выполнено")');
    expect(f.sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:K40');
    expect(highlighted(f, [2, 3, 4, 5, 6])).toEqual([2, 6]);
  });

  test('a rule whose only range is deleted disappears', () => {
    const { sheet, app } = setup();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#ff0000')
        .setRanges([sheet.getRange('B1:B5')])
        .build(),
    ]);
    sheet.deleteColumn(2);
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });
});
