/** Bank entries for the matching engine's tests: a willing mentor and a mentee who fit, changed per test. */
import type { MenteeEntry, MentorEntry } from '../../src/domain/matching';

// ---- Bank entries ----
const T = '2026-11-20T08:00:00.000Z';

export const REQ = {
  assess: 'Оценивание образовательных результатов',
  parents: 'Работа с родителями (законными представителями)',
  exam: 'Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)',
  discipline: 'Дисциплина и управление классом',
};

export function mentee(id: string, over: Partial<MenteeEntry> = {}): MenteeEntry {
  return {
    kind: 'mentee',
    id,
    status: 'новый',
    history: '',
    email: `${id.toLowerCase()}@school.ru`,
    fullName: `Наставляемый ${id}`,
    position: 'Учитель',
    subjects: ['Математика'],
    experienceYears: 1,
    category: 'Без категории',
    requests: [REQ.assess, REQ.parents],
    formatKind: 'Индивидуальная (пара)',
    mode: 'Очно',
    times: ['После уроков'],
    note: '',
    consentAt: T,
    sourceTimestamp: T,
    ...over,
  };
}

export function mentor(id: string, over: Partial<MentorEntry> = {}): MentorEntry {
  return {
    kind: 'mentor',
    id,
    status: 'новый',
    history: '',
    email: `${id.toLowerCase()}@school.ru`,
    fullName: `Наставник ${id}`,
    position: 'Учитель',
    subjects: ['Математика'],
    experienceYears: 24,
    category: 'Высшая',
    competences: [REQ.assess, REQ.parents],
    formatKinds: ['Индивидуальная (пара)', 'Групповая'],
    mode: 'Очно',
    times: ['После уроков'],
    capacity: 1,
    dutiesConsent: true,
    note: '',
    consentAt: T,
    sourceTimestamp: T,
    ...over,
  };
}
