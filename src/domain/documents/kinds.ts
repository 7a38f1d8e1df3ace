/**
 * The document kinds and their default templates, as data (see types.ts for how they are used).
 *
 * Values come from the spreadsheet in the nominative case («Иванова Марина Петровна», «Учитель»),
 * and Russian would need other cases after «Директору…», «от…», «Назначить…». So every placeholder
 * stands where the nominative is right: as an apposition («оператору — {{школа}} —»), after a label
 * («Работник: {{фио}}»), in parentheses («Куратору ({{куратор}})»), as a subject («…назначается
 * {{куратор}}») or under a signature. Numerals stay out of agreement: «Всего …: {{число_пар}}».
 *
 * The personal-data consent is made of the same sentences as the questionnaires' consent
 * (consentText), and the duties consent lists the same duties (dutiesConsentText), so what a teacher
 * ticked in the form and what they sign on paper cannot drift apart.
 */
import { consentText, dutiesConsentText } from '../questionnaires/consent';
import type {
  DocumentKind,
  DocumentKindId,
  PlaceholderSpec,
  TemplateBlock,
  TemplateParagraph,
  TemplateTable,
} from './types';

// ---- fields -------------------------------------------------------------------------------------

const field = (name: string, label: string): PlaceholderSpec => ({ name, label });

const SCHOOL = field('школа', 'Образовательная организация');
const DIRECTOR = field('директор', 'Директор');
const CURATOR = field('куратор', 'Куратор наставничества');
/** The period as «Настройки» holds it, e.g. «2026–2027»; templates write «… учебный год» after it. */
const SCHOOL_YEAR = field('учебный_год', 'Учебный год');
const ORDER_NUMBER = field('номер_приказа', 'Номер приказа');
const ORDER_DATE = field('дата_приказа', 'Дата приказа');
const NUMBER = field('номер', 'Регистрационный номер');
const DATE = field('дата', 'Дата');
const FULL_NAME = field('фио', 'ФИО');
const POSITION = field('должность', 'Должность');

// ---- blocks -------------------------------------------------------------------------------------

type Style = Omit<TemplateParagraph, 'type' | 'text'>;

const paragraph = (text: string, style: Style = {}): TemplateParagraph => ({ type: 'paragraph', text, ...style });
/** A centred bold line: the school, «ПРИКАЗ», a title. */
const centred = (text: string, style: Style = {}) => paragraph(text, { align: 'CENTER', bold: true, ...style });
/** Body text: justified, first-line indent. */
const body = (text: string, style: Style = {}) => paragraph(text, { align: 'JUSTIFY', indent: true, ...style });
const blank = (): TemplateParagraph => paragraph('');

/** The top of an order: the school, «ПРИКАЗ», date and number, the title. */
function orderHead(title: string): TemplateBlock[] {
  return [
    centred('{{школа}}', { spaceAfter: 12 }),
    centred('ПРИКАЗ', { fontSize: 16, spaceAfter: 12 }),
    paragraph('{{дата_приказа}}   № {{номер_приказа}}', { spaceAfter: 12 }),
    centred(title, { spaceAfter: 12 }),
  ];
}

const ORDER_WORD = paragraph('ПРИКАЗЫВАЮ:', { bold: true });
const CONTROL = 'Контроль за исполнением настоящего приказа оставляю за собой.';
const DIRECTOR_SIGNATURE = paragraph('Директор ____________ {{директор}}');

const LAW_273 = 'Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»';
/** Both Ministry letters of stage 1 of the seed roadmap. */
const LETTER_2020 =
  'письмом Минпросвещения России от 23.01.2020 № МР-42/02 «О направлении целевой модели наставничества ' +
  'и методических рекомендаций»';
const LETTER_2021 =
  'письмом Минпросвещения России № АЗ-1128/08 и Общероссийского Профсоюза образования № 657 от 21.12.2021 ' +
  '«О направлении методических рекомендаций» (вместе с «Методическими рекомендациями по разработке и ' +
  'внедрению системы (целевой модели) наставничества педагогических работников в образовательных ' +
  'организациях»)';
const REGULATION = 'Положение о системе наставничества педагогических работников';
const ROADMAP =
  'Дорожная карта (план мероприятий) по реализации Положения о системе наставничества педагогических ' +
  'работников на {{учебный_год}} учебный год';

// ---- the kinds ----------------------------------------------------------------------------------

