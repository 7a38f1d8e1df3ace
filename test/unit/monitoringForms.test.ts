import {
  DIFFICULTY_CHOICES,
  MONITORING_CONSENT_CHOICE,
  pairChoiceLabel,
  pairIdFromChoice,
  READINESS_CHOICES,
  ROLE_CHOICES,
  SCALE_HIGH,
  SCALE_LOW,
  SCALE_QUESTIONS,
  YEAR_FORM_KEYS,
  yearFormDefinitions,
  type YearFormDefinition,
  type YearFormKey,
} from '../../src/domain/monitoring';
import { COMPETENCES, type FormDefinition } from '../../src/domain/questionnaires';

const OPERATOR = 'МОУ «КСОШ № 2»';
const PAIRS = ['П-0001 — Петров Сергей Иванович', 'П-0003 — Иванова Анна Петровна'];
const FORMS = yearFormDefinitions({ operator: OPERATOR, pairChoices: PAIRS, competences: COMPETENCES });
const form = (key: YearFormKey) => FORMS.find((f) => f.key === key)!;
const byKey = (def: YearFormDefinition, key: string) => def.questions.find((q) => q.key === key);

// The definitions fit the questionnaires' shape (the form builder takes both).
const AS_QUESTIONNAIRES: Array<Omit<FormDefinition, 'key'> & { key: YearFormKey }> = FORMS;

