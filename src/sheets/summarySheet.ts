import { formatRuDate } from '../domain/dates';
import { OVERALL_TITLE, type ProgressSummary } from '../domain/roadmap';
import type { OverdueItem, ProgressReport, StageProgress } from '../contract/serverApi';
import { safeText } from './cells';
import { SHEETS } from './schema';
import { COLORS } from './colors';
import { STAGE_CHART, stageChartRows, writeSummaryCharts } from './summaryCharts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WIDTH = 8;
/** Bold headers fit unbroken («Выполнено», «Ответственный», «% выполнения»: checked in the browser by screenshots.e2e); A–H stay 784 px with the row numbers. */
export const SUMMARY_WIDTHS = [40, 176, 80, 110, 68, 74, 90, 100];
const STAGE_HEADER = [
  'Этап',
  'Наименование',
  'Всего',
  'Выполнено',
  'В работе',
  'Отменено',
  'Просрочено',
  '% выполнения',
];
const ITEM_HEADER = ['№', 'Мероприятие', 'Срок окончания', 'Ответственный', 'Статус'];
const TITLE = 'Ход реализации дорожной карты наставничества';
const OVERDUE_TITLE = 'Просроченные мероприятия:';
const UPCOMING_TITLE = 'Срок в ближайшие 14 дней:';
const UNCONFIRMED_TITLE = 'Выполнено без подтверждения:';
const UNPUBLISHED = 'Проведённые мероприятия без публикации';
const UNPUBLISHED_MARK = 'нет публикации';
/** The sections that other tables feed, below the lists. */
const SECTION_TITLES = ['Анкеты', 'Итоги года'];
const FRESHNESS_START = 'Анкеты и итоги года — на';
/** Sheet row of the stage table's header; rows 1–3 are the title, the school and the roadmap's date. */
const STAGES_TOP = 4;

function line(cells: unknown[]): unknown[] {
  return [...cells, ...Array(WIDTH - cells.length).fill('')];
}

function stageLine(p: StageProgress): unknown[] {
  return [p.stage, p.title, p.total, p.done, p.inWork, p.cancelled, p.overdue, p.percent / 100];
}

function itemLines(items: OverdueItem[]): unknown[][] {
  // Dates as text («'»): the summary is for reading, and the column is shared with other cells.
  return items.map((i) =>
    line([`'${i.no}`, safeText(i.title), `'${formatRuDate(i.end)}`, safeText(i.responsible), i.status]),
  );
}

/** What «Выполнено» without evidence means for the figures, and which rows to fix. */
export const UNCONFIRMED_NOTE =
  'Не засчитаны в выполнение: статус «Выполнено», но на листе «Дорожная карта» в столбце «Подтверждение (ссылка)» нет ссылки на документ. Добавьте ссылку — пункт будет учтён.';

function unconfirmedLines(progress: ProgressSummary): unknown[][] {
  const items = progress.unconfirmed;
  if (items.length === 0) return [];
  return [
    line([]),
    line([`${UNCONFIRMED_TITLE} ${items.length}`]),
    line(['', UNCONFIRMED_NOTE]),
    ...items.map((i) => line([`'${i.no}`, safeText(i.title), '', safeText(i.responsible), i.status])),
  ];
}

/** Stages 2–3 in figures: answers, people in the banks, answers without consent, withdrawals. */
function questionnaireLines(report: ProgressReport): unknown[][] {
  const q = report.questionnaires;
  if (!q) return [];
  return [
    line([]),
    line([SECTION_TITLES[0]]),
    line(['', 'Наставляемые: ответов', q.responses.mentee, 'в банке', q.inBank.mentee]),
    line(['', 'Наставники: ответов', q.responses.mentor, 'в банке', q.inBank.mentor]),
    line(['', 'Ответов без согласия (удалены)', q.noConsent]),
    line(['', 'Отозвали согласие', q.withdrawn]),
  ];
}

