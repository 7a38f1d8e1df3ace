import type { TableSpec } from './table';

/** Sheet names the add-on owns. Staff see them as tabs, so they are Russian. */
export const SHEETS = {
  roadmap: 'Дорожная карта',
  summary: 'Сводка',
  settings: 'Настройки',
  lists: 'Справочники',
  log: 'Журнал',
  mentees: 'Наставляемые',
  mentors: 'Наставники',
  pairs: 'Пары и группы',
  documents: 'Документы',
  programs: 'Программы',
  events: 'Мероприятия',
  meetings: 'Встречи',
  monitoring: 'Мониторинг',
  // Not «Мониторинг: ответы»: Excel forbids «:» in sheet names, and the .xlsx download must keep them.
  monitoringAnswers: 'Мониторинг — ответы',
  practices: 'Методическая копилка',
  publications: 'Публикации',
  reminderLog: 'Журнал напоминаний',
} as const;

export const ROADMAP_COLUMNS = {
  no: '№',
  stage: 'Этап',
  activity: 'Мероприятие',
  start: 'Срок начала',
  end: 'Срок окончания',
  responsible: 'Ответственный',
  status: 'Статус',
  doneOn: 'Дата выполнения',
  evidence: 'Подтверждение (ссылка)',
  comment: 'Комментарий',
} as const;

const DATE_FORMAT = 'dd.mm.yyyy';

export const ROADMAP_TABLE: TableSpec = {
  sheetName: SHEETS.roadmap,
  columns: [
    // Plain text: «1.1» must not turn into a number or a date.
    { header: ROADMAP_COLUMNS.no, aliases: ['№ п/п', 'Номер'], width: 60, numberFormat: '@' },
    { header: ROADMAP_COLUMNS.stage, aliases: ['Наименование этапа'], width: 200, wrap: true },
    { header: ROADMAP_COLUMNS.activity, aliases: ['Содержание деятельности', 'Мероприятия'], width: 380, wrap: true },
    { header: ROADMAP_COLUMNS.start, aliases: ['Начало'], width: 100, numberFormat: DATE_FORMAT },
    { header: ROADMAP_COLUMNS.end, aliases: ['Окончание', 'Срок'], width: 110, numberFormat: DATE_FORMAT },
    { header: ROADMAP_COLUMNS.responsible, aliases: ['Ответственные'], width: 180, wrap: true },
    { header: ROADMAP_COLUMNS.status, width: 110 },
    { header: ROADMAP_COLUMNS.doneOn, aliases: ['Выполнено'], width: 110, numberFormat: DATE_FORMAT },
    { header: ROADMAP_COLUMNS.evidence, aliases: ['Подтверждение', 'Ссылка'], width: 200 },
    { header: ROADMAP_COLUMNS.comment, aliases: ['Комментарии', 'Примечание'], width: 250, wrap: true },
  ],
};

export const SETTINGS_TABLE: TableSpec = {
  sheetName: SHEETS.settings,
  columns: [
    { header: 'Параметр', width: 260 },
    { header: 'Значение', width: 340, numberFormat: '@' },
  ],
};

export const LOG_TABLE: TableSpec = {
  sheetName: SHEETS.log,
  columns: [
    { header: 'Дата и время', width: 150, numberFormat: 'dd.mm.yyyy hh:mm' },
    { header: 'Действие', width: 220 },
    { header: 'Подробности', width: 480, wrap: true },
  ],
};
