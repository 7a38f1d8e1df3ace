import {
  resolvedOf,
  roundRatio,
  SCALE_QUESTIONS,
  summarizeMonitoring,
  type MonitoringPair,
  type MonitoringRecord,
} from '../../src/domain/monitoring';
import { monitoringRecord } from './monitoringFixtures';

const A = 'Оценивание образовательных результатов';
const B = 'Работа с родителями (законными представителями)';
const C = 'Работа с одарёнными детьми';
const D = 'Ведение школьной документации';

const menteeRecord = (over: Partial<MonitoringRecord>): MonitoringRecord =>
  monitoringRecord({ role: 'mentee', submittedAt: '2026-05-12T10:00:00.000Z', ...over });

const mentorRecord = (over: Partial<MonitoringRecord>): MonitoringRecord => ({
  ...menteeRecord({}),
  role: 'mentor',
  readiness: 'Да',
  ...over,
});

// A group (a mentor and 2 mentees), a pair, and a pair where nobody answered; listed out of order.
const PAIRS: MonitoringPair[] = [
  {
    pairId: 'П-0002',
    mentorId: 'НТ-0002',
    mentorName: 'Смирнова Анна Викторовна',
    mentees: [{ id: 'НС-0003', name: 'Борисов Илья Олегович' }],
    programPercent: null,
    meetings: 1,
  },
  {
    pairId: 'П-0001',
    mentorId: 'НТ-0001',
    mentorName: 'Петров С. И.',
    mentees: [
      { id: 'НС-0001', name: 'Иванова Мария Петровна' },
      { id: 'НС-0002', name: 'Алексеева Ольга Юрьевна' },
    ],
    programPercent: 50,
    meetings: 4,
  },
  {
    pairId: 'П-0003',
    mentorId: 'НТ-0003',
    mentorName: 'Яковлев Пётр Ильич',
    mentees: [{ id: 'НС-0004', name: 'Ёлкина Вера Павловна' }],
    programPercent: 75,
    meetings: 0,
  },
];

const RECORDS: MonitoringRecord[] = [
  menteeRecord({
    personId: 'НС-0001',
    pairId: 'П-0001',
    scores: {
      satisfactionProgram: 8,
      satisfactionMentor: 9,
      competenceBefore: 3,
      competenceAfter: 7,
      meetingsUseful: 9,
    },
    requests: [A, B, C],
    // a different case and «е» for «ё» still match; a resolved item that was not requested does not count
    resolved: ['оценивание  образовательных результатов', 'Работа с одаренными детьми', D],
    before: 3,
    after: 7,
  }),
  mentorRecord({
    personId: 'НТ-0001',
    pairId: 'П-0001',
    scores: { satisfactionProgram: 7, satisfactionMentee: 8, menteeProgress: 6 },
  }),
  menteeRecord({
    personId: 'НС-0003',
    pairId: 'П-0002',
    submittedAt: '2026-05-14T08:00:00.000Z',
    scores: { satisfactionProgram: 6, satisfactionMentor: 6, competenceBefore: 4, competenceAfter: 5 },
    requests: [D],
    resolved: [],
    before: 4,
    after: 5,
  }),
  // An earlier answer of the same person and pair, listed later: the later answer replaced it.
  menteeRecord({
    personId: 'НС-0003',
    pairId: 'П-0002',
    submittedAt: '2026-05-13T08:00:00.000Z',
    scores: { satisfactionProgram: 1, satisfactionMentor: 1, competenceBefore: 1, competenceAfter: 1 },
    requests: [D],
    resolved: [D],
    before: 1,
    after: 1,
  }),
];

const NAMES = { 'НТ-0001': 'Петров Сергей Иванович', 'НС-0002': 'Алексеева Ольга Юрьевна' };

