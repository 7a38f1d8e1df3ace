import { Env } from '../../emulator/core/env';
import { createHtmlService } from '../../emulator/services/html';
import { createUi, UiState } from '../../emulator/services/ui';

const NOW = '2026-11-25T12:00:00+03:00';

function setup() {
  const env = new Env({ now: NOW });
  const state = new UiState();
  const ui = createUi(env, state, { addonName: 'Наставничество' });
  const HtmlService = createHtmlService(env, { filesDir: __dirname });
  return { env, state, ui, HtmlService };
}

describe('Ui menus', () => {
  it('builds the add-on menu model with items, separators and submenus', () => {
    const { ui, state } = setup();
    const sub = ui.createMenu('Отчёты').addItem('За неделю', 'reportWeek');
    ui.createAddonMenu().addItem('Открыть панель', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(state.menus).toEqual([
      {
        caption: 'Наставничество',
        addon: true,
        items: [
          { kind: 'item', caption: 'Открыть панель', fn: 'showSidebar' },
          { kind: 'separator' },
          { kind: 'submenu', caption: 'Отчёты', items: [{ kind: 'item', caption: 'За неделю', fn: 'reportWeek' }] },
        ],
      },
    ]);
  });

  it('addToUi again replaces the menu with the same caption; nothing appears before addToUi', () => {
    const { ui, state } = setup();
    const m = ui.createAddonMenu().addItem('A', 'a');
    expect(state.menus).toEqual([]);
    m.addToUi();
    ui.createAddonMenu().addItem('B', 'b').addToUi();
    expect(state.menus).toHaveLength(1);
    expect(state.menus[0].items).toEqual([{ kind: 'item', caption: 'B', fn: 'b' }]);
  });

  it('menus can be built in AuthMode.NONE', () => {
    const { env, ui, state } = setup();
    env.runExecution('onOpen', { authMode: 'NONE' }, () => ui.createAddonMenu().addItem('Start', 'start').addToUi());
    expect(state.menus[0].items).toHaveLength(1);
  });

  it('rejects bad arguments loudly', () => {
    const { ui } = setup();
    const m = ui.createAddonMenu();
    expect(() => m.addItem('x', '')).toThrow('Invalid argument: functionName');
    expect(() => m.addSubMenu(ui.createAddonMenu())).toThrow(/add-on menu cannot be a submenu/);
    expect(() => m.addItem('x', undefined as unknown as string)).toThrow(/don't match the method signature/);
  });
});

describe('Ui dialogs', () => {
  it('alert defaults to the first button and records the dialog', () => {
    const { ui, state } = setup();
    expect(ui.alert('Готово')).toBe(ui.Button.OK);
    expect(ui.alert('Удалить?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(state.dialogs.map((d) => d.kind)).toEqual(['alert', 'alert']);
    expect(state.dialogs[1]).toMatchObject({
      kind: 'alert',
      title: '',
      message: 'Удалить?',
      buttons: 'YES_NO',
      answer: 'YES',
    });
  });

  it('uses scripted answers in order, by name or enum value', () => {
    const { ui, state } = setup();
    state.answer('NO').answer(ui.Button.CANCEL).answer('OK', 'Иванова');
    expect(ui.alert('Заголовок', 'Удалить?', ui.ButtonSet.YES_NO_CANCEL)).toBe(ui.Button.NO);
    expect(ui.alert('Удалить?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
    const r = ui.prompt('Имя', 'Фамилия ученика?', ui.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('Иванова');
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    expect(state.dialogs[0]).toMatchObject({ title: 'Заголовок', message: 'Удалить?', answer: 'NO' });
    expect(state.dialogs[2]).toMatchObject({ kind: 'prompt', text: 'Иванова', answer: 'OK' });
    expect(String(ui.Button.OK)).toBe('OK');
  });

  it('prompt without a scripted answer: OK and empty text', () => {
    const { ui } = setup();
    const r = ui.prompt('Имя?');
    expect(r.getResponseText()).toBe('');
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
  });

  it('a scripted answer outside the button set is a test error; CLOSE is always possible', () => {
    const { ui, state } = setup();
    state.answer('YES');
    expect(() => ui.alert('x', ui.ButtonSet.OK_CANCEL)).toThrow(/not a button of ButtonSet.OK_CANCEL/);
    state.answer('CLOSE');
    expect(ui.alert('x', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CLOSE);
    expect(() => state.answer('MAYBE' as 'OK')).toThrow(/unknown button/);
  });

  it('rejects a wrong overload', () => {
    const { ui } = setup();
    expect(() => ui.alert('t', 'p' as unknown as GoogleAppsScript.Base.ButtonSet)).toThrow(
      /don't match the method signature for Ui.alert/,
    );
  });

  it('records sidebars and dialogs with their HTML', () => {
    const { ui, state, HtmlService } = setup();
    ui.showSidebar(HtmlService.createHtmlOutput('<p>side</p>').setTitle('Панель'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>m</p>').setWidth(400).setHeight(200), 'Модальное');
    ui.showModelessDialog(HtmlService.createHtmlOutput('<p>ml</p>'), 'Немодальное');
    expect(state.dialogs).toEqual([
      expect.objectContaining({ kind: 'sidebar', title: 'Панель', html: '<p>side</p>' }),
      expect.objectContaining({ kind: 'modal', title: 'Модальное', html: '<p>m</p>', width: 400, height: 200 }),
      expect.objectContaining({ kind: 'modeless', title: 'Немодальное', html: '<p>ml</p>' }),
    ]);
    expect(state.sidebar?.html).toBe('<p>side</p>');
    expect(() => ui.showSidebar('<p>' as unknown as GoogleAppsScript.HTML.HtmlOutput)).toThrow(/don't match/);
  });

  it('counts calls', () => {
    const { env, ui } = setup();
    ui.createAddonMenu().addItem('a', 'a').addToUi();
    ui.alert('x');
    expect(env.calls.summary().byMethod).toEqual({
      'Ui.createAddonMenu': 1,
      'Menu.addItem': 1,
      'Menu.addToUi': 1,
      'Ui.alert': 1,
    });
  });
});
