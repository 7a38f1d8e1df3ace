/**
 * The spreadsheet this execution works on. Menu items, sidebar calls and spreadsheet triggers have an
 * active spreadsheet; an editor add-on's time-driven run has none, so the clock handler opens its file
 * by id and runs with it here. Also what the state store read from that spreadsheet in this execution
 * (Apps Script starts every execution with fresh module state, so nothing here outlives one).
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let current: Spreadsheet | null = null;
let active: Spreadsheet | null = null;
let memo: unknown = null;

/** Runs `work` with `ss` as the execution's spreadsheet. */
export function withSpreadsheet<T>(ss: Spreadsheet, work: () => T): T {
  const before = { current, memo };
  current = ss;
  memo = null;
  try {
    return work();
  } finally {
    current = before.current;
    memo = before.memo;
  }
}

/** The spreadsheet set by withSpreadsheet, else the active one. */
export function contextSpreadsheet(): Spreadsheet {
  const ss = current ?? (active = active ?? SpreadsheetApp.getActiveSpreadsheet());
  if (!ss) throw new Error('Не найдена таблица, в которой работает дополнение.');
  return ss;
}

/** What the state store keeps of the context's spreadsheet for this execution (state/store.ts). */
export function contextMemo<T>(): T | null {
  return memo as T | null;
}

export function setContextMemo(value: unknown): void {
  memo = value;
}

/** After waiting for a lock: another execution may have changed the state meanwhile, so read it again. */
export function forgetContextMemo(): void {
  memo = null;
}
