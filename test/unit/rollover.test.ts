import type { MonitoringRecord } from '../../src/domain/monitoring';
import { monitoringRecord } from './monitoringFixtures';
import { continuingPairs, nextYearDay, rolloverRefusal, yearHistoryLine } from '../../src/domain/rollover';

const answer = (pairId: string, personId: string, extra: Partial<MonitoringRecord>): MonitoringRecord =>
  monitoringRecord({
    personId,
    role: personId.startsWith('НТ') ? 'mentor' : 'mentee',
    pairId,
    submittedAt: '2027-05-01T10:00:00.000Z',
    ...extra,
  });
const confirmed = (status: string) => status === 'утверждено';
const pair = (id: string, mentorId: string, menteeIds: string[], status = 'утверждено') => ({
  id,
  status,
  mentorId,
  menteeIds,
});

test('a pair goes on only when the mentor is ready and every mentee rates the mentor well', () => {
  const pairs = [
    pair('П-1', 'НТ-1', ['НС-1']),
    pair('П-2', 'НТ-2', ['НС-2']),
    pair('П-3', 'НТ-3', ['НС-3']),
    pair('П-4', 'НТ-4', ['НС-4']),
    pair('П-5', 'НТ-5', ['НС-5'], 'расформировано'),
  ];
  const good = (p: string, mentor: string, mentee: string, readiness = 'Скорее да') => [
    answer(p, mentor, { readiness }),
    answer(p, mentee, { scores: { satisfactionMentor: 8 } }),
  ];
  const records = [
    ...good('П-1', 'НТ-1', 'НС-1'),
    ...good('П-2', 'НТ-2', 'НС-2', 'Скорее нет'),
    answer('П-3', 'НТ-3', { readiness: 'Да' }), // the mentee never answered
    ...good('П-4', 'НТ-4', 'НС-4'),
    ...good('П-5', 'НТ-5', 'НС-5'),
    // A later answer replaces an earlier one: the mentee of П-4 changed their mind.
    answer('П-4', 'НС-4', { submittedAt: '2027-05-10T10:00:00.000Z', scores: { satisfactionMentor: 3 } }),
  ];
  expect([...continuingPairs(pairs, records, new Set(), confirmed)]).toEqual(['П-1']);
  expect([...continuingPairs(pairs, records, new Set(['НС-1']), confirmed)]).toEqual([]);
});

test('a carried activity moves to the same day a year later', () => {
  expect(nextYearDay('2027-03-14')).toBe('2028-03-14');
  expect(nextYearDay('2028-02-29')).toBe('2029-02-28');
  expect(nextYearDay('')).toBe('');
});

test('a pair the check-in flagged goes on only when the final monitoring says both sides go on', () => {
  const working = (status: string) => status === 'утверждено' || status === 'требует внимания';
  const pairs = [pair('П-1', 'НТ-1', ['НС-1'], 'требует внимания'), pair('П-2', 'НТ-2', ['НС-2'], 'требует внимания')];
  const records = [
    answer('П-1', 'НТ-1', { readiness: 'Да' }),
    answer('П-1', 'НС-1', { scores: { satisfactionMentor: 7 } }),
    answer('П-2', 'НТ-2', { readiness: 'Да' }),
    answer('П-2', 'НС-2', { scores: { satisfactionMentor: 4 } }),
  ];
  expect([...continuingPairs(pairs, records, new Set(), working)]).toEqual(['П-1']);
});

test('a rollover closes only the year that has ended, into the next one', () => {
  expect(rolloverRefusal(2026, 2027, '2027-05-14')).toBeNull();
  expect(rolloverRefusal(2026, 2027, '2027-10-01')).toBeNull();
  expect(rolloverRefusal(2026, 2027, '2026-11-25')).toBe(
    'Учебный год 2026–2027 ещё идёт. Переход на 2027–2028 закрывает его: листы года уходят в архив, ' +
      'статусы в банках сбрасываются. Поэтому он возможен с 1 мая 2027 г., когда пройдёт итоговый мониторинг. ' +
      'Сейчас выберите в поле «Учебный год» 2026–2027.',
  );
  expect(rolloverRefusal(2026, 2028, '2028-06-01')).toBe(
    'Дополнение ведёт 2026–2027 учебный год, а выбран 2028–2029. Годы закрываются по одному: ' +
      'выберите в поле «Учебный год» 2027–2028.',
  );
});

test('the bank history line of the year names every pair of the person and those that go on', () => {
  const period = '2026–2027';
  expect(yearHistoryLine(period, [], new Set())).toBe(
    '2026–2027: без пары; в новом учебном году — в банке для подбора',
  );
  expect(yearHistoryLine(period, ['ПГ-1'], new Set(['ПГ-1']))).toBe(
    '2026–2027: в паре ПГ-1; пара продолжает работу в новом учебном году',
  );
  expect(yearHistoryLine(period, ['ПГ-1'], new Set())).toBe(
    '2026–2027: в паре ПГ-1; в новом учебном году — в банке для подбора',
  );
  // A mentor of two pairs, one going on: both are named.
  expect(yearHistoryLine(period, ['ПГ-1', 'ПГ-4'], new Set(['ПГ-4']))).toBe(
    '2026–2027: в парах ПГ-1, ПГ-4; продолжает работу в новом учебном году: ПГ-4',
  );
  expect(yearHistoryLine(period, ['ПГ-1', 'ПГ-4'], new Set())).toBe(
    '2026–2027: в парах ПГ-1, ПГ-4; в новом учебном году — в банке для подбора',
  );
});
