/** A1 helpers and layout estimates for the grid (pure; no DOM). */
import { columnToLetters } from '../../emulator/spreadsheet/a1';
import type { CellView, SheetView } from '../server/protocol';

/** 0-based row and column → "G5". */
export function a1(r: number, c: number): string {
  return `${columnToLetters(c + 1)}${r + 1}`;
}

export const EMPTY_CELL: CellView = { v: '' };

export function cellAt(sheet: SheetView, r: number, c: number): CellView {
  return sheet.rows[r]?.[c] ?? EMPTY_CELL;
}

export const ROW_H = 21;
export const LINE_H = 16;
const CHAR_W = 7;
const MAX_LINES = 10;

/** Pixel height of each row: 21 px, taller when a wrapped cell needs more lines (an estimate). */
export function rowHeights(sheet: SheetView): number[] {
  const out: number[] = new Array(sheet.rowCount).fill(ROW_H);
  const hidden = new Set(sheet.hiddenCols);
  for (let r = 0; r < sheet.rowCount; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let lines = 1;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || !cell.v || hidden.has(c)) continue;
      const width = Math.max(20, (sheet.widths[c] ?? 100) - 8);
      const perLine = Math.max(1, Math.floor(width / CHAR_W));
      let n = 0;
      if (cell.wrap) {
        for (const part of cell.v.split('\n')) n += Math.max(1, Math.ceil(part.length / perLine));
      } else if (cell.v.includes('\n')) {
        n = cell.v.split('\n').length;
      }
      if (n > lines) lines = n;
    }
    if (lines > 1) out[r] = Math.min(lines, MAX_LINES) * LINE_H + 5;
  }
  return out;
}

/** prefix[i] = sum of heights[0..i-1]; prefix has heights.length + 1 entries. */
export function prefixSums(heights: number[]): number[] {
  const out = new Array(heights.length + 1);
  out[0] = 0;
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i] + heights[i];
  return out;
}

/** The first index i with prefix[i + 1] > y (binary search), clamped to [0, n - 1]. */
export function indexAt(prefix: number[], y: number): number {
  let lo = 0;
  let hi = prefix.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prefix[mid + 1] > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Rows [first, last) of the scrolling body to render for a viewport, with overscan. */
export function visibleRange(
  prefix: number[],
  scrollTop: number,
  viewport: number,
  overscan = 8,
): { first: number; last: number } {
  const n = prefix.length - 1;
  if (n <= 0) return { first: 0, last: 0 };
  const first = Math.max(0, indexAt(prefix, scrollTop) - overscan);
  const last = Math.min(n, indexAt(prefix, scrollTop + viewport) + 1 + overscan);
  return { first, last };
}
