/**
 * Embedded charts as plain data: ids, options with dotted names, how charts move with row/column
 * changes and sheet copies, and the series a chart shows — read live from its ranges every time.
 * No service objects here (charts.ts has the Apps Script classes), so structure.ts, persistence and
 * the local server can use it without import cycles.
 */
import { gridToA1 } from './a1';
import { hasContent, lastColOf, lastRowOf } from './cells';
import { displayValue } from './display';
import type { DimensionChange } from './formula';
import { shiftSpan } from './formula';
import type { Cell, ChartModel, GridRange, SheetModel, SpreadsheetModel } from './model';

/** Sheets' default size of a new chart, in pixels (options 'width' / 'height' override it). */
export const DEFAULT_CHART_WIDTH = 600;
export const DEFAULT_CHART_HEIGHT = 371;

/** The charts of a sheet (created empty on first use). */
export function chartsOf(sheet: SheetModel): ChartModel[] {
  return (sheet.charts ??= []);
}

/** Hands out the next chart id: unique in the spreadsheet and never reused. */
export function takeChartId(model: SpreadsheetModel): number {
  const used = model.sheets.flatMap((s) => (s.charts ?? []).map((c) => c.id));
  const id = Math.max(model.nextChartId ?? 1, ...used.map((i) => i + 1), 1);
  model.nextChartId = id + 1;
  return id;
}

// ---------------------------------------------------------------------------------------------
// Options