describe('year form definitions', () => {
  test('three forms in the order of YEAR_FORM_KEYS; email collected by the form, not asked', () => {
    // «Предложить практику» is defined with the practices (domain/events), the mid-year check-in in checkin.ts.
    expect(FORMS.map((f) => f.key)).toEqual(YEAR_FORM_KEYS.filter((k) => k !== 'practice' && k !== 'checkin'));
    expect(FORMS.map((f) => f.title)).toEqual([
      'Отчёт о встрече наставнической пары',
      'Мониторинг: анкета наставляемого',
      'Мониторинг: анкета наставника',
    ]);
    for (const f of AS_QUESTIONNAIRES) {
      expect(f.collectEmail).toBe(true);
      expect(f.questions.some((q) => /электронн|e-?mail/i.test(q.title))).toBe(false);
      expect(f.description).toContain(OPERATOR);
      expect(f.description.length).toBeGreaterThan(150);
      // The report is checked after it is sent: its confirmation does not say it was recorded.
      expect(f.confirmation).toMatch(f.key === 'meetingReport' ? /^Отчёт получен\./ : /^Спасибо!/);
    }
  });

  test.each(FORMS.map((f) => [f.key, f] as const))('%s: keys unique, Russian titles, choices where needed', (_k, f) => {
    const keys = f.questions.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const q of f.questions) {
      expect(q.title).toMatch(/^[А-ЯЁ]/);
      const choice = ['multipleChoice', 'checkbox', 'list'].includes(q.type);
      expect(Array.isArray(q.choices) && q.choices.length > 0).toBe(choice);
      expect(q.scale !== undefined).toBe(q.type === 'scale');
    }
    expect(f.questions[0]).toMatchObject({ key: 'pair', type: 'list', required: true, choices: PAIRS });
  });

  test('meeting report: its questions, no consent, a description about work notes', () => {
    const f = form('meetingReport');
    expect(f.questions.map((q) => [q.key, q.type, q.required])).toEqual([
      ['pair', 'list', true],
      ['date', 'date', true],
      ['format', 'multipleChoice', true],
      ['topic', 'text', true],
      ['duration', 'text', false],
      ['activity', 'text', false],
      ['note', 'paragraph', false],
    ]);
    expect(byKey(f, 'format')!.choices).toEqual(['Очно', 'Дистанционно', 'Смешанно']);
    expect(byKey(f, 'date')!.help).toMatch(/календар/);
    expect(byKey(f, 'activity')!.help).toMatch(/А-03.*пустым/);
    expect(f.description).toMatch(/рабочая/);
    expect(f.description).toMatch(/оценок/);
    expect(f.description).toMatch(/не рассылается и не\s+публикуется/);
  });

  test('mentee monitoring: prefilled pair, role and requests; scales; resolved requests; consent last', () => {
    const f = form('monitoringMentee');
    expect(f.questions.map((q) => [q.key, q.type, q.required])).toEqual([
      ['pair', 'list', true],
      ['role', 'multipleChoice', false],
      ['requests', 'text', false],
      ['satisfactionProgram', 'scale', true],
      ['satisfactionMentor', 'scale', true],
      ['resolved', 'checkbox', false],
      ['competenceBefore', 'scale', true],
      ['competenceAfter', 'scale', true],
      ['meetingsUseful', 'scale', false],
      ['change', 'paragraph', false],
      ['consent', 'checkbox', true],
    ]);
    expect(byKey(f, 'role')!.choices).toEqual(['Наставляемый', 'Наставник']);
    expect(byKey(f, 'requests')!.help).toBe('Заполнено автоматически — ваши запросы из анкеты');
    expect(byKey(f, 'pair')!.help).toMatch(/автоматически/);
    expect(byKey(f, 'resolved')).toMatchObject({ other: true, choices: [...COMPETENCES] });
  });

  test('mentor monitoring: scales, difficulties with «Другое», readiness to continue', () => {
    const f = form('monitoringMentor');
    expect(f.questions.map((q) => [q.key, q.type, q.required])).toEqual([
      ['pair', 'list', true],
      ['role', 'multipleChoice', false],
      ['satisfactionProgram', 'scale', true],
      ['satisfactionMentee', 'scale', true],
      ['menteeProgress', 'scale', true],
      ['difficulties', 'checkbox', false],
      ['readiness', 'multipleChoice', true],
      ['change', 'paragraph', false],
      ['consent', 'checkbox', true],
    ]);
    expect(byKey(f, 'difficulties')).toMatchObject({
      other: true,
      choices: [
        'Нехватка времени',
        'Несовпадение графиков',
        'Недостаточная мотивация наставляемого',
        'Недостаток методических материалов',
      ],
    });
    expect(DIFFICULTY_CHOICES).toHaveLength(4);
    expect(byKey(f, 'readiness')!.choices).toEqual(['Да', 'Скорее да', 'Скорее нет', 'Нет']);
    expect(READINESS_CHOICES).toEqual(byKey(f, 'readiness')!.choices);
  });

  test.each(['monitoringMentee', 'monitoringMentor'] as const)('%s: a required consent with one choice', (key) => {
    const consent = byKey(form(key), 'consent')!;
    expect(consent).toMatchObject({ type: 'checkbox', required: true, choices: [MONITORING_CONSENT_CHOICE] });
    expect(consent.help).toMatch(/согласия.*в анкете/);
    expect(consent.help).toMatch(/не сохраняется/);
    expect(consent.help!.length).toBeLessThan(300);
  });

  test('every scale is 1–10 with labels, and matches SCALE_QUESTIONS exactly', () => {
    expect([SCALE_LOW, SCALE_HIGH]).toEqual([1, 10]);
    const inForms: Array<[string, string, string, boolean]> = [];
    for (const [key, role] of [
      ['monitoringMentee', 'mentee'],
      ['monitoringMentor', 'mentor'],
    ] as const) {
      for (const q of form(key).questions) {
        if (q.type !== 'scale') continue;
        expect(q.scale).toMatchObject({ low: 1, high: 10 });
        expect(q.scale!.lowLabel).not.toBe('');
        expect(q.scale!.highLabel).not.toBe('');
        expect(q.help).toMatch(/^От 1 до 10/);
        inForms.push([role, q.key, q.title, q.required]);
      }
    }
    expect(inForms).toEqual(SCALE_QUESTIONS.map((s) => [s.role, s.key, s.title, s.required]));
    expect(form('meetingReport').questions.some((q) => q.type === 'scale')).toBe(false);
  });

  test('SCALE_QUESTIONS: unique by role and key, with unique short Russian labels', () => {
    const ids = SCALE_QUESTIONS.map((q) => `${q.role}/${q.key}`);
    expect(new Set(ids).size).toBe(ids.length);
    const shorts = SCALE_QUESTIONS.map((q) => q.short);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const s of shorts) expect(s).toMatch(/^[А-ЯЁ][^?]{5,60}$/);
    expect(SCALE_QUESTIONS.filter((q) => q.satisfaction).map((q) => `${q.role}/${q.key}`)).toEqual([
      'mentee/satisfactionProgram',
      'mentee/satisfactionMentor',
      'mentor/satisfactionProgram',
      'mentor/satisfactionMentee',
    ]);
  });

  test('pair choices are cleaned; competences lose a «Другое» the form adds itself', () => {
    const forms = yearFormDefinitions({
      operator: '  ',
      pairChoices: [' П-0001 —  Петров ', 'П-0001 — Петров', ''],
      competences: ['Оценивание', 'Другое', 'оценивание'],
    });
    expect(forms[0].questions[0].choices).toEqual(['П-0001 — Петров']);
    expect(forms[1].questions.find((q) => q.key === 'resolved')!.choices).toEqual(['Оценивание']);
    expect(forms[1].description).toMatch(/^Школа /);
  });

  test('pair labels and their ids', () => {
    expect(pairChoiceLabel('П-0003', ' Иванова  Анна Петровна ')).toBe('П-0003 — Иванова Анна Петровна');
    expect(pairChoiceLabel('П-0003', '')).toBe('П-0003');
    expect(pairIdFromChoice('П-0003 — Иванова Анна Петровна')).toBe('П-0003');
    expect(pairIdFromChoice(' П-0003 ')).toBe('П-0003');
    expect(pairIdFromChoice('  ')).toBeNull();
    expect(ROLE_CHOICES).toEqual({ mentee: 'Наставляемый', mentor: 'Наставник' });
  });
});
