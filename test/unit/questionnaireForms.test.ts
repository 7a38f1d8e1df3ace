import {
  CONSENT_CHOICE,
  CONSENT_MAX_LENGTH,
  consentText,
  DEFAULT_LISTS,
  dutiesConsentText,
  formDefinitions,
  LIST_HEADERS,
  LIST_NAMES,
  menteeForm,
  mentorForm,
  resolveForm,
  type FormDefinition,
} from '../../src/domain/questionnaires';

const OPERATOR = 'МОУ «КСОШ № 2»';
const FORMS = formDefinitions({ operator: OPERATOR });
const byKey = (def: FormDefinition, key: string) => def.questions.find((q) => q.key === key);

describe('lists', () => {
  test('every list has a Russian header and non-empty, duplicate-free defaults', () => {
    for (const name of LIST_NAMES) {
      expect(LIST_HEADERS[name]).toMatch(/[А-Яа-яЁё]/);
      expect(DEFAULT_LISTS[name].length).toBeGreaterThan(1);
      expect(new Set(DEFAULT_LISTS[name]).size).toBe(DEFAULT_LISTS[name].length);
    }
    expect(new Set(Object.values(LIST_HEADERS)).size).toBe(LIST_NAMES.length);
    expect(DEFAULT_LISTS.competences.length).toBeGreaterThanOrEqual(15);
    expect(DEFAULT_LISTS.categories).toEqual([
      'Без категории',
      'Соответствие занимаемой должности',
      'Первая',
      'Высшая',
    ]);
  });
});

