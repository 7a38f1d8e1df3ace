import { computeProgress, normalizeStatus, STAGE_TITLES } from '../domain/roadmap';
import { isoDayReader, isoDayWriter, todayIso } from '../sheets/cells';
import { mapHeaders } from '../sheets/headers';
import { progressInputs } from '../sheets/roadmapSheet';
import { ROADMAP_COLUMNS as C, ROADMAP_TABLE, SHEETS } from '../sheets/schema';
import { markSummaryStale } from '../sheets/summaryFreshness';
import { writeSummaryRoadmap } from '../sheets/summarySheet';
import { refreshPrograms } from '../programs/refreshPrograms';
import { refreshSummary } from '../summary/refreshSummary';
import { syncEvents } from '../year/events';

const WATCHED = [C.status, C.end, C.no, C.activity, C.evidence];

/** Rows and columns (1-based, inclusive) of an A1 range such as «F5», «F5:G7» or «F:F». */
function bounds(a1: string): { top: number; bottom: number; left: number; right: number } {
  const cells = a1.split(':').map((ref) => /^([A-Z]*)(\d*)$/.exec(ref.replace(/\$/g, '')) ?? ['', '', '']);
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [first, last] = [cells[0], cells[cells.length - 1]];
  return {
    top: Number(first[2]) || 1,
    bottom: Number(last[2]) || Infinity,
    left: column(first[1]) || 1,
    right: column(last[1]) || Infinity,
  };
}

/**
 * Simple trigger. A roadmap edit of a status, date, number, activity or evidence: a «Выполнено»
 * without a date gets today's, and «Сводка» gets the roadmap's figures and lists at once, the figures
 * of other tables kept — in at most 15 service calls (the roadmap read once, «Сводка» read and written
 * once). Edits of the other tables the summary counts only mark it stale (summary/refreshSummary.ts refreshes it).
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (e.authMode === ScriptApp.AuthMode.NONE) return;
  const sheet = e.range.getSheet();
  const name = sheet.getName();
  if (name === SHEETS.programs || name === SHEETS.pairs) {
    if (bounds(e.range.getA1Notation()).bottom >= 2) refreshPrograms(e.source);
    return;
  }
  if (name === SHEETS.events) {
    syncEvents(e.source);
    markSummaryStale();
    return;
  }
  if (([SHEETS.publications, SHEETS.practices, SHEETS.meetings] as string[]).includes(name)) {
    markSummaryStale();
    return;
  }
  if (name !== SHEETS.roadmap) return;
  const edited = bounds(e.range.getA1Notation());
  if (edited.bottom < 2) return;
  const values = sheet.getDataRange().getValues();
  const specs = ROADMAP_TABLE.columns;
  const positions = mapHeaders(values[0] ?? [], specs);
  const at = (header: string) => positions[specs.findIndex((s) => s.header === header)];
  if (!WATCHED.some((h) => at(h) >= 0 && at(h) + 1 >= edited.left && at(h) + 1 <= edited.right)) return;

  const ss = e.source;
  // One Utilities call for the zone's offset, shared by today, the reader and the writer (cells.ts).
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = todayIso(timeZone);
  const [statusCol, doneCol] = [at(C.status), at(C.doneOn)];
  if (statusCol + 1 >= edited.left && statusCol + 1 <= edited.right && doneCol >= 0) {
    const top = Math.max(edited.top, 2);
    const bottom = Math.min(edited.bottom, values.length);
    const done = values.slice(top - 1, bottom).map((row) => [row[doneCol]]);
    let changed = false;
    values.slice(top - 1, bottom).forEach((row, i) => {
      if (normalizeStatus(row[statusCol]) === 'Выполнено' && done[i][0] === '') {
        done[i][0] = row[doneCol] = isoDayWriter(timeZone)(today);
        changed = true;
      }
    });
    if (changed) sheet.getRange(top, doneCol + 1, done.length, 1).setValues(done);
  }
  const rows = progressInputs(values[0], values.slice(1), isoDayReader(timeZone));
  if (!writeSummaryRoadmap(ss, computeProgress(rows, today, STAGE_TITLES), today)) refreshSummary(ss);
}
