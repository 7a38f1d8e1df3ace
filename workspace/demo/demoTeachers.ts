import {
  CONSENT_CHOICE,
  DUTIES_YES,
  menteeForm,
  mentorForm,
  type FormDefinition,
} from '../../src/domain/questionnaires/index';
import type { Workspace } from '../../emulator/workspace';

/**
 * The demo school's teachers answering the questionnaires through the forms: 40 mentees (young
 * specialists and teachers new to the school) and 15 experienced mentors. Deterministic: the same
 * demo every time.
 */
const FEMALE = [
  'Анна',
  'Мария',
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Светлана',
  'Юлия',
  'Екатерина',
  'Дарья',
  'Ксения',
];
const MALE = ['Алексей', 'Дмитрий', 'Сергей', 'Андрей', 'Иван', 'Михаил', 'Павел', 'Никита'];
const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
];
const PATRONYMICS = ['Александров', 'Сергеев', 'Дмитриев', 'Андреев', 'Викторов', 'Игорев', 'Николаев', 'Петров'];
const SUBJECTS = [
  'Математика',
  'Русский язык и литература',
  'Начальные классы',
  'Иностранный язык (английский)',
  'История и обществознание',
  'Биология',
  'Химия',
  'Физика',
  'Информатика',
  'География',
  'Физическая культура',
  'Музыка',
];
const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ь: '',
  ъ: '',
};

export interface Person {
  fullName: string;
  email: string;
}

function person(i: number): Person {
  const female = i % 3 !== 0;
  const surname = SURNAMES[(i * 7) % SURNAMES.length] + (female ? 'а' : '');
  const name = female ? FEMALE[i % FEMALE.length] : MALE[i % MALE.length];
  const patronymic = PATRONYMICS[(i * 3) % PATRONYMICS.length] + (female ? 'на' : 'ич');
  const latin = [...`${surname}.${name[0]}${i}`.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
  return { fullName: `${surname} ${name} ${patronymic}`, email: `${latin}@school2.example` };
}

/**
 * Mentees are people MENTEE_OFFSET on, whose names none of the mentors share (names repeat every 120
 * people): every demo person has a name of their own, so a name on a sheet or in a document points at
 * one person (the tests that need namesakes make them).
 */
const MENTEE_OFFSET = 41;

function menteePerson(i: number): Person {
  return person(i + MENTEE_OFFSET);
}

function pick<T>(list: readonly T[], i: number, count: number): T[] {
  return Array.from(new Set(Array.from({ length: count }, (_, k) => list[(i * 5 + k * 3) % list.length])));
}

function byTitle(def: FormDefinition, answers: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [def.questions.find((q) => q.key === key)!.title, value]),
  );
}

function choicesOf(ws: Workspace, formTitle: string, questionTitle: string): string[] {
  const form = ws.forms().find((f) => f.title === formTitle)!;
  return form.items.find((item) => item.title === questionTitle)!.choices;
}

export const DEMO_MENTEES = 40;
export const DEMO_MENTORS = 15;

/** Everyone who answers the demo's questionnaires, mentees first. */
export function demoTeachers(): { mentees: Person[]; mentors: Person[] } {
  return {
    mentees: Array.from({ length: DEMO_MENTEES }, (_, i) => menteePerson(i)),
    mentors: Array.from({ length: DEMO_MENTORS }, (_, i) => person(i)),
  };
}

/** Submits the demo answers through the real forms (each fires the add-on's trigger). */
export function submitDemoAnswers(ws: Workspace): void {
  const mentee = menteeForm({ operator: '' });
  const mentor = mentorForm({ operator: '' });
  const requestsTitle = mentee.questions.find((q) => q.key === 'requests')!.title;
  const competences = choicesOf(ws, 'Анкета наставляемого', requestsTitle);
  for (let i = 0; i < DEMO_MENTEES; i++) {
    const p = menteePerson(i);
    ws.submitForm(
      'Анкета наставляемого',
      byTitle(mentee, {
        fullName: p.fullName,
        position: 'Учитель',
        subjects: pick(SUBJECTS, i, 1),
        experience: String(i % 4),
        category: i % 5 === 0 ? 'Соответствие занимаемой должности' : 'Без категории',
        requests: pick(competences, i, 2 + (i % 2)),
        formatKind: i % 4 === 0 ? 'Групповая' : 'Индивидуальная (пара)',
        mode: i % 6 === 0 ? 'Смешанно' : 'Очно',
        times: [i % 2 ? 'После уроков' : 'В методический день'],
        note: i % 7 === 0 ? 'Хотелось бы посещать уроки наставника.' : '',
        consent: [CONSENT_CHOICE],
      }),
      { email: p.email },
    );
  }
  for (let i = 0; i < DEMO_MENTORS; i++) {
    const p = person(i);
    ws.submitForm(
      'Анкета наставника',
      byTitle(mentor, {
        fullName: p.fullName,
        position: 'Учитель',
        subjects: pick(SUBJECTS, i, 1 + (i % 2)),
        experience: String(12 + ((i * 5) % 20)),
        category: i % 3 === 0 ? 'Первая' : 'Высшая',
        competences: pick(competences, i + 2, 3 + (i % 3)),
        capacity: String(1 + (i % 3)),
        // A mentor who takes one person offers a pair; one who takes more offers a group as well.
        formatKinds: i % 3 === 0 ? ['Индивидуальная (пара)'] : ['Индивидуальная (пара)', 'Групповая'],
        mode: 'Очно',
        times: ['После уроков'],
        dutiesConsent: DUTIES_YES,
        consent: [CONSENT_CHOICE],
      }),
      { email: p.email },
    );
  }
}