const regulationOrder: DocumentKind = {
  id: 'regulationOrder',
  title: 'Приказ «Об утверждении Положения о системе наставничества педагогических работников»',
  shortTitle: 'Приказ о Положении',
  scope: 'school',
  folder: 'Приказы',
  templateName: 'Шаблон — Приказ об утверждении Положения о наставничестве',
  numberPrefix: 'Н',
  fields: [SCHOOL, DIRECTOR, CURATOR, SCHOOL_YEAR, ORDER_NUMBER, ORDER_DATE],
  rowFields: [],
  blocks: [
    ...orderHead('Об утверждении Положения о системе наставничества педагогических работников'),
    body(
      `В соответствии с ${LAW_273}, ${LETTER_2020}, ${LETTER_2021}, в целях профессионального развития ` +
        'педагогических работников, поддержки молодых специалистов и педагогов, впервые приступивших к работе ' +
        'или сменивших должность, и передачи педагогического опыта',
    ),
    ORDER_WORD,
    body(`1. Утвердить ${REGULATION} (приложение 1).`),
    body(
      '2. Утвердить дорожную карту (план мероприятий) по реализации Положения о системе наставничества ' +
        'педагогических работников на {{учебный_год}} учебный год (приложение 2).',
    ),
    body('3. Куратором реализации системы наставничества педагогических работников назначается {{куратор}}.'),
    body(
      '4. Куратору обеспечить выполнение дорожной карты, сопровождение наставнических пар (групп) и мониторинг ' +
        'реализации персонализированных программ наставничества.',
    ),
    body(
      '5. Ответственному за ведение официального сайта разместить настоящий приказ и Положение о системе ' +
        'наставничества педагогических работников на официальном сайте образовательной организации ' +
        'в сети «Интернет» в течение десяти рабочих дней со дня издания приказа.',
    ),
    body(`6. ${CONTROL}`, { spaceAfter: 12 }),
    paragraph('Приложения:'),
    {
      type: 'table',
      header: [
        ['Приложение 1', REGULATION],
        ['Приложение 2', ROADMAP],
      ],
      widths: [110, 357],
    },
    blank(),
    DIRECTOR_SIGNATURE,
    blank(),
    paragraph('С приказом ознакомлен(а): ____________ {{куратор}}'),
  ],
};

/** The table of the order on pairs: the header and one repeating row. */
const PAIRS_TABLE: TemplateTable = {
  type: 'table',
  header: [['№', 'Наставник', 'Наставляемый(-ые)', 'Форма наставничества', 'Срок']],
  row: ['{{номер_строки}}', '{{наставник}}', '{{наставляемые}}', '{{форма}}', '{{срок}}'],
  widths: [32, 120, 135, 90, 90],
  boldHeader: true,
};

const pairsOrder: DocumentKind = {
  id: 'pairsOrder',
  title: 'Приказ «О закреплении наставнических пар (групп)»',
  shortTitle: 'Приказ о парах',
  scope: 'school',
  folder: 'Приказы',
  templateName: 'Шаблон — Приказ о закреплении наставнических пар',
  numberPrefix: 'Н',
  fields: [SCHOOL, DIRECTOR, CURATOR, SCHOOL_YEAR, ORDER_NUMBER, ORDER_DATE, field('число_пар', 'Число пар (групп)')],
  rowFields: [
    field('номер_строки', 'Номер строки'),
    field('наставник', 'Наставник'),
    field('наставляемые', 'Наставляемые'),
    field('форма', 'Форма наставничества'),
    field('срок', 'Срок'),
  ],
  blocks: [
    ...orderHead('О закреплении наставнических пар (групп)'),
    body(
      `В соответствии с ${LAW_273}, Положением о системе наставничества педагогических работников, ` +
        'на основании письменного согласия участников наставнических пар (групп), в целях оказания методической ' +
        'помощи педагогическим работникам и их профессионального развития',
    ),
    ORDER_WORD,
    body(
      '1. Утвердить состав наставнических пар (групп) на {{учебный_год}} учебный год и закрепить наставников ' +
        'за наставляемыми педагогическими работниками согласно приложению к настоящему приказу.',
    ),
    body(
      '2. Наставникам в течение двух недель со дня издания настоящего приказа разработать совместно ' +
        'с наставляемыми персонализированные программы наставничества и представить их куратору.',
    ),
    body(
      '3. Куратору реализации системы наставничества педагогических работников ({{куратор}}) обеспечить ' +
        'сопровождение наставнических пар (групп) и мониторинг реализации персонализированных программ ' +
        'наставничества.',
    ),
    body(`4. ${CONTROL}`, { spaceAfter: 12 }),
    blank(),
    DIRECTOR_SIGNATURE,
    blank(),
    paragraph('Приложение', { align: 'RIGHT' }),
    paragraph('к приказу от {{дата_приказа}} № {{номер_приказа}}', { align: 'RIGHT', spaceAfter: 12 }),
    centred('Состав наставнических пар (групп) на {{учебный_год}} учебный год', { spaceAfter: 6 }),
    PAIRS_TABLE,
    paragraph('Всего наставнических пар (групп): {{число_пар}}.'),
  ],
};

