/** SpreadsheetApp itself, named ranges, and a person's edits through the workspace helper. */
import { Env } from '../../emulator/core/env';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';
import { newSpreadsheetModel } from '../../emulator/spreadsheet/model';
import { applyUserEdit, sheetDisplayValues } from '../../emulator/spreadsheet/staffEdit';
import { NOW, setup } from './spreadsheetFixture';

describe('SpreadsheetApp', () => {
  test('active spreadsheet and sheet, flush counted', () => {
    const { app, env, model } = setup();
    expect(app.getActive().getId()).toBe(model.id);
    expect(app.getActiveSheet().getName()).toBe('Лист1');
    app.flush();
    expect(env.calls.summary().byMethod).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getId': 1,
      'SpreadsheetApp.getActiveSheet': 1,
      'Sheet.getName': 1,
      'SpreadsheetApp.flush': 1,
    });
  });

  test('getUi returns the Ui passed in, or throws when there is none', () => {
    const ui = { alert: () => undefined };
    expect(setup({ ui }).app.getUi()).toBe(ui);
    expect(() => setup().app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('in AuthMode.NONE only getUi works', () => {
    const env = new Env({ now: NOW });
    const ui = {};
    const app = createSpreadsheetApp(env, newSpreadsheetModel('Наставничество'), ui);
    env.runExecution('onOpen', { authMode: 'NONE' }, () => {
      expect(app.getUi()).toBe(ui);
      expect(() => app.getActiveSpreadsheet()).toThrow(
        /You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
      );
    });
    env.runExecution('onOpen', { authMode: 'LIMITED' }, () => {
      expect(app.getActiveSpreadsheet().getName()).toBe('Наставничество');
    });
  });
});

describe('named ranges', () => {
  test('set, get (case-insensitive), list, replace, remove', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Статусы', sheet.getRange('K1:K3'));
    expect(ss.getRangeByName('статусы')?.getA1Notation()).toBe('K1:K3');
    expect(ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([['Статусы', 'K1:K3']]);
    ss.setNamedRange('Статусы', sheet.getRange('L1:L5'));
    expect(ss.getNamedRanges()).toHaveLength(1);
    expect(ss.getRangeByName('Статусы')?.getA1Notation()).toBe('L1:L5');
    expect(sheet.getNamedRanges()).toHaveLength(1);
    ss.getNamedRanges()[0].remove();
    expect(ss.getRangeByName('Статусы')).toBeNull();
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow();
    expect(() => ss.removeNamedRange('нет')).toThrow();
  });
});

describe('applyUserEdit (a person typing)', () => {
  test('typed text is interpreted; the onEdit event has value and oldValue for one cell', () => {
    const { env, model, app, sheet } = setup();
    sheet.getRange('B2').setValue('старое');
    const s = model.sheets[0];
    const e = applyUserEdit(env, model, s, 'B2', [['3,5']], app);
    expect(sheet.getRange('B2').getValue()).toBe(3.5);
    expect(e.value).toBe('3.5');
    expect(e.oldValue).toBe('старое');
    expect(e.range.getA1Notation()).toBe('B2');
    expect(e.source.getId()).toBe(model.id);
    const multi = applyUserEdit(env, model, s, 'A5', [['1', '25.11.2026']], app);
    expect(multi.range.getA1Notation()).toBe('A5:B5');
    expect(multi.value).toBeUndefined();
    expect(sheetDisplayValues(model, s)[4]).toEqual(['1', '25.11.2026']);
  });

  test('validation and protection refuse the whole edit', () => {
    const { env, model, app, sheet } = setup({ owner: 'metodist@school.example' });
    sheet
      .getRange('G2:G5')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['В работе', 'Выполнено']).setAllowInvalid(false).build(),
      );
    const s = model.sheets[0];
    expect(() => applyUserEdit(env, model, s, 'F2', [['ok', 'Готово']], app)).toThrow(
      'Недопустимое значение «Готово». Выберите значение из списка: В работе, Выполнено.',
    );
    expect(sheet.getRange('F2').getValue()).toBe('');
    sheet.getRange('A1:J1').protect();
    env.activeUser = 'uchitel@school.example';
    expect(() => applyUserEdit(env, model, s, 'A1', [['x']], app)).toThrow(/protected cell/);
    applyUserEdit(env, model, s, 'G2', [['Выполнено']], app);
    expect(sheet.getRange('G2').getValue()).toBe('Выполнено');
  });
});
