import {
  DEFAULT_WEIGHTS,
  explain,
  forbiddenReason,
  matchPeople,
  MAX_ALTERNATIVES,
  NO_COMMON_REQUEST,
  normalizeWeights,
  scorePair,
  subjectArea,
  UNMATCHED_REASONS,
  type Weights,
} from '../../src/domain/matching';

import { mentee, mentor, REQ } from './matchingFixtures';

const ZERO: Weights = { requests: 0, subject: 0, experience: 0, format: 0, time: 0 };

describe('scorePair: the explanation', () => {
  test('the example pair: requests, subject, experience, most important first', () => {
    const result = scorePair(mentee('НС-0001'), mentor('НТ-0001'));
    expect(result).not.toBeNull();
    expect(explain(result!.reasons)).toBe(
      'совпадают запросы: оценивание образовательных результатов, работа с родителями; ' +
        'один предмет — математика; стаж наставника 24 года, высшая категория',
    );
    expect(result!.reasons.slice(3)).toEqual(['формат: индивидуальная, очно', 'общее время: после уроков']);
    // 10·10 + 5·10 + 3·10·(0.7·1 + 0.3·1) + 2·10 + 2·10
    expect(result!.score).toBe(220);
  });

  test('a partial overlap says how many of the requests match; more than three are summed up', () => {
    const partial = scorePair(mentee('НС-1', { requests: [REQ.assess, REQ.exam] }), mentor('НТ-1'))!;
    expect(partial.reasons[0]).toBe('совпадает запрос: оценивание образовательных результатов (1 из 2)');
    const many = ['А1', 'Б2', 'В3', 'Г4', 'Д5'];
    const lots = scorePair(mentee('НС-2', { requests: many }), mentor('НТ-2', { competences: many }))!;
    expect(lots.reasons[0]).toBe('совпадают запросы: а1, б2, в3 и ещё 2');
  });

  test('abbreviations keep their case; comparisons ignore case, spaces and ё', () => {
    const result = scorePair(
      mentee('НС-1', { requests: ['ГИА  по математике'], subjects: ['ОРКСЭ / ОДНКНР'] }),
      mentor('НТ-1', { competences: ['гиа по математике'], subjects: ['оркСЭ / ОДНКНР'] }),
    )!;
    expect(result.reasons[0]).toBe('совпадает запрос: ГИА по математике');
    expect(result.reasons[1]).toBe('один предмет — ОРКСЭ / ОДНКНР');
  });

  test('the same subject area counts half, and says which', () => {
    const w: Weights = { ...ZERO, subject: 10 };
    const same = scorePair(mentee('НС-1', { subjects: ['Физика'] }), mentor('НТ-1', { subjects: ['Физика'] }), w)!;
    const area = scorePair(mentee('НС-1', { subjects: ['Физика'] }), mentor('НТ-1', { subjects: ['Химия'] }), w)!;
    const none = scorePair(mentee('НС-1', { subjects: ['Физика'] }), mentor('НТ-1', { subjects: ['Музыка'] }), w)!;
    expect([same.score, area.score, none.score]).toEqual([100, 50, 0]);
    expect(area.reasons).toEqual(['одна предметная область — естественные науки']);
    expect(subjectArea('Иностранный язык (испанский)')).toBe('иностранные языки');
  });

  test('no common request is said first, and scores no request points', () => {
    const result = scorePair(mentee('НС-1', { requests: [REQ.exam] }), mentor('НТ-1'))!;
    expect(result.reasons[0]).toBe(NO_COMMON_REQUEST);
    const w: Weights = { ...ZERO, requests: 10 };
    expect(scorePair(mentee('НС-1', { requests: [REQ.exam] }), mentor('НТ-1'), w)!.score).toBe(0);
    expect(scorePair(mentee('НС-1', { requests: [REQ.assess, REQ.exam] }), mentor('НТ-1'), w)!.score).toBe(50);
  });

  test('experience: the gap (10 years = full) and the category', () => {
    const w: Weights = { ...ZERO, experience: 10 };
    const s = (years: number | null, category: string, menteeYears = 0) =>
      scorePair(
        mentee('НС-1', { experienceYears: menteeYears }),
        mentor('НТ-1', { experienceYears: years, category }),
        w,
      )!;
    expect(s(10, 'Без категории').score).toBe(70);
    expect(s(5, 'Первая').score).toBe(50); // 0.7·0.5 + 0.3·0.5
    expect(s(3, 'Высшая', 5).score).toBe(30); // less experienced than the mentee: only the category
    expect(s(null, 'Высшая').reasons).toEqual(['высшая категория']);
    expect(s(21, 'Первая').reasons).toEqual(['стаж наставника 21 год, первая категория']);
  });

  test('format and time: a blank answer is no conflict, a clash scores nothing', () => {
    const w: Weights = { ...ZERO, format: 10, time: 10 };
    const clash = scorePair(
      mentee('НС-1', { formatKind: 'Групповая', mode: 'Очно', times: ['Перед уроками'] }),
      mentor('НТ-1', { formatKinds: ['Индивидуальная (пара)'], mode: 'Дистанционно', times: ['В каникулы'] }),
      w,
    )!;
    expect(clash).toEqual({ score: 0, reasons: [] });
    const blank = scorePair(mentee('НС-1', { formatKind: '', mode: '', times: [] }), mentor('НТ-1'), w)!;
    expect(blank).toEqual({ score: 50, reasons: [] });
    const mixed = scorePair(mentee('НС-1', { mode: 'Дистанционно' }), mentor('НТ-1', { mode: 'Смешанно' }), w)!;
    expect(mixed.reasons).toEqual(['формат: индивидуальная, дистанционно', 'общее время: после уроков']);
  });

  test('scores are non-negative integers for any weights', () => {
    const weights: Weights = { requests: 3.3, subject: 0.7, experience: 9.9, format: 1.1, time: 0.1 };
    const result = scorePair(
      mentee('НС-1', { requests: [REQ.assess, REQ.exam, REQ.parents] }),
      mentor('НТ-1'),
      weights,
    )!;
    expect(Number.isInteger(result.score)).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0);
  });
});

