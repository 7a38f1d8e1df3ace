import {
  MONITORING_CONSENT_CHOICE,
  meetingReportForm,
  monitoringMenteeForm,
  monitoringMentorForm,
  pairChoiceLabel,
  READINESS_CHOICES,
  ROLE_CHOICES,
  type YearFormDefinition,
} from '../../src/domain/monitoring/index';
import { checkinForm, CONTINUE_NO, CONTINUE_YES, CQ, FREQUENCY_CHOICES } from '../../src/domain/monitoring/checkin';
import type { Workspace } from '../../emulator/workspace';

/**
 * The demo school's year of work, up to the workspace's clock: the events of the roadmap (with their
 * minutes as evidence), the mentors' meeting reports through the form, the best practices, the
 * publications on the site; from April on, the monitoring answered by most participants, a news
 * draft and the analytical report. Everything through the real add-on and its forms.
 */
const SITE = 'https://school2.example/metodicheskaya-rabota';
const OPTIONS = { operator: '', pairChoices: [], competences: [] };

interface Pair {
  id: string;
  mentorId: string;
  mentorName: string;
  menteeIds: string[];
}

function table(ws: Workspace, sheet: string): Array<Record<string, string>> {
  const values = ws.values(sheet) ?? [];
  const [header = [], ...rows] = values;
  return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function confirmedPairs(ws: Workspace): Pair[] {
  return table(ws, 'Пары и группы')
    .filter((r) => r['Статус'] === 'утверждено')
    .map((r) => ({
      id: r['ID'],
      mentorId: r['ID наставника'],
      mentorName: r['Наставник'],
      menteeIds: r['ID наставляемых'].split(/[;,]\s*/).filter(Boolean),
    }));
}

function byTitle(
  def: YearFormDefinition,
  answers: Record<string, string | string[]>,
): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [def.questions.find((q) => q.key === key)!.title, value]),
  );
}

const ru = (isoDay: string) => isoDay.split('-').reverse().join('.');

/** The school's wall clock (Moscow). */
const todayOf = (ws: Workspace) => new Date(ws.env.now() + 3 * 3600000).toISOString().slice(0, 10);

function startYearOf(ws: Workspace): number {
  const period = table(ws, 'Настройки').find((r) => r['Параметр'] === 'Учебный год')?.['Значение'] ?? '';
  return Number(period.slice(0, 4));
}

/** Rows typed into «Мероприятия» as the curator would (onEdit fires). */
function writeEvents(ws: Workspace, y: number, today: string): void {
  const events: Array<[string, string, string, string, number, string]> = [
    [
      `${y}-08-28`,
      'Педагогический совет',
      'Внедрение системы наставничества педагогических работников',
      'Иванова Марина Петровна',
      46,
      'pedsovet',
    ],
    [
      `${y}-09-15`,
      'Административное совещание',
      'Реализация целевой модели наставничества: пары и программы',
      'Смирнова Ольга Викторовна',
      9,
      'soveshchanie',
    ],
    [
      `${y}-10-14`,
      'Обучение наставников',
      'Роль наставника и персонализированная программа',
      'Кузнецова Анна Сергеевна',
      15,
      'obuchenie',
    ],
    [
      `${y}-11-18`,
      'Консультация для наставников',
      'Посещение и анализ урока молодого педагога',
      'Кузнецова Анна Сергеевна',
      12,
      'konsultaciya',
    ],
    [
      `${y}-12-09`,
      'Психолого-педагогическая консультация',
      'Профилактика профессионального выгорания',
      'Соколова Елена Игоревна',
      18,
      'psiholog',
    ],
    [`${y + 1}-04-15`, 'Семинар', 'Наставничество: первые результаты', 'Кузнецова Анна Сергеевна', 31, 'seminar'],
    [
      `${y + 1}-05-20`,
      'Круглый стол по лучшим практикам',
      'Лучшие практики наставничества школы',
      'Смирнова Ольга Викторовна',
      0,
      'kruglyj-stol',
    ],
  ];
  const rows = events.map(([date, kind, topic, responsible, count, slug]) => {
    const held = date <= today;
    return [
      '',
      ru(date),
      kind,
      topic,
      responsible,
      held ? String(count) : '',
      '',
      held ? `${SITE}/${slug}` : '',
      '',
      '',
    ];
  });
  ws.setUser('zavuch@school2.example');
  try {
    ws.edit('Мероприятия', `A2:J${rows.length + 1}`, rows);
  } finally {
    ws.setUser('metodist@school2.example');
  }
}

