import { formatRuDate } from '../domain/dates';
import type { OverdueItem, ProgressReport, StageProgress } from '../ui/contract';
import { safeText } from './cells';
import { COLORS, SHEETS } from './schema';
import { writeSummaryCharts } from './summaryCharts';

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

function unconfirmedLines(report: ProgressReport): unknown[][] {
  const items = report.unconfirmed ?? [];
  if (items.length === 0) return [];
  return [
    line([]),
    line([`Выполнено без подтверждения: ${items.length}`]),
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
    line(['Анкеты']),
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
    line(['Итоги года']),
    line(['', 'Пары и группы: утверждено', y.pairs.confirmed, 'предложено', y.pairs.proposed]),
    line(['', 'Выполнение программ, % (в среднем)', dash(y.programPercent), 'встреч', y.meetings]),
    line(['', 'Мероприятия: проведено', y.events.held, 'запланировано', y.events.planned]),
    line(['', 'Проведённые мероприятия без публикации', y.events.unpublished]),
    ...y.unpublishedEvents.map((e) => line([`'${e.id}`, safeText(`${formatRuDate(e.date)} · ${e.title}`)])),
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

/**
 * Rewrites «Сводка» from a progress report: per-stage figures, the total, then the overdue and the
 * upcoming activities. The sheet belongs to the add-on (staff get a warning if they edit it); it is
 * rewritten whole, in a fixed number of calls whatever the size of the roadmap.
 */
export function writeSummary(ss: Spreadsheet, report: ProgressReport): void {
  let sheet = ss.getSheetByName(SHEETS.summary);
  if (!sheet) {
    sheet = ss.insertSheet(SHEETS.summary, ss.getNumSheets());
    sheet.protect().setDescription('Сводка заполняется автоматически из листа «Дорожная карта»').setWarningOnly(true);
    // 784 px with the row numbers: the charts fit beside (summaryCharts.ts); headers and names wrap.
    SUMMARY_WIDTHS.forEach((w, i) => sheet!.setColumnWidth(i + 1, w));
  }

  const stagesTop = 4;
  const overdueTop = stagesTop + report.stages.length + 3;
  const upcomingTop = overdueTop + report.overdue.length + 3;
  const block: unknown[][] = [
    line(['Ход реализации дорожной карты наставничества']),
    line([safeText(`${report.school} · ${report.period} учебный год · на ${formatRuDate(report.asOf)}`)]),
    line([]),
    STAGE_HEADER,
    ...report.stages.map(stageLine),
    stageLine(report.overall),
    line([]),
    line([`Просроченные мероприятия: ${report.overdue.length}`]),
    line(ITEM_HEADER),
    ...itemLines(report.overdue),
    line([]),
    line([`Срок в ближайшие 14 дней: ${report.upcoming.length}`]),
    line(ITEM_HEADER),
    ...itemLines(report.upcoming),
    ...unconfirmedLines(report),
    ...questionnaireLines(report),
    ...yearLines(report),
  ];

  sheet.clear();
  sheet.getRange(1, 1, block.length, WIDTH).setValues(block);
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.getRange(stagesTop, 1, 1, WIDTH).setFontWeight('bold').setBackground(COLORS.header).setWrap(true);
  sheet.getRange(stagesTop + report.stages.length + 1, 1, 1, WIDTH).setFontWeight('bold');
  sheet.getRange(stagesTop + 1, WIDTH, report.stages.length + 1, 1).setNumberFormat('0%');
  sheet.getRange(overdueTop, 1, 1, WIDTH).setFontWeight('bold').setFontColor(COLORS.overdueText);
  sheet
    .getRange(overdueTop + 1, 1, 1, ITEM_HEADER.length)
    .setFontWeight('bold')
    .setBackground(COLORS.header)
    .setWrap(true);
  sheet.getRange(upcomingTop, 1, 1, WIDTH).setFontWeight('bold');
  sheet
    .getRange(upcomingTop + 1, 1, 1, ITEM_HEADER.length)
    .setFontWeight('bold')
    .setBackground(COLORS.header)
    .setWrap(true);
  sheet.getRange(1, 2, block.length, 1).setWrap(true);
  const unconfirmedRow = block.findIndex((row) => String(row[0]).startsWith('Выполнено без подтверждения')) + 1;
  if (unconfirmedRow > 0)
    sheet.getRange(unconfirmedRow, 1, 1, WIDTH).setFontWeight('bold').setFontColor(COLORS.overdueText);
  if (report.year) {
    const unpublishedRow = block.findIndex((row) => row[1] === 'Проведённые мероприятия без публикации') + 1;
    const flagged = report.year.unpublishedEvents.length;
    if (flagged > 0) {
      sheet.getRange(unpublishedRow, 1, 1, 3).setFontColor(COLORS.overdueText).setFontWeight('bold');
      sheet.getRange(unpublishedRow + 1, 1, flagged, 2).setFontColor(COLORS.overdueText);
    }
  }
  writeSummaryCharts(sheet, report);
}
