import { compareNo, computeProgress, isOverdue, stageOf, type ProgressInput } from '../../src/domain/roadmap/progress';

const TITLES = { '1': 'Подготовка', '2': 'Банк наставляемых', '6': 'Завершение' };
const TODAY = '2026-03-10';

function row(no: string, end: string, status = '', extra: Partial<ProgressInput> = {}): ProgressInput {
  return { no, stage: '', title: `Мероприятие ${no}`, end, status, responsible: 'Иванова', ...extra };
}

describe('isOverdue', () => {
  test('past end and open → overdue; due today is not', () => {
    expect(isOverdue(row('1.1', '2026-03-09'), TODAY)).toBe(true);
    expect(isOverdue(row('1.1', '2026-03-10'), TODAY)).toBe(false);
    expect(isOverdue(row('1.1', '2026-03-11'), TODAY)).toBe(false);
  });

  test('done or cancelled is never overdue; in work and unknown statuses are', () => {
    expect(isOverdue(row('1.1', '2026-01-31', 'выполнено'), TODAY)).toBe(false);
    expect(isOverdue(row('1.1', '2026-01-31', 'Отменено'), TODAY)).toBe(false);
    expect(isOverdue(row('1.1', '2026-01-31', 'В работе'), TODAY)).toBe(true);
    expect(isOverdue(row('1.1', '2026-01-31', 'почти'), TODAY)).toBe(true);
  });

  test('no or unreadable end → not overdue; Russian dd.mm.yyyy is read', () => {
    expect(isOverdue(row('1.1', ''), TODAY)).toBe(false);
    expect(isOverdue(row('1.1', 'вчера'), TODAY)).toBe(false);
    expect(isOverdue(row('1.1', '28.02.2026'), TODAY)).toBe(true);
  });
});

test('stageOf: the part before the first dot, robust to spaces', () => {
  expect(stageOf({ no: '1.4.2', stage: '' })).toBe('1');
  expect(stageOf({ no: ' 1.4.2 ', stage: '' })).toBe('1');
  expect(stageOf({ no: '12.1', stage: '' })).toBe('12');
  expect(stageOf({ no: '', stage: ' 3 ' })).toBe('3');
});

test('compareNo orders numbers part by part', () => {
  expect(['1.10', '1.9', '1.4.2', '2.1', '1.4'].sort(compareNo)).toEqual(['1.4', '1.4.2', '1.9', '1.10', '2.1']);
});

describe('computeProgress', () => {
  const rows: ProgressInput[] = [
    row('1', '', '', { title: 'Подготовка условий' }), // stage header: ignored
    row('1.1', '2026-02-28', 'Выполнено'),
    row('1.2', '2026-02-28', 'Отменено'),
    row(' 1.4.2 ', '2026-03-01', 'В работе'), // overdue
    row('1.4.3', '2026-03-10', ''), // due today: upcoming, not overdue
    row('1.5', '2026-03-24', 'не начато'), // today + 14: upcoming
    row('1.6', '2026-03-25', ''), // today + 15: neither
    row('2.1', '2026-02-20', ''), // overdue, earlier
    row('2.2', '2026-03-15', 'выполнено'), // done: not upcoming
    row('6.1', '2027-05-31', 'Отменено'),
    row('8.1', '2026-03-12', ''), // a stage not in titles
  ];
  const result = computeProgress(rows, TODAY, TITLES);
  const stage = (no: string) => result.stages.find((s) => s.stage === no);

  test('stage attribution and counts', () => {
    expect(result.stages.map((s) => s.stage)).toEqual(['1', '2', '6', '8']);
    expect(stage('1')).toEqual({
      stage: '1',
      title: 'Подготовка',
      total: 6,
      done: 1,
      inWork: 1,
      cancelled: 1,
      overdue: 1,
      unconfirmed: 0,
      percent: 20,
    });
    expect(stage('2')).toMatchObject({ total: 2, done: 1, overdue: 1, percent: 50 });
    expect(stage('8')).toMatchObject({ title: 'Этап 8', total: 1, percent: 0 });
  });

  test('cancelled excluded from percent; all cancelled → 0', () => {
    expect(stage('6')).toMatchObject({ total: 1, cancelled: 1, done: 0, percent: 0 });
    expect(result.overall).toMatchObject({ stage: '', total: 10, done: 2, cancelled: 2, overdue: 2, percent: 25 });
  });

  test('overdue sorted by end date', () => {
    expect(result.overdue).toEqual(
      [
        { no: '2.1', title: 'Мероприятие 2.1', end: '2026-02-20', responsible: 'Иванова', status: 'Не начато' },
        { no: '1.4.2', title: 'Мероприятие  1.4.2 ', end: '2026-03-01', responsible: 'Иванова', status: 'В работе' },
      ].map((i) => ({ ...i, title: i.title.trim() })),
    );
  });

  test('upcoming: today … today + 14, open only, sorted by end', () => {
    expect(result.upcoming.map((i) => i.no)).toEqual(['1.4.3', '8.1', '1.5']);
  });

  test('a stage without rows still appears, at 0%', () => {
    const empty = computeProgress([], TODAY, TITLES);
    expect(empty.stages).toHaveLength(3);
    expect(empty.overall).toMatchObject({ total: 0, percent: 0 });
  });

  test('percent rounds', () => {
    const r = computeProgress([row('1.1', '', 'Выполнено'), row('1.2', '', ''), row('1.3', '', '')], TODAY, TITLES);
    expect(r.overall.percent).toBe(33);
    const r2 = computeProgress(
      [row('1.1', '', 'Выполнено'), row('1.2', '', 'Выполнено'), row('1.3', '', '')],
      TODAY,
      TITLES,
    );
    expect(r2.overall.percent).toBe(67);
  });
});

describe('«Выполнено» without evidence', () => {
  test('is not counted as done, is listed, and is neither overdue nor upcoming', () => {
    const r = computeProgress(
      [
        row('1.1', '2026-02-28', 'Выполнено', { evidence: 'https://school.ru/prikaz.pdf' }),
        row('1.2', '2026-02-28', 'Выполнено', { evidence: '  ' }),
        row('1.3', '2026-03-12', 'В работе', { evidence: '' }),
      ],
      TODAY,
      TITLES,
    );
    expect(r.overall).toMatchObject({ total: 3, done: 1, unconfirmed: 1, overdue: 0, percent: 33 });
    expect(r.stages.find((s) => s.stage === '1')).toMatchObject({ done: 1, unconfirmed: 1 });
    expect(r.unconfirmed.map((i) => i.no)).toEqual(['1.2']);
    expect(r.upcoming.map((i) => i.no)).toEqual(['1.3']);
  });
});
