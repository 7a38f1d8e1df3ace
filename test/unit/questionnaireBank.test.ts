import {
  anonymize,
  BANK_STATUSES,
  bankId,
  compareTimestamps,
  MAX_HISTORY_LINES,
  mergeRecord,
  normalizeEmail,
  PERSONAL_FIELDS,
  WITHDRAWN_NAME,
  WITHDRAWN_STATUS,
  type BankEntry,
  type MenteeRecord,
  type MentorRecord,
} from '../../src/domain/questionnaires';

const T1 = '2026-11-20T08:00:00.000Z';
const T2 = '2026-11-25T09:30:00.000Z';

const mentee = (over: Partial<MenteeRecord> = {}): MenteeRecord => ({
  kind: 'mentee',
  email: 'ivanova@school.ru',
  fullName: 'Иванова Мария Петровна',
  position: 'Учитель',
  subjects: ['Математика', 'Информатика'],
  experienceYears: 2,
  category: 'Без категории',
  requests: ['Оценивание образовательных результатов', 'Работа с роботами'],
  formatKind: 'Индивидуальная (пара)',
  mode: 'Очно',
  times: ['После уроков'],
  note: 'Пишу по вечерам',
  consentAt: T1,
  sourceTimestamp: T1,
  ...over,
});

const mentor = (over: Partial<MentorRecord> = {}): MentorRecord => ({
  kind: 'mentor',
  email: 'petrov@school.ru',
  fullName: 'Петров Сергей Иванович',
  position: 'Учитель',
  subjects: ['Физика'],
  experienceYears: 25,
  category: 'Высшая',
  competences: ['Дисциплина и управление классом', 'Шахматная педагогика'],
  formatKinds: ['Групповая'],
  mode: 'Смешанно',
  times: ['В каникулы'],
  note: 'Кабинет 214',
  capacity: 3,
  dutiesConsent: true,
  consentAt: T1,
  sourceTimestamp: T1,
  ...over,
});

const first = (r: MenteeRecord, now = '2026-11-20') => mergeRecord(null, r, { now, id: bankId('mentee', 7) });

describe('mergeRecord', () => {
  test('a new person: status «новый», the id given, a history line', () => {
    const result = first(mentee());
    expect(result.changed).toBe(true);
    expect(result.history).toBe('20.11.2026: анкета получена');
    expect(result.record).toEqual({
      ...mentee(),
      id: 'НС-0007',
      status: 'новый',
      history: '20.11.2026: анкета получена',
    });
  });

  test('a newer submission replaces the answers and notes the changed fields only', () => {
    const stored = first(mentee()).record;
    const incoming = mentee({
      requests: ['Работа с роботами', 'Дисциплина и управление классом'],
      mode: 'Дистанционно',
      times: ['После уроков'],
      sourceTimestamp: T2,
      consentAt: T2,
    });
    const result = mergeRecord(stored, incoming, { now: '2026-11-25T12:00:00Z' });
    expect(result.changed).toBe(true);
    expect(result.history).toBe('25.11.2026: анкета обновлена (изменены: запросы, формат)');
    expect(result.record).toEqual({
      ...incoming,
      id: 'НС-0007',
      status: 'новый',
      history: '20.11.2026: анкета получена\n25.11.2026: анкета обновлена (изменены: запросы, формат)',
    });
    // No personal data in the history line.
    expect(result.history).not.toMatch(/Иванова|ivanova|Дистанционно|Дисциплина/);
  });

  test('the same list in another order is no change', () => {
    const stored = first(mentee()).record;
    const result = mergeRecord(stored, mentee({ subjects: ['Информатика', 'Математика'], sourceTimestamp: T2 }), {
      now: '2026-11-25',
    });
    expect(result.changed).toBe(true);
    expect(result.history).toBe('25.11.2026: анкета отправлена повторно, без изменений');
    expect(result.record.sourceTimestamp).toBe(T2);
  });

  test('the same response twice changes nothing (idempotent)', () => {
    const once = first(mentee());
    const twice = mergeRecord(once.record, mentee(), { now: '2026-11-21' });
    expect(twice).toEqual({ record: once.record, changed: false, history: null });
    // Even when the answers differ: the same timestamp is the same response.
    expect(mergeRecord(once.record, mentee({ fullName: 'Другая' }), { now: '2026-11-21' }).changed).toBe(false);
  });

  test('an older response changes nothing', () => {
    const stored = mergeRecord(null, mentee({ sourceTimestamp: T2, consentAt: T2 }), { now: '2026-11-25' }).record;
    const result = mergeRecord(stored, mentee({ requests: ['Иное'], sourceTimestamp: T1 }), { now: '2026-11-26' });
    expect(result.changed).toBe(false);
    expect(result.record).toBe(stored);
    expect(result.record.requests).toEqual(mentee().requests);
  });

  test('timestamps compare as instants, whatever the offset', () => {
    expect(compareTimestamps('2026-11-25T12:00:00+03:00', '2026-11-25T10:00:00Z')).toBe(-1);
    expect(compareTimestamps('2026-11-25T13:00:00+03:00', '2026-11-25T10:00:00.000Z')).toBe(0);
  });

  test.each(BANK_STATUSES.map((s) => [s]))('status «%s» is kept by an update', (status) => {
    const stored: BankEntry<MenteeRecord> = { ...first(mentee()).record, status };
    const result = mergeRecord(stored, mentee({ note: 'Новое', sourceTimestamp: T2 }), { now: '2026-11-25' });
    expect(result.record.status).toBe(status);
    expect(result.history).toBe('25.11.2026: анкета обновлена (изменены: комментарий)');
  });

  test('mentor fields: capacity, competences, duties consent', () => {
    const stored = mergeRecord(null, mentor(), { now: '2026-11-20', id: bankId('mentor', 3) }).record;
    expect(stored.id).toBe('НТ-0003');
    const result = mergeRecord(stored, mentor({ capacity: 1, dutiesConsent: false, sourceTimestamp: T2 }), {
      now: '2026-11-25',
    });
    expect(result.history).toBe(
      '25.11.2026: анкета обновлена (изменены: число наставляемых, согласие на обязанности наставника)',
    );
  });

  test('a mentee record cannot update a mentor entry', () => {
    const stored = mergeRecord(null, mentor(), { now: '2026-11-20' }).record;
    expect(() =>
      mergeRecord(stored as unknown as BankEntry<MenteeRecord>, mentee({ sourceTimestamp: T2 }), { now: '2026-11-25' }),
    ).toThrow();
  });

  test('the history keeps the last lines only', () => {
    let entry = first(mentee()).record;
    for (let i = 1; i <= MAX_HISTORY_LINES + 5; i++) {
      const ts = new Date(Date.parse(T1) + i * 60_000).toISOString();
      entry = mergeRecord(entry, mentee({ experienceYears: i, sourceTimestamp: ts }), { now: '2026-11-21' }).record;
    }
    expect(entry.history.split('\n')).toHaveLength(MAX_HISTORY_LINES);
    expect(entry.experienceYears).toBe(MAX_HISTORY_LINES + 5);
  });

  test('a new consent after a withdrawal starts the person over', () => {
    const withdrawn = anonymize(first(mentee()).record, { now: '2026-11-21' });
    const result = mergeRecord(withdrawn, mentee({ sourceTimestamp: T2 }), { now: '2026-11-25' });
    expect(result.record.status).toBe('новый');
    expect(result.record.id).toBe('НС-0007');
    expect(result.record.fullName).toBe('Иванова Мария Петровна');
  });
});

