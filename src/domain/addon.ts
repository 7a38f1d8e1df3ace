/**
 * The add-on's name and menu as staff see them, in one place: the menu is built from these captions,
 * and every message that sends someone to a menu item names it through `menuPath`.
 */
export const ADDON_NAME = 'Наставничество';

export const MENU = {
  setup: 'Настроить учебный год…',
  progress: 'Ход реализации',
  pairing: 'Подбор пар',
  programs: 'Программы наставничества',
  documents: 'Документы',
  year: 'Итоги года',
  myPair: 'Моя пара',
  refreshSummary: 'Обновить сводку',
  districtExport: 'Выгрузка для района',
  questionnaires: 'Анкеты',
  setupForms: 'Создать/обновить анкеты',
  formLinks: 'Ссылки на анкеты',
  replay: 'Обработать ответы заново',
  sendLinks: 'Разослать ссылки',
} as const;

export type MenuItem = keyof typeof MENU;

/** «Наставничество → Анкеты → Создать/обновить анкеты»: the way to a menu item, without the quotes. */
export function menuWay(...items: MenuItem[]): string {
  return [ADDON_NAME, ...items.map((item) => MENU[item])].join(' → ');
}

/** The way to a menu item in «», as a message quotes it. */
export const menuPath = (...items: MenuItem[]): string => `«${menuWay(...items)}»`;
