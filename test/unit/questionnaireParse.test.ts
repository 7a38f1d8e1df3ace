import {
  CONSENT_CHOICE,
  DUTIES_NO,
  DUTIES_YES,
  MAX_PARAGRAPH_LENGTH,
  MAX_TEXT_LENGTH,
  menteeForm,
  mentorForm,
  parseExperience,
  parseSubmission,
  resolveForm,
  splitChoices,
  WITHDRAWAL_CHOICE,
  withdrawalForm,
  type Answers,
} from '../../src/domain/questionnaires';

const OPTIONS = { operator: 'МОУ «КСОШ № 2»' };
const MENTEE = resolveForm(menteeForm(OPTIONS));
const MENTOR = resolveForm(mentorForm(OPTIONS));
const WITHDRAWAL = resolveForm(withdrawalForm(OPTIONS));
const META = { email: '  Ivanova.MP@School.RU ', timestamp: '2026-11-25T09:15:00.000Z' };

const menteeAnswers = (over: Partial<Record<string, string | string[]>> = {}): Answers => ({
  fullName: 'Иванова Мария Петровна',
  position: 'Учитель',
  subjects: 'Математика, Информатика',
  experience: '2',
  category: 'Без категории',
  requests: 'Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ), Работа с родителями (законными представителями)',
  formatKind: 'Индивидуальная (пара)',
  mode: 'Очно',
  times: ['После уроков'],
  note: 'Хочу научиться работать с ЦОР',
  consent: CONSENT_CHOICE,
  ...over,
});

const mentorAnswers = (over: Partial<Record<string, string | string[]>> = {}): Answers => ({
  fullName: 'Петров Сергей Иванович',
  position: 'Учитель',
  subjects: ['Физика'],
  experience: '25 лет',
  category: 'Высшая',
  competences: ['Оценивание образовательных результатов', 'Дисциплина и управление классом'],
  capacity: '2',
  formatKinds: 'Индивидуальная (пара), Групповая',
  mode: 'Смешанно',
  times: 'Перед уроками, В методический день',
  note: '',
  dutiesConsent: DUTIES_YES,
  consent: [CONSENT_CHOICE],
  ...over,
});

