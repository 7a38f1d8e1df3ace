/**
 * The three forms of the year's work as data, in the shape of the questionnaires (FormDefinition):
 * «Отчёт о встрече наставнической пары» (mentors report each meeting), and the monitoring forms for
 * mentees and mentors. The monitoring follows the Ministry's recommendations on mentoring of teachers
 * (letter of Минпросвещения России от 21.12.2021 № АЗ-1128/08): monitoring = the participants'
 * satisfaction with the program and the work in the pair + the mentee's professional growth.
 *
 * Every scale is 1–10 (SCALE_LOW–SCALE_HIGH): 1 is the lowest, 10 the highest.
 *
 * All choices are plain strings (no «Справочники» lists), so a definition is already resolved: the form
 * builder takes it as is. The email is collected by the form itself (collectEmail), never asked.
 * The pair, the role and (for a mentee) the requests are prefilled by each person's personal link; the
 * parser takes the person and the role from the banks, not from those answers.
 */
import { cleanList, FORMATS_MODE } from '../questionnaires/lists';
import type { ResolvedFormDefinition, ResolvedQuestion, ScaleDefinition } from '../questionnaires/forms';
import type { MonitoringRole, YearFormKey } from './types';

/** A form of the year's work: a questionnaire-shaped definition with a year form key, choices resolved. */
export type YearFormDefinition = Omit<ResolvedFormDefinition, 'key'> & { key: YearFormKey };

export interface YearFormOptions {
  /** The school's name, e.g. «МОУ «КСОШ № 2»». */
  operator: string;
  /** The confirmed pairs and groups as the pair question lists them: «П-0003 — Иванова Анна Петровна». */
  pairChoices: readonly string[];
  /** The competences (requests) of «Справочники», for «Какие запросы удалось решить?». */
  competences: readonly string[];
}

/** The bounds of every scale question. */
export const SCALE_LOW = 1;
export const SCALE_HIGH = 10;

/** The longest meeting a report accepts, minutes. */
export const MAX_MEETING_MINUTES = 600;

/** The question keys: responses are mapped by them, whatever staff rename the questions to. */
export const Q = {
  pair: 'pair',
  role: 'role',
  consent: 'consent',
  change: 'change',
  // meeting report
  date: 'date',
  format: 'format',
  topic: 'topic',
  duration: 'duration',
  activity: 'activity',
  note: 'note',
  // monitoring: both roles
  satisfactionProgram: 'satisfactionProgram',
  // monitoring: mentee
  requests: 'requests',
  satisfactionMentor: 'satisfactionMentor',
  resolved: 'resolved',
  competenceBefore: 'competenceBefore',
  competenceAfter: 'competenceAfter',
  meetingsUseful: 'meetingsUseful',
  // monitoring: mentor
  satisfactionMentee: 'satisfactionMentee',
  menteeProgress: 'menteeProgress',
  difficulties: 'difficulties',
  readiness: 'readiness',
} as const;

/** The choices of the role question, by role (what a personal link prefills). */
export const ROLE_CHOICES: Readonly<Record<MonitoringRole, string>> = {
  mentee: 'Наставляемый',
  mentor: 'Наставник',
};

export const MEETING_FORMATS: readonly string[] = FORMATS_MODE;

export const DIFFICULTY_CHOICES: readonly string[] = [
  'Нехватка времени',
  'Несовпадение графиков',
  'Недостаточная мотивация наставляемого',
  'Недостаток методических материалов',
];

export const READINESS_CHOICES: readonly string[] = ['Да', 'Скорее да', 'Скорее нет', 'Нет'];

/** The only choice of the monitoring consent question; a response without it is not stored. */
export const MONITORING_CONSENT_CHOICE = 'Согласен(на) на обработку моих ответов на этих условиях';

const PAIR_LABEL_SEPARATOR = ' — ';

/** The pair question's choice for a pair or group: «П-0003 — Иванова Анна Петровна» (the mentor's name). */
export function pairChoiceLabel(pairId: string, mentorName: string): string {
  const name = mentorName.replace(/\s+/g, ' ').trim();
  return name === '' ? pairId.trim() : `${pairId.trim()}${PAIR_LABEL_SEPARATOR}${name}`;
}

