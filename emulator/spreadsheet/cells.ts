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

/** Below this span a plain loop is cheapest; above it only the indices that exist are visited. */
const DENSE_SPAN = 4096;

/**
 * The indices in [from, to) that hold an entry, ascending. The grid is a sparse array (a row at
 * 5 000 000 does not allocate the rows above it), so a wide span lists the array's own keys instead
 * of visiting every index.
 */
export function presentIndices<T>(arr: ReadonlyArray<T | undefined>, from = 0, to = arr.length): number[] {
  const end = Math.min(to, arr.length);
  const out: number[] = [];
  if (end - from <= DENSE_SPAN) {
    for (let i = Math.max(0, from); i < end; i++) if (arr[i] !== undefined) out.push(i);
    return out;
  }
  for (const key of Object.keys(arr)) {
    const i = Number(key);
    if (Number.isInteger(i) && i >= from && i < end && arr[i] !== undefined) out.push(i);
  }
  return out; // Object.keys lists integer keys in ascending order
}

/** 1-based last row with a value or formula; 0 for an empty sheet. */
export function lastRowOf(sheet: SheetModel): number {
  const rows = presentIndices(sheet.rows, 0, sheet.maxRows);
  for (let k = rows.length - 1; k >= 0; k--) {
    if (sheet.rows[rows[k]]!.some((cell) => hasContent(cell))) return rows[k] + 1;
  }
  return 0;
}

/** 1-based last column with a value or formula; 0 for an empty sheet. */
export function lastColOf(sheet: SheetModel): number {
  let last = 0;
  for (const r of presentIndices(sheet.rows)) {
    const row = sheet.rows[r]!;
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

/** Every cell a sheet can hold, including rows and columns beyond its grid (stale entries are harmless). */
export function wholeGrid(sheet: SheetModel): GridRange {
  return { row: 0, col: 0, numRows: Math.max(sheet.rows.length, sheet.maxRows), numCols: Number.MAX_SAFE_INTEGER };
}

/** Calls fn for every existing (non-hole) cell of the sheet inside the grid. */
export function forEachExistingCell(
  sheet: SheetModel,
  g: GridRange,
  fn: (cell: Cell, r: number, c: number) => void,
): void {
  for (const r of presentIndices(sheet.rows, g.row, g.row + g.numRows)) {
    const row = sheet.rows[r]!;
    for (const c of presentIndices(row, g.col, g.col + g.numCols)) fn(row[c]!, r, c);
  }
}
