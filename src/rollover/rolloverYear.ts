/**
 * The year rollover, run by «Настроить учебный год…» when the next school year is chosen: last year's
 * working sheets become read-only archives «<лист> 2026–2027» (renamed, so every value, format and
 * note stays exactly as it was), the banks keep everyone with statuses reset for the new pairing and a
 * history line of the year, and pairs that both sides want to continue go on with their unfinished
 * activities. Every step looks for its own earlier result first, so a second run changes nothing.
 */
import { periodLabel } from '../domain/roadmap';
import { appendHistory, WITHDRAWN_STATUS, type PersonKind } from '../domain/questionnaires';
import { continuingPairs, goesOnLine, hasYearLine, nextYearDay, unfinished, yearHistoryLine } from '../domain/rollover';
import { Bank } from '../sheets/banks';
import { CHOICES_TABLE } from '../sheets/choicesSheet';
import { readMonitoringRecords } from '../sheets/monitoringAnswersSheet';
import { CONFIRMED, isWorkingPair, openPairs, readPairsOf, writePairs, type PairRow } from '../sheets/pairsSheet';
import { readProgramRows, readProgramRowsOf, writeProgram, type ProgramRow } from '../sheets/programsSheet';
import { SHEETS } from '../sheets/schema';
import { editorsOnly } from '../sheets/editorsOnly';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The sheets of one school year, archived in this order. «Выбор наставника» too: last year's rankings
 * must not steer the next pairing (a sheet a school never used is simply not there).
 */
export const YEAR_SHEETS = [
  SHEETS.pairs,
  SHEETS.programs,
  SHEETS.monitoring,
  SHEETS.meetings,
  SHEETS.events,
  CHOICES_TABLE.sheetName,
] as const;

export const ARCHIVE_PROTECTION =
  'Архив прошлого учебного года: данные сохранены для отчётности. Изменять лист могут только куратор наставничества и учётная запись, которая ведёт дополнение.';

const IN_PAIR = 'в паре';
const IN_BANK = 'в банке';
const POSTPONED = 'перенесено';

export interface RolloverResult {
  /** Period closed, «2026–2027». */
  period: string;
  /** Archive sheets made by this run. */
  archived: string[];
  /** Archive sheets an earlier run made (found, left as they are). */
  found: string[];
  continuingPairs: number;
  carriedActivities: number;
  /** Bank entries that got the year's history line in this run. */
  peopleReset: number;
}

/** «Пары и группы 2026–2027». */
export function archiveSheetName(sheet: string, startYear: number): string {
  return `${sheet} ${periodLabel(startYear)}`;
}

/**
 * Closes school year `fromYear` (2026 for 2026–2027). `editors` may still edit the archives (the
 * owner always can); everyone else is stopped, not merely warned: last year's figures are evidence
 * for reports and inspections, and a warning is clicked through in a second.
 */
export function rollOverYear(ss: Spreadsheet, fromYear: number, editors: readonly string[]): RolloverResult {
  const period = periodLabel(fromYear);
  const byName = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const archives = new Map<string, Sheet>();
  const archived: string[] = [];
  const found: string[] = [];
  for (const name of YEAR_SHEETS) {
    const sheet = byName.get(name);
    const base = archiveSheetName(name, fromYear);
    const nameOf = (n: number) => (n === 1 ? base : `${base} (${n})`);
    // An earlier run's archive carries its protection; a sheet of that name without it is someone's
    // copy (a curator's backup), kept as it is while the year goes beside it under the next free name.
    let n = 1;
    let earlier: Sheet | undefined;
    for (; byName.has(nameOf(n)); n++) {
      const candidate = byName.get(nameOf(n))!;
      if (!sheet || isArchive(candidate)) {
        earlier = candidate;
        break;
      }
    }
    if (earlier) {
      found.push(nameOf(n));
      archives.set(name, earlier);
      continue;
    }
    if (!sheet) continue;
    sheet.setName(nameOf(n));
    protectArchive(sheet, editors);
    archives.set(name, sheet);
    archived.push(nameOf(n));
  }

  const pairsSheet = archives.get(SHEETS.pairs);
  const pairs = pairsSheet ? readPairsOf(pairsSheet) : [];
  const banks = (['mentee', 'mentor'] as PersonKind[]).map((kind) => Bank.open(ss, kind));
  const withdrawn = new Set(
    banks.flatMap((b) =>
      b
        .entries()
        .filter((e) => e.status === WITHDRAWN_STATUS)
        .map((e) => e.id),
    ),
  );
  const going = continuingPairs(pairs, readMonitoringRecords(ss, period), withdrawn, isWorkingPair);

  carryPairs(ss, pairs, going, period);
  const programsSheet = archives.get(SHEETS.programs);
  const carried = programsSheet
    ? carryActivities(ss, readProgramRowsOf(programsSheet, ss.getSpreadsheetTimeZone()), going)
    : 0;
  const peopleReset = resetBanks(banks, pairs, going, period);
  return { period, archived, found, continuingPairs: going.size, carriedActivities: carried, peopleReset };
}

