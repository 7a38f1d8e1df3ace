import { normalizeStatus } from '../domain/roadmap';
import { isoDayToCell, todayIso } from '../sheets/cells';
import { mapHeaders } from '../sheets/headers';
import { ROADMAP_COLUMNS as C, ROADMAP_TABLE, SHEETS } from '../sheets/schema';
import { refreshPrograms } from './programs';
import { refreshSummary } from './progress';
import { syncEvents } from '../year/events';

const WATCHED = [C.status, C.end, C.no, C.activity];

/**
 * Simple trigger: when staff change a status on the roadmap, a «Выполнено» without a date gets
 * today's date, and «Сводка» is recomputed. Reads the header row and the edited rows only.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (e.authMode === ScriptApp.AuthMode.NONE) return;
  const sheet = e.range.getSheet();
  if (sheet.getName() === SHEETS.programs || sheet.getName() === SHEETS.pairs) {
    if (e.range.getRow() + e.range.getNumRows() - 1 >= 2) refreshPrograms(e.source);
    return;
  }
  if (sheet.getName() === SHEETS.events) {
    syncEvents(e.source);
    refreshSummary(e.source);
    return;
  }
  if (([SHEETS.publications, SHEETS.practices, SHEETS.meetings] as string[]).includes(sheet.getName())) {
    refreshSummary(e.source);
    return;
  }
  if (sheet.getName() !== SHEETS.roadmap) return;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const specs = ROADMAP_TABLE.columns;
  const at = (name: string) => mapHeaders(header, specs)[specs.findIndex((s) => s.header === name)];
  const first = e.range.getColumn() - 1;
  const last = first + e.range.getNumColumns() - 1;
  const touched = WATCHED.some((name) => at(name) >= first && at(name) <= last);
  if (!touched || e.range.getRow() + e.range.getNumRows() - 1 < 2) return;

  const ss = e.source;
  const timeZone = ss.getSpreadsheetTimeZone();
  const statusCol = at(C.status);
  const doneCol = at(C.doneOn);
  if (statusCol >= first && statusCol <= last && doneCol >= 0) {
    const top = Math.max(e.range.getRow(), 2);
    const count = e.range.getRow() + e.range.getNumRows() - top;
    const statuses = sheet.getRange(top, statusCol + 1, count, 1).getValues();
    const doneRange = sheet.getRange(top, doneCol + 1, count, 1);
    const done = doneRange.getValues();
    const today = isoDayToCell(todayIso(timeZone), timeZone);
    let changed = false;
    statuses.forEach(([status], i) => {
      if (normalizeStatus(status) === 'Выполнено' && done[i][0] === '') {
        done[i][0] = today;
        changed = true;
      }
    });
    if (changed) doneRange.setValues(done);
  }
  refreshSummary(ss);
}
