/** Data validation rules, and the check a person's edit goes through. */
import { validateUserEdit } from '../../emulator/spreadsheet/validation';
import { setup } from './spreadsheetFixture';

const STATUSES = ['Не начато', 'В работе', 'Выполнено'];

describe('DataValidationBuilder and DataValidation', () => {
  test('requireValueInList: criteria, values, dropdown, allowInvalid, help text', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(STATUSES, true)
      .setAllowInvalid(false)
      .setHelpText('Выберите статус')
      .build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([STATUSES, true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe('Выберите статус');
    sheet.getRange('G2:G40').setDataValidation(rule);
    const back = sheet.getRange('G10').getDataValidation();
    expect(back?.getCriteriaValues()).toEqual([STATUSES, true]);
    expect(sheet.getRange('G1').getDataValidation()).toBeNull();
    expect(
      sheet
        .getRange('G1:G2')
        .getDataValidations()
        .map((r) => r[0] === null),
    ).toEqual([true, false]);
  });

  test('defaults: allowInvalid true, help text empty; checkbox', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBe('');
    expect(rule.copy().setAllowInvalid(false).build().getAllowInvalid()).toBe(false);
    expect(() => app.newDataValidation().build()).toThrow();
  });

  test('setDataValidation(null) and clearDataValidations remove rules', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['a']).build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    sheet.getRange('A1').setDataValidation(null);
    sheet.getRange('A2').clearDataValidations();
    expect(
      sheet
        .getRange('A1:A3')
        .getDataValidations()
        .map((r) => r[0] !== null),
    ).toEqual([false, false, true]);
  });

  test('scripts may write values the rule rejects (Apps Script does not validate them)', () => {
    const { app, sheet } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireValueInList(STATUSES).setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('Что-то другое');
    expect(sheet.getRange('A1').getValue()).toBe('Что-то другое');
  });

  test('insertCheckboxes sets FALSE; check/uncheck/isChecked', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B1:B2').insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(r.isChecked()).toBe(false);
    sheet.getRange('B1').check();
    expect(r.isChecked()).toBeNull();
    r.check();
    expect(r.isChecked()).toBe(true);
  });
});

describe('validateUserEdit (a person typing)', () => {
  test('list: rejects values outside the list with the Russian message; accepts list values and clearing', () => {
    const { app, sheet, model } = setup();
    sheet
      .getRange('G2')
      .setDataValidation(app.newDataValidation().requireValueInList(STATUSES).setAllowInvalid(false).build());
    const s = model.sheets[0];
    expect(validateUserEdit(s, 1, 6, 'Готово')).toBe(
      'Недопустимое значение «Готово». Выберите значение из списка: Не начато, В работе, Выполнено.',
    );
    expect(validateUserEdit(s, 1, 6, 'В работе')).toBeNull();
    expect(validateUserEdit(s, 1, 6, '')).toBeNull();
    expect(validateUserEdit(s, 0, 6, 'что угодно')).toBeNull();
  });

  test('a rule that allows invalid data only warns: the edit is accepted', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(STATUSES).build());
    expect(validateUserEdit(model.sheets[0], 0, 0, 'Готово')).toBeNull();
  });

  test('checkbox accepts booleans only', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    expect(validateUserEdit(model.sheets[0], 0, 0, true)).toBeNull();
    expect(validateUserEdit(model.sheets[0], 0, 0, 'да')).toMatch(/^Недопустимое значение «да»/);
  });
});
