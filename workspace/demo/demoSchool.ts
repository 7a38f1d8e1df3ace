import { columnToLetters } from '../../emulator/spreadsheet/a1';
import type { Workspace } from '../../emulator/workspace';
import { answerDemoChoices } from './demoChoices';
import { DEMO_USERS } from './demoUsers';
import { submitDemoAnswers } from './demoTeachers';
import { seedDemoYear } from './demoYear';

/**
 * The demo school: set up by the real add-on (setupSchoolYear), then kept by its staff the way a
 * school would half-way through a year: past activities mostly done with evidence links, the two
 * most recent past ones left overdue, current ones in progress.
 */
export const DEMO_SCHOOL = {
  school: 'МБОУ «Средняя общеобразовательная школа № 2»',
  director: 'Иванова Марина Петровна',
  curator: 'Смирнова Ольга Викторовна',
  methodologist: 'Кузнецова Анна Сергеевна',
  psychologist: 'Соколова Елена Игоревна',
  siteEditor: 'Попов Дмитрий Александрович',
};

const ROADMAP = 'Дорожная карта';
const SITE = 'https://school2.example/metodicheskaya-rabota';

/** «25.11.2026» → «2026-11-25» */
function iso(ru: string): string {
  const [d, m, y] = ru.split('.');
  return `${y}-${m}-${d}`;
}

