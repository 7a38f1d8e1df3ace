/** Data validation rules, and the check a person's edit goes through. */
import { applyUserEdit } from '../../emulator/spreadsheet/staffEdit';
import { isValidUrl, validateUserEdit } from '../../emulator/spreadsheet/validation';
import { buildSheetView } from '../../workspace/server/sheetView';
import { moscowDate, setup } from './spreadsheetFixture';

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
      'Лист «Лист1», ячейка G2: Недопустимое значение «Готово». Выберите значение из списка: Не начато, В работе, Выполнено.',
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
    expect(validateUserEdit(model.sheets[0], 0, 0, 'да')).toMatch(
      /^Лист «Лист1», ячейка A1: Недопустимое значение «да»/,
    );
  });
});

describe('date criteria and URLs (requireDateBetween, requireTextIsUrl)', () => {
  test('builder: criteria types and values', () => {
    const { app } = setup();
    const start = moscowDate(2026, 9, 1);
    const end = moscowDate(2027, 8, 31);
    const rule = app.newDataValidation().requireDateBetween(start, end).setAllowInvalid(false).build();
    expect(String(rule.getCriteriaType())).toBe('DATE_BETWEEN');
    expect((rule.getCriteriaValues() as Date[]).map((d) => d.getTime())).toEqual([start.getTime(), end.getTime()]);
    expect(String(app.newDataValidation().requireDateOnOrAfter(start).build().getCriteriaType())).toBe(
      'DATE_ON_OR_AFTER',
    );
    expect(String(app.newDataValidation().requireTextIsUrl().build().getCriteriaType())).toBe('TEXT_IS_VALID_URL');
    expect(String(rule.copy().requireDate().build().getCriteriaType())).toBe('DATE_IS_VALID_DATE');
    expect(() => app.newDataValidation().requireDateBetween(start, 'завтра' as unknown as Date)).toThrow(
      /don't match the method signature/,
    );
  });

  test('a person typing: text, an impossible date and a date out of range are refused with the help text', () => {
    const { env, app, sheet, model } = setup();
    sheet.getRange('D2:D10').setDataValidation(
      app
        .newDataValidation()
        .requireDateBetween(moscowDate(2026, 9, 1), moscowDate(2027, 8, 31))
        .setAllowInvalid(false)
        .setHelpText('Введите дату учебного года.')
        .build(),
    );
    const s = model.sheets[0];
    expect(() => applyUserEdit(env, model, s, 'D2', [['вчера']], app)).toThrow(
      'Лист «Лист1», ячейка D2: Недопустимое значение «вчера». Введите дату с 01.09.2026 по 31.08.2027. Введите дату учебного года.',
    );
    expect(() => applyUserEdit(env, model, s, 'D3', [['31.13.2027']], app)).toThrow(
      /ячейка D3: Недопустимое значение «31\.13\.2027»/,
    );
    expect(() => applyUserEdit(env, model, s, 'D4', [['01.09.2028']], app)).toThrow(/«01\.09\.2028»/);
    applyUserEdit(env, model, s, 'D5', [['31.08.2027']], app);
    applyUserEdit(env, model, s, 'D6', [['01.09.2026']], app);
    expect(sheet.getRange('D2:D4').getValues()).toEqual([[''], [''], ['']]);
    expect(sheet.getRange('D5').getValue()).toBeInstanceOf(Date);
  });

  test('URL: «протокол у завуча» refused, addresses accepted; allowInvalid keeps the value and marks it', () => {
    const { env, app, sheet, model } = setup();
    sheet
      .getRange('I2')
      .setDataValidation(
        app.newDataValidation().requireTextIsUrl().setAllowInvalid(false).setHelpText('Ссылка.').build(),
      );
    sheet.getRange('I3').setDataValidation(app.newDataValidation().requireTextIsUrl().build());
    const s = model.sheets[0];
    expect(() => applyUserEdit(env, model, s, 'I2', [['протокол у завуча']], app)).toThrow(
      'Лист «Лист1», ячейка I2: Недопустимое значение «протокол у завуча». Введите ссылку, например https://school.ru/doc. Ссылка.',
    );
    for (const ok of ['https://docs.google.com/document/d/1abc/edit', 'http://school.ru', 'school.ru/docs/1.pdf']) {
      expect(isValidUrl(ok)).toBe(true);
    }
    for (const bad of ['протокол у завуча', 'https://', 'http://a b.ru', 'просто']) expect(isValidUrl(bad)).toBe(false);
    applyUserEdit(env, model, s, 'I3', [['протокол у завуча']], app);
    expect(sheet.getRange('I3').getValue()).toBe('протокол у завуча');
    const view = buildSheetView(model, s, env);
    expect(view.rows[2][8].invalid).toMatch(/Недопустимое значение «протокол у завуча»/);
    expect(view.rows[1][8]?.invalid).toBeUndefined();
  });
});
