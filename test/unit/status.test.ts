import { isClosed, normalizeStatus, STATUSES } from '../../src/domain/roadmap/status';

test.each([
  ['Выполнено', 'Выполнено'],
  ['  выполнено ', 'Выполнено'],
  ['ВЫПОЛНЕНО', 'Выполнено'],
  ['в  работе', 'В работе'],
  ['Не начато', 'Не начато'],
  ['', 'Не начато'],
  ['   ', 'Не начато'],
  ['отменено', 'Отменено'],
])('%s → %s', (text, status) => {
  expect(normalizeStatus(text)).toBe(status);
});

test('ё and е are the same letter', () => {
  // None of the statuses has ё today; the folding must still not break a future one.
  expect(normalizeStatus('Выполнёно')).toBe('Выполнено');
});

test('unknown text → null; null/undefined → Не начато', () => {
  expect(normalizeStatus('готово')).toBeNull();
  expect(normalizeStatus(42)).toBeNull();
  expect(normalizeStatus(null)).toBe('Не начато');
  expect(normalizeStatus(undefined)).toBe('Не начато');
});

test('closed statuses', () => {
  expect(STATUSES.filter(isClosed)).toEqual(['Выполнено', 'Отменено']);
  expect(isClosed(null)).toBe(false);
});
