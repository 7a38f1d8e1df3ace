/**
 * The document kinds and their default templates, as data (see types.ts for how they are used).
 *
 * Values come from the spreadsheet in the nominative case («Иванова Марина Петровна», «Учитель»).
 * A person's name has case-aware forms too (names.ts, filled in docs/data.ts): `{{куратор_дательный}}`
 * («Куратору … Смирновой О. В.») and `{{куратор_подпись}}` («О. В. Смирнова», under a signature and in
 * «С приказом ознакомлен(а)»). Other placeholders stand where the nominative is right: as an
 * apposition («оператору — {{школа}} —»), after a label («Работник: {{фио}}») or as a subject
 * («…назначается {{куратор}}»). Numerals stay out of agreement: «Всего …: {{число_пар}}».
 *
 * The personal-data consent is made of the same sentences as the questionnaires' consent
 * (consentText), and the duties consent lists the same duties (dutiesConsentText), so what a teacher
 * ticked in the form and what they sign on paper cannot drift apart.
 */
import { consentText, dutiesConsentText } from '../questionnaires/consent';
import { findPlaceholders } from './placeholders';
import type {
  DocumentKind,
  DocumentKindId,
  PlaceholderSpec,
  RepeatingTableSpec,
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
/** Case-aware forms of the names (see the top of the file). */
const CURATOR_DATIVE = field('куратор_дательный', 'Куратор — кому (дательный падеж)');
const CURATOR_SIGNS = field('куратор_подпись', 'Куратор — под подписью');
const DIRECTOR_SIGNS = field('директор_подпись', 'Директор — под подписью');
const METHODOLOGIST_SIGNS = field('методист_подпись', 'Методист — под подписью');

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
const DIRECTOR_SIGNATURE = paragraph('Директор ____________ {{директор_подпись}}');

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
  fields: [SCHOOL, CURATOR, SCHOOL_YEAR, ORDER_NUMBER, ORDER_DATE, DIRECTOR_SIGNS, CURATOR_SIGNS],
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
    paragraph('С приказом ознакомлен(а): ____________ {{куратор_подпись}}'),
  ],
};

/** Points: tables with many columns are set smaller than the 14 pt text, as ГОСТ Р 7.0.97 allows. */
const TABLE_FONT_SIZE = 12;

/** The table of the order on pairs: the header and one repeating row. */
const PAIRS_TABLE: TemplateTable = {
  type: 'table',
  header: [['№', 'Наставник', 'Наставляемый(-ые)', 'Форма наставничества', 'Срок']],
  row: ['{{номер_строки}}', '{{наставник}}', '{{наставляемые}}', '{{форма}}', '{{срок}}'],
  widths: [28, 115, 124, 115, 85],
  boldHeader: true,
  fontSize: TABLE_FONT_SIZE,
};

