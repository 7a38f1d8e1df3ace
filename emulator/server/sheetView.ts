/**
 * What the grid shows for one sheet: display values and the formatting a person sees (conditional
 * formats evaluated), dropdowns, widths, frozen rows. Built straight from the model in one pass —
 * no service proxies, no call counting — so a 1 000-row sheet is cheap.
 */
import type { Env } from '../core/env';
import { lastColOf, lastRowOf } from '../spreadsheet/cells';
import {
  DEFAULT_COLUMN_WIDTH,
  displayValue,
  effectiveFormat,
  ensureCalculated,
  type SheetModel,
  type SpreadsheetModel,
} from '../spreadsheet/index';
import type { CellView, SheetView } from './protocol';

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
  return view;
}

function isBlank(view: CellView): boolean {
  return Object.keys(view).length === 1 && view.v === '';
}

export function buildSheetView(model: SpreadsheetModel, sheet: SheetModel, env: Env): SheetView {
  ensureCalculated(model, env);
  const rowCount = Math.min(lastRowOf(sheet) + EMPTY_ROWS, sheet.maxRows);
  const colCount = Math.min(Math.max(lastColOf(sheet), sheet.frozenCols) + EMPTY_COLS, sheet.maxCols);
  const rows: CellView[][] = [];
  for (let r = 0; r < rowCount; r++) {
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
  };
}