describe('scorePair: hard constraints', () => {
  test.each([
    [
      'no mentee consent',
      mentee('НС-1', { consentAt: '' }),
      mentor('НТ-1'),
      'нет согласия наставляемого на обработку данных',
    ],
    [
      'no mentor consent',
      mentee('НС-1'),
      mentor('НТ-1', { consentAt: ' ' }),
      'нет согласия наставника на обработку данных',
    ],
    [
      'no duties consent',
      mentee('НС-1'),
      mentor('НТ-1', { dutiesConsent: false }),
      'наставник не дал согласия на дополнительные обязанности',
    ],
    [
      'mentee withdrew',
      mentee('НС-1', { status: 'отозвано' }),
      mentor('НТ-1'),
      'наставляемый отозвал согласие на обработку данных',
    ],
    [
      'mentor withdrew',
      mentee('НС-1'),
      mentor('НТ-1', { status: 'отозвано' }),
      'наставник отозвал согласие на обработку данных',
    ],
    [
      'the same email',
      mentee('НС-1', { email: 'Same@School.ru' }),
      mentor('НТ-1', { email: 'same@school.ru' }),
      'наставник и наставляемый — один и тот же человек',
    ],
    ['the same id', mentee('X-1'), mentor('X-1'), 'наставник и наставляемый — один и тот же человек'],
  ])('%s → null', (_name, a, b, reason) => {
    expect(scorePair(a, b)).toBeNull();
    expect(forbiddenReason(a, b)).toBe(reason);
  });

  test('an excluded pair, and, when required, a pair without a common request', () => {
    expect(scorePair(mentee('НС-1'), mentor('НТ-1'), DEFAULT_WEIGHTS, { excluded: true })).toBeNull();
    expect(forbiddenReason(mentee('НС-1'), mentor('НТ-1'), { excluded: true })).toBe('пара исключена методистом');
    const a = mentee('НС-1', { requests: [REQ.exam] });
    expect(scorePair(a, mentor('НТ-1'))).not.toBeNull();
    expect(scorePair(a, mentor('НТ-1'), DEFAULT_WEIGHTS, { requireCommonRequest: true })).toBeNull();
    // A mentee with no requests is not forbidden by that rule.
    expect(
      scorePair(mentee('НС-2', { requests: [] }), mentor('НТ-1'), DEFAULT_WEIGHTS, { requireCommonRequest: true }),
    ).not.toBeNull();
  });

  test('blank emails are not «the same person»', () => {
    expect(scorePair(mentee('НС-1', { email: '' }), mentor('НТ-1', { email: '' }))).not.toBeNull();
  });
});