/** The pair id a choice made by pairChoiceLabel starts with («П-0003 — …» → «П-0003»), or null. */
export function pairIdFromChoice(choice: string): string | null {
  const at = choice.indexOf(PAIR_LABEL_SEPARATOR);
  const id = (at < 0 ? choice : choice.slice(0, at)).trim();
  return id === '' ? null : id;
}

// ---------------------------------------------------------------------------------------------------
// Scale questions

export interface ScaleQuestion {
  key: string;
  role: MonitoringRole;
  /** As the form asks it. */
  title: string;
  /** A short Russian label for summaries and charts. */
  short: string;
  required: boolean;
  /** The answer is a satisfaction score: the pair's and the totals' satisfaction figures average these. */
  satisfaction: boolean;
  lowLabel: string;
  highLabel: string;
}

const SATISFIED: Pick<ScaleQuestion, 'lowLabel' | 'highLabel'> = {
  lowLabel: 'Совсем не удовлетворён(а)',
  highLabel: 'Полностью удовлетворён(а)',
};
const LEVEL: Pick<ScaleQuestion, 'lowLabel' | 'highLabel'> = { lowLabel: 'Очень низкий', highLabel: 'Очень высокий' };

/** Every scale question of the monitoring forms (1–10), mentee's first, in form order. */
export const SCALE_QUESTIONS: readonly ScaleQuestion[] = [
  {
    key: Q.satisfactionProgram,
    role: 'mentee',
    title: 'Насколько вы удовлетворены программой наставничества?',
    short: 'Удовлетворённость программой (наставляемые)',
    required: true,
    satisfaction: true,
    ...SATISFIED,
  },
  {
    key: Q.satisfactionMentor,
    role: 'mentee',
    title: 'Насколько вы удовлетворены работой с наставником?',
    short: 'Удовлетворённость работой с наставником',
    required: true,
    satisfaction: true,
    ...SATISFIED,
  },
  {
    key: Q.competenceBefore,
    role: 'mentee',
    title: 'Оцените свой уровень по вашим запросам ДО начала программы',
    short: 'Самооценка до программы',
    required: true,
    satisfaction: false,
    ...LEVEL,
  },
  {
    key: Q.competenceAfter,
    role: 'mentee',
    title: 'Оцените свой уровень по вашим запросам СЕЙЧАС',
    short: 'Самооценка сейчас',
    required: true,
    satisfaction: false,
    ...LEVEL,
  },
  {
    key: Q.meetingsUseful,
    role: 'mentee',
    title: 'Насколько полезными были встречи с наставником?',
    short: 'Польза встреч',
    required: false,
    satisfaction: false,
    lowLabel: 'Бесполезны',
    highLabel: 'Очень полезны',
  },
  {
    key: Q.satisfactionProgram,
    role: 'mentor',
    title: 'Насколько вы удовлетворены программой наставничества?',
    short: 'Удовлетворённость программой (наставники)',
    required: true,
    satisfaction: true,
    ...SATISFIED,
  },
  {
    key: Q.satisfactionMentee,
    role: 'mentor',
    title: 'Насколько вы удовлетворены работой с наставляемым (группой)?',
    short: 'Удовлетворённость работой с наставляемыми',
    required: true,
    satisfaction: true,
    ...SATISFIED,
  },
  {
    key: Q.menteeProgress,
    role: 'mentor',
    title: 'Как вы оцениваете профессиональный рост наставляемого (группы) за время программы?',
    short: 'Рост наставляемых (оценка наставника)',
    required: true,
    satisfaction: false,
    lowLabel: 'Роста нет',
    highLabel: 'Значительный рост',
  },
];

function scaleQuestion(role: MonitoringRole, key: string): ResolvedQuestion {
  const s = SCALE_QUESTIONS.find((q) => q.role === role && q.key === key);
  if (!s) throw new Error(`No scale question ${role}/${key}`);
  const scale: ScaleDefinition = { low: SCALE_LOW, high: SCALE_HIGH, lowLabel: s.lowLabel, highLabel: s.highLabel };
  return {
    key: s.key,
    title: s.title,
    type: 'scale',
    required: s.required,
    help: `От ${SCALE_LOW} до ${SCALE_HIGH}: ${SCALE_LOW} — ${s.lowLabel.toLowerCase()}, ${SCALE_HIGH} — ${s.highLabel.toLowerCase()}`,
    scale,
  };
}