/** Every mentor reports the program activities already done as meetings (the form fires the trigger). */
function reportMeetings(ws: Workspace, pairs: Pair[], emails: Map<string, string>, today: string): void {
  const def = meetingReportForm(OPTIONS);
  const activities = table(ws, 'Программы');
  for (const pair of pairs) {
    const done = activities.filter(
      (a) => a['Пара/группа'] === pair.id && a['Дата'] && a['Дата'].split('.').reverse().join('-') <= today,
    );
    done.slice(0, 6).forEach((a, k) => {
      const date = a['Дата'].split('.').reverse().join('-');
      ws.submitForm(
        def.title,
        byTitle(def, {
          pair: pairChoiceLabel(pair.id, pair.mentorName),
          // The date question's picker sends the ISO day.
          date,
          format: k % 3 === 2 ? 'Дистанционно' : 'Очно',
          topic: a['Мероприятие'].slice(0, 120),
          duration: String(40 + (k % 3) * 10),
          activity: a['ID мероприятия'],
          note: k === 0 ? 'Составили план работы, договорились о времени встреч.' : '',
        }),
        { email: emails.get(pair.mentorId)! },
      );
    });
  }
}

/** Most participants answer the monitoring (one mentee of the last pair has not yet). */
function answerMonitoring(
  ws: Workspace,
  pairs: Pair[],
  emails: Map<string, string>,
  requests: Map<string, string[]>,
): void {
  const mentee = monitoringMenteeForm(OPTIONS);
  const mentor = monitoringMentorForm(OPTIONS);
  pairs.forEach((pair, p) => {
    const choice = pairChoiceLabel(pair.id, pair.mentorName);
    pair.menteeIds.forEach((id, m) => {
      if (p === pairs.length - 1 && m === pair.menteeIds.length - 1 && pair.menteeIds.length + p > 1) return;
      const own = requests.get(id) ?? [];
      ws.submitForm(
        mentee.title,
        byTitle(mentee, {
          pair: choice,
          role: ROLE_CHOICES.mentee,
          requests: own.join('; '),
          satisfactionProgram: String(8 + ((p + m) % 3)),
          satisfactionMentor: String(9 + ((p + m) % 2)),
          resolved: own.slice(0, Math.max(1, own.length - ((p + m) % 2))),
          competenceBefore: String(4 + (m % 2)),
          competenceAfter: String(7 + ((p + m) % 3)),
          meetingsUseful: String(8 + (m % 3)),
          change: m === 0 ? 'Больше совместных уроков.' : '',
          consent: [MONITORING_CONSENT_CHOICE],
        }),
        { email: emails.get(id)! },
      );
    });
    ws.submitForm(
      mentor.title,
      byTitle(mentor, {
        pair: choice,
        role: ROLE_CHOICES.mentor,
        satisfactionProgram: String(8 + (p % 2)),
        satisfactionMentee: String(9 - (p % 2)),
        menteeProgress: String(7 + (p % 3)),
        difficulties: p % 2 ? ['Нехватка времени'] : ['Несовпадение графиков'],
        readiness: READINESS_CHOICES[p % 2],
        consent: [MONITORING_CONSENT_CHOICE],
      }),
      { email: emails.get(pair.mentorId)! },
    );
  });
}