const pairsOrder: DocumentKind = {
  id: 'pairsOrder',
  title: 'Приказ «О закреплении наставнических пар (групп)»',
  shortTitle: 'Приказ о парах',
  scope: 'school',
  folder: 'Приказы',
  templateName: 'Шаблон — Приказ о закреплении наставнических пар',
  numberPrefix: 'Н',
  fields: [
    SCHOOL,
    SCHOOL_YEAR,
    ORDER_NUMBER,
    ORDER_DATE,
    field('число_пар', 'Число пар (групп)'),
    DIRECTOR_SIGNS,
    CURATOR_DATIVE,
  ],
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
      '3. Куратору реализации системы наставничества педагогических работников {{куратор_дательный}} обеспечить ' +
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
  widths: [26, 60, 118, 98, 85, 80],
  boldHeader: true,
  fontSize: TABLE_FONT_SIZE,
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
    SCHOOL_YEAR,
    NUMBER,
    DATE,
    DIRECTOR_SIGNS,
    CURATOR_SIGNS,
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
    paragraph('Директор ____________ {{директор_подпись}}', { align: 'RIGHT', spaceAfter: 24 }),
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
    paragraph('Куратор ____________ {{куратор_подпись}}'),
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

// ---- the analytical report ---------------------------------------------------------------------

/** A numbered section of the report: «1. Общие сведения». (Docs puts an empty paragraph after each table.) */
const heading2 = (text: string) => paragraph(text, { heading: 'HEADING2', spaceAfter: 6 });
/** A hint the methodologist replaces with their own text. */
const hint = (text: string, style: Style = {}) => body(text, { italic: true, ...style });

/** A column of an extra repeating table: its header, width and the field(s) its cell holds. */
interface ReportColumn {
  header: string;
  name: string;
  label: string;
  width: number;
  /** A second field in the same cell, after « — » (saves a column where columns are scarce). */
  with?: { name: string; label: string };
}

/** An extra repeating table: its spec (fields and key) and its block in the default template, from one list. */
function tableWithRow(
  key: string,
  label: string,
  columns: ReportColumn[],
): { spec: RepeatingTableSpec; block: TemplateTable } {
  return {
    spec: {
      key,
      label,
      fields: columns.flatMap((c) => [field(c.name, c.label), ...(c.with ? [field(c.with.name, c.with.label)] : [])]),
    },
    block: {
      type: 'table',
      header: [columns.map((c) => c.header)],
      row: columns.map((c) => `{{${c.name}}}${c.with ? ` — {{${c.with.name}}}` : ''}`),
      widths: columns.map((c) => c.width),
      boldHeader: true,
      fontSize: TABLE_FONT_SIZE,
    },
  };
}

/**
 * Seven columns at 12 pt across 467 pt: each header's longest word fits its column (checked on the
 * PDF by test/e2e/documentTables.e2e.test.ts), so the mentor and mentees share one column.
 */
const REPORT_PAIRS = tableWithRow('pairs', 'Реализация персонализированных программ', [
  { header: '№', name: 'пара_номер', label: 'Номер строки', width: 24 },
  {
    header: 'Наставник — наставляемые',
    name: 'пара_наставник',
    label: 'Наставник',
    width: 103,
    with: { name: 'пара_наставляемые', label: 'Наставляемые' },
  },
  { header: 'Выполнение программы, %', name: 'пара_выполнение', label: 'Выполнение программы, %', width: 84 },
  { header: 'Встреч', name: 'пара_встреч', label: 'Встреч', width: 52 },
  { header: 'Ответили на мониторинг', name: 'пара_ответили', label: 'Ответили на мониторинг', width: 80 },
  {
    header: 'Средняя оценка (1–10)',
    name: 'пара_удовлетворенность',
    label: 'Удовлетворённость (1–10)',
    width: 58,
  },
  { header: 'Решено запросов, %', name: 'пара_решено', label: 'Решено запросов, %', width: 66 },
]);

const REPORT_QUESTIONS = tableWithRow('questions', 'Вопросы мониторинга', [
  { header: 'Вопрос', name: 'вопрос', label: 'Вопрос', width: 247 },
  { header: 'Кто отвечал', name: 'вопрос_роль', label: 'Кто отвечал', width: 90 },
  { header: 'Средний балл', name: 'вопрос_средний', label: 'Средний балл', width: 70 },
  { header: 'Ответов', name: 'вопрос_ответов', label: 'Ответов', width: 60 },
]);

const REPORT_EVENTS = tableWithRow('events', 'Мероприятия', [
  { header: 'Дата', name: 'мероприятие_дата', label: 'Дата мероприятия', width: 75 },
  { header: 'Вид', name: 'мероприятие_вид', label: 'Вид мероприятия', width: 110 },
  { header: 'Тема', name: 'мероприятие_тема', label: 'Тема мероприятия', width: 202 },
  { header: 'Участники', name: 'мероприятие_участники', label: 'Участники', width: 80 },
]);

const REPORT_PRACTICES = tableWithRow('practices', 'Лучшие практики наставничества', [
  { header: 'Практика', name: 'практика_название', label: 'Практика', width: 110 },
  { header: 'Автор', name: 'практика_автор', label: 'Автор', width: 100 },
  { header: 'Компетенция', name: 'практика_компетенция', label: 'Компетенция', width: 97 },
  { header: 'Описание', name: 'практика_описание', label: 'Описание', width: 160 },
]);

/**
 * The analytical report on the year (stage 6 of the roadmap): figures as values, four tables, and
 * the methodologist's conclusions written by hand over the italic hints. Numbers stand after labels
 * («наставников: {{число_наставников}}»), so they need no agreement.
 */
const analyticalReport: DocumentKind = {
  id: 'analyticalReport',
  title: 'Аналитическая справка по итогам реализации программ наставничества',
  shortTitle: 'Аналитическая справка',
  scope: 'school',
  folder: 'Мониторинг',
  templateName: 'Шаблон — аналитическая справка',
  numberPrefix: 'АС',
  fields: [
    SCHOOL,
    SCHOOL_YEAR,
    NUMBER,
    DATE,
    CURATOR_SIGNS,
    METHODOLOGIST_SIGNS,
    field('число_пар', 'Число пар (групп)'),
    field('число_наставников', 'Число наставников'),
    field('число_наставляемых', 'Число наставляемых'),
    field('выполнение_программ', 'Среднее выполнение программ, %'),
    field('встреч', 'Проведено встреч'),
    field('мероприятий', 'Проведено мероприятий'),
    field('охват_мониторинга', 'Охват мониторинга, %'),
    field('удовлетворенность_наставляемых', 'Удовлетворённость наставляемых (1–10)'),
    field('удовлетворенность_наставников', 'Удовлетворённость наставников (1–10)'),
    field('решено_запросов', 'Решено запросов наставляемых, %'),
    field('самооценка_до', 'Самооценка наставляемых в начале года (1–10)'),
    field('самооценка_после', 'Самооценка наставляемых в конце года (1–10)'),
  ],
  rowFields: [],
  tables: [REPORT_PAIRS.spec, REPORT_QUESTIONS.spec, REPORT_EVENTS.spec, REPORT_PRACTICES.spec],
  blocks: [
    centred('{{школа}}', { spaceAfter: 12 }),
    centred('АНАЛИТИЧЕСКАЯ СПРАВКА', { fontSize: 16, spaceAfter: 6 }),
    centred('по итогам реализации программ наставничества педагогических работников'),
    centred('за {{учебный_год}} учебный год', { bold: false, spaceAfter: 12 }),
    paragraph('{{дата}}   № {{номер}}', { spaceAfter: 12 }),
    heading2('1. Общие сведения'),
    body(
      'В {{учебный_год}} учебном году в образовательной организации реализовывались персонализированные ' +
        'программы наставничества педагогических работников. Наставнических пар (групп): {{число_пар}}; ' +
        'наставников: {{число_наставников}}; наставляемых: {{число_наставляемых}}. Среднее выполнение ' +
        'программ: {{выполнение_программ}}. Проведено встреч наставников с наставляемыми: {{встреч}}; ' +
        'мероприятий по наставничеству: {{мероприятий}}.',
      { spaceAfter: 12 },
    ),
    heading2('2. Реализация персонализированных программ'),
    REPORT_PAIRS.block,
    heading2('3. Результаты мониторинга'),
    body(
      'Охват мониторинга: {{охват_мониторинга}}. Удовлетворённость участников по шкале от 1 до 10: ' +
        'наставляемых — {{удовлетворенность_наставляемых}}, наставников — {{удовлетворенность_наставников}}. ' +
        'Решено запросов наставляемых: {{решено_запросов}}. Самооценка наставляемых (от 1 до 10) в начале ' +
        'и в конце года: {{самооценка_до}} → {{самооценка_после}}.',
      { spaceAfter: 6 },
    ),
    REPORT_QUESTIONS.block,
    heading2('4. Мероприятия'),
    REPORT_EVENTS.block,
    heading2('5. Лучшие практики наставничества'),
    REPORT_PRACTICES.block,
    heading2('6. Выводы и предложения'),
    hint('[Выводы методиста: что удалось в реализации программ наставничества, что нет и почему]'),
    hint('[Затруднения наставников и наставляемых и как их преодолевали]'),
    hint('[Предложения на следующий учебный год]', { spaceAfter: 12 }),
    blank(),
    paragraph('Куратор ____________ {{куратор_подпись}}'),
    blank(),
    paragraph('Методист ____________ {{методист_подпись}}'),
  ],
};

// ---- the news for the school site ---------------------------------------------------------------

/** A line of the facts block under the news: the editor checks the text against these. */
const fact = (text: string) => paragraph(text, { fontSize: 12 });

/**
 * A draft news item on an event for the school site's «Методическая работа» section: title, lead and
 * text written from the event's record, then the facts for the editor to check before publishing.
 */
const newsDraft: DocumentKind = {
  id: 'newsDraft',
  title: 'Новость для сайта',
  shortTitle: 'Новость',
  scope: 'event',
  folder: 'Новости',
  templateName: 'Шаблон — новость для сайта',
  numberPrefix: 'НВ',
  fields: [
    field('заголовок', 'Заголовок'),
    field('лид', 'Лид (первый абзац)'),
    field('текст', 'Текст новости'),
    field('мероприятие_дата', 'Дата мероприятия'),
    field('мероприятие_вид', 'Вид мероприятия'),
    field('мероприятие_тема', 'Тема мероприятия'),
    field('участники_число', 'Число участников'),
    field('ответственный', 'Ответственный'),
    field('раздел_сайта', 'Раздел сайта'),
    SCHOOL,
  ],
  rowFields: [],
  blocks: [
    paragraph('Черновик новости для раздела «{{раздел_сайта}}» сайта. Проверьте факты перед публикацией.', {
      italic: true,
      fontSize: 10,
      spaceAfter: 12,
    }),
    paragraph('{{заголовок}}', { heading: 'HEADING1', spaceAfter: 12 }),
    paragraph('{{лид}}', { bold: true, align: 'JUSTIFY', spaceAfter: 12 }),
    body('{{текст}}', { spaceAfter: 18 }),
    paragraph('Факты', { heading: 'HEADING3', spaceAfter: 6 }),
    fact('Дата: {{мероприятие_дата}}'),
    fact('Вид мероприятия: {{мероприятие_вид}}'),
    fact('Тема: {{мероприятие_тема}}'),
    fact('Участников: {{участники_число}}'),
    fact('Организатор: {{ответственный}}'),
    fact('Образовательная организация: {{школа}}'),
  ],
};

/** Every kind, by id; the order is the order of the sidebar list. */
export const DOCUMENT_KINDS: Record<DocumentKindId, DocumentKind> = {
  regulationOrder,
  pairsOrder,
  program,
  consentPersonalData,
  consentDuties,
  analyticalReport,
  newsDraft,
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

/** True when a table's repeating row holds one of `fields`. */
function rowHolds(table: TemplateTable, fields: PlaceholderSpec[]): boolean {
  const names = new Set(fields.map((f) => f.name));
  return (table.row ?? []).some((cell) => findPlaceholders(cell).tokens.some((t) => names.has(t.name)));
}

/** The table of a kind's default template whose repeating row holds the kind's row fields, or null. */
export function repeatingTable(kind: DocumentKind): TemplateTable | null {
  if (kind.rowFields.length === 0) return null;
  for (const block of kind.blocks) if (block.type === 'table' && rowHolds(block, kind.rowFields)) return block;
  return null;
}

/** The table of a kind's default template whose repeating row holds the fields of extra table `key`, or null. */
export function extraTable(kind: DocumentKind, key: string): TemplateTable | null {
  const spec = (kind.tables ?? []).find((t) => t.key === key);
  if (!spec) return null;
  for (const block of kind.blocks) if (block.type === 'table' && rowHolds(block, spec.fields)) return block;
  return null;
}
