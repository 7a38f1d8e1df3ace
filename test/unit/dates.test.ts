import {
  addDays,
  compare,
  dayProblem,
  daysInMonth,
  formatRuDate,
  isIsoDay,
  lastDayOfMonth,
  monthFromRussian,
  ruDateText,
  toIsoDay,
} from '../../src/domain/dates';

test('isIsoDay accepts real days only', () => {
  expect(isIsoDay('2026-11-25')).toBe(true);
  expect(isIsoDay('2028-02-29')).toBe(true);
  expect(isIsoDay('2027-02-29')).toBe(false);
  expect(isIsoDay('2026-13-01')).toBe(false);
  expect(isIsoDay('2026-1-01')).toBe(false);
  expect(isIsoDay('25.11.2026')).toBe(false);
  expect(isIsoDay(20261125)).toBe(false);
});

test('daysInMonth and lastDayOfMonth know leap years', () => {
  expect(daysInMonth(2028, 2)).toBe(29);
  expect(daysInMonth(2027, 2)).toBe(28);
  expect(daysInMonth(2100, 2)).toBe(28);
  expect(daysInMonth(2000, 2)).toBe(29);
  expect(daysInMonth(2026, 4)).toBe(30);
  expect(lastDayOfMonth(2028, 2)).toBe('2028-02-29');
  expect(lastDayOfMonth(2026, 12)).toBe('2026-12-31');
});

test('addDays crosses months, years and leap days', () => {
  expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
});

test('compare orders ISO days', () => {
  expect(compare('2026-02-01', '2026-10-01')).toBe(-1);
  expect(compare('2027-01-01', '2026-12-31')).toBe(1);
  expect(compare('2026-05-05', '2026-05-05')).toBe(0);
});

test('Russian month names: nominative, genitive, any case, ё/е', () => {
  expect(monthFromRussian('Февраль')).toBe(2);
  expect(monthFromRussian('МАЯ')).toBe(5);
  expect(monthFromRussian(' сентября ')).toBe(9);
  expect(monthFromRussian('декабрь')).toBe(12);
  expect(monthFromRussian('Фебраль')).toBeNull();
});

test('formatRuDate and toIsoDay', () => {
  expect(formatRuDate('2026-11-25')).toBe('25.11.2026');
  expect(formatRuDate('2027-02-01')).toBe('01.02.2027');
  expect(toIsoDay('1.9.2026')).toBe('2026-09-01');
  expect(toIsoDay(' 2026-09-01 ')).toBe('2026-09-01');
  expect(toIsoDay('31.02.2026')).toBeNull();
  expect(toIsoDay('скоро')).toBeNull();
});

test('toIsoDay refuses impossible days in both spellings', () => {
  for (const text of [
    '31.13.2027',
    '29.02.2027',
    '31.04.2027',
    '2027-13-31',
    '2027-02-29',
    '2027-04-31',
    '00.01.2027',
  ]) {
    expect(toIsoDay(text)).toBeNull();
  }
  expect(toIsoDay('29.02.2028')).toBe('2028-02-29');
});

test('dayProblem says in Russian why a text is not a day, as staff write dates', () => {
  expect(dayProblem('31.13.2027')).toBe('«31.13.2027» — такой даты нет в календаре');
  expect(dayProblem('2027-02-29')).toBe('«29.02.2027» — такой даты нет в календаре');
  expect(dayProblem(' 31.04.2027 ')).toBe('«31.04.2027» — такой даты нет в календаре');
  expect(dayProblem('скоро')).toBe('«скоро» — это не дата (нужна дата вида ДД.ММ.ГГГГ)');
  expect(dayProblem('')).toBe('дата не указана');
  expect(dayProblem('30.04.2027')).toBe('');
  expect(dayProblem('2028-02-29')).toBe('');
  expect(ruDateText('2027-4-31')).toBe('31.04.2027');
  expect(ruDateText('скоро')).toBe('скоро');
});
