/** A teacher's answers to the school's questionnaires, by the question titles the form shows. */
import {
  CONSENT_CHOICE,
  DUTIES_YES,
  menteeForm,
  mentorForm,
  withdrawalForm,
  type FormDefinition,
} from '../../src/domain/questionnaires';

export const defs = {
  mentee: menteeForm({ operator: 'x' }),
  mentor: mentorForm({ operator: 'x' }),
  withdrawal: withdrawalForm({ operator: 'x' }),
};

type Answers = Record<string, string | string[]>;

/** Answers by question key → answers by the question titles the teacher sees. */
export function byTitle(def: FormDefinition, answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([key, v]) => [def.questions.find((q) => q.key === key)!.title, v]),
  );
}

export function menteeAnswers(overrides: Answers = {}): Answers {
  return byTitle(defs.mentee, {
    fullName: 'Петрова Анна Сергеевна',
    position: 'Учитель',
    subjects: ['Математика'],
    experience: '2',
    category: 'Без категории',
    requests: ['Оценивание образовательных результатов', 'Работа с родителями (законными представителями)'],
    formatKind: 'Индивидуальная (пара)',
    mode: 'Очно',
    times: ['После уроков'],
    consent: [CONSENT_CHOICE],
    ...overrides,
  });
}

export function mentorAnswers(overrides: Answers = {}): Answers {
  return byTitle(defs.mentor, {
    fullName: 'Соколов Игорь Петрович',
    position: 'Учитель',
    subjects: ['Математика'],
    experience: '24',
    category: 'Высшая',
    competences: ['Оценивание образовательных результатов'],
    capacity: '2',
    formatKinds: ['Индивидуальная (пара)'],
    mode: 'Очно',
    dutiesConsent: DUTIES_YES,
    consent: [CONSENT_CHOICE],
    ...overrides,
  });
}
