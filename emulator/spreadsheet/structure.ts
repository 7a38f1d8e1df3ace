/**
 * Inserting and deleting rows/columns, as Sheets does it: cells (values, formats, validations, notes)
 * move; conditional-format ranges, protections and named ranges move, grow or shrink (and disappear
 * when deleted entirely); formula references everywhere are rewritten (a deleted single cell becomes
 * #REF!); conditional-format formulas keep their relative parts relative to the rule's range.
 */
import { forEachExistingCell, presentIndices, wholeGrid } from './cells';
import { shiftCharts } from './chartModel';
import { adjustFormula, shiftSpan, type DimensionChange } from './formula';
import type { Cell, GridRange, SheetModel, SpreadsheetModel } from './model';
import { markChanged, runtimeOf } from './runtime';

/** Moves a grid through a change; null when it was deleted entirely. */
export function shiftGrid(g: GridRange, ch: DimensionChange): GridRange | null {
  if (ch.dim === 'row') {
    const s = shiftSpan(g.row, g.row + g.numRows - 1, ch);
    return s ? { ...g, row: s[0], numRows: s[1] - s[0] + 1 } : null;
  }
  const s = shiftSpan(g.col, g.col + g.numCols - 1, ch);
  return s ? { ...g, col: s[0], numCols: s[1] - s[0] + 1 } : null;
}

const NATIVE_SPLICE_MAX = 10_000;

/**
 * Inserts `count` holes at `index` (count > 0) or removes -count entries there (count < 0), moving
 * only the entries that exist: inserting 5 000 000 rows above a few rows of data moves those few
 * (Array.prototype.splice would spread millions of arguments and allocate every hole).
 */
function spliceSparse<T>(arr: T[], index: number, count: number): void {
  const length = arr.length;
  if (index >= length || count === 0) return;
  if (length <= NATIVE_SPLICE_MAX && Math.abs(count) <= NATIVE_SPLICE_MAX) {
    // Small arrays stay packed this way (deleting entries one by one would leave them slower to read).
    if (count > 0) arr.splice(index, 0, ...(new Array(count) as T[]));
    else arr.splice(index, -count);
    return;
  }
  const moved = presentIndices(arr, index);
  if (count > 0) {
    for (let k = moved.length - 1; k >= 0; k--) {
      const i = moved[k];
      arr[i + count] = arr[i];
      delete arr[i];
    }
    return;
  }
  const n = -count;
  for (const i of moved) {
    if (i >= index + n) arr[i - n] = arr[i];
    delete arr[i];
  }
  arr.length = Math.max(index, length - n);
}

function frozenAfter(frozen: number, ch: DimensionChange): number {
  if (ch.count > 0) return ch.index0 < frozen ? frozen + ch.count : frozen;
  const n = -ch.count;
  const lost = Math.max(0, Math.min(frozen, ch.index0 + n) - ch.index0);
  return frozen - lost;
}

/**
 * Applies a row/column insertion (count > 0) or deletion (count < 0) to a sheet.
 * `inheritFrom` (0-based, in coordinates after the change) is the row/column whose formats and
 * validations the inserted ones take, as Sheets copies them from the neighbour.
 */
export function changeDimension(
  model: SpreadsheetModel,
  sheet: SheetModel,
  ch: DimensionChange,
  inheritFrom?: number,
): void {
  const { index0: i, count } = ch;
  if (ch.dim === 'row') {
    spliceSparse(sheet.rows, i, count);
    spliceSparse(sheet.hiddenRows, i, count);
    sheet.maxRows += count;
    sheet.frozenRows = frozenAfter(sheet.frozenRows, ch);
  } else {
    for (const r of presentIndices(sheet.rows)) spliceSparse(sheet.rows[r]!, i, count);
    spliceSparse(sheet.columnWidths, i, count);
    spliceSparse(sheet.hiddenColumns, i, count);
    sheet.maxCols += count;
    sheet.frozenCols = frozenAfter(sheet.frozenCols, ch);
  }

  if (count > 0 && inheritFrom !== undefined) inherit(sheet, ch, inheritFrom);

  // Conditional formats: ranges move; formulas keep relative parts relative to the new anchor.
  const rules = [];
  for (const rule of sheet.conditionalRules) {
    const old = rule.ranges[0];
    const ranges = rule.ranges.map((g) => shiftGrid(g, ch)).filter((g): g is GridRange => g !== null);
    if (ranges.length === 0) continue;
    if (rule.formula && old) {
      rule.formula = adjustFormula(rule.formula, sheet.name, sheet.name, ch, {
        oldRow: old.row,
        oldCol: old.col,
        newRow: ranges[0].row,
        newCol: ranges[0].col,
      });
    }
    rule.ranges = ranges;
    rules.push(rule);
  }
  sheet.conditionalRules = rules;

  sheet.protections = sheet.protections.filter((p) => {
    p.unprotected = p.unprotected.map((g) => shiftGrid(g, ch)).filter((g): g is GridRange => g !== null);
    if (!p.range) return true;
    const g = shiftGrid(p.range, ch);
    if (!g) return false;
    p.range = g;
    return true;
  });

  model.namedRanges = model.namedRanges.filter((nr) => {
    if (nr.sheetId !== sheet.id) return true;
    const g = shiftGrid(nr.range, ch);
    if (!g) return false;
    nr.range = g;
    return true;
  });

  // Chart ranges on this sheet move like named ranges; charts over it keep their anchor cell.
  shiftCharts(model, sheet, ch);

  if (runtimeOf(model).formulas !== 'none') {
    for (const s of model.sheets) {
      forEachExistingCell(s, wholeGrid(s), (cell) => {
        if (cell.formula !== undefined) cell.formula = adjustFormula(cell.formula, s.name, sheet.name, ch);
      });
    }
  }
  markChanged(model);
}

/**
 * At most this many cells are filled with a neighbour's formats and validations by one insertion.
 * Choice (RULES.md §10): Sheets copies them into every new row; here a bigger insertion leaves the
 * rest plain, so that inserting millions of rows under a formatted header stays cheap.
 */
export const INHERIT_CELL_BUDGET = 100_000;

function inherit(sheet: SheetModel, ch: DimensionChange, from: number): void {
  const copy = (src: Cell | undefined): Cell | undefined => {
    if (!src || (src.format === undefined && src.validation === undefined)) return undefined;
    const c: Cell = { value: '' };
    if (src.format) c.format = { ...src.format };
    if (src.validation !== undefined) c.validation = src.validation;
    return c;
  };
  if (ch.dim === 'row') {
    const srcRow = sheet.rows[from];
    const cols = srcRow ? presentIndices(srcRow).filter((c) => copy(srcRow[c]) !== undefined) : [];
    if (cols.length === 0) return;
    const count = Math.min(ch.count, Math.floor(INHERIT_CELL_BUDGET / cols.length));
    for (let k = 0; k < count; k++) {
      const row: Array<Cell | undefined> = [];
      for (const c of cols) row[c] = copy(srcRow![c]);
      sheet.rows[ch.index0 + k] = row;
    }
  } else {
    const rows = presentIndices(sheet.rows).filter((r) => copy(sheet.rows[r]![from]) !== undefined);
    if (rows.length === 0) return;
    const count = Math.min(ch.count, Math.floor(INHERIT_CELL_BUDGET / rows.length));
    for (const r of rows) {
      const row = sheet.rows[r]!;
      for (let k = 0; k < count; k++) row[ch.index0 + k] = copy(row[from]);
    }
  }
}