describe('summarizeMonitoring: a hand-computed example', () => {
  const summary = summarizeMonitoring({ pairs: PAIRS, records: RECORDS, names: NAMES });

  test('per pair, by pair id', () => {
    expect(summary.pairs).toEqual([
      {
        // 2 of 3 answered → 67 %; mentee satisfaction (8 + 9) / 2; mentor (7 + 8) / 2; resolved A and C of A, B, C
        pairId: 'П-0001',
        mentorName: 'Петров Сергей Иванович',
        expected: 3,
        answered: 2,
        responseRate: 67,
        menteeSatisfaction: 8.5,
        mentorSatisfaction: 7.5,
        resolvedShare: 67,
        programPercent: 50,
        meetings: 4,
      },
      {
        // the later answer of НС-0003 counts: (6 + 6) / 2, nothing of D resolved
        pairId: 'П-0002',
        mentorName: 'Смирнова Анна Викторовна',
        expected: 2,
        answered: 1,
        responseRate: 50,
        menteeSatisfaction: 6,
        mentorSatisfaction: null,
        resolvedShare: 0,
        programPercent: null,
        meetings: 1,
      },
      {
        pairId: 'П-0003',
        mentorName: 'Яковлев Пётр Ильич',
        expected: 2,
        answered: 0,
        responseRate: 0,
        menteeSatisfaction: null,
        mentorSatisfaction: null,
        resolvedShare: null,
        programPercent: 75,
        meetings: 0,
      },
    ]);
  });

  test('totals over all pairs', () => {
    expect(summary.totals).toEqual({
      pairs: 3,
      expected: 7,
      answered: 3, // 3 / 7 = 42.86 → 43
      responseRate: 43,
      menteeSatisfaction: 7.3, // (8 + 9 + 6 + 6) / 4 = 7.25 → 7.3 (half up)
      mentorSatisfaction: 7.5,
      resolvedShare: 50, // 2 of 4 requests
      programPercent: 63, // (50 + 75) / 2 = 62.5 → 63
      meetings: 5,
      before: 3.5, // (3 + 4) / 2
      after: 6, // (7 + 5) / 2
    });
  });

  test('each scale question: its mean over the records of its role', () => {
    expect(summary.questions.map((q) => [q.role, q.key, q.average, q.answers])).toEqual([
      ['mentee', 'satisfactionProgram', 7, 2],
      ['mentee', 'satisfactionMentor', 7.5, 2],
      ['mentee', 'competenceBefore', 3.5, 2],
      ['mentee', 'competenceAfter', 6, 2],
      ['mentee', 'meetingsUseful', 9, 1],
      ['mentor', 'satisfactionProgram', 7, 1],
      ['mentor', 'satisfactionMentee', 8, 1],
      ['mentor', 'menteeProgress', 6, 1],
    ]);
    expect(summary.questions.map((q) => q.title)).toEqual(SCALE_QUESTIONS.map((q) => q.title));
  });

  test('non-respondents: by pair, the mentor first; names from `names`, else the pair’s', () => {
    expect(summary.nonRespondents).toEqual([
      { personId: 'НС-0002', name: 'Алексеева Ольга Юрьевна', role: 'mentee', pairId: 'П-0001' },
      { personId: 'НТ-0002', name: 'Смирнова Анна Викторовна', role: 'mentor', pairId: 'П-0002' },
      { personId: 'НТ-0003', name: 'Яковлев Пётр Ильич', role: 'mentor', pairId: 'П-0003' },
      { personId: 'НС-0004', name: 'Ёлкина Вера Павловна', role: 'mentee', pairId: 'П-0003' },
    ]);
  });

  test('the input is not changed, and the same input gives the same summary', () => {
    const before = JSON.stringify({ PAIRS, RECORDS });
    const again = summarizeMonitoring({ pairs: [...PAIRS].reverse(), records: [...RECORDS], names: NAMES });
    expect(JSON.stringify({ PAIRS, RECORDS })).toBe(before);
    expect(again).toEqual(summary);
  });
});

