import {
  buildRoadmap,
  defaultStartYear,
  parseDatePhrase,
  periodBounds,
  periodLabel,
  resolveSpan,
  ROADMAP,
  ROLE_TITLES,
  SEED_START_YEAR,
  type ActivityRow,
  type RoadmapRow,
} from '../../src/domain/roadmap';

const activities = (rows: RoadmapRow[]) => rows.filter((r): r is ActivityRow => r.kind === 'activity');
const byNo = (rows: RoadmapRow[]) => new Map(activities(rows).map((r) => [r.no, r]));

describe('template', () => {
  test('seven stages with the seed activities', () => {
    expect(ROADMAP.map((s) => s.no)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(ROADMAP.map((s) => s.activities.map((a) => a.no))).toEqual([
      ['1.1', '1.2', '1.3', '1.4.1', '1.4.2', '1.4.3', '1.5', '1.6'],
      ['2.1', '2.2'],
      ['3.1', '3.2'],
      ['4.1', '4.2.1', '4.2.2'],
      ['5.1', '5.2', '5.3'],
      ['6.1', '6.2', '6.3'],
      ['7.1'],
    ]);
    expect(ROADMAP[0].title).toBe('Подготовка условий для реализации системы наставничества');
  });

  test('activity numbers are unique and start with their stage', () => {
    const all = ROADMAP.flatMap((s) => s.activities.map((a) => ({ stage: s.no, no: a.no })));
    expect(new Set(all.map((a) => a.no)).size).toBe(all.length);
    for (const a of all) expect(a.no.split('.')[0]).toBe(a.stage);
  });

  test('every phrase resolves, inside the whole period, for several years', () => {
    for (const startYear of [2022, 2026, 2027, 2031]) {
      const bounds = periodBounds(startYear);
      for (const a of ROADMAP.flatMap((s) => s.activities)) {
        const { start, end } = resolveSpan(parseDatePhrase(a.when), SEED_START_YEAR, startYear);
        expect(start <= end).toBe(true);
        expect(start >= bounds.start && end <= bounds.end).toBe(true);
      }
    }
  });

  test('the whole-period constant equals the span of the seed phrases with months', () => {
    const spans = ROADMAP.flatMap((s) => s.activities)
      .map((a) => parseDatePhrase(a.when))
      .filter((p) => p.kind === 'months')
      .map((p) => resolveSpan(p, SEED_START_YEAR, 2026));
    const earliest = spans.map((s) => s.start).sort()[0];
    const latest = spans
      .map((s) => s.end)
      .sort()
      .reverse()[0];
    expect(periodBounds(2026)).toEqual({ start: earliest, end: latest });
  });

  test('the cited letters are in the details', () => {
    const details = ROADMAP.flatMap((s) => s.activities)
      .map((a) => a.details ?? '')
      .join('\n');
    expect(details).toContain('от 23.01.2020 № МР-42/02');
    expect(details).toContain('от 21.12.2021 № АЗ-1128/08 и профсоюза № 657');
  });
});

describe('buildRoadmap', () => {
  const rows = buildRoadmap(2026, { director: 'Иванова Анна Петровна', curator: '  ', psychologist: 'Орлова Е. В.' });
  const acts = byNo(rows);

  test('a stage header before its activities', () => {
    expect(rows[0]).toEqual({ kind: 'stage', no: '1', stage: '1', title: ROADMAP[0].title });
    expect(rows.filter((r) => r.kind === 'stage')).toHaveLength(7);
    expect(rows).toHaveLength(7 + 22);
    const headerIndex = rows.findIndex((r) => r.kind === 'stage' && r.no === '6');
    expect(rows[headerIndex + 1]).toMatchObject({ kind: 'activity', no: '6.1', stage: '6' });
  });

  test('dates for the period 2026–2027', () => {
    const dates = (no: string) => ({ start: acts.get(no)?.start, end: acts.get(no)?.end });
    expect(dates('1.3')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(dates('1.4.2')).toEqual({ start: '2026-02-01', end: '2026-08-31' });
    expect(dates('1.5')).toEqual({ start: '2026-02-01', end: '2027-05-31' });
    expect(dates('2.1')).toEqual({ start: '2026-05-01', end: '2026-08-31' });
    expect(dates('4.1')).toEqual({ start: '2026-08-01', end: '2026-08-31' });
    expect(dates('5.3')).toEqual({ start: '2026-09-01', end: '2027-05-31' });
    expect(dates('6.1')).toEqual({ start: '2027-04-01', end: '2027-05-31' });
    expect(dates('7.1')).toEqual({ start: '2026-09-01', end: '2027-05-31' });
  });

  test('responsible: the name, or the role title when blank or missing', () => {
    expect(acts.get('1.3')?.responsible).toBe('Иванова Анна Петровна');
    expect(acts.get('5.3')?.responsible).toBe('Орлова Е. В.');
    expect(acts.get('5.1')?.responsible).toBe(ROLE_TITLES.curator);
    expect(acts.get('6.1')?.responsible).toBe('Методист');
    expect(acts.get('7.1')?.responsible).toBe('Ответственный за сайт');
    expect(activities(buildRoadmap(2026, {})).map((r) => r.responsible)).not.toContain('');
  });

  test('keeps the seed phrase and the role for reference', () => {
    expect(acts.get('1.3')).toMatchObject({ when: 'Февраль 2022г.', role: 'director' });
  });
});

describe('periods', () => {
  test('periodLabel uses an en dash', () => {
    expect(periodLabel(2026)).toBe('2026–2027');
  });

  test('periodBounds', () => {
    expect(periodBounds(2026)).toEqual({ start: '2026-02-01', end: '2027-05-31' });
    expect(periodBounds(2027)).toEqual({ start: '2027-02-01', end: '2028-05-31' });
  });

  test.each([
    ['2026-01-01', 2025],
    ['2026-05-31', 2025],
    ['2026-06-01', 2026],
    ['2026-09-01', 2026],
    ['2026-12-31', 2026],
    ['2027-02-15', 2026],
  ])('defaultStartYear(%s) = %i', (today, year) => {
    expect(defaultStartYear(today)).toBe(year);
  });
});
