import {
  latestMeetingDay,
  MONITORING_CONSENT_CHOICE,
  normalizeActivityId,
  pairIdFromChoice,
  parseDuration,
  parseMeetingDate,
  parseMeetingReport,
  parseMonitoring,
  yearFormDefinitions,
  type Answers,
  type MonitoringLookup,
  type MonitoringPerson,
} from '../../src/domain/monitoring';
import { COMPETENCES, MAX_PARAGRAPH_LENGTH, MAX_TEXT_LENGTH } from '../../src/domain/questionnaires';
import { safeText } from '../../src/sheets/cells';

const GIA = 'Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)';
const PARENTS = 'Работа с родителями (законными представителями)';
const LESSON = 'Планирование и проведение современного урока';

const PEOPLE: Record<string, MonitoringPerson> = {
  'ivanova@school.ru': { id: 'НС-0001', role: 'mentee', requests: [GIA, PARENTS, 'Шахматы'] },
  'orlova@school.ru': { id: 'НС-0002', role: 'mentee', requests: [LESSON] },
  'petrov@school.ru': { id: 'НТ-0001', role: 'mentor', requests: [] },
  'smirnova@school.ru': { id: 'НТ-0002', role: 'mentor', requests: [] },
};
const PAIRS: Record<string, { mentor: string; mentees: string[] }> = {
  'П-0001': { mentor: 'НТ-0001', mentees: ['НС-0001'] },
  'П-0002': { mentor: 'НТ-0002', mentees: ['НС-0002'] },
};
const asked: string[] = [];
const LOOKUP: MonitoringLookup = {
  personIdByEmail: (email) => {
    asked.push(email);
    return PEOPLE[email] ?? null;
  },
  pairIdOfChoice: (choice) => {
    const id = pairIdFromChoice(choice);
    return id !== null && id in PAIRS ? id : null;
  },
  pairsOf: (personId) =>
    Object.keys(PAIRS).filter((id) => PAIRS[id].mentor === personId || PAIRS[id].mentees.includes(personId)),
};

const CHOICE_1 = 'П-0001 — Петров Сергей Иванович';
const CHOICE_2 = 'П-0002 — Смирнова Анна Викторовна';
const [MEETING, MENTEE, MENTOR] = yearFormDefinitions({
  operator: 'МОУ «КСОШ № 2»',
  pairChoices: [CHOICE_1, CHOICE_2],
  competences: COMPETENCES,
});
const TIMESTAMP = '2026-11-25T09:15:00.000Z';
const meta = (email: string) => ({ email: `  ${email.toUpperCase()} `, timestamp: TIMESTAMP });

const menteeAnswers = (over: Record<string, string | string[]> = {}): Answers => ({
  pair: CHOICE_1,
  role: 'Наставляемый',
  requests: `${GIA}, ${PARENTS}`,
  satisfactionProgram: '8',
  satisfactionMentor: '9',
  resolved: `${GIA}, Другое: Шахматы`,
  competenceBefore: '3',
  competenceAfter: '7',
  meetingsUseful: '',
  change: 'Больше открытых уроков',
  consent: MONITORING_CONSENT_CHOICE,
  ...over,
});

const mentorAnswers = (over: Record<string, string | string[]> = {}): Answers => ({
  pair: CHOICE_1,
  role: 'Наставник',
  satisfactionProgram: '10',
  satisfactionMentee: '7',
  menteeProgress: '6',
  difficulties: ['Нехватка времени', 'несовпадение  графиков', 'Другое: болел'],
  readiness: 'скорее да',
  change: '',
  consent: [MONITORING_CONSENT_CHOICE],
  ...over,
});

const meetingAnswers = (over: Record<string, string | string[]> = {}): Answers => ({
  pair: CHOICE_1,
  date: '14.10.2026',
  format: 'очно',
  topic: 'Разбор открытого урока',
  duration: '45',
  activity: 'a3',
  note: 'Разобрали урок, договорились о следующем',
  ...over,
});

beforeEach(() => {
  asked.length = 0;
});