/** The year's work in figures (stages 4–7): pairs, programs, meetings, events, monitoring, practices. */
function yearLines(report: ProgressReport): unknown[][] {
  const y = report.year;
  if (!y) return [];
  const m = y.monitoring;
  const dash = (v: number | null) => (v === null ? '—' : v);
  return [
    line([]),
    line([SECTION_TITLES[1]]),
    line([
      '',
      'Пары и группы: утверждено',
      y.pairs.confirmed,
      'предложено',
      y.pairs.proposed,
      'из утверждённых требуют внимания',
      y.pairs.attention,
    ]),
    line(['', 'Выполнение программ, % (в среднем)', dash(y.programPercent), 'встреч', y.meetings]),
    line(['', 'Мероприятия: проведено', y.events.held, 'запланировано', y.events.planned]),
    line(['', UNPUBLISHED, y.events.unpublished]),
    ...y.unpublishedEvents.map((e) =>
      line([`'${e.id}`, safeText(`${formatRuDate(e.date)} · ${e.title}`), UNPUBLISHED_MARK]),
    ),
    line([
      '',
      'Мониторинг: ответили',
      m ? m.answered : 0,
      'из',
      m ? m.expected : 0,
      'охват, %',
      m ? m.responseRate : 0,
    ]),
    line([
      '',
      'Удовлетворённость (1–10): наставляемых',
      dash(m?.menteeSatisfaction ?? null),
      'наставников',
      dash(m?.mentorSatisfaction ?? null),
    ]),
    line(['', 'Решено запросов наставляемых, %', dash(m?.resolvedShare ?? null)]),
    line([
      '',
      'Методическая копилка: практик',
      y.practices.proposed + y.practices.approved + y.practices.published,
      'одобрено',
      y.practices.approved + y.practices.published,
    ]),
  ];
}

/** The stage table: header, one row per stage, the total. */
function stageRows(progress: ProgressSummary): unknown[][] {
  return [STAGE_HEADER, ...progress.stages.map(stageLine), stageLine(progress.overall)];
}

/** The roadmap's lists: the overdue, the upcoming and the unconfirmed activities. */
function listRows(progress: ProgressSummary): unknown[][] {
  return [
    line([]),
    line([`${OVERDUE_TITLE} ${progress.overdue.length}`]),
    line(ITEM_HEADER),
    ...itemLines(progress.overdue),
    line([]),
    line([`${UPCOMING_TITLE} ${progress.upcoming.length}`]),
    line(ITEM_HEADER),
    ...itemLines(progress.upcoming),
    ...unconfirmedLines(progress),
  ];
}

const roadmapDateLine = (asOf: string) => line([`Дорожная карта — на ${formatRuDate(asOf)}`]);

/** When the figures that other tables feed were computed, and when they are computed again (one line, not wrapped). */
function freshnessLine(refreshedAt: string): unknown[] {
  return line([
    `${FRESHNESS_START} ${refreshedAt}; обновляются при открытии таблицы, панели «Ход реализации» и по меню «Обновить сводку»`,
  ]);
}

/**
 * The looks of rows that move, as conditional rules: a roadmap edit rewrites values only
 * (triggers/onEdit.ts), and the lists' lengths move their titles and headers and the sections below them.
 */
function movingRules(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const range = sheet.getRange(`A1:H${sheet.getMaxRows()}`);
  const startsWith = (text: string) => `LEFT($A1,${text.length})="${text}"`;
  const rule = () => SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  const sections = SECTION_TITLES.map((t) => `$A1="${t}"`).join(',');
  return [
    rule().whenFormulaSatisfied('=$A1="№"').setBold(true).setBackground(COLORS.header).build(),
    rule()
      .whenFormulaSatisfied(
        `=OR(${startsWith(OVERDUE_TITLE)},${startsWith(UNCONFIRMED_TITLE)},AND($B1="${UNPUBLISHED}",$C1>0))`,
      )
      .setBold(true)
      .setFontColor(COLORS.overdueText)
      .build(),
    rule().whenFormulaSatisfied(`=$C1="${UNPUBLISHED_MARK}"`).setFontColor(COLORS.overdueText).build(),
    rule()
      .whenFormulaSatisfied(`=OR(${startsWith(UPCOMING_TITLE)},${sections})`)
      .setBold(true)
      .build(),
  ];
}

/**
 * Rewrites «Сводка» from a progress report: the title, the stage table, the overdue, the upcoming
 * and the unconfirmed activities, then the figures of the questionnaires and the year. The
 * sheet belongs to the add-on (staff get a warning if they edit it); it is rewritten whole, in a fixed
 * number of calls whatever the size of the roadmap.
 */