describe('mentee', () => {
  test('happy path: a clean record', () => {
    const result = parseSubmission(MENTEE, menteeAnswers(), META);
    expect(result).toEqual({
      ok: true,
      notes: [],
      record: {
        kind: 'mentee',
        email: 'ivanova.mp@school.ru',
        fullName: 'Иванова Мария Петровна',
        position: 'Учитель',
        subjects: ['Математика', 'Информатика'],
        experienceYears: 2,
        category: 'Без категории',
        requests: ['Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)', 'Работа с родителями (законными представителями)'],
        formatKind: 'Индивидуальная (пара)',
        mode: 'Очно',
        times: ['После уроков'],
        note: 'Хочу научиться работать с ЦОР',
        consentAt: META.timestamp,
        sourceTimestamp: META.timestamp,
      },
    });
  });

  test('no consent → noConsent, whatever else is wrong', () => {
    for (const consent of ['', [] as string[], 'Нет']) {
      const result = parseSubmission(MENTEE, menteeAnswers({ consent }), META);
      expect(result).toMatchObject({ ok: false, reason: 'noConsent' });
    }
    expect(parseSubmission(MENTEE, menteeAnswers({ consent: '', requests: '' }), { ...META, email: '' })).toMatchObject(
      {
        ok: false,
        reason: 'noConsent',
      },
    );
  });

  test('a consent question missing from the response is invalid, not noConsent (no deletion)', () => {
    const answers: Record<string, unknown> = { ...menteeAnswers() };
    delete answers.consent;
    const result = parseSubmission(MENTEE, answers as Answers, META);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('Согласие на обработку персональных данных');
  });

  test('a required answer left empty is invalid, naming the question', () => {
    const result = parseSubmission(MENTEE, menteeAnswers({ requests: [] }), META);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('Профессиональные затруднения');
  });

  test.each([
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['joiners and a word joiner', '\u200C\u200D\u2060'],
    ['a byte-order mark and a soft hyphen', '\uFEFF\u00AD'],
    ['non-breaking spaces', '\u00A0\u202F\u2007'],
    ['a mix', ' \u200B\u00A0\u00AD\u2060\uFEFF '],
  ])('a name made only of %s is an empty required answer, and says so', (_, name) => {
    const r = parseSubmission(MENTEE, menteeAnswers({ fullName: name }), META);
    expect(r).toEqual({
      ok: false,
      reason: 'invalid',
      message:
        'Нет ответа на обязательный вопрос «Фамилия, имя, отчество»: ответ состоит только из пробелов и невидимых символов',
    });
  });

  test('invisible characters around a name are dropped; inside it they stay', () => {
    const r = parseSubmission(MENTEE, menteeAnswers({ fullName: '\u200BИванова\u00A0Мария\u2060\uFEFF' }), META);
    expect(r.ok && r.record.fullName).toBe('Иванова\u00A0Мария');
  });

  test('no email → invalid; a bad email is flagged in notes, not dropped', () => {
    expect(parseSubmission(MENTEE, menteeAnswers(), { ...META, email: '  ' })).toMatchObject({ ok: false });
    const result = parseSubmission(MENTEE, menteeAnswers(), { ...META, email: ' Ivanova at school ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.email).toBe('ivanova at school');
    expect(result.notes).toEqual(['Адрес электронной почты выглядит неверно: ivanova at school']);
  });

  test('a bad timestamp is invalid', () => {
    expect(parseSubmission(MENTEE, menteeAnswers(), { ...META, timestamp: 'вчера' })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  test('over-long answers are cut with a note', () => {
    const result = parseSubmission(
      MENTEE,
      menteeAnswers({
        fullName: 'Я'.repeat(600),
        note: 'Ж'.repeat(5000),
        requests: ['Оценивание образовательных результатов', 'х'.repeat(900)],
      }),
      META,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.record.fullName).toHaveLength(MAX_TEXT_LENGTH);
    expect(result.record.fullName.endsWith('…')).toBe(true);
    expect(result.record.note).toHaveLength(MAX_PARAGRAPH_LENGTH);
    expect(result.record.requests[1]).toHaveLength(MAX_TEXT_LENGTH);
    expect(result.notes).toEqual([
      `Ответ на вопрос «Фамилия, имя, отчество» сокращён до ${MAX_TEXT_LENGTH} символов`,
      `Ответ на вопрос «Профессиональные затруднения и запросы: в чём вам нужна поддержка наставника?» сокращён до ${MAX_TEXT_LENGTH} символов`,
      `Ответ на вопрос «Что ещё важно знать наставнику?» сокращён до ${MAX_PARAGRAPH_LENGTH} символов`,
    ]);
    // A long answer under a required question is still an answer.
    expect(parseSubmission(MENTEE, menteeAnswers({ requests: ['я'.repeat(10_000)] }), META).ok).toBe(true);
  });

  test('a cut never splits a surrogate pair', () => {
    const result = parseSubmission(MENTEE, menteeAnswers({ fullName: 'а' + '😀'.repeat(400) }), META);
    if (!result.ok) throw new Error(result.message);
    expect(result.record.fullName.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(result.record.fullName).toMatch(/^а(😀)+…$/u);
  });

  test('«Другое» values are kept as their own values; choices are deduplicated and canonical', () => {
    const result = parseSubmission(
      MENTEE,
      menteeAnswers({
        requests:
          'Работа с одарёнными детьми, робототехника, 3D-печать, Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ), работа с одаренными детьми',
        subjects: ['  математика ', 'Математика', 'Другое: Шахматы', 'Шахматы'],
        times: ['Другое: по субботам'],
      }),
      META,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.record.requests).toEqual([
      'Работа с одарёнными детьми',
      'робототехника, 3D-печать',
      'Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)',
    ]);
    expect(result.record.subjects).toEqual(['Математика', 'Шахматы']);
    expect(result.record.times).toEqual(['по субботам']);
  });

  test('hostile text is kept verbatim (the sheet layer writes it as text)', () => {
    const hostile = {
      fullName: '=HYPERLINK("http://evil.example","Иванова")',
      note: '+7 (900) 000-00-00 <script>alert(1)</script> {{name}}',
      requests: ['@import', '-1+1'],
      subjects: ['=1+1'],
    };
    const result = parseSubmission(MENTEE, menteeAnswers(hostile), META);
    if (!result.ok) throw new Error(result.message);
    expect(result.record.fullName).toBe(hostile.fullName);
    expect(result.record.note).toBe(hostile.note);
    expect(result.record.requests).toEqual(hostile.requests);
    expect(result.record.subjects).toEqual(hostile.subjects);
  });

  test('an unresolved definition parses with the default lists', () => {
    const result = parseSubmission(menteeForm(OPTIONS), menteeAnswers(), META);
    expect(result.ok && result.record.requests).toHaveLength(2);
  });
});

describe('mentor', () => {
  test('happy path: a clean record', () => {
    const result = parseSubmission(MENTOR, mentorAnswers(), { ...META, email: 'petrov@school.ru' });
    expect(result).toEqual({
      ok: true,
      notes: [],
      record: {
        kind: 'mentor',
        email: 'petrov@school.ru',
        fullName: 'Петров Сергей Иванович',
        position: 'Учитель',
        subjects: ['Физика'],
        experienceYears: 25,
        category: 'Высшая',
        competences: ['Оценивание образовательных результатов', 'Дисциплина и управление классом'],
        formatKinds: ['Индивидуальная (пара)', 'Групповая'],
        mode: 'Смешанно',
        times: ['Перед уроками', 'В методический день'],
        note: '',
        capacity: 2,
        dutiesConsent: true,
        consentAt: META.timestamp,
        sourceTimestamp: META.timestamp,
      },
    });
  });

  test('no personal-data consent → noConsent', () => {
    expect(parseSubmission(MENTOR, mentorAnswers({ consent: [] }), META)).toMatchObject({
      ok: false,
      reason: 'noConsent',
    });
  });

  test('«Нет» to the duties: kept in the bank with a note', () => {
    const result = parseSubmission(MENTOR, mentorAnswers({ dutiesConsent: DUTIES_NO }), META);
    if (!result.ok) throw new Error(result.message);
    expect(result.record.dutiesConsent).toBe(false);
    expect(result.notes.join()).toMatch(/дополнительные обязанности/);
  });

  test.each([
    ['3', 3, false],
    ['5', 5, false],
    ['7', 5, true],
    ['0', 1, true],
    ['много', 1, true],
  ])('capacity %s → %d', (capacity, value, noted) => {
    const result = parseSubmission(MENTOR, mentorAnswers({ capacity }), META);
    if (!result.ok) throw new Error(result.message);
    expect(result.record.capacity).toBe(value);
    expect(result.notes.some((n) => n.startsWith('Число наставляемых'))).toBe(noted);
  });
});

describe('withdrawal', () => {
  test('confirmed → a withdrawal record', () => {
    const result = parseSubmission(
      WITHDRAWAL,
      { fullName: '', confirm: [WITHDRAWAL_CHOICE], reason: 'Перехожу в другую школу' },
      META,
    );
    expect(result).toEqual({
      ok: true,
      notes: [],
      record: {
        kind: 'withdrawal',
        email: 'ivanova.mp@school.ru',
        fullName: '',
        reason: 'Перехожу в другую школу',
        sourceTimestamp: META.timestamp,
      },
    });
  });

  test('not confirmed → invalid', () => {
    expect(parseSubmission(WITHDRAWAL, { confirm: '' }, META)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parseSubmission(WITHDRAWAL, { confirm: 'Не знаю' }, META)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('parseExperience', () => {
  test.each([
    ['12', 12, false],
    ['12 лет', 12, false],
    [' 1 год ', 1, false],
    ['1,5 года', 1.5, false],
    ['около 5', 5, true],
    ['5-7 лет', 5, true],
    ['8 месяцев', 0.7, true],
    ['полгода', 0.5, true],
    ['меньше года', 0, true],
    ['2 года 6 месяцев', 2, true],
  ])('%s → %d', (text, years, noted) => {
    const r = parseExperience(text);
    expect(r.years).toBe(years);
    expect(r.note !== null).toBe(noted);
  });

  test.each(['много', 'с 1998 года', '1998', 'N/A'])('%s → null with a note', (text) => {
    const r = parseExperience(text);
    expect(r.years).toBeNull();
    expect(r.note).toMatch(/Стаж не распознан/);
  });

  test('empty → null, no note; the note is Russian and agrees in number', () => {
    expect(parseExperience('  ')).toEqual({ years: null, note: null });
    expect(parseExperience('около 21').note).toBe('Стаж «около 21» понят как 21 год');
    expect(parseExperience('около 3').note).toBe('Стаж «около 3» понят как 3 года');
    expect(parseExperience('около 11').note).toBe('Стаж «около 11» понят как 11 лет');
  });

  test('an unreadable experience in a submission: null with a note, the record kept', () => {
    const result = parseSubmission(MENTEE, menteeAnswers({ experience: 'давно' }), META);
    if (!result.ok) throw new Error(result.message);
    expect(result.record.experienceYears).toBeNull();
    expect(result.notes).toEqual(['Стаж не распознан: «давно»; уточните его в таблице']);
  });
});

describe('splitChoices', () => {
  const choices = ['Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)', 'Оценивание', 'Оценивание образовательных результатов'];
  test('options with commas stay whole, the longest wins, other text in between is one value', () => {
    expect(splitChoices('Оценивание образовательных результатов, Оценивание', choices)).toEqual([
      'Оценивание образовательных результатов',
      'Оценивание',
    ]);
    expect(splitChoices('шахматы, го, Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)', choices)).toEqual([
      'шахматы, го',
      'Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)',
    ]);
    expect(splitChoices('', choices)).toEqual([]);
  });
});
