/**
 * What the grid shows for one sheet: display values and the formatting a person sees (conditional
 * formats evaluated), dropdowns, widths, frozen rows. Built straight from the model in one pass —
 * no service proxies, no call counting — so a 1 000-row sheet is cheap.
 */
import type { Env } from '../../emulator/core/env';
import { lastColOf, lastRowOf } from '../../emulator/spreadsheet/cells';
import {
  DEFAULT_COLUMN_WIDTH,
  displayValue,
  effectiveFormat,
  ensureCalculated,
  type SheetModel,
  type SpreadsheetModel,
} from '../../emulator/spreadsheet/index';
import { chartSeries, chartSize, chartTitle, getChartOption } from '../../emulator/spreadsheet/chartModel';
import type { ChartModel } from '../../emulator/spreadsheet/model';
import { ruleProblem } from '../../emulator/spreadsheet/validation';
import type { CellView, ChartView, SheetView } from './protocol';

/** Empty rows / columns shown below and right of the data, as room to type. */
export const EMPTY_ROWS = 20;
export const EMPTY_COLS = 3;

function cellView(model: SpreadsheetModel, sheet: SheetModel, r: number, c: number, env: Env): CellView {
  const cell = sheet.rows[r]?.[c];
  const view: CellView = { v: displayValue(cell, model) };
  const f = effectiveFormat(model, sheet, r, c, env);
  if (f.background && f.background !== '#ffffff') view.bg = f.background;
  if (f.fontColor && f.fontColor !== '#000000') view.color = f.fontColor;
  if (f.fontWeight === 'bold') view.bold = true;
  if (f.fontStyle === 'italic') view.italic = true;
  if (f.strikethrough) view.strike = true;
  if (f.wrap) view.wrap = true;
  if (f.horizontalAlignment) view.align = f.horizontalAlignment;
  // Sheets' default alignment follows the value's type: numbers and dates right, booleans centred.
  else if (typeof cell?.value === 'number' || cell?.value instanceof Date) view.align = 'right';
  else if (typeof cell?.value === 'boolean') view.align = 'center';
  const rule = cell?.validation === undefined ? undefined : sheet.validations[cell.validation];
  if (rule?.kind === 'list' && rule.values && rule.showDropdown !== false) view.options = [...rule.values];
  if (cell?.note) view.note = cell.note;
  const link = cell?.formula ? /^=\s*HYPERLINK\(\s*"(https?:\/\/[^"]+)"/i.exec(cell.formula) : null;
  if (link) view.link = link[1];
  // A rule that allows invalid data keeps the value; Sheets marks the cell with a red corner.
  if (rule?.allowInvalid && cell) {
    const problem = ruleProblem(rule, cell.value, model.timeZone);
    if (problem) view.invalid = rule.helpText ? `${problem} ${rule.helpText}` : problem;
  }
  return view;
}

/** Shared by every empty row of a view (it is only serialized, never changed). */
const NO_CELLS: CellView[] = [];

function isBlank(view: CellView): boolean {
  return Object.keys(view).length === 1 && view.v === '';
}

/** A chart as the page draws it: its series re-read from the cells now. */
export function chartView(model: SpreadsheetModel, chart: ChartModel): ChartView {
  const legend = getChartOption(chart.options, 'legend.position');
  const colors = getChartOption(chart.options, 'colors');
  return {
    id: chart.id,
    type: chart.type,
    title: chartTitle(chart),
    anchor: { row: chart.anchorRow + 1, column: chart.anchorCol + 1, offsetX: chart.offsetX, offsetY: chart.offsetY },
    ...chartSize(chart),
    legend: typeof legend === 'string' ? legend : 'right',
    ...(Array.isArray(colors) ? { colors: colors.map(String) } : {}),
    series: chartSeries(model, chart),
  };
}

export function buildSheetView(model: SpreadsheetModel, sheet: SheetModel, env: Env): SheetView {
  ensureCalculated(model, env);
  let rowCount = Math.min(lastRowOf(sheet) + EMPTY_ROWS, sheet.maxRows);
  let colCount = Math.min(Math.max(lastColOf(sheet), sheet.frozenCols) + EMPTY_COLS, sheet.maxCols);
  // The grid reaches under every chart (rows of 21 px, columns of their width), as in Sheets.
  for (const chart of sheet.charts ?? []) {
    const { width, height } = chartSize(chart);
    const rows = chart.anchorRow + Math.ceil((chart.offsetY + height) / 21) + 1;
    let cols = chart.anchorCol;
    for (let px = chart.offsetX + width; px > 0; cols++) px -= sheet.columnWidths[cols] ?? DEFAULT_COLUMN_WIDTH;
    rowCount = Math.max(rowCount, Math.min(rows, sheet.maxRows));
    colCount = Math.max(colCount, Math.min(cols + 1, sheet.maxCols));
  }
  const rows: CellView[][] = [];
  // A row the model does not hold and no conditional format reaches is empty: no cell is built for it,
  // so a value at row 200 000 costs one short entry per row above it, not a grid of cells.
  const ruled = sheet.conditionalRules.flatMap((rule) => rule.ranges);
  for (let r = 0; r < rowCount; r++) {
    if (!sheet.rows[r] && !ruled.some((g) => r >= g.row && r < g.row + g.numRows)) {
      rows.push(NO_CELLS);
      continue;
    }
    const line: CellView[] = [];
    for (let c = 0; c < colCount; c++) line.push(cellView(model, sheet, r, c, env));
    // Trailing empty cells are implied (protocol: "missing trailing cells are empty").
    while (line.length > 0 && isBlank(line[line.length - 1])) line.pop();
    rows.push(line);
  }
  const widths: number[] = [];
  const hiddenCols: number[] = [];
  for (let c = 0; c < colCount; c++) {
    widths.push(sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH);
    if (sheet.hiddenColumns[c]) hiddenCols.push(c);
  }
  return {
    name: sheet.name,
    rowCount,
    colCount,
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    widths,
    hiddenCols,
    rows,
    charts: (sheet.charts ?? []).map((c) => chartView(model, c)),
  };
}