/** Whether a rollover closed school year `startYear`: its roadmap is one of the rollover's archives. */
export function closedByRollover(ss: Spreadsheet, startYear: number): boolean {
  const roadmap = ss.getSheetByName(archiveSheetName(SHEETS.roadmap, startYear));
  return roadmap !== null && isArchive(roadmap);
}

function isArchive(sheet: Sheet): boolean {
  return sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .some((p) => p.getDescription() === ARCHIVE_PROTECTION);
}

/** Read-only but for `editors` (and the owner): the year's sheets and, from the setup, its old roadmap. */
export function protectArchive(sheet: Sheet, editors: readonly string[]): void {
  const protection = sheet.protect().setDescription(ARCHIVE_PROTECTION);
  editorsOnly(protection, [...new Set(editors.map((e) => e.trim().toLowerCase()).filter(Boolean))]);
}

/**
 * Continuing pairs stand confirmed on the new «Пары и группы» (a pair already there is left alone); one
 * the check-in flagged says in its history that the final monitoring let it go on.
 */
function carryPairs(ss: Spreadsheet, pairs: readonly PairRow[], going: ReadonlySet<string>, period: string): void {
  const opened = openPairs(ss);
  const present = new Set(opened.rows.map((r) => r.id));
  const added = pairs
    .filter((p) => going.has(p.id) && !present.has(p.id))
    // A new year needs its own order and dates; the program link still leads to the program going on.
    .map((p): PairRow => ({
      ...p,
      status: CONFIRMED,
      history: p.status === CONFIRMED ? p.history : appendHistory(p.history ?? '', goesOnLine(period)),
      start: '',
      end: '',
      order: '',
      progress: '',
      sheetRow: undefined,
    }));
  if (added.length > 0) writePairs(ss, [...opened.rows, ...added], opened);
}

/**
 * Unfinished activities of continuing pairs go to the new «Программы» as «перенесено», a year later,
 * with nothing recorded yet; an activity already there (same program and id) is not added again.
 */
function carryActivities(ss: Spreadsheet, last: readonly ProgramRow[], going: ReadonlySet<string>): number {
  const now = readProgramRows(ss);
  const present = new Set(now.map((r) => `${r.programId}\n${r.id}`));
  const byProgram = new Map<string, ProgramRow[]>();
  for (const row of last) {
    if (!going.has(row.pairId) || row.archived || !unfinished(row.status) || !row.programId) continue;
    if (present.has(`${row.programId}\n${row.id}`)) continue;
    const carried: ProgramRow = {
      ...row,
      date: nextYearDay(row.date),
      status: POSTPONED,
      doneOn: '',
      evidence: '',
      sheetRow: undefined,
      badDates: undefined,
      monthCell: undefined,
    };
    byProgram.set(row.programId, [...(byProgram.get(row.programId) ?? []), carried]);
  }
  let count = 0;
  for (const [programId, rows] of byProgram) {
    writeProgram(ss, programId, [...now.filter((r) => r.programId === programId), ...rows]);
    count += rows.length;
  }
  return count;
}

/** Everyone stays; members of continuing pairs «в паре», everybody else «в банке» for the new pairing. */
function resetBanks(banks: Bank[], pairs: readonly PairRow[], going: ReadonlySet<string>, period: string): number {
  const pairsOf = new Map<string, string[]>();
  for (const p of pairs) {
    if (!isWorkingPair(p.status) || !p.id) continue;
    for (const id of [p.mentorId, ...p.menteeIds]) pairsOf.set(id, [...(pairsOf.get(id) ?? []), p.id]);
  }
  let count = 0;
  for (const bank of banks) {
    for (const entry of bank.entries()) {
      if (entry.status === WITHDRAWN_STATUS || hasYearLine(entry.history, period)) continue;
      const pairIds = pairsOf.get(entry.id) ?? [];
      bank.setStatus(entry.id, pairIds.some((id) => going.has(id)) ? IN_PAIR : IN_BANK);
      bank.setHistory(entry.id, appendHistory(entry.history, yearHistoryLine(period, pairIds, going)));
      count++;
    }
    bank.flush();
  }
  return count;
}

/** Parts of the setup message (Russian) about the closed year. */
export function describeRollover(r: RolloverResult): string[] {
  const parts: string[] = [];
  const names = (list: string[]) => list.map((n) => `«${n}»`).join(', ');
  if (r.archived.length)
    parts.push(`данные ${r.period} учебного года сохранены в архивных листах (только просмотр): ${names(r.archived)}`);
  if (r.found.length) parts.push(`архивные листы ${r.period} уже были созданы и не менялись: ${names(r.found)}`);
  if (r.peopleReset) parts.push(`в банках наставников и наставляемых обновлены статусы и история: ${r.peopleReset}`);
  if (r.continuingPairs) parts.push(`продолжают работу пар и групп: ${r.continuingPairs}`);
  if (r.carriedActivities) parts.push(`перенесено невыполненных мероприятий программ: ${r.carriedActivities}`);
  return parts;
}
