import { numberOrNull } from '../../src/sheets/cells';

test('a number from a cell: typed or stored; empty, blank and text are none', () => {
  expect(numberOrNull(12)).toBe(12);
  expect(numberOrNull(' 45 ')).toBe(45);
  expect(numberOrNull('7.5')).toBe(7.5);
  expect(numberOrNull(0)).toBe(0);
  for (const none of ['', '   ', null, undefined, 'двенадцать', '12 человек', new Date(2027, 4, 14)]) {
    expect(numberOrNull(none)).toBeNull();
  }
});