// ---------------------------------------------------------------------------------------------------
// Questions shared by the forms

function pairQuestion(pairChoices: readonly string[], help: string): ResolvedQuestion {
  return {
    key: Q.pair,
    title: 'Наставническая пара (группа)',
    type: 'list',
    required: true,
    help,
    choices: cleanList(pairChoices),
  };
}

const PREFILLED_PAIR_HELP = 'Заполнено автоматически по вашей личной ссылке. Если поле пустое — выберите свою пару';

const roleQuestion: ResolvedQuestion = {
  key: Q.role,
  title: 'Ваша роль',
  type: 'multipleChoice',
  required: false,
  help: 'Заполнено автоматически по вашей личной ссылке',
  choices: [ROLE_CHOICES.mentee, ROLE_CHOICES.mentor],
};

const changeQuestion: ResolvedQuestion = {
  key: Q.change,
  title: 'Что бы вы изменили в программе наставничества?',
  type: 'paragraph',
  required: false,
  help: 'Необязательно: предложения по формату, темам, организации встреч',
};

const consentQuestion: ResolvedQuestion = {
  key: Q.consent,
  title: 'Согласие на обработку ответов',
  type: 'checkbox',
  required: true,
  help:
    'Ответы обрабатываются на условиях согласия на обработку персональных данных, которое вы дали в анкете ' +
    'наставляемого или наставника. Без этой отметки ответ не сохраняется.',
  choices: [MONITORING_CONSENT_CHOICE],
};

const PRIVACY =
  'Ответы видят только ответственные за наставничество в школе; они хранятся в таблице школы в Google ' +
  'Workspace, никому не рассылаются и не публикуются. Если отправить ответ ещё раз, он заменит прежний.';

function operatorName(operator: string): string {
  return operator.replace(/\s+/g, ' ').trim() || 'Школа';
}

// ---------------------------------------------------------------------------------------------------
// The forms

export const MEETING_REPORT_CONFIRMATION =
  'Отчёт получен. Если в нём найдётся ошибка, куратор наставничества свяжется с вами.';

export function meetingReportForm(options: YearFormOptions): YearFormDefinition & { key: 'meetingReport' } {
  return {
    key: 'meetingReport',
    title: 'Отчёт о встрече наставнической пары',
    description:
      'Короткий отчёт наставника о проведённой встрече с наставляемым (группой). По отчётам ' +
      `${operatorName(options.operator)} ведёт учёт встреч и отмечает выполнение программ наставничества. ` +
      'Заполнение займёт 2 минуты.\n\n' +
      'Заметка — рабочая: что сделано на встрече и о чём договорились. Пожалуйста, не пишите в ней оценок ' +
      'и характеристик людей, диагнозов и других личных сведений. Ничего из этой формы не рассылается и не ' +
      'публикуется: ответы видят только ответственные за наставничество в школе.',
    // Sent before the add-on reads the report (the pair, the date, the mentor are checked then): no «записана».
    confirmation: MEETING_REPORT_CONFIRMATION,
    collectEmail: true,
    questions: [
      pairQuestion(options.pairChoices, 'Пара или группа, с которой прошла встреча'),
      {
        key: Q.date,
        title: 'Дата встречи',
        type: 'date',
        required: true,
        help: 'Выберите день встречи в календаре',
      },
      {
        key: Q.format,
        title: 'Формат встречи',
        type: 'multipleChoice',
        required: true,
        choices: [...MEETING_FORMATS],
      },
      {
        key: Q.topic,
        title: 'Тема встречи',
        type: 'text',
        required: true,
        help: 'Коротко, например: Разбор открытого урока',
      },
      {
        key: Q.duration,
        title: 'Длительность, минут',
        type: 'text',
        required: false,
        help: `Числом, например: 45 (не больше ${MAX_MEETING_MINUTES})`,
      },
      {
        key: Q.activity,
        title: 'Мероприятие программы',
        type: 'text',
        required: false,
        help:
          'Номер мероприятия из программы наставничества, например: А-03. Если встреча не по программе — ' +
          'оставьте пустым',
      },
      {
        key: Q.note,
        title: 'Заметка',
        type: 'paragraph',
        required: false,
        help: 'Необязательно: что сделано, о чём договорились. Только о работе, без оценок людей',
      },
    ],
  };
}