describe('normalizeWeights', () => {
  test('defaults fill the gaps', () => {
    expect(normalizeWeights({ subject: 0 })).toEqual({ ...DEFAULT_WEIGHTS, subject: 0 });
  });
  test.each([[-1], [11], [Number.NaN], ['5']])('%p is a clear Russian error', (value) => {
    expect(() => normalizeWeights({ time: value })).toThrow('Вес «Удобное время» должен быть числом от 0 до 10');
  });
});

describe('matchPeople', () => {
  const ids = (units: { mentorId: string; menteeIds: string[] }[]) =>
    Object.fromEntries(units.map((u) => [u.mentorId, u.menteeIds]));

  test('the best pairs, with scores and Russian explanations; a mentor with room for two forms a group', () => {
    const proposal = matchPeople({
      mentees: [
        mentee('НС-1', { requests: [REQ.exam] }),
        mentee('НС-2', { requests: [REQ.assess], formatKind: 'Групповая' }),
        mentee('НС-3', { requests: [REQ.assess, REQ.parents], formatKind: 'Групповая' }),
      ],
      mentors: [
        mentor('НТ-1', { competences: [REQ.assess, REQ.parents], capacity: 2 }),
        mentor('НТ-2', { competences: [REQ.exam] }),
      ],
    });
    expect(ids(proposal.units)).toEqual({ 'НТ-1': ['НС-2', 'НС-3'], 'НТ-2': ['НС-1'] });
    const [group, pair] = proposal.units;
    expect(group.kind).toBe('группа');
    expect(group.explanation).toBe('группа из 2; общие запросы: оценивание образовательных результатов (2 из 2)');
    expect(group.pairs.map((p) => p.score)).toEqual([220, 220]);
    expect(group.score).toBe(440);
    expect(pair.kind).toBe('пара');
    expect(pair.explanation).toBe(
      'совпадает запрос: подготовка обучающихся к ГИА; один предмет — математика; стаж наставника 24 года, высшая категория',
    );
    expect(proposal).toMatchObject({ matched: 3, total: 660, unmatched: [], rejectedLocks: [] });
    expect(JSON.parse(JSON.stringify(proposal))).toEqual(proposal); // plain JSON for google.script.run
  });

  test('more matches first: the solver moves a mentee to a weaker mentor so that everyone is matched', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2', { requests: [REQ.assess] })],
      mentors: [mentor('НТ-1'), mentor('НТ-2', { competences: [REQ.exam], subjects: ['Музыка'] })],
      exclusions: [{ menteeId: 'НС-2', mentorId: 'НТ-2' }],
    });
    expect(ids(proposal.units)).toEqual({ 'НТ-1': ['НС-2'], 'НТ-2': ['НС-1'] });
    expect(proposal.matched).toBe(2);
  });

  test('locks are kept exactly and use the capacity; re-running with the same input gives the same proposal', () => {
    const input = {
      mentees: [mentee('НС-1'), mentee('НС-2')],
      mentors: [mentor('НТ-1'), mentor('НТ-2', { competences: [], experienceYears: 3, category: '' })],
      locks: [{ menteeId: 'НС-1', mentorId: 'НТ-2' }],
    };
    const proposal = matchPeople(input);
    expect(ids(proposal.units)).toEqual({ 'НТ-1': ['НС-2'], 'НТ-2': ['НС-1'] });
    expect(proposal.units.find((u) => u.mentorId === 'НТ-2')!.locked).toBe(true);
    expect(proposal.units.find((u) => u.mentorId === 'НТ-1')!.locked).toBe(false);
    expect(matchPeople(input)).toEqual(proposal);
    // Without the lock, НС-1 would go to the better mentor.
    expect(ids(matchPeople({ ...input, locks: [] }).units)['НТ-1']).toEqual(['НС-1']);
  });

  test('a lock that breaks a hard constraint, or does not fit, is reported and not applied', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2'), mentee('НС-3')],
      mentors: [mentor('НТ-1', { dutiesConsent: false }), mentor('НТ-2')],
      exclusions: [{ menteeId: 'НС-3', mentorId: 'НТ-2' }],
      locks: [
        { menteeId: 'НС-1', mentorId: 'НТ-1' },
        { menteeId: 'НС-2', mentorId: 'НТ-2' },
        { menteeId: 'НС-2', mentorId: 'НТ-1' },
        { menteeId: 'НС-3', mentorId: 'НТ-2' },
        { menteeId: 'НС-9', mentorId: 'НТ-2' },
        { menteeId: 'НС-1', mentorId: 'НТ-9' },
      ],
    });
    expect(proposal.rejectedLocks.map((r) => r.reason)).toEqual([
      'наставник не дал согласия на дополнительные обязанности',
      'наставляемый уже закреплён за другим наставником',
      'пара исключена методистом',
      'наставляемый не найден в банке',
      'наставник не найден в банке',
    ]);
    expect(ids(proposal.units)).toEqual({ 'НТ-2': ['НС-2'] });
  });

  test('a lock on a full mentor is reported', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2')],
      mentors: [mentor('НТ-1')],
      locks: [
        { menteeId: 'НС-1', mentorId: 'НТ-1' },
        { menteeId: 'НС-2', mentorId: 'НТ-1' },
      ],
    });
    expect(proposal.rejectedLocks).toEqual([
      { menteeId: 'НС-2', mentorId: 'НТ-1', reason: 'у наставника нет свободных мест' },
    ]);
  });

  test('exclusions are respected even when it leaves a mentee unmatched', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1')],
      mentors: [mentor('НТ-1')],
      exclusions: [{ menteeId: 'НС-1', mentorId: 'НТ-1' }],
    });
    expect(proposal.units).toEqual([]);
    expect(proposal.unmatched).toEqual([{ menteeId: 'НС-1', reason: UNMATCHED_REASONS.excluded }]);
  });

  test('unmatched mentees carry the reason', () => {
    const proposal = matchPeople({
      mentees: [
        mentee('НС-1', { consentAt: '' }),
        mentee('НС-2', { status: 'отозвано' }),
        mentee('НС-3'),
        mentee('НС-4'),
        mentee('НС-5', { requests: [REQ.discipline] }),
      ],
      mentors: [mentor('НТ-1', { capacity: 2 })],
    });
    expect(proposal.unmatched).toEqual([
      { menteeId: 'НС-1', reason: 'нет согласия наставляемого на обработку данных' },
      { menteeId: 'НС-2', reason: 'наставляемый отозвал согласие на обработку данных' },
      { menteeId: 'НС-5', reason: UNMATCHED_REASONS.busyNoCompetence },
    ]);
    const strict = matchPeople({
      mentees: [mentee('НС-5', { requests: [REQ.discipline] }), mentee('НС-6')],
      mentors: [mentor('НТ-1', { capacity: 2 })],
      requireCommonRequest: true,
    });
    expect(strict.unmatched).toEqual([{ menteeId: 'НС-5', reason: UNMATCHED_REASONS.noCompetence }]);
    expect(matchPeople({ mentees: [mentee('НС-1')], mentors: [] }).unmatched[0].reason).toBe(
      UNMATCHED_REASONS.noMentors,
    );
    expect(
      matchPeople({ mentees: [mentee('НС-1')], mentors: [mentor('НТ-1', { dutiesConsent: false })] }).unmatched[0]
        .reason,
    ).toBe(UNMATCHED_REASONS.noWillingMentors);
    const busy = matchPeople({ mentees: [mentee('НС-1'), mentee('НС-2')], mentors: [mentor('НТ-1')] });
    expect(busy.unmatched).toEqual([{ menteeId: 'НС-2', reason: UNMATCHED_REASONS.busy }]);
  });

  test('capacity overrides replace the questionnaire answer; 0 takes the mentor out', () => {
    const input = { mentees: [mentee('НС-1'), mentee('НС-2')], mentors: [mentor('НТ-1', { capacity: 1 })] };
    expect(matchPeople({ ...input, capacityOverrides: { 'НТ-1': 2 } }).units[0].kind).toBe('группа');
    expect(matchPeople({ ...input, capacityOverrides: { 'НТ-1': 0 } }).matched).toBe(0);
    expect(() => matchPeople({ ...input, capacityOverrides: { 'НТ-1': -1 } })).toThrow(
      'Число мест наставника НТ-1 должно быть неотрицательным числом',
    );
  });

  test('coverage: per requested competence, who asks and how much capacity offers it, biggest gap first', () => {
    const proposal = matchPeople({
      mentees: [
        mentee('НС-1', { requests: [REQ.exam, REQ.assess] }),
        mentee('НС-2', { requests: [REQ.exam, REQ.parents] }),
        mentee('НС-3', { requests: [REQ.exam], consentAt: '' }), // no consent: not counted
        mentee('НС-4', { requests: [REQ.assess.toUpperCase()] }),
      ],
      mentors: [
        mentor('НТ-1', { competences: [REQ.assess, REQ.parents], capacity: 3 }),
        mentor('НТ-2', { competences: [REQ.exam], capacity: 1, dutiesConsent: false }), // cannot mentor
      ],
    });
    expect(proposal.coverage).toEqual([
      { competence: REQ.exam, menteesAsking: 2, mentorCapacity: 0, gap: 2 },
      { competence: REQ.assess, menteesAsking: 2, mentorCapacity: 3, gap: 0 },
      { competence: REQ.parents, menteesAsking: 1, mentorCapacity: 3, gap: 0 },
    ]);
  });

  test('alternatives: the feasible mentors ranked by score, at most five, the current one marked', () => {
    const mentors = [
      mentor('НТ-0', { dutiesConsent: false }),
      ...[1, 2, 3, 4, 5, 6].map((k) => mentor(`НТ-${k}`, { experienceYears: k, capacity: 1 })),
    ];
    const proposal = matchPeople({ mentees: [mentee('НС-1', { experienceYears: 0 })], mentors });
    const list = proposal.alternatives['НС-1'];
    expect(list).toHaveLength(MAX_ALTERNATIVES);
    expect(list.map((a) => a.mentorId)).toEqual(['НТ-6', 'НТ-5', 'НТ-4', 'НТ-3', 'НТ-2']);
    expect(list.map((a) => a.current)).toEqual([true, false, false, false, false]);
    expect(list[0].freeSlots).toBe(0);
    expect(list[1].freeSlots).toBe(1);
    expect(list[0].score).toBeGreaterThan(list[1].score);
    expect(list[0].explanation).toContain('стаж наставника 6 лет');
  });

  test('weights change the result: with subject weighted, the subject teacher wins over the competences', () => {
    const people = {
      mentees: [mentee('НС-1', { subjects: ['Физика'] })],
      mentors: [
        mentor('НТ-1', { subjects: ['Музыка'] }),
        mentor('НТ-2', { subjects: ['Физика'], competences: [REQ.assess] }),
      ],
    };
    expect(matchPeople(people).units[0].mentorId).toBe('НТ-1');
    expect(matchPeople({ ...people, weights: { requests: 1, subject: 10 } }).units[0].mentorId).toBe('НТ-2');
  });

  test('duplicate or blank ids are a clear error', () => {
    expect(() => matchPeople({ mentees: [mentee('НС-1'), mentee('НС-1')], mentors: [] })).toThrow(
      'ID наставляемого повторяется: НС-1',
    );
    expect(() => matchPeople({ mentees: [], mentors: [mentor(' ')] })).toThrow('У наставника в строке 1 нет ID');
  });

  test('empty banks', () => {
    expect(matchPeople({ mentees: [], mentors: [] })).toMatchObject({
      units: [],
      unmatched: [],
      coverage: [],
      matched: 0,
    });
  });
});