describe('form definitions', () => {
  test('three forms, email collected by the form, not asked', () => {
    expect(FORMS.map((f) => f.key)).toEqual(['mentee', 'mentor', 'withdrawal']);
    for (const f of FORMS) {
      expect(f.collectEmail).toBe(true);
      expect(f.questions.some((q) => /электронн|e-?mail/i.test(q.title))).toBe(false);
      expect(f.description.length).toBeGreaterThan(100);
      expect(f.confirmation).not.toBe('');
    }
  });

  test.each(FORMS.map((f) => [f.key, f] as const))('%s: question keys are unique', (_key, f) => {
    const keys = f.questions.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(['mentee', 'mentor'])('%s: a required consent with one choice and the consent text as help', (key) => {
    const f = FORMS.find((x) => x.key === key)!;
    const consent = byKey(f, 'consent')!;
    expect(consent).toMatchObject({ type: 'checkbox', required: true, choices: [CONSENT_CHOICE] });
    expect(consent.help).toBe(consentText({ operator: OPERATOR }));
    expect(f.questions.at(-1)!.key).toBe('consent');
  });

  test('mentee and mentor questions', () => {
    const mentee = menteeForm({ operator: OPERATOR });
    expect(mentee.questions.map((q) => q.key)).toEqual([
      'fullName',
      'position',
      'subjects',
      'experience',
      'category',
      'requests',
      'formatKind',
      'mode',
      'times',
      'note',
      'consent',
    ]);
    expect(byKey(mentee, 'requests')).toMatchObject({ required: true, other: true, choices: { list: 'competences' } });
    const mentor = mentorForm({ operator: OPERATOR });
    expect(byKey(mentor, 'competences')).toMatchObject({
      required: true,
      other: true,
      choices: { list: 'competences' },
    });
    expect(byKey(mentor, 'capacity')).toMatchObject({ type: 'list', choices: ['1', '2', '3', '4', '5'] });
    const duties = byKey(mentor, 'dutiesConsent')!;
    expect(duties.required).toBe(true);
    expect(duties.help).toBe(dutiesConsentText(OPERATOR));
    expect(duties.choices).toHaveLength(2);
    const withdrawal = FORMS[2];
    expect(withdrawal.questions.map((q) => [q.key, q.required])).toEqual([
      ['fullName', false],
      ['confirm', true],
      ['reason', false],
    ]);
  });
});

describe('resolveForm', () => {
  const mentee = menteeForm({ operator: OPERATOR });

  test('list-backed questions take the lists of «Справочники»; fixed choices stay', () => {
    const resolved = resolveForm(mentee, {
      competences: ['  Наставничество  в  IT ', 'Оценивание', 'оценивание', '', null],
      subjects: ['Математика'],
    });
    const q = (key: string) => resolved.questions.find((x) => x.key === key)!;
    expect(q('requests').choices).toEqual(['Наставничество в IT', 'Оценивание']);
    expect(q('subjects').choices).toEqual(['Математика']);
    expect(q('consent').choices).toEqual([CONSENT_CHOICE]);
    expect(q('fullName').choices).toBeUndefined();
    for (const question of resolved.questions) {
      if (question.choices !== undefined) expect(Array.isArray(question.choices)).toBe(true);
    }
  });

  test('a missing or emptied list falls back to the default', () => {
    const resolved = resolveForm(mentee, { times: [' ', ''] });
    expect(resolved.questions.find((x) => x.key === 'times')!.choices).toEqual(DEFAULT_LISTS.times);
    expect(resolved.questions.find((x) => x.key === 'category')!.choices).toEqual(DEFAULT_LISTS.categories);
  });

  test('«Другое» of a list is dropped where the form adds its own «Другое»', () => {
    const resolved = resolveForm(mentee, { subjects: ['Математика', 'Другое'], positions: ['Учитель', 'Другое'] });
    expect(resolved.questions.find((x) => x.key === 'subjects')!.choices).toEqual(['Математика']);
    expect(resolved.questions.find((x) => x.key === 'position')!.choices).toEqual(['Учитель', 'Другое']);
  });
});

describe('consent texts', () => {
  const options = {
    operator: 'Муниципальное общеобразовательное учреждение «Кировская средняя общеобразовательная школа № 2»',
    operatorAddress: '610000, г. Киров, ул. Ленина, д. 1',
    responsible: 'заместитель директора по УВР Петрова А. А.',
  };
  const text = consentText(options);

  test('names the operator, its address and the responsible person', () => {
    expect(text).toContain(options.operator);
    expect(text).toContain(options.operatorAddress);
    expect(text).toContain(options.responsible);
    expect(consentText({ operator: OPERATOR })).not.toContain('адрес:');
  });

  test('contains the elements of 152-ФЗ, ст. 9', () => {
    expect(text).toContain('152-ФЗ');
    // subject
    expect(text).toMatch(/ФИО и адрес электронной почты/);
    // purposes
    expect(text).toMatch(/Цели:.*банк|Цели:.*баз.*наставляемых и наставников/);
    expect(text).toMatch(/подбор наставнических пар/);
    expect(text).toMatch(/персонализированных программ/);
    expect(text).toMatch(/мониторинг/);
    // data
    for (const item of ['ФИО', 'электронной почты', 'должность', 'предметы', 'стаж', 'категория', 'запросы'])
      expect(text).toContain(item);
    // actions, no transfer
    for (const item of ['сбор', 'запись', 'систематизация', 'хранение', 'уточнение', 'использование', 'обезличивание'])
      expect(text).toContain(item);
    expect(text).toMatch(/удаление/);
    expect(text).toMatch(/третьим лицам не осуществляется/);
    // way
    expect(text).toMatch(/автоматизированная обработка в Google Workspace/);
    // term
    expect(text).toMatch(/Срок: до окончания срока реализации программы наставничества или до отзыва согласия/);
    // withdrawal
    expect(text).toMatch(/«Отзыв согласия»/);
    expect(text).toMatch(/письменным заявлением/);
  });

  test('readable length', () => {
    expect(text.length).toBeLessThanOrEqual(CONSENT_MAX_LENGTH);
    expect(dutiesConsentText(options.operator).length).toBeLessThanOrEqual(CONSENT_MAX_LENGTH);
  });

  test('the duties consent names the operator and the order that cites it', () => {
    const duties = dutiesConsentText(OPERATOR);
    expect(duties).toContain(OPERATOR);
    expect(duties).toContain('«О закреплении наставнических пар (групп)»');
    expect(duties).toMatch(/письменного согласия/);
  });
});