export function monitoringMenteeForm(options: YearFormOptions): YearFormDefinition & { key: 'monitoringMentee' } {
  const competences = cleanList(options.competences).filter((c) => c.toLowerCase() !== 'другое');
  return {
    key: 'monitoringMentee',
    title: 'Мониторинг: анкета наставляемого',
    description:
      `${operatorName(options.operator)} подводит итоги программы наставничества: насколько участники ` +
      'довольны работой и чего удалось достичь. Ответьте, пожалуйста, на несколько вопросов — это займёт ' +
      `5 минут. Оценки ставятся по шкале от ${SCALE_LOW} до ${SCALE_HIGH}.\n\n` +
      PRIVACY,
    confirmation: 'Спасибо! Ваши ответы получены.',
    collectEmail: true,
    questions: [
      pairQuestion(options.pairChoices, PREFILLED_PAIR_HELP),
      roleQuestion,
      {
        key: Q.requests,
        title: 'Ваши запросы (профессиональные затруднения)',
        type: 'text',
        required: false,
        help: 'Заполнено автоматически — ваши запросы из анкеты',
      },
      scaleQuestion('mentee', Q.satisfactionProgram),
      scaleQuestion('mentee', Q.satisfactionMentor),
      {
        key: Q.resolved,
        title: 'Какие из ваших запросов удалось решить?',
        type: 'checkbox',
        required: false,
        help: 'Отметьте всё, по чему есть результат. Если нужного нет в списке — напишите в поле «Другое»',
        choices: competences,
        other: true,
      },
      scaleQuestion('mentee', Q.competenceBefore),
      scaleQuestion('mentee', Q.competenceAfter),
      scaleQuestion('mentee', Q.meetingsUseful),
      changeQuestion,
      consentQuestion,
    ],
  };
}

export function monitoringMentorForm(options: YearFormOptions): YearFormDefinition & { key: 'monitoringMentor' } {
  return {
    key: 'monitoringMentor',
    title: 'Мониторинг: анкета наставника',
    description:
      `${operatorName(options.operator)} подводит итоги программы наставничества: насколько участники ` +
      'довольны работой и как выросли наставляемые. Ответьте, пожалуйста, на несколько вопросов — это ' +
      `займёт 5 минут. Оценки ставятся по шкале от ${SCALE_LOW} до ${SCALE_HIGH}.\n\n` +
      PRIVACY,
    confirmation: 'Спасибо! Ваши ответы получены.',
    collectEmail: true,
    questions: [
      pairQuestion(options.pairChoices, PREFILLED_PAIR_HELP),
      roleQuestion,
      scaleQuestion('mentor', Q.satisfactionProgram),
      scaleQuestion('mentor', Q.satisfactionMentee),
      scaleQuestion('mentor', Q.menteeProgress),
      {
        key: Q.difficulties,
        title: 'С какими трудностями вы столкнулись?',
        type: 'checkbox',
        required: false,
        help: 'Можно выбрать несколько. Если нужного нет в списке — напишите в поле «Другое»',
        choices: [...DIFFICULTY_CHOICES],
        other: true,
      },
      {
        key: Q.readiness,
        title: 'Готовы ли вы продолжить работу наставником в следующем учебном году?',
        type: 'multipleChoice',
        required: true,
        choices: [...READINESS_CHOICES],
      },
      changeQuestion,
      consentQuestion,
    ],
  };
}

/** The three forms of the year's work, in menu order. */
export function yearFormDefinitions(options: YearFormOptions): YearFormDefinition[] {
  return [meetingReportForm(options), monitoringMenteeForm(options), monitoringMentorForm(options)];
}