export function writeSummary(ss: Spreadsheet, report: ProgressReport, refreshedAt: string): void {
  let sheet = ss.getSheetByName(SHEETS.summary);
  if (!sheet) {
    sheet = ss.insertSheet(SHEETS.summary, ss.getNumSheets());
    sheet.protect().setDescription('Сводка заполняется автоматически из листа «Дорожная карта»').setWarningOnly(true);
    // 784 px with the row numbers: the charts fit beside (summaryCharts.ts); headers and names wrap.
    SUMMARY_WIDTHS.forEach((w, i) => sheet!.setColumnWidth(i + 1, w));
  }
  const block: unknown[][] = [
    line([TITLE]),
    line([safeText(`${report.school} · ${report.period} учебный год`)]),
    roadmapDateLine(report.asOf),
    ...stageRows(report),
    ...listRows(report),
    ...questionnaireLines(report),
    ...yearLines(report),
    line([]),
    freshnessLine(refreshedAt),
  ];
  sheet.clear();
  sheet.getRange(1, 1, block.length, WIDTH).setValues(block);
  // Names and headers wrap; column A's titles and notes run on over the empty cells beside them.
  sheet.getRange(1, 2, block.length, WIDTH - 1).setWrap(true);
  sheet.getRange(STAGES_TOP, 1, 1, WIDTH).setFontWeight('bold').setBackground(COLORS.header);
  // Room for staff-added stages: the percentages keep their format when the table grows.
  sheet.getRange(STAGES_TOP + 1, WIDTH, STAGE_CHART.rows + 1, 1).setNumberFormat('0%');
  // Fixed rows: the title and the total (stages added on the roadmap make a full refresh).
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.getRange(STAGES_TOP + report.stages.length + 1, 1, 1, WIDTH).setFontWeight('bold');
  sheet.setConditionalFormatRules(movingRules(sheet));
  writeSummaryCharts(sheet, report);
}

/**
 * A roadmap edit's refresh: the stage table, the lists and the stages' chart data from `progress`,
 * the figures of the other tables kept as they stand, all in one read and one write of values. False
 * when «Сводка» is missing or not laid out as writeSummary leaves it: then it needs a full refresh.
 */
export function writeSummaryRoadmap(ss: Spreadsheet, progress: ProgressSummary, asOf: string): boolean {
  const sheet = ss.getSheetByName(SHEETS.summary);
  if (!sheet) return false;
  const old = sheet.getDataRange().getValues();
  const header = STAGES_TOP - 1;
  const total = old.findIndex((row, i) => i > header && row[1] === OVERALL_TITLE);
  const freshness = old.findIndex((row) => String(row[0]).startsWith(FRESHNESS_START));
  let figures = old.findIndex((row, i) => i > total && SECTION_TITLES.includes(String(row[0])));
  if (figures < 0) figures = freshness;
  if (figures > 0 && old[figures - 1].slice(0, WIDTH).every((cell) => cell === '')) figures--;
  const sameStages = total - header - 1 === progress.stages.length;
  // The figures are kept only when they can be found whole, up to their «на …» line.
  if (old[header]?.[0] !== STAGE_HEADER[0] || !sameStages || total < 0 || figures <= total || freshness < figures)
    return false;
  const fresh: unknown[][] = [
    old[0].slice(0, WIDTH),
    old[1].slice(0, WIDTH),
    roadmapDateLine(asOf),
    ...stageRows(progress),
    ...listRows(progress),
    ...old.slice(figures, freshness + 1).map((row) => row.slice(0, WIDTH)),
  ];
  const width = Math.max(old[0].length, STAGE_CHART.column + 2);
  const rows = Math.max(old.length, fresh.length);
  const chart = stageChartRows(progress.stages);
  const out = Array.from({ length: rows }, (_, r) => {
    const row = [...(fresh[r] ?? line([])), ...(old[r] ?? []).slice(WIDTH)];
    while (row.length < width) row.push('');
    const c = r - STAGE_CHART.firstRow;
    if (c >= 0 && c < chart.length) row.splice(STAGE_CHART.column, 2, ...chart[c]);
    return row;
  });
  sheet.getRange(1, 1, rows, width).setValues(out);
  return true;
}
