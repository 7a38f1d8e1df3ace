/** Pure helpers of the sidebar views and the setup form's validation. */
import { clampPercent, formatDate, periodLabel, TIME_ZONES } from '../../sidebar/format';
import { toOptions } from '../../sidebar/setupModel';

const blank = {
  school: '',
  director: '',
  curator: '',
  methodologist: '',
  psychologist: '',
  siteEditor: '',
  startYear: '2026',
  timeZone: 'Europe/Moscow',
};

test('formatDate turns ISO into dd.mm.yyyy', () => {
  expect(formatDate('2026-03-05')).toBe('05.03.2026');
  expect(formatDate('')).toBe('');
  expect(formatDate('позже')).toBe('позже');
});

test('periodLabel uses an en dash', () => {
  expect(periodLabel(2026)).toBe('2026–2027');
});

test('clampPercent keeps the bar within 0…100', () => {
  expect(clampPercent(42.4)).toBe(42);
  expect(clampPercent(150)).toBe(100);
  expect(clampPercent(-3)).toBe(0);
  expect(clampPercent(NaN)).toBe(0);
  expect(clampPercent('50')).toBe(0);
});

test('twelve Russian time zones', () => {
  expect(TIME_ZONES).toHaveLength(12);
  expect(TIME_ZONES[1]).toEqual(['Europe/Moscow', 'Москва (МСК)']);
});

test('setup validation: school is required', () => {
  expect(toOptions({ ...blank, school: '   ' })).toEqual({
    error: 'Укажите название образовательной организации',
    field: 'school',
  });
});

test('setup validation: values are trimmed, year is a number', () => {
  expect(
    toOptions({
      ...blank,
      school: '  МОУ «СОШ  № 2» ',
      director: ' Иванова И. И. ',
      startYear: '2027',
      timeZone: 'Asia/Omsk',
    }),
  ).toEqual({
    options: {
      school: 'МОУ «СОШ № 2»',
      director: 'Иванова И. И.',
      curator: '',
      methodologist: '',
      psychologist: '',
      siteEditor: '',
      startYear: 2027,
      timeZone: 'Asia/Omsk',
    },
  });
});

test('setup validation: a broken year is refused', () => {
  expect(toOptions({ ...blank, school: 'СОШ', startYear: '' })).toEqual({
    error: 'Выберите учебный год',
    field: 'startYear',
  });
});
