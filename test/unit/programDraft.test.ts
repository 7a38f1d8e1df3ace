import { addDays, compare } from '../../src/domain/dates';
import { GENERIC_ACTIVITIES, PROGRAM_CATALOGUE } from '../../src/domain/programs/catalogue';
import {
  activityId,
  activityMonth,
  buildProgramDraft,
  isOverdue,
  normalizeRequests,
  programProgress,
  responsibleName,
  responsibleOptions,
  type ActivityStatus,
  type ProgramActivity,
  type ProgramDraftInput,
} from '../../src/domain/programs/draft';
import {
  dayOffReason,
  isSchoolBreak,
  isSchoolWorkingDay,
  springBreakMonday,
  weekday,
} from '../../src/domain/programs/holidays';
import { COMPETENCES } from '../../src/domain/questionnaires/lists';
import type {
  ActivityStatus as ContractStatus,
  ProgramActivity as ContractActivity,
} from '../../src/contract/serverApi';

const MENTOR = 'Петрова Анна Ивановна';
const MENTEE = 'Козлов Павел Андреевич';
const YEAR = { start: '2026-09-01', end: '2027-05-31' };

function draft(requests: string[], extra: Partial<ProgramDraftInput> = {}) {
  return buildProgramDraft({ requests, mentorName: MENTOR, menteeNames: [MENTEE], ...YEAR, ...extra });
}

const month = (iso: string) => iso.slice(0, 7);
const titles = (activities: ProgramActivity[]) => activities.map((a) => a.title);

function perMonth(activities: ProgramActivity[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of activities) out.set(month(a.date), (out.get(month(a.date)) ?? 0) + 1);
  return out;
}

const entry = (competence: string) => PROGRAM_CATALOGUE.find((p) => p.competence === competence)!;

test('the domain types are the contract types', () => {
  const toContract = (a: ProgramActivity): ContractActivity => a;
  const fromContract = (a: ContractActivity): ProgramActivity => a;
  const statusTo = (x: ActivityStatus): ContractStatus => x;
  const statusFrom = (x: ContractStatus): ActivityStatus => x;
  const [a] = draft([]).activities;
  expect(fromContract(toContract(a))).toBe(a);
  expect(statusFrom(statusTo('выполнено'))).toBe('выполнено');
});

describe('school days', () => {
  test('weekdays', () => {
    expect(weekday('2026-09-01')).toBe(2); // Tuesday
    expect(weekday('2026-09-06')).toBe(7);
    expect(weekday('2026-09-07')).toBe(1);
  });

  test('weekends, public holidays and breaks are not working days', () => {
    expect(dayOffReason('2026-09-05')).toBe('weekend');
    for (const d of ['2026-11-04', '2027-01-05', '2027-02-23', '2027-03-08', '2026-06-12']) {
      expect(dayOffReason(d)).toBe('holiday');
    }
    // Only the fixed days count: the yearly transfers (Monday 3 May 2027…) are not known in advance.
    for (const d of ['2027-05-03', '2027-05-10', '2027-06-11']) expect(dayOffReason(d)).toBeNull();
    expect(dayOffReason('2027-12-31')).toBe('holiday');
    expect(dayOffReason('2026-10-27')).toBe('break');
    expect(dayOffReason('2026-11-02')).toBe('break');
    expect(dayOffReason('2026-11-05')).toBeNull();
    expect(dayOffReason('2026-10-26')).toBeNull();
    expect(dayOffReason('2026-12-29')).toBe('break');
    expect(dayOffReason('2027-01-11')).toBeNull();
  });

  test('the autumn break: 27 October – 4 November', () => {
    for (let year = 2024; year <= 2040; year++) {
      for (let i = 0; i < 9; i++) expect(isSchoolBreak(addDays(`${year}-10-27`, i))).toBe(true);
      expect(isSchoolBreak(`${year}-10-26`)).toBe(false);
      expect(isSchoolBreak(`${year}-11-05`)).toBe(false);
    }
  });

  test('the spring break: the last Monday–Friday week wholly in March', () => {
    expect(springBreakMonday(2027)).toBe(22); // 31 March 2027 is a Wednesday
    expect(springBreakMonday(2026)).toBe(23);
    expect(springBreakMonday(2028)).toBe(27); // Monday 27 – Friday 31 March
    for (let year = 2024; year <= 2040; year++) {
      const monday = springBreakMonday(year);
      expect(weekday(`${year}-03-${monday}`)).toBe(1);
      expect(monday + 4).toBeLessThanOrEqual(31);
      expect(monday + 7 + 4).toBeGreaterThan(31);
    }
    expect(isSchoolBreak('2027-03-22')).toBe(true);
    expect(isSchoolBreak('2027-03-26')).toBe(true);
    expect(isSchoolBreak('2027-03-19')).toBe(false);
    expect(isSchoolBreak('2027-03-29')).toBe(false);
  });
});

