/** The programs' figures on «Пары и группы» and roadmap activity 5.2, kept in step with «Программы». */
import { isOverdue, programProgress } from '../domain/programs';
import { isoDayToCell, todayIso } from '../sheets/cells';
import { isWorkingPair, readPairs, setPairCells } from '../sheets/pairsSheet';
import { readProgramRows, tidyPrograms, type ProgramRow } from '../sheets/programsSheet';
import { markActivities } from '../sheets/roadmapSheet';
import { SHEETS } from '../sheets/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DISSOLVED = 'расформировано';

/** Percent done and overdue count of every live program, by pair id. */
export function programFigures(
  rows: readonly ProgramRow[],
  today: string,
): Map<string, { progress: number; overdue: number }> {
  const byPair = new Map<string, ProgramRow[]>();
  for (const row of rows.filter((r) => !r.archived && r.pairId)) {
    byPair.set(row.pairId, [...(byPair.get(row.pairId) ?? []), row]);
  }
  return new Map(
    [...byPair].map(([pairId, list]) => [
      pairId,
      {
        progress: programProgress(list.map((r) => r.status)),
        overdue: list.filter((r) => isOverdue(r, today)).length,
      },
    ]),
  );
}

/**
 * Keeps the pairs' «Выполнение программы, %» and the archive marks in step with «Программы»; marks
 * roadmap activity 5.2 done once every confirmed pair has a program. Called after a save and on
 * staff edits of either sheet.
 */
export function refreshPrograms(ss: Spreadsheet): void {
  const pairs = readPairs(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = todayIso(timeZone);
  tidyPrograms(
    ss,
    new Set(pairs.filter((p) => p.status === DISSOLVED).map((p) => p.id)),
    isoDayToCell(today, timeZone),
  );
  const figures = programFigures(readProgramRows(ss), today);
  setPairCells(
    ss,
    'progress',
    new Map(pairs.filter((p) => p.id).map((p) => [p.id, figures.has(p.id) ? String(figures.get(p.id)!.progress) : ''])),
  );
  const confirmed = pairs.filter((p) => isWorkingPair(p.status) && p.id);
  if (confirmed.length > 0 && confirmed.every((p) => figures.has(p.id))) {
    // The evidence is the sheet of programs itself.
    const sheet = ss.getSheetByName(SHEETS.programs);
    const link = sheet ? `${ss.getUrl()}#gid=${sheet.getSheetId()}` : '';
    markActivities(ss, ['5.2'], 'Выполнено', link);
  } else if (confirmed.some((p) => figures.has(p.id))) markActivities(ss, ['5.2'], 'В работе');
}