/** The plan of a program: one row per activity. Widths: A4 minus 3 + 1.5 cm margins. */
const PROGRAM_TABLE: TemplateTable = {
  type: 'table',
  header: [['№', 'Сроки', 'Мероприятие', 'Ответственный', 'Ожидаемый результат', 'Форма отчётности']],
  row: [
    '{{номер_строки}}',
    '{{месяц}}',
    '{{мероприятие}}',
    '{{ответственный}}',
    '{{результат}}',
    '{{форма_отчетности}}',
  ],
  widths: [26, 64, 135, 82, 90, 70],
  boldHeader: true,
};

/** A section heading of the program: «1. Участники программы». */
const section = (text: string) => paragraph(text, { bold: true, spaceAfter: 6 });

/**
 * The personalized program of a pair or group (stage 5.2 of the roadmap). Goals and tasks arrive as
 * one value each, joined with «; ». Values stand after labels or under signatures (nominative).
 */
const program: DocumentKind = {
  id: 'program',
  title: 'Персонализированная программа наставничества',
  shortTitle: 'Программа наставничества',
  scope: 'pair',
  folder: 'Программы',
  templateName: 'Шаблон — Персонализированная программа наставничества',
  numberPrefix: 'П',
  fields: [
    SCHOOL,
    DIRECTOR,
    CURATOR,
    SCHOOL_YEAR,
    NUMBER,
    DATE,
    field('наставник', 'Наставник'),
    field('наставляемые', 'Наставляемые'),
    field('форма', 'Форма наставничества'),
    field('срок', 'Срок реализации программы'),
    field('цели', 'Цели программы'),
    field('задачи', 'Задачи программы'),
  ],
  rowFields: [
    field('номер_строки', 'Номер строки'),
    field('месяц', 'Месяц'),
    field('мероприятие', 'Мероприятие'),
    field('ответственный', 'Ответственный'),
    field('результат', 'Ожидаемый результат'),
    field('форма_отчетности', 'Форма отчётности'),
  ],
  blocks: [
    centred('{{школа}}', { spaceAfter: 12 }),
    paragraph('УТВЕРЖДАЮ', { align: 'RIGHT', bold: true }),
    paragraph('Директор ____________ {{директор}}', { align: 'RIGHT', spaceAfter: 24 }),
    centred('ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА', { fontSize: 16, spaceAfter: 6 }),
    centred('на {{учебный_год}} учебный год', { bold: false }),
    paragraph('№ {{номер}} от {{дата}}', { align: 'CENTER', spaceAfter: 18 }),
    section('1. Участники программы'),
    paragraph('Наставник: {{наставник}}'),
    paragraph('Наставляемый(-ые): {{наставляемые}}'),
    paragraph('Форма наставничества: {{форма}}'),
    paragraph('Срок реализации программы: {{срок}}', { spaceAfter: 12 }),
    section('2. Цели программы'),
    body('{{цели}}', { spaceAfter: 12 }),
    section('3. Задачи программы'),
    body('{{задачи}}', { spaceAfter: 12 }),
    section('4. План мероприятий'),
    PROGRAM_TABLE,
    blank(),
    paragraph('Наставник ____________ {{наставник}}'),
    blank(),
    paragraph('Наставляемый(-ые) ____________ {{наставляемые}}'),
    blank(),
    paragraph('Куратор ____________ {{куратор}}'),
  ],
};

/** The questionnaire's consent, sentence by sentence, made to speak for the person who signs it. */
const QUESTIONNAIRE_SUBJECT = 'указавший(ая) в анкете свои ФИО и адрес электронной почты';

function personalDataConsentParagraphs(): string[] {
  const sentences = consentText({ operator: '{{школа}}', responsible: 'куратор наставничества {{куратор}}' });
  return sentences.split('\n').map((s, i) => (i === 0 ? s.replace(QUESTIONNAIRE_SUBJECT, '{{фио}}') : s));
}

/** The duties of a mentor, as the mentor questionnaire lists them: «— …;». */
function mentorDuties(): string[] {
  return dutiesConsentText('{{школа}}')
    .split('\n')
    .filter((line) => line.startsWith('—'));
}