describe('summarizeMonitoring: edge cases', () => {
  test('a record of another pair counts for no pair, but in the questions of its role', () => {
    const stray = menteeRecord({
      personId: 'НС-0001',
      pairId: 'П-0009',
      scores: { satisfactionProgram: 2, satisfactionMentor: 2 },
      requests: [A],
      resolved: [A],
    });
    const summary = summarizeMonitoring({ pairs: PAIRS, records: [...RECORDS, stray], names: NAMES });
    expect(summary.totals.answered).toBe(3);
    expect(summary.totals.menteeSatisfaction).toBe(7.3);
    expect(summary.totals.resolvedShare).toBe(50);
    expect(summary.questions[0]).toMatchObject({ key: 'satisfactionProgram', average: 5.3, answers: 3 }); // 16 / 3
  });

  test('of two answers of one person and pair the later counts, whatever the input order', () => {
    const older = RECORDS[3];
    const newer = RECORDS[2];
    for (const records of [
      [older, newer],
      [newer, older],
    ]) {
      const pair = summarizeMonitoring({ pairs: PAIRS, records, names: {} }).pairs.find((p) => p.pairId === 'П-0002')!;
      expect([pair.answered, pair.menteeSatisfaction, pair.resolvedShare]).toEqual([1, 6, 0]);
    }
  });

  test('a mentor of two pairs must answer for each; a record of one pair does not answer for the other', () => {
    const pairs: MonitoringPair[] = [
      { ...PAIRS[1], mentees: [] },
      { ...PAIRS[2], mentorId: 'НТ-0001', mentorName: 'Петров Сергей Иванович', mentees: [] },
    ];
    const records = [mentorRecord({ personId: 'НТ-0001', pairId: 'П-0001', scores: { satisfactionProgram: 9 } })];
    const summary = summarizeMonitoring({ pairs, records, names: {} });
    expect(summary.pairs.map((p) => [p.pairId, p.answered, p.expected])).toEqual([
      ['П-0001', 1, 1],
      ['П-0003', 0, 1],
    ]);
    expect(summary.nonRespondents).toEqual([
      { personId: 'НТ-0001', name: 'Петров Сергей Иванович', role: 'mentor', pairId: 'П-0003' },
    ]);
  });

  test('mentees of one pair are sorted by name, ё as е', () => {
    const pair: MonitoringPair = {
      pairId: 'П-0005',
      mentorId: 'НТ-0005',
      mentorName: 'Яшина Ирина Олеговна',
      mentees: [
        { id: 'НС-0011', name: 'Ёлкина Вера' },
        { id: 'НС-0012', name: 'Борисова Анна' },
        { id: 'НС-0013', name: 'Егорова Дарья' },
      ],
      programPercent: null,
      meetings: 0,
    };
    const summary = summarizeMonitoring({ pairs: [pair], records: [], names: {} });
    expect(summary.nonRespondents.map((n) => n.name)).toEqual([
      'Яшина Ирина Олеговна',
      'Борисова Анна',
      'Егорова Дарья',
      'Ёлкина Вера',
    ]);
  });

  test('nothing yet: zeros and nulls, no answers to any question', () => {
    const summary = summarizeMonitoring({ pairs: [], records: [], names: {} });
    expect(summary.pairs).toEqual([]);
    expect(summary.nonRespondents).toEqual([]);
    expect(summary.totals).toEqual({
      pairs: 0,
      expected: 0,
      answered: 0,
      responseRate: 0,
      menteeSatisfaction: null,
      mentorSatisfaction: null,
      resolvedShare: null,
      programPercent: null,
      meetings: 0,
      before: null,
      after: null,
    });
    expect(summary.questions).toHaveLength(SCALE_QUESTIONS.length);
    for (const q of summary.questions) expect([q.average, q.answers]).toEqual([null, 0]);
  });

  test('scores outside 1–10 or not numbers are left out', () => {
    const records = [
      menteeRecord({
        personId: 'НС-0003',
        pairId: 'П-0002',
        scores: { satisfactionProgram: 0, satisfactionMentor: 11 },
      }),
      menteeRecord({
        personId: 'НС-0004',
        pairId: 'П-0003',
        scores: { satisfactionProgram: Number.NaN, satisfactionMentor: 4 },
      }),
    ];
    const summary = summarizeMonitoring({ pairs: PAIRS, records, names: {} });
    expect(summary.totals.menteeSatisfaction).toBe(4);
    expect(summary.pairs.find((p) => p.pairId === 'П-0002')!.menteeSatisfaction).toBeNull();
    expect(summary.totals.answered).toBe(2);
  });
});

describe('helpers', () => {
  test('roundRatio rounds half up', () => {
    expect(roundRatio(29, 4, 1)).toBe(7.3);
    expect(roundRatio(33, 4, 1)).toBe(8.3);
    expect(roundRatio(1, 8, 2)).toBe(0.13);
    expect(roundRatio(1, 3, 1)).toBe(0.3);
    expect(roundRatio(200, 3, 0)).toBe(67);
    expect(roundRatio(125, 2, 0)).toBe(63);
    expect(roundRatio(124.9, 2, 0)).toBe(62);
  });

  test('resolvedOf compares any case, ё as е, and counts a request once', () => {
    expect(resolvedOf({ requests: [C, C, B], resolved: ['РАБОТА С ОДАРЕННЫМИ ДЕТЬМИ', A] })).toEqual({
      requests: 2,
      resolved: 1,
    });
    expect(resolvedOf({ requests: [], resolved: [A] })).toEqual({ requests: 0, resolved: 0 });
  });
});
