import {
  ACTIVITY_KINDS,
  catalogueEntry,
  freeRequestProgram,
  GENERIC_ACTIVITIES,
  GENERIC_GOAL,
  GENERIC_TASKS,
  OTHER_KIND,
  PROGRAM_CATALOGUE,
  type ActivityTemplate,
} from '../../src/domain/programs/catalogue';
import { foldRu } from '../../src/domain/dates';
import { COMPETENCES } from '../../src/domain/questionnaires/lists';

const ALL_TEMPLATES: ActivityTemplate[] = [
  ...PROGRAM_CATALOGUE.flatMap((p) => p.activities),
  ...Object.values(GENERIC_ACTIVITIES),
];

test('activity kinds: the vocabulary of the recommendations, «Другое» last', () => {
  expect(ACTIVITY_KINDS).toEqual([
    'Посещение и анализ уроков',
    'Совместная разработка урока',
    'Консультация',
    'Взаимопосещение уроков',
    'Участие в методическом объединении',
    'Подготовка открытого урока',
    'Самообразование',
    'Другое',
  ]);
  expect(OTHER_KIND).toBe('Другое');
});

test('the catalogue covers every competence of the questionnaires, and nothing else', () => {
  expect(PROGRAM_CATALOGUE.map((p) => p.competence).sort()).toEqual([...COMPETENCES].sort());
  for (const c of COMPETENCES) expect(catalogueEntry(c)?.competence).toBe(c);
});

describe.each(PROGRAM_CATALOGUE.map((p) => [p.competence, p] as const))('%s', (_c, program) => {
  test('a goal, 2–3 tasks, 3–5 activities', () => {
    expect(program.goal).toMatch(/^[А-ЯЁ]/);
    expect(program.tasks.length).toBeGreaterThanOrEqual(2);
    expect(program.tasks.length).toBeLessThanOrEqual(3);
    expect(program.activities.length).toBeGreaterThanOrEqual(3);
    expect(program.activities.length).toBeLessThanOrEqual(5);
    for (const t of program.tasks) expect(t).toMatch(/^[А-ЯЁ]/);
  });

  test('activities: a known kind (never «Другое»), a role, every text filled in', () => {
    for (const a of program.activities) {
      expect(ACTIVITY_KINDS).toContain(a.kind);
      expect(a.kind).not.toBe(OTHER_KIND);
      expect(['mentor', 'mentee', 'both']).toContain(a.responsible);
      expect(a.title).toMatch(/^[А-ЯЁ]/);
      expect(a.expectedResult).toMatch(/^[А-ЯЁ]/);
      expect(a.reporting.trim()).not.toBe('');
    }
  });

  test('more than one kind of work, and the mentee does something', () => {
    expect(new Set(program.activities.map((a) => a.kind)).size).toBeGreaterThanOrEqual(2);
    expect(program.activities.some((a) => a.responsible !== 'mentor')).toBe(true);
  });
});

test('texts are clean: no doubled or edge spaces, no final full stop, no placeholders or formulas', () => {
  const texts = [
    ...PROGRAM_CATALOGUE.flatMap((p) => [p.goal, ...p.tasks]),
    ...ALL_TEMPLATES.flatMap((a) => [a.title, a.expectedResult, a.reporting]),
    GENERIC_GOAL,
    ...GENERIC_TASKS,
  ];
  for (const t of texts) {
    expect(t).toBe(t.trim());
    expect(t).not.toMatch(/\s{2}|\.$|\{\{|^[=+\-@]/);
  }
});

test('titles are unique across the catalogue and the generic items', () => {
  const titles = ALL_TEMPLATES.map((a) => foldRu(a.title));
  expect(new Set(titles).size).toBe(titles.length);
});

test('generic items: the opening consultation, the methodical association, the final open lesson', () => {
  expect(GENERIC_ACTIVITIES.opening.kind).toBe('Консультация');
  expect(GENERIC_ACTIVITIES.opening.title).toMatch(/согласование персонализированной программы наставничества/);
  expect(GENERIC_ACTIVITIES.methodical.kind).toBe('Участие в методическом объединении');
  expect(GENERIC_ACTIVITIES.final.kind).toBe('Подготовка открытого урока');
  expect(GENERIC_ACTIVITIES.final.title).toMatch(/рефлексия/);
  for (const a of Object.values(GENERIC_ACTIVITIES)) expect(a.responsible).toBe('both');
});

test('look-up ignores case, ё/е and extra spaces; free text is not in the catalogue', () => {
  const c = 'Работа с одарёнными детьми';
  expect(catalogueEntry('  работа  с ОДАРЕННЫМИ детьми ')?.competence).toBe(c);
  expect(catalogueEntry('Работа с одарёнными')).toBeNull();
  expect(catalogueEntry('')).toBeNull();
  expect(catalogueEntry('constructor')).toBeNull();
  expect(catalogueEntry('toString')).toBeNull();
});

test('a free request: self-education and a consultation, the request text quoted as it is', () => {
  const text = '=HYPERLINK("http://x") {{школа}} <b>жирный</b>';
  const p = freeRequestProgram(text);
  expect(p.competence).toBe(text);
  expect(p.goal).toContain(`«${text}»`);
  expect(p.tasks).toHaveLength(1);
  expect(p.activities.map((a) => [a.kind, a.responsible])).toEqual([
    ['Самообразование', 'mentee'],
    ['Консультация', 'mentor'],
  ]);
  for (const a of p.activities) {
    expect(a.title).toContain(`«${text}»`);
    expect(a.title).toMatch(/^[А-ЯЁ]/);
  }
});