describe('buildProgramDraft', () => {
  test('one request: its goal, tasks and every activity, plus the three generic items', () => {
    const c = 'Планирование и проведение современного урока';
    const { goals, tasks, activities } = draft([c]);
    expect(goals).toEqual([entry(c).goal]);
    expect(tasks).toEqual(entry(c).tasks);
    const own = entry(c).activities.map((a) => a.title);
    expect(titles(activities)).toEqual(expect.arrayContaining(own));
    expect(activities).toHaveLength(own.length + 3);
    for (const a of activities.filter((x) => own.includes(x.title))) expect(a.competence).toBe(c);
    // The request's steps stay in the catalogue's order.
    expect(titles(activities).filter((t) => own.includes(t))).toEqual(own);
    for (const g of Object.values(GENERIC_ACTIVITIES)) {
      const found = activities.find((a) => a.title === g.title)!;
      expect(found).toMatchObject({ kind: g.kind, competence: '', reporting: g.reporting });
    }
  });

  test('the opening consultation first in the first month, the open lesson and reflection last in the last', () => {
    const { activities } = draft(['Оценивание образовательных результатов', 'Работа с одарёнными детьми']);
    expect(activities[0].title).toBe(GENERIC_ACTIVITIES.opening.title);
    expect(month(activities[0].date)).toBe('2026-09');
    const last = activities[activities.length - 1];
    expect(last.title).toBe(GENERIC_ACTIVITIES.final.title);
    expect(month(last.date)).toBe('2027-05');
    const mo = activities.find((a) => a.title === GENERIC_ACTIVITIES.methodical.title)!;
    expect(compare(mo.date, '2026-11-01')).toBeGreaterThan(0);
    expect(compare(mo.date, '2027-04-01')).toBeLessThan(0);
  });

  test('every month of the year has something, ids run in date order, statuses are «запланировано»', () => {
    const { activities } = draft([
      'Дисциплина и управление классом',
      'Ведение школьной документации',
      'Адаптация в коллективе и школьной культуре',
    ]);
    expect([...perMonth(activities).keys()]).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
    expect(activities.map((a) => a.id)).toEqual(activities.map((_, i) => activityId(i + 1)));
    expect(activities[0].id).toBe('А-01');
    expect(activities[0].id.charCodeAt(0)).toBe(0x410); // Cyrillic А
    for (let i = 1; i < activities.length; i++) {
      expect(compare(activities[i - 1].date, activities[i].date)).toBeLessThan(0);
    }
    for (const a of activities) expect(a.status).toBe('запланировано');
  });

  test('a group: requests merged in any case, each request present once', () => {
    const a = 'Работа с родителями (законными представителями)';
    const b = 'Классное руководство и воспитательная работа';
    const result = buildProgramDraft({
      requests: [a, b.toUpperCase(), `  ${a.toLowerCase()}  `, b, '', '  '],
      mentorName: MENTOR,
      menteeNames: [MENTEE, 'Сидорова Елена Викторовна'],
      ...YEAR,
    });
    expect(result.goals).toEqual([entry(a).goal, entry(b).goal]);
    expect(result.tasks).toEqual([...entry(a).tasks, ...entry(b).tasks]);
    const all = titles(result.activities);
    expect(new Set(all).size).toBe(all.length);
    for (const t of [...entry(a).activities, ...entry(b).activities].map((x) => x.title)) expect(all).toContain(t);
    expect(new Set(result.activities.map((x) => x.competence))).toEqual(new Set(['', a, b]));
  });

  test('normalizeRequests: trimmed, blanks dropped, any case and ё/е merged, catalogue spelling wins', () => {
    expect(
      normalizeRequests([
        ' работа с одаренными   детьми',
        'Работа с одарёнными детьми',
        'Свой  запрос ',
        'СВОЙ ЗАПРОС',
        '',
      ]),
    ).toEqual(['Работа с одарёнными детьми', 'Свой запрос']);
  });

  test.each([1, 2, 3, 4])('never more than %i a month, never two on a day, even with every request', (cap) => {
    const { activities } = draft([...COMPETENCES], { maxPerMonth: cap });
    for (const n of perMonth(activities).values()) expect(n).toBeLessThanOrEqual(cap);
    expect(activities).toHaveLength(9 * cap);
    expect(new Set(activities.map((a) => a.date)).size).toBe(activities.length);
    expect(activities[0].title).toBe(GENERIC_ACTIVITIES.opening.title);
    expect(activities[activities.length - 1].title).toBe(GENERIC_ACTIVITIES.final.title);
    expect(titles(activities)).toContain(GENERIC_ACTIVITIES.methodical.title);
  });

  test('when the months are too few, the first steps of every request are kept', () => {
    const { activities } = draft([...COMPETENCES]); // 9 months × 3 = 27 slots for 16 requests
    const served = new Set(activities.map((a) => a.competence));
    for (const c of COMPETENCES) expect(served).toContain(c);
    for (const c of COMPETENCES) {
      const first = entry(c).activities[0].title;
      expect(titles(activities)).toContain(first);
    }
  });

  test('the default is 3 a month', () => {
    const { activities } = draft([...COMPETENCES]);
    expect(Math.max(...perMonth(activities).values())).toBe(3);
  });

  test('dates are school working days inside the period: no weekends, holidays or breaks', () => {
    for (const requests of [[...COMPETENCES], ['Подготовка к аттестации педагога'], []]) {
      const { activities } = draft(requests);
      for (const a of activities) {
        expect(isSchoolWorkingDay(a.date)).toBe(true);
        expect(weekday(a.date)).toBeLessThanOrEqual(5);
        expect(compare(a.date, YEAR.start)).toBeGreaterThanOrEqual(0);
        expect(compare(a.date, YEAR.end)).toBeLessThanOrEqual(0);
        expect(a.date).not.toMatch(/-(01-0[1-8]|02-23|03-08|05-01|05-09|11-0[1-4]|10-2[7-9]|10-3[01]|12-29|12-3[01])$/);
        expect(a.date < '2027-03-22' || a.date > '2027-03-26').toBe(true);
      }
    }
  });

  test('today inside the period: nothing before it, the opening consultation in today’s month', () => {
    const today = '2026-11-16';
    const { activities } = draft(['Формирование функциональной грамотности'], { today });
    for (const a of activities) expect(compare(a.date, today)).toBeGreaterThanOrEqual(0);
    expect(activities[0].title).toBe(GENERIC_ACTIVITIES.opening.title);
    expect(month(activities[0].date)).toBe('2026-11');
    expect(month(activities[activities.length - 1].date)).toBe('2027-05');
  });

  test('today outside the period changes nothing; the draft is deterministic', () => {
    const base = draft(['Реализация обновлённых ФГОС']);
    expect(draft(['Реализация обновлённых ФГОС'], { today: '2026-06-01' })).toEqual(base);
    expect(draft(['Реализация обновлённых ФГОС'], { today: '2027-08-01' })).toEqual(base);
    expect(draft(['Реализация обновлённых ФГОС'])).toEqual(base);
  });

  test('responsible: the mentor, the mentee, both; a group names all its mentees', () => {
    const pair = draft(['Планирование и проведение современного урока']).activities;
    const byTitle = (list: ProgramActivity[], t: string) => list.find((a) => a.title === t)!.responsible;
    expect(byTitle(pair, 'Изучение требований ФГОС к современному уроку и типологии уроков')).toBe(MENTEE);
    expect(byTitle(pair, 'Консультация «Самоанализ урока: схема и типичные ошибки»')).toBe(MENTOR);
    expect(byTitle(pair, GENERIC_ACTIVITIES.opening.title)).toBe(`${MENTOR}, ${MENTEE}`);

    const group = buildProgramDraft({
      requests: ['Планирование и проведение современного урока'],
      mentorName: MENTOR,
      menteeNames: [MENTEE, ' Сидорова Елена Викторовна '],
      ...YEAR,
    }).activities;
    const mentees = `${MENTEE}, Сидорова Елена Викторовна`;
    expect(byTitle(group, 'Изучение требований ФГОС к современному уроку и типологии уроков')).toBe(mentees);
    expect(byTitle(group, GENERIC_ACTIVITIES.final.title)).toBe(`${MENTOR}, ${mentees}`);

    expect(responsibleOptions(MENTOR, [MENTEE])).toEqual([MENTOR, MENTEE, `${MENTOR}, ${MENTEE}`]);
    expect(responsibleName('mentee', '', [])).toBe('Наставляемый');
    expect(responsibleName('mentor', '  ', [])).toBe('Наставник');
  });

  test('a free request: self-education and a consultation about it; hostile text stays text', () => {
    for (const text of ['=cmd|" /C calc"!A0', '{{школа}}', '<img src=x onerror="alert(1)">', '+7 @user -1']) {
      const { goals, tasks, activities } = draft([text]);
      expect(goals).toEqual([`Профессиональное развитие по запросу наставляемого: «${text}»`]);
      expect(tasks.join('\n')).toContain(`«${text}»`);
      const own = activities.filter((a) => a.competence === text);
      expect(own.map((a) => a.kind)).toEqual(['Самообразование', 'Консультация']);
      for (const a of own) expect(a.title).toContain(`«${text}»`);
      // Nothing generated starts with the user's text, so no cell can start with = + - @.
      for (const s of [...goals, ...tasks, ...activities.flatMap((a) => [a.title, a.expectedResult, a.reporting])]) {
        expect(s).not.toMatch(/^[=+\-@<{]/);
      }
    }
  });

  test('a free request next to catalogue ones, and no requests at all', () => {
    const mixed = draft(['Профилактика профессионального выгорания', 'Работа с интерактивной доской']);
    expect(mixed.goals).toHaveLength(2);
    expect(mixed.activities.filter((a) => a.competence === 'Работа с интерактивной доской')).toHaveLength(2);

    const none = draft([]);
    expect(none.goals).toHaveLength(1);
    expect(none.tasks.length).toBeGreaterThanOrEqual(2);
    expect(titles(none.activities)).toEqual([
      GENERIC_ACTIVITIES.opening.title,
      GENERIC_ACTIVITIES.methodical.title,
      GENERIC_ACTIVITIES.final.title,
    ]);
  });

  test('short periods: one month, one day, no working day at all', () => {
    const one = draft(['Работа с одарёнными детьми'], { start: '2026-09-01', end: '2026-09-30' });
    expect(one.activities).toHaveLength(3);
    expect(one.activities[0].title).toBe(GENERIC_ACTIVITIES.opening.title);
    expect(one.activities[2].title).toBe(GENERIC_ACTIVITIES.final.title);

    const day = draft(['Работа с одарёнными детьми'], { start: '2026-09-01', end: '2026-09-01' });
    expect(day.activities.map((a) => [a.date, a.title])).toEqual([['2026-09-01', GENERIC_ACTIVITIES.opening.title]]);

    const holidays = draft(['Работа с одарёнными детьми'], { start: '2027-01-01', end: '2027-01-10' });
    expect(holidays.activities).toEqual([]);
    expect(holidays.goals).toHaveLength(1);
  });

  test('a bad period or cap', () => {
    expect(() => draft([], { start: '2027-05-31', end: '2026-09-01' })).toThrow('Неверный период программы');
    expect(() => draft([], { start: '01.09.2026' })).toThrow('Неверный период программы');
    expect(draft([...COMPETENCES], { maxPerMonth: 0 }).activities).toHaveLength(9);
    expect(draft([...COMPETENCES], { maxPerMonth: NaN }).activities).toHaveLength(27);
  });
});

describe('progress and overdue', () => {
  test('programProgress: done of (all − cancelled), rounded', () => {
    expect(programProgress([])).toBe(0);
    expect(programProgress(['отменено', 'отменено'])).toBe(0);
    expect(programProgress(['выполнено'])).toBe(100);
    expect(programProgress(['выполнено', 'запланировано', 'отменено'])).toBe(50);
    expect(programProgress(['выполнено', 'запланировано', 'перенесено'])).toBe(33);
    expect(programProgress(['выполнено', 'выполнено', 'перенесено'])).toBe(67);
    expect(programProgress(['выполнено', 'выполнено', 'отменено'])).toBe(100);
  });

  test('isOverdue: planned before today and still open', () => {
    const today = '2026-12-10';
    const a = (date: string, status: ActivityStatus) => ({ date, status });
    expect(isOverdue(a('2026-12-09', 'запланировано'), today)).toBe(true);
    expect(isOverdue(a('2026-12-09', 'перенесено'), today)).toBe(true);
    expect(isOverdue(a('2026-12-10', 'запланировано'), today)).toBe(false);
    expect(isOverdue(a('2026-12-09', 'выполнено'), today)).toBe(false);
    expect(isOverdue(a('2026-12-09', 'отменено'), today)).toBe(false);
    expect(isOverdue(a('', 'запланировано'), today)).toBe(false);
    expect(isOverdue(a('09.12.2026', 'запланировано'), today)).toBe(true);
  });

  test('activityMonth: the month column of the document', () => {
    expect(activityMonth('2026-10-14')).toBe('октябрь 2026');
    expect(activityMonth('2027-05-31')).toBe('май 2027');
  });
});
