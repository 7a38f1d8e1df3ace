import { dateInWords, newsDraft, type NewsDraft, type SchoolEvent } from '../../src/domain/events';

const SCHOOL = 'МОУ «КСОШ № 2»';
const MENTEES = ['Петрова Анна Сергеевна', 'Козлов Дмитрий Игоревич'];

function event(over: Partial<SchoolEvent>): SchoolEvent {
  return {
    id: 'М-004',
    date: '2027-05-14',
    kind: 'Семинар',
    topic: 'Наставничество как ресурс профессионального роста',
    responsible: 'Смирнова Ольга Викторовна',
    participantsCount: 14,
    participants: MENTEES.join('; '),
    evidence: 'https://school2.ru/protocol-4',
    roadmapNo: '6.2',
    ...over,
  };
}

const ACTIVITY = 'Школьная конференция или семинар';

function fullText(d: NewsDraft): string {
  return [d.title, d.lead, ...d.paragraphs].join('\n');
}

/** Sentences of the body (lead + paragraphs): split after «.» followed by a space and a capital or «[». */
function sentences(d: NewsDraft): string[] {
  return [d.lead, ...d.paragraphs].join(' ').split(/(?<=\.)\s+(?=[А-ЯЁA-Z[\d])/);
}

describe('dates in words', () => {
  test.each([
    ['2027-05-14', '14 мая 2027 года'],
    ['2026-09-01', '1 сентября 2026 года'],
    ['2027-02-28', '28 февраля 2027 года'],
  ])('%s → %s', (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });
});

describe('news draft with all facts', () => {
  const draft = newsDraft(event({}), { school: SCHOOL, activityTitle: ACTIVITY });

  test('title: kind and topic', () => {
    expect(draft.title).toBe('Семинар «Наставничество как ресурс профессионального роста»');
  });

  test('lead: date in words, school, kind with its verb, topic', () => {
    expect(draft.lead).toBe(
      '14 мая 2027 года в МОУ «КСОШ № 2» прошёл семинар «Наставничество как ресурс профессионального роста».',
    );
  });

  test('participants as a number, the organiser by name, the mentoring model and roadmap item', () => {
    expect(draft.paragraphs).toEqual([
      'В мероприятии приняли участие 14 педагогов, организатор — Смирнова Ольга Викторовна.',
      'Мероприятие проведено в рамках реализации целевой модели наставничества педагогических работников ' +
        '(дорожная карта, пункт 6.2 «Школьная конференция или семинар»).',
    ]);
  });

  test('no hints when every fact is there; 3–5 sentences', () => {
    expect(fullText(draft)).not.toContain('[');
    const n = sentences(draft).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(5);
  });

  test('names of participants never leak, even their surnames', () => {
    const text = fullText(draft);
    for (const name of MENTEES) for (const word of name.split(' ')) expect(text).not.toContain(word);
  });
});

describe('agreement', () => {
  test.each([
    ['Педагогический совет', 'прошёл педагогический совет'],
    ['Административное совещание', 'прошло административное совещание'],
    ['Психолого-педагогическая консультация', 'прошла психолого-педагогическая консультация'],
    ['школьная КОНФЕРЕНЦИЯ', 'прошла школьная КОНФЕРЕНЦИЯ'],
    ['Открытый урок', 'состоялось мероприятие программы наставничества — открытый урок'],
    ['Другое', 'состоялось мероприятие программы наставничества «'],
  ])('%s → «%s»', (kind, phrase) => {
    expect(newsDraft(event({ kind }), { school: SCHOOL, activityTitle: '' }).lead).toContain(phrase);
  });

  test.each([
    [1, '1 педагог,'],
    [3, '3 педагога,'],
    [11, '11 педагогов,'],
    [21, '21 педагог,'],
    [24, '24 педагога,'],
  ])('%i participants → «%s»', (count, phrase) => {
    const text = newsDraft(event({ participantsCount: count }), { school: SCHOOL, activityTitle: '' }).paragraphs[0];
    expect(text).toContain(phrase);
    expect(text.startsWith(count % 10 === 1 && count !== 11 ? 'В мероприятии принял ' : 'В мероприятии приняли ')).toBe(
      true,
    );
  });
});

test('an organiser written with initials gets no double period', () => {
  const d = newsDraft(event({ responsible: 'Смирнова О. В.' }), { school: SCHOOL, activityTitle: ACTIVITY });
  expect(d.paragraphs[0]).toBe('В мероприятии приняли участие 14 педагогов, организатор — Смирнова О. В.');
});

describe('news draft with missing facts', () => {
  const bare = event({ date: '', kind: '', topic: '', responsible: '', participantsCount: null, roadmapNo: '' });
  const draft = newsDraft(bare, { school: '', activityTitle: '' });
  const text = fullText(draft);

  test('each missing fact leaves a hint instead of an invention', () => {
    expect(draft.title).toBe('[добавьте название мероприятия]');
    expect(draft.lead).toContain('[добавьте дату]');
    expect(draft.lead).toContain('[добавьте краткое название школы]');
    expect(draft.lead).toContain('[добавьте тему]');
    expect(draft.paragraphs[0]).toContain('[добавьте число участников');
    expect(text).not.toMatch(/\d{4} года/);
    expect(text).not.toContain('организатор');
    expect(text).not.toContain('дорожная карта');
  });

  test('the closing line about the mentoring model stays, and mentee names still do not appear', () => {
    expect(draft.paragraphs[draft.paragraphs.length - 1]).toContain('целевой модели наставничества');
    for (const name of MENTEES) expect(text).not.toContain(name.split(' ')[0]);
  });

  test('zero or a bad count is a missing count', () => {
    for (const participantsCount of [0, -3, 2.5]) {
      const d = newsDraft(event({ participantsCount }), { school: SCHOOL, activityTitle: ACTIVITY });
      expect(d.paragraphs[0]).toContain('[добавьте число участников');
    }
  });

  test('kind without topic, and topic without kind', () => {
    expect(newsDraft(event({ topic: '' }), { school: SCHOOL, activityTitle: '' }).title).toBe(
      'Семинар [добавьте тему]',
    );
    expect(
      newsDraft(event({ kind: 'Другое', topic: 'итоги года.' }), { school: SCHOOL, activityTitle: '' }).title,
    ).toBe('Итоги года');
  });
});

describe('practices and the roadmap reference', () => {
  test('presented practices are listed, quoted once', () => {
    const d = newsDraft(event({ kind: 'Круглый стол по лучшим практикам', roadmapNo: '6.3' }), {
      school: SCHOOL,
      activityTitle: 'Круглый стол по лучшим практикам наставничества',
      practices: ['Кейс-метод на уроках истории', '«Мастерская молодого учителя»', '  '],
    });
    expect(d.paragraphs[0]).toContain(
      'На мероприятии были представлены практики наставничества: «Кейс-метод на уроках истории», «Мастерская молодого учителя».',
    );
    expect(d.paragraphs[1]).toContain('пункт 6.3 «Круглый стол по лучшим практикам наставничества»');
    expect(sentences(d).length).toBeLessThanOrEqual(5);
  });

  test('one practice: singular', () => {
    const d = newsDraft(event({}), { school: SCHOOL, activityTitle: ACTIVITY, practices: ['Кейс-метод'] });
    expect(d.paragraphs[0]).toContain('На мероприятии была представлена практика наставничества «Кейс-метод».');
  });

  test('number only, or title only', () => {
    expect(newsDraft(event({}), { school: SCHOOL, activityTitle: '' }).paragraphs[1]).toMatch(
      /\(дорожная карта, пункт 6\.2\)\.$/,
    );
    expect(newsDraft(event({ roadmapNo: '' }), { school: SCHOOL, activityTitle: ACTIVITY }).paragraphs[1]).toMatch(
      /\(дорожная карта: «Школьная конференция или семинар»\)\.$/,
    );
  });
});
