import { demoDateTime } from '../../workspace/demo/demoClock';

test('the demo school lives on 14 May of the school year that is running or has just ended', () => {
  const at = (iso: string) => demoDateTime(Date.parse(iso));
  expect(at('2026-11-25T12:00:00+03:00')).toBe('2027-05-14T10:00:00+03:00');
  expect(at('2027-03-01T12:00:00+03:00')).toBe('2027-05-14T10:00:00+03:00');
  expect(at('2027-07-10T12:00:00+03:00')).toBe('2027-05-14T10:00:00+03:00');
  // 1 September in Moscow starts the next year even while it is still 31 August in UTC.
  expect(at('2027-09-01T01:00:00+03:00')).toBe('2028-05-14T10:00:00+03:00');
});