function ru(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}.${m}.${y}`;
}

function addDays(isoDay: string, days: number): string {
  const t = Date.parse(`${isoDay}T00:00:00Z`) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** One step of seeding the demo, for a progress bar (the local server's «Reset demo»). */
export interface DemoStep {
  label: string;
  run: () => void;
}

/** The labels of the seeding steps, in order (the server's progress bar shows them). */
export const DEMO_STEP_LABELS = [
  'Настройка учебного года',
  'Отметки сотрудников',
  'Анкеты педагогов',
  'Подбор пар',
  'Программы наставничества',
  'Приказы, согласия и программы',
  'Мероприятия, встречи, мониторинг',
] as const;

/**
 * The demo seeding as steps, run in order: the add-on's setup, the staff's marks, then the
 * questionnaires created and answered by the teachers through the forms.
 */
export function seedDemoSchoolSteps(ws: Workspace): DemoStep[] {
  const runs = [
    () => {
      ws.run('setupSchoolYear', DEMO_SCHOOL);
      nameCurator(ws);
    },
    () => markAsStaff(ws),
    () => {
      ws.run('setupQuestionnaires');
      submitDemoAnswers(ws);
    },
    () => pairUp(ws),
    () => writePrograms(ws),
    () => issueDocuments(ws),
    () => {
      seedDemoYear(ws);
      // The year's letters went out over the year: today's mail quota is whole for whoever tries the demo.
      ws.forgetTodaysMailQuota();
      // The methodologist opens the file: «Сводка» catches up with everything filed since setup.
      ws.open();
    },
  ];
  return DEMO_STEP_LABELS.map((label, i) => ({ label, run: runs[i] }));
}

export function seedDemoSchool(ws: Workspace): void {
  for (const step of seedDemoSchoolSteps(ws)) step.run();
}

/** The deputy head («Сотрудник (завуч)» in the workspace) is the curator: the methodologist types her e-mail on «Настройки». */
function nameCurator(ws: Workspace): void {
  const sheet = 'Настройки';
  const rows = ws.values(sheet)!;
  const label = 'Куратор наставничества: e-mail';
  const at = rows.findIndex((r) => r[0] === label);
  const row = at >= 0 ? at + 1 : rows.length + 1;
  ws.edit(sheet, `A${row}:B${row}`, [[label, DEMO_USERS.staff]]);
}

/**
 * The methodologist saves the proposed pairs and groups and confirms the first three; the mentees
 * still waiting get their «Выбор наставника» links, those in the proposal answer, and it is saved again
 * with their choices.
 */
function pairUp(ws: Workspace): void {
  ws.run('savePairs', {});
  const sheet = 'Пары и группы';
  const status = ws.values(sheet)![0].indexOf('Статус');
  const letter = columnToLetters(status + 1);
  ws.edit(sheet, `${letter}2:${letter}4`, [['утверждено'], ['утверждено'], ['утверждено']]);
  answerDemoChoices(ws);
  ws.run('savePairs', {});
}

/** Working days of October 2026 the demo's first program activities happened on. */
const PROGRAM_STARTED = ['2026-10-06', '2026-10-20'];

/**
 * A program for every confirmed pair, as drafted from the mentees' requests; the staff have marked
 * the activities already past as done.
 */
function writePrograms(ws: Workspace): void {
  const pairs = ws.run('listProgramPairs') as Array<{ pairId: string }>;
  for (const { pairId } of pairs) {
    const draft = ws.run('getProgramDraft', pairId) as {
      goals: string[];
      tasks: string[];
      activities: Array<{ date: string }>;
    };
    // The programs were agreed in September: their first two activities are behind us.
    const activities = draft.activities.map((a, i) => (i < 2 ? { ...a, date: PROGRAM_STARTED[i] } : a));
    ws.run('saveProgram', { pairId, goals: draft.goals, tasks: draft.tasks, activities });
  }
  const sheet = 'Программы';
  const values = ws.values(sheet);
  if (!values) return;
  const [header, ...rows] = values;
  const date = header.indexOf('Дата');
  const status = header.indexOf('Статус');
  const today = new Date(ws.env.now() + 3 * 3600000).toISOString().slice(0, 10);
  const column = rows.map((r) => [r[date] && iso(r[date]) < today ? 'выполнено' : r[status]]);
  const letter = columnToLetters(status + 1);
  ws.setUser('zavuch@school2.example');
  try {
    ws.edit(sheet, `${letter}2:${letter}${rows.length + 1}`, column);
  } finally {
    ws.setUser('metodist@school2.example');
  }
}

/** A batch as the sidebar runs it: the first chunk, then «continue» until the batch is finished. */
function generateAll(ws: Workspace, request: { kind: string; pdf?: boolean; date?: string }): void {
  let progress = ws.run('generateDocuments', request) as { jobId: string; finished: boolean };
  while (!progress.finished) progress = ws.run('continueDocuments', progress.jobId) as typeof progress;
}

/**
 * The orders of stage 1 (the regulation order signed, the pairs order a draft with its PDF) and the
 * participants' consent statements.
 */
function issueDocuments(ws: Workspace): void {
  generateAll(ws, { kind: 'regulationOrder', date: '2026-09-01' });
  generateAll(ws, { kind: 'pairsOrder', pdf: true });
  generateAll(ws, { kind: 'consentPersonalData' });
  generateAll(ws, { kind: 'consentDuties' });
  generateAll(ws, { kind: 'program' });
  const sheet = 'Документы';
  const status = ws.values(sheet)![0].indexOf('Статус');
  ws.edit(sheet, `${columnToLetters(status + 1)}2`, 'подписан');
}

/** The staff's marks half-way through the year, typed as a staff member (onEdit fires). */
function markAsStaff(ws: Workspace): void {
  const values = ws.values(ROADMAP);
  if (!values) throw new Error('The demo setup did not create the roadmap');
  const [header, ...rows] = values;
  const col = (name: string) => header.indexOf(name);
  const [no, title, start, end, status, doneOn, evidence, comment] = [
    '№',
    'Мероприятие',
    'Срок начала',
    'Срок окончания',
    'Статус',
    'Дата выполнения',
    'Подтверждение (ссылка)',
    'Комментарий',
  ].map(col);
  // The school's wall clock (Moscow) decides what is already past.
  const today = new Date(ws.env.now() + 3 * 3600000).toISOString().slice(0, 10);

  const activities = rows
    .map((r, i) => ({
      row: i + 2,
      no: r[no],
      title: r[title],
      start: r[start] ? iso(r[start]) : '',
      end: r[end] ? iso(r[end]) : '',
    }))
    .filter((a) => a.no.includes('.') && a.end);
  const past = activities.filter((a) => a.end < today).sort((a, b) => (a.end < b.end ? -1 : 1));
  const overdue = new Set(past.slice(-2).map((a) => a.no));

  const statusCol: string[][] = rows.map((r) => [r[status]]);
  const doneCols: string[][] = rows.map((r) => [r[doneOn], r[evidence], r[comment]]);
  for (const a of activities) {
    const i = a.row - 2;
    if (a.end < today && !overdue.has(a.no)) {
      statusCol[i] = ['Выполнено'];
      doneCols[i] = [ru(addDays(a.end, -3)), `${SITE}/${a.no.replace(/\./g, '-')}`, ''];
    } else if (a.start && a.start <= today) {
      statusCol[i] = ['В работе'];
    }
  }
  const first = overdue.values().next().value;
  if (first) {
    const i = activities.find((a) => a.no === first)!.row - 2;
    statusCol[i] = ['В работе'];
    doneCols[i] = ['', '', 'Ждём подписи директора'];
  }

  const last = rows.length + 1;
  ws.setUser('zavuch@school2.example');
  try {
    ws.edit(ROADMAP, `${columnToLetters(status + 1)}2:${columnToLetters(status + 1)}${last}`, statusCol);
    // «Дата выполнения», «Подтверждение», «Комментарий» are adjacent in the layout setup creates.
    ws.edit(ROADMAP, `${columnToLetters(doneOn + 1)}2:${columnToLetters(comment + 1)}${last}`, doneCols);
  } finally {
    ws.setUser('metodist@school2.example');
  }
}
