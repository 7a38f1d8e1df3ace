import { defineTable } from './defineTable';

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

const DATE_FORMAT = 'dd.mm.yyyy';

export const ROADMAP_TABLE = defineTable(SHEETS.roadmap, {
  // Plain text: «1.1» must not turn into a number or a date.
  no: { header: '№', aliases: ['№ п/п', 'Номер'], width: 60, numberFormat: '@' },
  stage: { header: 'Этап', aliases: ['Наименование этапа'], width: 200, wrap: true },
  activity: {
    header: 'Мероприятие',
    aliases: ['Содержание деятельности', 'Мероприятия'],
    width: 380,
    wrap: true,
  },
  start: { header: 'Срок начала', aliases: ['Начало'], width: 100, numberFormat: DATE_FORMAT },
  end: { header: 'Срок окончания', aliases: ['Окончание', 'Срок'], width: 110, numberFormat: DATE_FORMAT },
  responsible: { header: 'Ответственный', aliases: ['Ответственные'], width: 180, wrap: true },
  status: { header: 'Статус', width: 110 },
  doneOn: { header: 'Дата выполнения', aliases: ['Выполнено'], width: 110, numberFormat: DATE_FORMAT },
  evidence: { header: 'Подтверждение (ссылка)', aliases: ['Подтверждение', 'Ссылка'], width: 200 },
  comment: { header: 'Комментарий', aliases: ['Комментарии', 'Примечание'], width: 250, wrap: true },
});
/** Headers of «Дорожная карта», for code that reads it cell by cell and for messages. */
export const ROADMAP_COLUMNS = ROADMAP_TABLE.headers;

export const SETTINGS_TABLE = defineTable(SHEETS.settings, {
  name: { header: 'Параметр', width: 260 },
  value: { header: 'Значение', width: 340, numberFormat: '@' },
});

export const LOG_TABLE = defineTable(SHEETS.log, {
  at: { header: 'Дата и время', width: 150, numberFormat: 'dd.mm.yyyy hh:mm' },
  action: { header: 'Действие', width: 220 },
  details: { header: 'Подробности', width: 480, wrap: true },
});
