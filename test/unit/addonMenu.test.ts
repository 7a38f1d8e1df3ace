import { ADDON_NAME, MENU, menuPath, menuWay } from '../../src/domain/addon';

test('a message names a menu item the way the menu shows it', () => {
  expect(menuWay('questionnaires', 'setupForms')).toBe('Наставничество → Анкеты → Создать/обновить анкеты');
  expect(menuPath('setup')).toBe('«Наставничество → Настроить учебный год…»');
});

test('every caption is unique and names the add-on once', () => {
  const captions = Object.values(MENU);
  expect(new Set(captions).size).toBe(captions.length);
  expect(captions.some((caption) => caption.includes(ADDON_NAME))).toBe(false);
});
