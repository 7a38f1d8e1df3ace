import { plural } from '../../src/domain/russianPlural';

test('plural picks the Russian form, also past 100 and for the teens', () => {
  const f = (n: number) => plural(n, 'мероприятие', 'мероприятия', 'мероприятий');
  expect([1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map(f)).toEqual([
    'мероприятие',
    'мероприятия',
    'мероприятий',
    'мероприятий',
    'мероприятий',
    'мероприятие',
    'мероприятия',
    'мероприятий',
    'мероприятие',
    'мероприятий',
  ]);
});