function answerCheckin(ws: Workspace, pairs: Pair[], emails: Map<string, string>): void {
  // The demo is seeded at its date without its clock running through January: the button sends it.
  ws.run('sendCheckinLinks');
  const form = checkinForm('', []);
  pairs.forEach((pair, k) => {
    const unhappy = k === pairs.length - 1 ? pair.menteeIds[0] : '';
    for (const id of [pair.mentorId, ...pair.menteeIds]) {
      ws.submitForm(
        form.title,
        byTitle(form, {
          [CQ.pair]: pairChoiceLabel(pair.id, pair.mentorName),
          [CQ.mark]: id === unhappy ? '3' : String(7 + (id.length % 3)),
          [CQ.frequency]: id === unhappy ? FREQUENCY_CHOICES[3] : FREQUENCY_CHOICES[1],
          [CQ.continue]: id === unhappy ? CONTINUE_NO : CONTINUE_YES,
          [CQ.comment]: id === unhappy ? 'Не совпадают расписания: за полгода встретились два раза.' : '',
        }),
        { email: emails.get(id)! },
      );
    }
  });
}

function generateAll(ws: Workspace, request: { kind: string }): void {
  let progress = ws.run('generateDocuments', request) as { jobId: string; finished: boolean };
  while (!progress.finished) progress = ws.run('continueDocuments', progress.jobId) as typeof progress;
}

export function seedDemoYear(ws: Workspace): void {
  const today = todayOf(ws);
  const y = startYearOf(ws);
  writeEvents(ws, y, today);
  const people = [...table(ws, 'Наставляемые'), ...table(ws, 'Наставники')];
  const emails = new Map(people.map((r) => [r['ID'], r['Email']]));
  const requests = new Map(people.map((r) => [r['ID'], (r['Запросы'] ?? '').split(/;\s*/).filter(Boolean)]));
  const pairs = confirmedPairs(ws);
  ws.run('sendMeetingLinks');
  reportMeetings(ws, pairs, emails, today);

  ws.run('addPractice', {
    title: 'Урок в паре: совместное планирование и взаимопосещение',
    author: pairs[0]?.mentorName ?? 'Кузнецова Анна Сергеевна',
    competence: 'Планирование и проведение современного урока',
    description:
      'Наставник и молодой учитель планируют урок вместе, проводят его по очереди и разбирают по схеме анализа урока.',
    materials: `${SITE}/praktiki/urok-v-pare`,
  });
  ws.run('addPractice', {
    title: 'Чек-лист первой встречи с родителями',
    author: pairs[1]?.mentorName ?? 'Смирнова Ольга Викторовна',
    competence: 'Взаимодействие с родителями (законными представителями)',
    description: 'Памятка из восьми пунктов для подготовки первого родительского собрания.',
    materials: '',
  });
  ws.setUser('zavuch@school2.example');
  try {
    ws.edit('Методическая копилка', 'G2', 'одобрена');
    const held = table(ws, 'Мероприятия').filter((e) => e['Подтверждение (ссылка)']);
    // The site editor published all held events but the latest one.
    const published = held
      .slice(0, -1)
      .map((e) => [
        e['Дата'],
        e['ID'],
        'сайт — «Методическая работа»',
        `${e['Вид']}: ${e['Тема']}`,
        `${SITE}/novosti/${e['ID']}`,
      ]);
    if (published.length > 0) ws.edit('Публикации', `A2:E${published.length + 1}`, published);
  } finally {
    ws.setUser('metodist@school2.example');
  }
  // From mid-January: the mid-year check-in, answered; one mentee of the last pair asks for a change.
  if (today.slice(5) >= '01-15' && today.slice(5) <= '08-31') answerCheckin(ws, pairs, emails);
  if (today.slice(5) >= '04-01' && today.slice(5) <= '08-31') {
    ws.run('sendMonitoringLinks');
    answerMonitoring(ws, pairs, emails, requests);
    const latest = table(ws, 'Мероприятия')
      .filter((e) => e['Подтверждение (ссылка)'])
      .pop();
    if (latest) ws.run('prepareNews', latest['ID']);
    generateAll(ws, { kind: 'analyticalReport' });
  }
}