describe('anonymize', () => {
  const personalValues = (r: MenteeRecord | MentorRecord) =>
    [
      r.email,
      r.fullName,
      r.position,
      r.category,
      r.mode,
      r.note,
      r.consentAt,
      r.sourceTimestamp,
      ...r.subjects,
      ...r.times,
    ]
      .concat(r.kind === 'mentee' ? [...r.requests, r.formatKind] : [...r.competences, ...r.formatKinds])
      .filter((v) => v !== '');

  test.each([
    ['mentee', mergeRecord(null, mentee(), { now: '2026-11-20', id: 'НС-0001' }).record],
    ['mentor', mergeRecord(null, mentor(), { now: '2026-11-20', id: 'НТ-0001' }).record],
  ] as const)('%s: no personal field survives', (_kind, entry) => {
    const withdrawn = anonymize({ ...entry, status: 'в паре' }, { now: '2026-12-01' });
    const json = JSON.stringify(withdrawn);
    for (const value of personalValues(entry)) expect(json).not.toContain(value);
    expect(json).not.toContain('2026-11-20T');
    expect(withdrawn.id).toBe(entry.id);
    expect(withdrawn.kind).toBe(entry.kind);
    expect(withdrawn.status).toBe(WITHDRAWN_STATUS);
    expect(withdrawn.fullName).toBe(WITHDRAWN_NAME);
    expect(withdrawn.email).toBe('');
    expect(withdrawn.experienceYears).toBeNull();
    expect(withdrawn.history).toBe(
      '20.11.2026: анкета получена\n01.12.2026: согласие отозвано, персональные данные удалены',
    );
    // Every field the record has is either listed as personal or is id/kind/status/history.
    for (const field of Object.keys(withdrawn)) {
      expect(['id', 'kind', 'status', 'history', ...PERSONAL_FIELDS]).toContain(field);
    }
    expect(Object.keys(withdrawn).sort()).toEqual(Object.keys(entry).sort());
  });

  test('mentor: capacity 0 and no duties consent', () => {
    const withdrawn = anonymize(mergeRecord(null, mentor(), { now: '2026-11-20' }).record);
    expect(withdrawn).toMatchObject({ capacity: 0, dutiesConsent: false, competences: [], formatKinds: [] });
    expect(withdrawn.history).toBe('20.11.2026: анкета получена');
  });
});

test('normalizeEmail', () => {
  expect(normalizeEmail('  Ivanova.MP@School.RU\t')).toBe('ivanova.mp@school.ru');
});
