/**
 * Per-spreadsheet state that is not part of the saved model: toasts shown, and formula
 * recalculation bookkeeping. Keyed by the model object, so every SpreadsheetApp over the same model
 * shares it.
 */
import type { Env } from '../core/env';
import { forEachExistingCell, wholeGrid } from './cells';
import { evaluateFormula, FErr, ERROR_CODES, type EvalContext } from './formula';
import type { CellValue, SheetModel, SpreadsheetModel } from './model';

export interface Toast {
  spreadsheetId: string;
  message: string;
  title: string;
  /** Seconds; null = until dismissed; default 5 (as Apps Script). */
  timeoutSeconds: number | null;
  /** Simulated time it was shown. */
  atMs: number;
}

export interface SpreadsheetRuntime {
  toasts: Toast[];
  /** 'unknown' until scanned; 'none' lets recalculation be skipped entirely. */
  formulas: 'unknown' | 'none' | 'some';
  dirty: boolean;
  /** The minute (env.now()/60000) of the last recalculation: TODAY()/NOW() move with the clock. */
  lastMinute: number;
  /** Calls to Sheet.autoResizeColumns/autoResizeColumn (a no-op here, counted). */
  autoResizes: number;
  /** The Env of the SpreadsheetApp last created over this model (its clock drives TODAY()). */
  env?: Env;
  /** Set by the Forms emulator: the edit URL of the form whose responses go to a sheet, else null. */
  formUrlOf?: (sheetId: number) => string | null;
}

const runtimes = new WeakMap<SpreadsheetModel, SpreadsheetRuntime>();

export function runtimeOf(model: SpreadsheetModel): SpreadsheetRuntime {
  let rt = runtimes.get(model);
  if (!rt) {
    rt = { toasts: [], formulas: 'unknown', dirty: true, lastMinute: -1, autoResizes: 0 };
    runtimes.set(model, rt);
  }
  return rt;
}

/** Toasts shown in this spreadsheet (for the workspace and tests). */
export function toastsOf(model: SpreadsheetModel): Toast[] {
  return runtimeOf(model).toasts;
}

/** Call after changing the model directly (staff edits, loading): formulas are recomputed on next read. */
export function markChanged(model: SpreadsheetModel, formulaWritten = false): void {
  const rt = runtimeOf(model);
  rt.dirty = true;
  if (formulaWritten) rt.formulas = 'some';
}

/** Forgets what is known about the model (after replacing its contents wholesale). */
export function invalidate(model: SpreadsheetModel): void {
  const rt = runtimeOf(model);
  rt.formulas = 'unknown';
  rt.dirty = true;
}

/** Recomputes every formula cell now (dependency order by recursion; cycles give #REF!). */
export function recalculate(model: SpreadsheetModel, nowMs: number): void {
  const rt = runtimeOf(model);
  const done = new Set<string>();
  const busy = new Set<string>();
  let count = 0;
  const ctx: EvalContext = {
    model,
    sheet: model.sheets[0],
    nowMs,
    cellValue(sheet: SheetModel, r: number, c: number): CellValue | FErr {
      const cell = sheet.rows[r]?.[c];
      if (!cell) return '';
      if (cell.formula === undefined) return cell.value;
      compute(sheet, r, c);
      const v = cell.value;
      return typeof v === 'string' && ERROR_CODES.has(v) ? new FErr(v) : v;
    },
  };
  function compute(sheet: SheetModel, r: number, c: number): void {
    const key = `${sheet.id}:${r}:${c}`;
    if (done.has(key)) return;
    const cell = sheet.rows[r]![c]!;
    if (busy.has(key)) {
      cell.value = '#REF!';
      return;
    }
    busy.add(key);
    const saved = ctx.sheet;
    ctx.sheet = sheet;
    try {
      cell.value = evaluateFormula(cell.formula!, ctx);
    } finally {
      ctx.sheet = saved;
      busy.delete(key);
      done.add(key);
    }
  }
  for (const sheet of model.sheets) {
    forEachExistingCell(sheet, wholeGrid(sheet), (cell, r, c) => {
      if (cell.formula !== undefined) {
        count++;
        compute(sheet, r, c);
      }
    });
  }
  rt.formulas = count > 0 ? 'some' : 'none';
  rt.dirty = false;
  rt.lastMinute = Math.floor(nowMs / 60000);
}

/** Makes formula values current before a read; cheap when the spreadsheet has no formulas. */
export function ensureCalculated(model: SpreadsheetModel, env: Env): void {
  const rt = runtimeOf(model);
  if (rt.formulas === 'none') return;
  const minute = Math.floor(env.now() / 60000);
  if (rt.formulas === 'unknown' || rt.dirty || rt.lastMinute !== minute) recalculate(model, env.now());
}

/** An evaluation context over current values (conditional formats, one-off evaluation). */
export function valueContext(model: SpreadsheetModel, sheet: SheetModel, nowMs: number): EvalContext {
  return {
    model,
    sheet,
    nowMs,
    cellValue(s: SheetModel, r: number, c: number): CellValue | FErr {
      const cell = s.rows[r]?.[c];
      if (!cell) return '';
      const v = cell.value;
      return cell.formula !== undefined && typeof v === 'string' && ERROR_CODES.has(v) ? new FErr(v) : v;
    },
  };
}
