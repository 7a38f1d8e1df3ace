/**
 * The charts of «Сводка»: progress by stage, pairs by status, monitoring scores, stacked right of the
 * summary (column I, which the tables leave empty), sized so that tables and charts fit side by side
 * in a laptop's 1366 px window with the add-on's sidebar open. Their data sit in a fixed block further right (columns R–S, fixed rows), so the
 * charts' ranges never change: a chart is inserted once and then only redraws from the values
 * rewritten on each refresh.
 */
import { SCALE_QUESTIONS } from '../domain/monitoring';
import type { ProgressReport, StageProgress } from '../contract/serverApi';
import { COLORS } from './colors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DATA_COLUMN = 18; // R
const CHART_COLUMN = 9; // I
/** Small enough to sit beside the tables (A–H, 784 px with the row numbers) in the ~1050 px a 1366 px window leaves. */
export const CHART_WIDTH = 250;
export const CHART_HEIGHT = 220;
/** Rows between chart anchors: 12 rows are at least 252 px, so the charts never overlap. */
const CHART_ROWS = 12;
/** Stages of the roadmap (7) with room for staff-added ones. */
const STAGE_ROWS = 9;

interface ChartBlock {
  /** Short enough to show whole in a 250 px chart. */
  title: string;
  /** Titles earlier versions gave the chart: such a chart is already there. */
  formerTitles: string[];
  type: 'BAR' | 'PIE';
  header: [string, string];
  rows: number;
  /** Sheet row of the block's header. */
  top: number;
  anchorRow: number;
}

const STAGES_TOP = 3;
const PAIRS_TOP = STAGES_TOP + STAGE_ROWS + 2;
const SCORES_TOP = PAIRS_TOP + 3 + 2;

export const SUMMARY_CHARTS: readonly ChartBlock[] = [
  {
    title: 'Выполнение по этапам, %',
    formerTitles: ['Выполнение дорожной карты по этапам, %'],
    type: 'BAR',
    header: ['Этап', '% выполнения'],
    rows: STAGE_ROWS,
    top: STAGES_TOP,
    anchorRow: 1,
  },
  {
    title: 'Пары и группы по статусам',
    formerTitles: [],
    type: 'PIE',
    header: ['Статус', 'Пар и групп'],
    rows: 3,
    top: PAIRS_TOP,
    anchorRow: 1 + CHART_ROWS,
  },
  {
    title: 'Мониторинг: средний балл (1–10)',
    formerTitles: ['Мониторинг: средний балл по вопросам (1–10)'],
    // Bars: the question names read horizontally in a narrow chart.
    type: 'BAR',
    header: ['Вопрос', 'Средний балл'],
    rows: SCALE_QUESTIONS.length,
    top: SCORES_TOP,
    anchorRow: 1 + 2 * CHART_ROWS,
  },
];

/** Where the stages' chart data sit (0-based row of the first stage and column R), for a values-only rewrite. */
export const STAGE_CHART = { firstRow: STAGES_TOP, column: DATA_COLUMN - 1, rows: STAGE_ROWS } as const;

/** The stages' chart data: one row per stage, padded to the block's fixed height. */
export function stageChartRows(stages: readonly StageProgress[]): unknown[][] {
  return pad(
    stages.map((s) => [`Этап ${s.stage}`, s.percent]),
    STAGE_ROWS,
  );
}

function pad(rows: unknown[][], count: number): unknown[][] {
  return [...rows.slice(0, count), ...Array.from({ length: Math.max(count - rows.length, 0) }, () => ['', ''])];
}

/** The charts' data block, as values (one setValues). */
function dataBlock(report: ProgressReport): unknown[][] {
  const year = report.year;
  const averages = new Map((year?.monitoringQuestions ?? []).map((q) => [q.key, q.average]));
  const content: unknown[][][] = [
    stageChartRows(report.stages),
    [
      ['предложено', year?.pairs.proposed ?? 0],
      ['утверждено', year?.pairs.confirmed ?? 0],
      ['расформировано', year?.pairs.dissolved ?? 0],
    ],
    SCALE_QUESTIONS.map((q) => [q.short, averages.get(q.key) ?? 0]),
  ];
  const block: unknown[][] = [['Данные для диаграмм', '']];
  SUMMARY_CHARTS.forEach((chart, i) => {
    while (block.length < chart.top - 1) block.push(['', '']);
    block.push([...chart.header], ...pad(content[i], chart.rows));
  });
  return block;
}

/** Writes the data block and inserts the charts that are missing (a chart staff moved stays where it is). */
export function writeSummaryCharts(sheet: Sheet, report: ProgressReport): void {
  const block = dataBlock(report);
  sheet.getRange(1, DATA_COLUMN, block.length, 2).setValues(block);
  sheet.getRange(1, DATA_COLUMN).setFontWeight('bold');
  for (const chart of SUMMARY_CHARTS) {
    sheet.getRange(chart.top, DATA_COLUMN, 1, 2).setFontWeight('bold').setBackground(COLORS.header);
  }
  const present = new Set(sheet.getCharts().map((c) => String(c.getOptions().get('title') ?? '')));
  for (const chart of SUMMARY_CHARTS) {
    if ([chart.title, ...chart.formerTitles].some((t) => present.has(t))) continue;
    const range = sheet.getRange(chart.top, DATA_COLUMN, chart.rows + 1, 2);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType[chart.type])
        .addRange(range)
        .setPosition(chart.anchorRow, CHART_COLUMN, 6, 0)
        .setOption('title', chart.title)
        .setOption('legend', { position: chart.type === 'PIE' ? 'right' : 'none' })
        .setOption('width', CHART_WIDTH)
        .setOption('height', CHART_HEIGHT)
        .build(),
    );
  }
}
