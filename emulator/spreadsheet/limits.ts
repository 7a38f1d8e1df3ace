/**
 * Google Sheets' size limits (emulator/RULES.md §10): 10 000 000 cells per spreadsheet (the sum over
 * its sheets of rows × columns of the grid, empty or not), 18 278 columns per sheet (column ZZZ) and
 * 50 000 characters per cell. Every way the grid grows goes through `assertGridGrowth`; every value
 * written goes through `cellTextTooLong`.
 */
import type { SheetModel, SpreadsheetModel } from './model';

export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;
export const MAX_CELL_CHARS = 50_000;

/** Google's words, as scripts and the Sheets API report them. */
export const CELLS_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
/** Choice: no text of Google's was found for this one; worded like the cell limit (RULES.md §10). */
export const COLUMNS_LIMIT_MESSAGE = `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`;
export const CELL_CHARS_MESSAGE = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Rows × columns of every sheet's grid. */
export function gridCellCount(model: SpreadsheetModel): number {
  return model.sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0);
}

/**
 * The English message of the limit a sheet of `rows` × `cols` would break (null when it fits).
 * `sheet` is the sheet that changes size (null for a sheet being added).
 */
export function gridGrowthProblem(
  model: SpreadsheetModel,
  sheet: SheetModel | null,
  rows: number,
  cols: number,
): string | null {
  if (cols > MAX_COLUMNS) return COLUMNS_LIMIT_MESSAGE;
  const others = gridCellCount(model) - (sheet ? sheet.maxRows * sheet.maxCols : 0);
  return others + rows * cols > MAX_CELLS ? CELLS_LIMIT_MESSAGE : null;
}

/** Throws `fail(message)` when the sheet cannot grow to rows × cols. */
export function assertGridGrowth(
  model: SpreadsheetModel,
  sheet: SheetModel | null,
  rows: number,
  cols: number,
  fail: (message: string) => Error,
): void {
  const problem = gridGrowthProblem(model, sheet, rows, cols);
  if (problem) throw fail(problem);
}

/** True for a value Sheets refuses to store in one cell (text over 50 000 characters). */
export function cellTextTooLong(value: unknown): boolean {
  return typeof value === 'string' && value.length > MAX_CELL_CHARS;
}

/** Russian for the thousands a person reads: 50000 → «50 000». */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}