/** A JSON copy of an option value (values from the script's realm become plain Node data). */
export function jsonCopy(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** setOption: 'legend.position' sets options.legend.position; a whole object replaces the subtree. */
export function setChartOption(options: Record<string, unknown>, name: string, value: unknown): void {
  const parts = name.split('.');
  let node = options;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!isPlainObject(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = jsonCopy(value);
}

/** ChartOptions.get: the value at a dotted name (a copy), or null when it was not set. */
export function getChartOption(options: Record<string, unknown>, name: string): unknown {
  let node: unknown = options;
  for (const part of name.split('.')) {
    if (!isPlainObject(node) || !(part in node)) return null;
    node = node[part];
  }
  return jsonCopy(node);
}

export function chartTitle(chart: ChartModel): string {
  const t = getChartOption(chart.options, 'title');
  return t === null ? '' : String(t);
}

function pixels(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.round(n) : fallback;
}

export function chartSize(chart: ChartModel): { width: number; height: number } {
  return {
    width: pixels(getChartOption(chart.options, 'width'), DEFAULT_CHART_WIDTH),
    height: pixels(getChartOption(chart.options, 'height'), DEFAULT_CHART_HEIGHT),
  };
}

// ---------------------------------------------------------------------------------------------
// Moving with the sheet

/**
 * A row/column insertion or deletion in `sheet`: chart ranges on that sheet move, grow or shrink (a
 * range deleted entirely leaves the chart), and charts floating over it keep their anchor cell.
 */
export function shiftCharts(model: SpreadsheetModel, sheet: SheetModel, ch: DimensionChange): void {
  const move = (g: GridRange): GridRange | null => {
    if (ch.dim === 'row') {
      const s = shiftSpan(g.row, g.row + g.numRows - 1, ch);
      return s ? { ...g, row: s[0], numRows: s[1] - s[0] + 1 } : null;
    }
    const s = shiftSpan(g.col, g.col + g.numCols - 1, ch);
    return s ? { ...g, col: s[0], numCols: s[1] - s[0] + 1 } : null;
  };
  for (const s of model.sheets) {
    for (const chart of s.charts ?? []) {
      chart.ranges = chart.ranges.flatMap((r) => {
        if (r.sheetId !== sheet.id) return [r];
        const g = move(r.range);
        return g ? [{ sheetId: r.sheetId, range: g }] : [];
      });
    }
  }
  for (const chart of sheet.charts ?? []) {
    const key = ch.dim === 'row' ? 'anchorRow' : 'anchorCol';
    const at = chart[key];
    if (ch.count > 0) {
      if (at >= ch.index0) chart[key] = at + ch.count;
    } else {
      const n = -ch.count;
      // An anchor inside the deleted span moves to the first row/column after it.
      if (at >= ch.index0 + n) chart[key] = at - n;
      else if (at >= ch.index0) chart[key] = ch.index0;
    }
    const max = (ch.dim === 'row' ? sheet.maxRows : sheet.maxCols) - 1;
    chart[key] = Math.max(0, Math.min(chart[key], max));
  }
}

/**
 * A sheet copied from `from` (insertSheet with a template): its charts get new ids, and ranges on the
 * template sheet now read the copy, as Sheets' "Duplicate" does.
 */
export function renewCopiedCharts(model: SpreadsheetModel, from: SheetModel, copy: SheetModel): void {
  for (const chart of copy.charts ?? []) {
    chart.id = takeChartId(model);
    chart.ranges = chart.ranges.map((r) => (r.sheetId === from.id ? { sheetId: copy.id, range: { ...r.range } } : r));
  }
}

/** The chart's ranges as A1 without the sheet name ('A10:B17'), ranges on deleted sheets left out. */
export function chartRangesA1(model: SpreadsheetModel, chart: ChartModel): string[] {
  return chart.ranges.filter((r) => model.sheets.some((s) => s.id === r.sheetId)).map((r) => gridToA1(r.range));
}

// ---------------------------------------------------------------------------------------------
// Series: what the chart shows, from the live cells

export interface ChartSeries {
  /** Category labels (the first column's display text), one per data row. */
  labels: string[];
  /** Series names (header text), one per series. */
  names: string[];
  /** values[s][i]: series s at label i; cells that are not numbers count as 0. */
  values: number[][];
  /** display[s][i]: the cell as the sheet shows it ("50%"). */
  display: string[][];
}

type Block = Array<Array<Cell | undefined>>;

function ignoresRows(chart: ChartModel): boolean {
  return chart.hiddenDimensionStrategy === 'IGNORE_BOTH' || chart.hiddenDimensionStrategy === 'IGNORE_ROWS';
}

function ignoresCols(chart: ChartModel): boolean {
  return chart.hiddenDimensionStrategy === 'IGNORE_BOTH' || chart.hiddenDimensionStrategy === 'IGNORE_COLUMNS';
}

/** The cells of one range: whole columns/rows cut at the sheet's data, hidden rows/columns left out. */
function blockOf(sheet: SheetModel, g: GridRange, chart: ChartModel): Block {
  const rowEnd = Math.min(g.row + g.numRows, Math.max(lastRowOf(sheet), g.row + 1));
  const colEnd = Math.min(g.col + g.numCols, Math.max(lastColOf(sheet), g.col + 1));
  const out: Block = [];
  for (let r = g.row; r < rowEnd; r++) {
    if (ignoresRows(chart) && sheet.hiddenRows[r]) continue;
    const line: Array<Cell | undefined> = [];
    for (let c = g.col; c < colEnd; c++) {
      if (ignoresCols(chart) && sheet.hiddenColumns[c]) continue;
      line.push(sheet.rows[r]?.[c]);
    }
    out.push(line);
  }
  while (out.length > 0 && !out[out.length - 1].some(hasContent)) out.pop();
  return out;
}

function transposed(t: Block): Block {
  const cols = Math.max(0, ...t.map((r) => r.length));
  const out: Block = [];
  for (let c = 0; c < cols; c++) out.push(t.map((r) => r[c]));
  return out;
}

function isNumberCell(cell: Cell | undefined): boolean {
  return typeof cell?.value === 'number';
}

function isTextCell(cell: Cell | undefined): boolean {
  return typeof cell?.value === 'string' && cell.value !== '';
}

/**
 * The data table of a chart as Sheets reads it: the ranges side by side (MERGE_COLUMNS) or one under
 * the other (MERGE_ROWS), optionally transposed; the first column holds the labels and every other
 * column is a series. Headers: `numHeaders` rows, or (-1) one row when the series columns' first
 * cells are text and not numbers.
 */
export function chartSeries(model: SpreadsheetModel, chart: ChartModel): ChartSeries {
  const blocks: Block[] = [];
  for (const r of chart.ranges) {
    const sheet = model.sheets.find((s) => s.id === r.sheetId);
    if (sheet) blocks.push(blockOf(sheet, r.range, chart));
  }
  let table: Block = [];
  if (chart.mergeStrategy === 'MERGE_ROWS') {
    for (const b of blocks) table.push(...b);
  } else {
    const rows = Math.max(0, ...blocks.map((b) => b.length));
    for (let r = 0; r < rows; r++) {
      table.push(blocks.flatMap((b) => b[r] ?? new Array<Cell | undefined>(b[0]?.length ?? 0).fill(undefined)));
    }
  }
  if (chart.transpose) table = transposed(table);
  const width = Math.max(0, ...table.map((r) => r.length));
  const empty: ChartSeries = { labels: [], names: [], values: [], display: [] };
  if (table.length === 0 || width === 0) return empty;

  // One column: it is the only series, labelled 1, 2, 3…
  const labelCol = width >= 2 ? 0 : -1;
  const seriesCols: number[] = [];
  for (let c = labelCol + 1; c < width; c++) seriesCols.push(c);

  let headers = chart.numHeaders;
  if (headers < 0) {
    const first = seriesCols.map((c) => table[0][c]);
    headers = table.length >= 2 && first.some(isTextCell) && !first.some(isNumberCell) ? 1 : 0;
  }
  headers = Math.min(headers, table.length);
  const text = (cell: Cell | undefined) => displayValue(cell, model);
  const names = seriesCols.map((c) =>
    table
      .slice(0, headers)
      .map((row) => text(row[c]))
      .filter((t) => t !== '')
      .join(' '),
  );
  const rows = table.slice(headers);
  const labels = rows.map((row, i) => (labelCol >= 0 ? text(row[labelCol]) : String(i + 1)));
  const values = seriesCols.map((c) =>
    rows.map((row) => {
      const v = row[c]?.value;
      return typeof v === 'number' && Number.isFinite(v) ? v : 0;
    }),
  );
  const display = seriesCols.map((c) => rows.map((row) => text(row[c])));
  return { labels, names, values, display };
}