/** Who is who at the top of a consent: labels, so every value stands in the nominative. */
function consentHead(title: string, subtitle: string, party: string): TemplateBlock[] {
  return [
    centred(title),
    centred(subtitle, { spaceAfter: 12 }),
    paragraph(`${party}: {{школа}} (директор — {{директор}})`),
    paragraph('Работник: {{фио}}'),
    paragraph('Должность: {{должность}}', { spaceAfter: 12 }),
  ];
}

const SIGNATURE_LINE = paragraph('{{дата}}   ____________ / {{фио}}');
const REGISTER_NUMBER = paragraph('Регистрационный номер: {{номер}}', { fontSize: 10 });

const consentPersonalData: DocumentKind = {
  id: 'consentPersonalData',
  title: 'Согласие на обработку персональных данных',
  shortTitle: 'Согласие на обработку ПДн',
  scope: 'person',
  folder: 'Согласия',
  templateName: 'Шаблон — Согласие на обработку персональных данных',
  numberPrefix: 'С',
  fields: [SCHOOL, DIRECTOR, CURATOR, FULL_NAME, POSITION, NUMBER, DATE],
  rowFields: [],
  blocks: [
    ...consentHead('СОГЛАСИЕ', 'на обработку персональных данных', 'Оператор'),
    ...personalDataConsentParagraphs().map((text) => body(text)),
    body(
      'Права субъекта персональных данных, предусмотренные главой 3 Федерального закона от 27.07.2006 ' +
        '№ 152-ФЗ «О персональных данных», мне разъяснены.',
      { spaceAfter: 12 },
    ),
    SIGNATURE_LINE,
    blank(),
    REGISTER_NUMBER,
  ],
};

const consentDuties: DocumentKind = {
  id: 'consentDuties',
  title: 'Согласие на выполнение дополнительной работы (наставничество)',
  shortTitle: 'Согласие на наставничество',
  scope: 'person',
  folder: 'Согласия',
  templateName: 'Шаблон — Согласие на выполнение дополнительной работы (наставничество)',
  numberPrefix: 'С',
  fields: [
    SCHOOL,
    DIRECTOR,
    FULL_NAME,
    POSITION,
    field('наставляемые', 'Наставляемые'),
    field('срок', 'Срок наставничества'),
    NUMBER,
    DATE,
  ],
  rowFields: [],
  blocks: [
    ...consentHead('СОГЛАСИЕ', 'на выполнение дополнительной работы (наставничество)', 'Работодатель'),
    body(
      'Я, {{фио}}, в соответствии со статьями 60.2 и 351.8 Трудового кодекса Российской Федерации ' +
        'и Положением о системе наставничества педагогических работников даю согласие на выполнение ' +
        'в течение установленной продолжительности рабочего дня наряду с работой, определённой трудовым ' +
        'договором, дополнительной работы по наставничеству.',
    ),
    // No full stop after a value: names end in initials («Козлов П. А.») and would get two.
    body('Наставляемые: {{наставляемые}}'),
    body('Срок наставничества: {{срок}}'),
    body('Обязанности наставника:'),
    ...mentorDuties().map((text) => body(text)),
    body(
      'Содержание, сроки и форма выполнения работы по наставничеству, размер и условия доплаты за неё ' +
        'определяются дополнительным соглашением к трудовому договору.',
    ),
    body(
      'Мне разъяснено, что я вправе досрочно отказаться от наставничества, письменно предупредив ' +
        'работодателя не менее чем за три рабочих дня.',
      { spaceAfter: 12 },
    ),
    SIGNATURE_LINE,
    blank(),
    REGISTER_NUMBER,
  ],
};

/** Every kind, by id; the order is the order of the sidebar list. */
export const DOCUMENT_KINDS: Record<DocumentKindId, DocumentKind> = {
  regulationOrder,
  pairsOrder,
  program,
  consentPersonalData,
  consentDuties,
};

export const DOCUMENT_KIND_IDS = Object.keys(DOCUMENT_KINDS) as DocumentKindId[];

/** True for a kind id (arguments from the sidebar are checked with this). */
export function isDocumentKindId(value: unknown): value is DocumentKindId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DOCUMENT_KINDS, value);
}

/** The kind with this id; a Russian error for anything else. */
export function documentKind(id: string): DocumentKind {
  if (!isDocumentKindId(id)) throw new Error(`Неизвестный вид документа: «${id}».`);
  return DOCUMENT_KINDS[id];
}

/** The table of a kind's default template that has the repeating row, or null. */
export function repeatingTable(kind: DocumentKind): TemplateTable | null {
  for (const block of kind.blocks) if (block.type === 'table' && block.row) return block;
  return null;
}
