/**
 * The spreadsheet this execution works on. Menu items, sidebar calls and spreadsheet triggers have an
 * active spreadsheet; an editor add-on's time-driven run has none, so the clock handler opens its file
 * by id and runs with it here. Module state outlives an execution in the emulator (not in Apps
 * Script), so the context is always restored in `finally`.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let current: Spreadsheet | null = null;

/** Runs `work` with `ss` as the execution's spreadsheet. */
export function withSpreadsheet<T>(ss: Spreadsheet, work: () => T): T {
  const before = current;
  current = ss;
  try {
    return work();
  } finally {
    current = before;
  }
}

/** The spreadsheet set by withSpreadsheet, else the active one. */
export function contextSpreadsheet(): Spreadsheet {
  const ss = current ?? SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Не найдена таблица, в которой работает дополнение.');
  return ss;
}
