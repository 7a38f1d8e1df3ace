/** The add-on menu. Built in every auth mode, so it must not touch anything needing authorization. */
export const MENU_ITEMS = [
  { caption: 'Настроить учебный год…', fn: 'menuSetupSchoolYear' },
  { caption: 'Ход реализации', fn: 'menuShowProgress' },
  { caption: 'Подбор пар', fn: 'menuShowPairing' },
  { caption: 'Программы наставничества', fn: 'menuShowPrograms' },
  { caption: 'Документы', fn: 'menuShowDocuments' },
  { caption: 'Итоги года', fn: 'menuShowYear' },
  { caption: 'Моя пара', fn: 'menuShowMyPair' },
  { caption: 'Обновить сводку', fn: 'menuRefreshSummary' },
] as const;

export const QUESTIONNAIRE_ITEMS = [
  { caption: 'Создать/обновить анкеты', fn: 'menuSetupQuestionnaires' },
  { caption: 'Ссылки на анкеты', fn: 'menuShowForms' },
  { caption: 'Обработать ответы заново', fn: 'menuReplayResponses' },
  { caption: 'Разослать ссылки', fn: 'menuSendFormLinks' },
] as const;

export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.fn);
  const questionnaires = ui.createMenu('Анкеты');
  for (const item of QUESTIONNAIRE_ITEMS) questionnaires.addItem(item.caption, item.fn);
  menu.addSeparator().addSubMenu(questionnaires).addToUi();
}
