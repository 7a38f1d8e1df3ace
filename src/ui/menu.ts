/** The add-on menu. Built in every auth mode, so it must not touch anything needing authorization. */
export const MENU_ITEMS = [
  { caption: 'Настроить учебный год…', fn: 'menuSetupSchoolYear' },
  { caption: 'Ход реализации', fn: 'menuShowProgress' },
  { caption: 'Обновить сводку', fn: 'menuRefreshSummary' },
] as const;

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.fn);
  menu.addToUi();
}
