/** Sparse cell storage helpers over SheetModel.rows (0-based), shared by the fake classes. */
import type { Cell, CellFormat, CellValue, GridRange, SheetModel } from './model';

export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function getCell(sheet: SheetModel, r: number, c: number): Cell | undefined {
  return sheet.rows[r]?.[c];
}

export function ensureCell(sheet: SheetModel, r: number, c: number): Cell {
  let row = sheet.rows[r];
  if (!row) {
    row = [];
    sheet.rows[r] = row;
  }
  let cell = row[c];
  if (!cell) {
    cell = { value: '' };
    row[c] = cell;
  }
  return cell;
}

/** Drops a cell that holds nothing, to keep the grid sparse. */
export function pruneCell(sheet: SheetModel, r: number, c: number): void {
  const row = sheet.rows[r];
  const cell = row?.[c];
  if (!row || !cell) return;
  if (cell.value === '' && cell.formula === undefined && cell.validation === undefined && cell.note === undefined) {
    if (!cell.format || Object.keys(cell.format).length === 0) row[c] = undefined;
  }
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== '' || cell.formula !== undefined);
}

/** 1-based last row with a value or formula; 0 for an empty sheet. */
export function lastRowOf(sheet: SheetModel): number {
  for (let r = Math.min(sheet.rows.length, sheet.maxRows) - 1; r >= 0; r--) {
    const row = sheet.rows[r];
    if (row && row.some((cell) => hasContent(cell))) return r + 1;
  }
  return 0;
}

/** 1-based last column with a value or formula; 0 for an empty sheet. */
export function lastColOf(sheet: SheetModel): number {
  let last = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length - 1; c >= last; c--) {
      if (hasContent(row[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return Math.min(last, sheet.maxCols);
}

/** Copies a Date from any realm into a Node Date; other values as they are. */
export function toModelValue(v: CellValue): CellValue {
  return isDateLike(v) ? new Date((v as Date).getTime()) : v;
}

export function cloneFormat(f: CellFormat | undefined): CellFormat | undefined {
  return f ? { ...f } : undefined;
}

export function gridContains(g: GridRange, r: number, c: number): boolean {
  return r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols;
}

export function gridsIntersect(a: GridRange, b: GridRange): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

/** Calls fn for every existing (non-hole) cell of the sheet inside the grid. */
export function forEachExistingCell(
  sheet: SheetModel,
  g: GridRange,
  fn: (cell: Cell, r: number, c: number) => void,
): void {
  const rEnd = Math.min(g.row + g.numRows, sheet.rows.length);
  for (let r = g.row; r < rEnd; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const cEnd = Math.min(g.col + g.numCols, row.length);
    for (let c = g.col; c < cEnd; c++) {
      const cell = row[c];
      if (cell) fn(cell, r, c);
    }
  }
}