describe('parseMonitoring: mentee', () => {
  test('happy path: the record, with the person and requests from the bank', () => {
    const result = parseMonitoring(MENTEE, menteeAnswers(), meta('ivanova@school.ru'), LOOKUP);
    expect(result).toEqual({
      ok: true,
      record: {
        personId: 'НС-0001',
        role: 'mentee',
        pairId: 'П-0001',
        submittedAt: TIMESTAMP,
        scores: { satisfactionProgram: 8, satisfactionMentor: 9, competenceBefore: 3, competenceAfter: 7 },
        requests: [GIA, PARENTS, 'Шахматы'],
        resolved: [GIA, 'Шахматы'],
        before: 3,
        after: 7,
        readiness: '',
        difficulties: '',
        change: 'Больше открытых уроков',
      },
    });
    expect(asked).toEqual(['ivanova@school.ru']);
  });

  test('the prefilled role and requests are a convenience: the bank decides', () => {
    const result = parseMonitoring(
      MENTEE,
      menteeAnswers({ role: 'Наставник', requests: '=IMPORTXML("http://evil.example")' }),
      meta('ivanova@school.ru'),
      LOOKUP,
    );
    expect(result.ok && result.record.role).toBe('mentee');
    expect(result.ok && result.record.requests).toEqual(PEOPLE['ivanova@school.ru'].requests);
  });

  test('an optional scale answered is kept; resolved given as an array is cleaned and de-duplicated', () => {
    const result = parseMonitoring(
      MENTEE,
      menteeAnswers({ meetingsUseful: ' 10 ', resolved: [PARENTS, 'работа с РОДИТЕЛЯМИ (законными представителями)'] }),
      meta('ivanova@school.ru'),
      LOOKUP,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.record.scores.meetingsUseful).toBe(10);
    expect(result.record.resolved).toEqual([PARENTS]);
  });

  test('no consent → noConsent, before the person or the answers are looked at', () => {
    for (const consent of ['', [] as string[], 'Нет', 'Не согласен']) {
      const result = parseMonitoring(
        MENTEE,
        menteeAnswers({ consent, satisfactionProgram: '99' }),
        meta('stranger@example.com'),
        LOOKUP,
      );
      expect(result).toMatchObject({ ok: false, reason: 'noConsent' });
    }
    expect(asked).toEqual([]);
  });

  test('a consent question missing from the response is invalid, not noConsent', () => {
    const answers: Record<string, unknown> = { ...menteeAnswers() };
    delete answers.consent;
    const result = parseMonitoring(MENTEE, answers as Answers, meta('ivanova@school.ru'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('Согласие на обработку ответов');
  });

  test('an address in neither bank → unknownPerson; the message does not name it', () => {
    const result = parseMonitoring(MENTEE, menteeAnswers(), meta('stranger@example.com'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'unknownPerson' });
    expect(!result.ok && result.message).not.toMatch(/stranger|example/i);
    expect(asked).toEqual(['stranger@example.com']);
  });

  test('no email → invalid', () => {
    const result = parseMonitoring(MENTEE, menteeAnswers(), { email: ' ', timestamp: TIMESTAMP }, LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  test("someone else's pair, or a pair that is not in the list → wrongPair", () => {
    const other = parseMonitoring(MENTEE, menteeAnswers({ pair: CHOICE_2 }), meta('ivanova@school.ru'), LOOKUP);
    expect(other).toMatchObject({ ok: false, reason: 'wrongPair' });
    expect(!other.ok && other.message).toContain('П-0002');
    expect(!other.ok && other.message).not.toContain('Смирнова');
    const unknown = parseMonitoring(
      MENTEE,
      menteeAnswers({ pair: 'П-0099 — Кто-то' }),
      meta('ivanova@school.ru'),
      LOOKUP,
    );
    expect(unknown).toMatchObject({ ok: false, reason: 'wrongPair' });
  });

  test('an empty pair answer is invalid', () => {
    const result = parseMonitoring(MENTEE, menteeAnswers({ pair: ' ' }), meta('ivanova@school.ru'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  test('a mentor answering the mentee form → invalid, with a hint to the right form', () => {
    const result = parseMonitoring(MENTEE, menteeAnswers(), meta('petrov@school.ru'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('анкета наставника');
  });

  test.each(['0', '11', '7.5', '7,5', 'семь', '-3', '1e1', '100'])('scale answer «%s» → invalid', (bad) => {
    const result = parseMonitoring(
      MENTEE,
      menteeAnswers({ satisfactionMentor: bad }),
      meta('ivanova@school.ru'),
      LOOKUP,
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('работой с наставником');
    expect(!result.ok && result.message).toContain('от 1 до 10');
  });

  test('the bounds 1 and 10 are accepted; a bad optional scale is invalid too', () => {
    const ok = parseMonitoring(
      MENTEE,
      menteeAnswers({ competenceBefore: '1', competenceAfter: '10' }),
      meta('ivanova@school.ru'),
      LOOKUP,
    );
    expect(ok.ok && [ok.record.before, ok.record.after]).toEqual([1, 10]);
    const bad = parseMonitoring(MENTEE, menteeAnswers({ meetingsUseful: '0' }), meta('ivanova@school.ru'), LOOKUP);
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
  });

  test('a required scale left empty is invalid, naming the question', () => {
    const result = parseMonitoring(MENTEE, menteeAnswers({ competenceAfter: '' }), meta('ivanova@school.ru'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('СЕЙЧАС');
  });

  test('a bad timestamp is invalid', () => {
    const result = parseMonitoring(MENTEE, menteeAnswers(), { email: 'ivanova@school.ru', timestamp: 'вчера' }, LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  test('the meeting report form is not a monitoring form', () => {
    expect(parseMonitoring(MEETING, menteeAnswers(), meta('ivanova@school.ru'), LOOKUP)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('parseMonitoring: mentor', () => {
  test('happy path: readiness verbatim as the choice, difficulties joined', () => {
    const result = parseMonitoring(MENTOR, mentorAnswers(), meta('petrov@school.ru'), LOOKUP);
    expect(result).toEqual({
      ok: true,
      record: {
        personId: 'НТ-0001',
        role: 'mentor',
        pairId: 'П-0001',
        submittedAt: TIMESTAMP,
        scores: { satisfactionProgram: 10, satisfactionMentee: 7, menteeProgress: 6 },
        requests: [],
        resolved: [],
        before: null,
        after: null,
        readiness: 'Скорее да',
        difficulties: 'Нехватка времени; Несовпадение графиков; болел',
        change: '',
      },
    });
  });

  test('a mentee answering the mentor form → invalid; a missing readiness → invalid', () => {
    expect(parseMonitoring(MENTOR, mentorAnswers(), meta('ivanova@school.ru'), LOOKUP)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const result = parseMonitoring(MENTOR, mentorAnswers({ readiness: '' }), meta('petrov@school.ru'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('продолжить');
  });

  test("a mentor choosing another mentor's pair → wrongPair", () => {
    const result = parseMonitoring(MENTOR, mentorAnswers({ pair: CHOICE_2 }), meta('petrov@school.ru'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'wrongPair' });
  });
});

describe('hostile text', () => {
  const parseChange = (change: string) => {
    const result = parseMonitoring(MENTEE, menteeAnswers({ change }), meta('ivanova@school.ru'), LOOKUP);
    if (!result.ok) throw new Error(result.message);
    return result.record.change;
  };

  test('a formula is kept verbatim (as the questionnaires do); the sheet layer writes it as text', () => {
    for (const formula of ['=HYPERLINK("http://evil.example","x")', '+7 900', '-1+1', '@import']) {
      const change = parseChange(`  ${formula}  `);
      expect(change).toBe(formula);
      expect(safeText(change)).toBe(`'${formula}`);
    }
  });

  test('control and invisible characters are removed; a paragraph keeps its line breaks', () => {
    expect(parseChange('Раз\u0000два\u0007 \u202Eтри\u200B\r\nчетыре\u2028пять\n\n\n\nшесть\t\tсемь\u007f')).toBe(
      'Раздва три\nчетыре\nпять\n\nшесть семь',
    );
    const resolved = parseMonitoring(
      MENTEE,
      menteeAnswers({ resolved: ['Другое: Шах\u0000маты\nи\tшашки'] }),
      meta('ivanova@school.ru'),
      LOOKUP,
    );
    expect(resolved.ok && resolved.record.resolved).toEqual(['Шахматы и шашки']);
  });

  test('10 000 characters are cut to the questionnaires’ lengths', () => {
    const change = parseChange('я'.repeat(10000));
    expect(change).toHaveLength(MAX_PARAGRAPH_LENGTH);
    expect(change.endsWith('…')).toBe(true);
    const other = parseMonitoring(
      MENTEE,
      menteeAnswers({ resolved: [`Другое: ${'ж'.repeat(10000)}`] }),
      meta('ivanova@school.ru'),
      LOOKUP,
    );
    expect(other.ok && other.record.resolved[0]).toHaveLength(MAX_TEXT_LENGTH);
  });

  test('HTML and placeholders are plain text, kept as typed', () => {
    const html = '<script>alert(1)</script> <b>жирный</b> {{name}}';
    expect(parseChange(html)).toBe(html);
  });

  test('a cut never splits a surrogate pair', () => {
    const change = parseChange('😀'.repeat(5000));
    expect(change.length).toBeLessThanOrEqual(MAX_PARAGRAPH_LENGTH);
    expect(/[\uD800-\uDBFF]…$/.test(change)).toBe(false);
  });
});

describe('parseMeetingReport', () => {
  test('happy path: the record, reported by the mentor of the pair', () => {
    const result = parseMeetingReport(MEETING, meetingAnswers(), meta('petrov@school.ru'), LOOKUP);
    expect(result).toEqual({
      ok: true,
      record: {
        pairId: 'П-0001',
        date: '2026-10-14',
        format: 'Очно',
        topic: 'Разбор открытого урока',
        duration: 45,
        activityId: 'А-03',
        note: 'Разобрали урок, договорились о следующем',
        reportedBy: 'НТ-0001',
        submittedAt: TIMESTAMP,
      },
    });
  });

  test('optional answers empty or absent: no duration, no activity, no note', () => {
    const answers: Record<string, unknown> = { ...meetingAnswers({ duration: '', activity: ' ' }) };
    delete answers.note;
    const result = parseMeetingReport(MEETING, answers as Answers, meta('petrov@school.ru'), LOOKUP);
    if (!result.ok) throw new Error(result.message);
    expect([result.record.duration, result.record.activityId, result.record.note]).toEqual([null, '', '']);
  });

  test('only the mentor of the chosen pair may report', () => {
    const mentee = parseMeetingReport(MEETING, meetingAnswers(), meta('ivanova@school.ru'), LOOKUP);
    expect(mentee).toMatchObject({ ok: false, reason: 'wrongPair' });
    const otherMentor = parseMeetingReport(MEETING, meetingAnswers(), meta('smirnova@school.ru'), LOOKUP);
    expect(otherMentor).toMatchObject({ ok: false, reason: 'wrongPair' });
    const stranger = parseMeetingReport(MEETING, meetingAnswers(), meta('nobody@school.ru'), LOOKUP);
    expect(stranger).toMatchObject({ ok: false, reason: 'unknownPerson' });
    const own = parseMeetingReport(MEETING, meetingAnswers({ pair: CHOICE_2 }), meta('smirnova@school.ru'), LOOKUP);
    expect(own.ok && own.record.reportedBy).toBe('НТ-0002');
  });

  test.each([
    ['14.10.2026', '2026-10-14'],
    ['4.9.2026', '2026-09-04'],
    ['04.09.2026', '2026-09-04'],
    ['2026-10-14', '2026-10-14'],
    [' 14.10.2026 г.', '2026-10-14'],
    ['29.02.2024', '2024-02-29'],
  ])('date «%s» → %s', (text, iso) => {
    expect(parseMeetingDate(text)).toBe(iso);
    const result = parseMeetingReport(MEETING, meetingAnswers({ date: text }), meta('petrov@school.ru'), LOOKUP);
    expect(result.ok && result.record.date).toBe(iso);
  });

  test.each(['31.02.2026', '14/10/2026', '14.10.26', 'вчера', '2026-13-01', '=TODAY()'])(
    'date «%s» → invalid',
    (text) => {
      expect(parseMeetingDate(text)).toBeNull();
      const result = parseMeetingReport(MEETING, meetingAnswers({ date: text }), meta('petrov@school.ru'), LOOKUP);
      expect(result).toMatchObject({ ok: false, reason: 'invalid' });
      expect(!result.ok && result.message).toContain('дд.мм.гггг');
    },
  );

  test('a date after the day of the report is invalid (a UTC time allows the next day: Russia is ahead)', () => {
    const at = (date: string, timestamp: string) =>
      parseMeetingReport(MEETING, meetingAnswers({ date }), { email: 'petrov@school.ru', timestamp }, LOOKUP);
    expect(at('25.11.2026', TIMESTAMP).ok).toBe(true);
    expect(at('26.11.2026', TIMESTAMP).ok).toBe(true);
    expect(at('27.11.2026', TIMESTAMP)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(at('01.01.2027', TIMESTAMP)).toMatchObject({ ok: false, reason: 'invalid' });
    const local = '2026-11-25T12:00:00+03:00';
    expect(at('25.11.2026', local).ok).toBe(true);
    expect(at('26.11.2026', local)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(latestMeetingDay('2026-12-31T23:00:00Z')).toBe('2027-01-01');
    expect(latestMeetingDay('2026-12-31T10:00:00+07:00')).toBe('2026-12-31');
  });

  test.each([
    ['45', 45],
    [' 45 мин ', 45],
    ['90 минут', 90],
    ['600', 600],
    ['1', 1],
    ['', null],
  ] as const)('duration «%s» → %s', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
    const result = parseMeetingReport(MEETING, meetingAnswers({ duration: text }), meta('petrov@school.ru'), LOOKUP);
    expect(result.ok && result.record.duration).toBe(minutes);
  });

  test.each(['0', '601', '1,5', '45.5', '-5', 'час', '1e2'])('duration «%s» → invalid', (text) => {
    expect(parseDuration(text)).toBe('bad');
    const result = parseMeetingReport(MEETING, meetingAnswers({ duration: text }), meta('petrov@school.ru'), LOOKUP);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  test('activity ids take the program’s form «А-03» (Cyrillic А); other text is kept, upper case', () => {
    for (const text of ['a3', 'A3', 'А3', 'а-3', ' A - 03 ', '№ А-03', 'A003']) {
      expect(normalizeActivityId(text)).toBe('А-03');
      expect(normalizeActivityId(text).charCodeAt(0)).toBe(0x410);
    }
    expect(normalizeActivityId('a12')).toBe('А-12');
    expect(normalizeActivityId('')).toBe('');
    expect(normalizeActivityId('  вне программы ')).toBe('ВНЕ ПРОГРАММЫ');
    expect(normalizeActivityId('A0')).toBe('A0');
  });

  test('texts: cut, control characters removed, formulas verbatim; a required topic must be there', () => {
    const result = parseMeetingReport(
      MEETING,
      meetingAnswers({ topic: `=${'т'.repeat(10000)}`, note: `-1+1\u0000 ${'з'.repeat(10000)}` }),
      meta('petrov@school.ru'),
      LOOKUP,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.record.topic).toHaveLength(MAX_TEXT_LENGTH);
    expect(result.record.topic.startsWith('=тт')).toBe(true);
    expect(result.record.note).toHaveLength(MAX_PARAGRAPH_LENGTH);
    expect(result.record.note.startsWith('-1+1 зз')).toBe(true);
    const noTopic = parseMeetingReport(
      MEETING,
      meetingAnswers({ topic: '\u0000 \u200B' }),
      meta('petrov@school.ru'),
      LOOKUP,
    );
    expect(noTopic).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!noTopic.ok && noTopic.message).toContain('Тема встречи');
  });

  test('a monitoring form is not a meeting report', () => {
    expect(parseMeetingReport(MENTEE, meetingAnswers(), meta('petrov@school.ru'), LOOKUP)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});
