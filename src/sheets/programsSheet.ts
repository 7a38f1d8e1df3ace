/**
 * «Программы»: one row per activity of every personalized program. Staff mark progress here
 * (status, date done, evidence); the sidebar rewrites one program at a time with one read and one
 * write, whatever the program's size.
 */
import { ACTIVITY_STATUSES, activityMonth, type ActivityStatus, type ProgramActivity } from '../domain/programs';
import { readJsonProperty, writeJsonProperty } from '../state/store';
import { cellPlace, dayCellReader, isoDayWriter, safeText, type DayCell } from './cells';
import { SHEETS } from './schema';
import { COLORS } from './colors';
import { defineTable } from './defineTable';
import { styleNewTable, Table, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DONE: ActivityStatus = 'выполнено';
export const CANCELLED: ActivityStatus = 'отменено';
/** «Архив» of a program whose pair was dissolved: its rows stay, with their history. */
export const ARCHIVED = 'да';

export const PROGRAMS_TABLE = defineTable(SHEETS.programs, {
  program: { header: 'ID программы', width: 90 },
  pair: { header: 'Пара/группа', width: 80 },
  month: { header: 'Месяц', width: 110 },
  date: { header: 'Дата', width: 95, numberFormat: 'dd.mm.yyyy' },
  id: { header: 'ID мероприятия', width: 70 },
  title: { header: 'Мероприятие', width: 340, wrap: true, numberFormat: '@' },
  kind: { header: 'Вид', width: 170, wrap: true },
  competence: { header: 'Запрос', width: 220, wrap: true, numberFormat: '@' },
  result: { header: 'Ожидаемый результат', width: 240, wrap: true, numberFormat: '@' },
  reporting: { header: 'Форма отчётности', width: 170, wrap: true, numberFormat: '@' },
  responsible: { header: 'Ответственный', width: 200, wrap: true, numberFormat: '@' },
  status: { header: 'Статус', width: 120, dropdown: ACTIVITY_STATUSES },
  doneOn: { header: 'Дата выполнения', width: 100, numberFormat: 'dd.mm.yyyy' },
  evidence: { header: 'Подтверждение (ссылка)', width: 200 },
  archived: { header: 'Архив', width: 60 },
});
type ProgramsTable = TableOf<typeof PROGRAMS_TABLE>;
/** Headers of «Программы», for messages that name a column. */
export const PROGRAM_COLUMNS = PROGRAMS_TABLE.headers;
const C = PROGRAM_COLUMNS;

/** «2026-10-14» → «октябрь 2026» (the «Месяц» column and the program document). */
export const monthLabel = activityMonth;

export interface ProgramRow extends ProgramActivity {
  programId: string;
  pairId: string;
  doneOn: string;
  evidence: string;
  archived: boolean;
  /** The row on the sheet (1-based) it was read from; absent for a row not written yet. */
  sheetRow?: number;
  /**
   * Date cells that hold no real day («31.04.2027», «скоро»), by column header, as the cell holds
   * them: written back untouched (staff fix them, the add-on never guesses), and named in messages.
   */
  badDates?: Array<{ column: string; cell: unknown; problem: string }>;
  /** The «Месяц» cell as it was, kept beside a «Дата» that holds no real day. */
  monthCell?: unknown;
}

/** «лист «Программы», строка 5, столбец «Дата»: «31.04.2027» — такой даты нет в календаре» for each bad cell. */
export function badDateNotes(row: ProgramRow, sheetRow = row.sheetRow ?? 0): string[] {
  return (row.badDates ?? []).map((b) => `${cellPlace(SHEETS.programs, sheetRow, b.column)}: ${b.problem}`);
}

function statusOf(value: string): ActivityStatus {
  const v = value.trim().toLowerCase();
  return (ACTIVITY_STATUSES as readonly string[]).includes(v) ? (v as ActivityStatus) : 'запланировано';
}

function rowOf(table: ProgramsTable, r: number, day: (v: unknown) => DayCell): ProgramRow {
  const badDates: NonNullable<ProgramRow['badDates']> = [];
  const read = (key: 'date' | 'doneOn') => {
    const cell = table.get(r, key);
    const { iso, problem } = day(cell);
    if (problem) badDates.push({ column: C[key], cell, problem });
    return iso;
  };
  return {
    programId: table.text(r, 'program'),
    pairId: table.text(r, 'pair'),
    id: table.text(r, 'id'),
    date: read('date'),
    title: table.text(r, 'title'),
    kind: table.text(r, 'kind'),
    competence: table.text(r, 'competence'),
    expectedResult: table.text(r, 'result'),
    reporting: table.text(r, 'reporting'),
    responsible: table.text(r, 'responsible'),
    status: statusOf(table.text(r, 'status')),
    doneOn: read('doneOn'),
    evidence: table.text(r, 'evidence'),
    archived: table.text(r, 'archived') === ARCHIVED,
    sheetRow: r + 2,
    ...(badDates.length > 0 ? { badDates } : {}),
    ...(badDates.some((b) => b.column === C.date) ? { monthCell: table.get(r, 'month') } : {}),
  };
}

/** Every activity row (blank rows left out), read once. */
export function readProgramRows(ss: Spreadsheet): ProgramRow[] {
  const table = Table.read(ss, PROGRAMS_TABLE);
  if (!table) return [];
  const day = dayCellReader(ss.getSpreadsheetTimeZone());
  return table.rows.map((_, r) => rowOf(table, r, day)).filter((row) => row.programId !== '' || row.title !== '');
}

/** Rows of a sheet laid out as «Программы» (an archived year's copy, say). */
export function readProgramRowsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): ProgramRow[] {
  const table = Table.readSheet(sheet, PROGRAMS_TABLE);
  const day = dayCellReader(timeZone);
  return table.rows.map((_, r) => rowOf(table, r, day)).filter((row) => row.programId !== '' || row.title !== '');
}

function openTable(ss: Spreadsheet): ProgramsTable {
  const { table, created } = Table.ensure(ss, PROGRAMS_TABLE);
  if (created) {
    const sheet = table.sheet;
    styleNewTable(table);
    const body = sheet.getRange(2, 1, sheet.getMaxRows() - 1, PROGRAMS_TABLE.columns.length);
    const status = table.letter('status');
    const date = table.letter('date');
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=$${status}2="${DONE}"`)
        .setBackground(COLORS.done)
        .setFontColor(COLORS.doneText)
        .setRanges([body])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=$${status}2="${CANCELLED}"`)
        .setFontColor(COLORS.doneText)
        .setStrikethrough(true)
        .setRanges([body])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(
          `=AND($${date}2<>"",$${date}2<TODAY(),$${status}2<>"${DONE}",$${status}2<>"${CANCELLED}")`,
        )
        .setBackground(COLORS.overdue)
        .setFontColor(COLORS.overdueText)
        .setRanges([body])
        .build(),
    ]);
  }
  return table;
}

/**
 * Writes one program: its rows replaced by `rows` (in order), every other program's rows kept as
 * they are, in one batch. What staff recorded for an activity (status, date done, evidence) comes
 * from the sheet, never from the sidebar, so a stale sidebar cannot undo a mark. Returns a note
 * (Russian) for each date cell of this program that holds no real day and was left as it was.
 */
export function writeProgram(ss: Spreadsheet, programId: string, rows: readonly ProgramRow[]): string[] {
  const table = openTable(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const day = dayCellReader(timeZone);
  const toCell = isoDayWriter(timeZone);
  const existing = table.rows.map((_, r) => rowOf(table, r, day));
  const marks = new Map(existing.filter((e) => e.programId === programId && e.id).map((e) => [e.id, e]));
  const others = existing.filter((e) => e.programId !== programId && (e.programId !== '' || e.title !== ''));
  // Other programs first, in their order; this program at the place of its first row (or at the end).
  const firstAt = existing.findIndex((e) => e.programId === programId);
  const before = firstAt < 0 ? others : others.filter((e) => existing.indexOf(e) < firstAt);
  const after = firstAt < 0 ? [] : others.filter((e) => existing.indexOf(e) > firstAt);
  const merged = rows.map((row) => {
    const mark = marks.get(row.id);
    return mark ? { ...row, status: mark.status, doneOn: mark.doneOn, evidence: mark.evidence } : row;
  });
  const all = [...before, ...merged, ...after];
  // A cell that holds no real day is written back as it was, and so is the month beside it.
  const kept = (row: ProgramRow, column: string) => row.badDates?.find((b) => b.column === column);
  const dateCell = (row: ProgramRow, column: string, iso: string) => {
    const bad = kept(row, column);
    return bad ? bad.cell : toCell(iso);
  };
  while (table.rows.length < all.length) table.append();
  for (let r = 0; r < table.rows.length; r++) {
    const row = all[r];
    if (!row) {
      table.clear(r);
      continue;
    }
    const cells = {
      program: row.programId,
      pair: row.pairId,
      month: kept(row, C.date) ? (row.monthCell ?? '') : row.date ? monthLabel(row.date) : '',
      date: dateCell(row, C.date, row.date),
      id: row.id,
      title: safeText(row.title),
      kind: safeText(row.kind),
      competence: safeText(row.competence),
      result: safeText(row.expectedResult),
      reporting: safeText(row.reporting),
      responsible: safeText(row.responsible),
      status: row.status,
      doneOn: dateCell(row, C.doneOn, row.doneOn),
      evidence: safeText(row.evidence),
      archived: row.archived ? ARCHIVED : '',
    };
    table.assign(r, cells, sameCell);
  }
  table.flush();
  // The program's rows whose dates staff must fix, at the rows they now stand on.
  return all.flatMap((row, r) => (row.programId === programId ? badDateNotes(row, r + 2) : []));
}

function sameCell(current: unknown, next: unknown): boolean {
  if (current instanceof Date || next instanceof Date) {
    return current instanceof Date && next instanceof Date && current.getTime() === next.getTime();
  }
  return String(current ?? '') === String(next ?? '');
}

/**
 * After staff edits: programs of dissolved pairs marked archived (rows and history kept, un-archived
 * if the pair comes back), and a «выполнено» without a date gets today's. One read, one write.
 */
export function tidyPrograms(ss: Spreadsheet, dissolvedPairs: ReadonlySet<string>, today: Date | ''): void {
  const table = Table.read(ss, PROGRAMS_TABLE);
  if (!table) return;
  table.rows.forEach((_, r) => {
    if (!table.text(r, 'pair')) return;
    const want = dissolvedPairs.has(table.text(r, 'pair')) ? ARCHIVED : '';
    if (table.text(r, 'archived') !== want) table.set(r, 'archived', want);
    if (statusOf(table.text(r, 'status')) === DONE && table.text(r, 'doneOn') === '') table.set(r, 'doneOn', today);
  });
  table.flush();
}

/**
 * A reported meeting covered a program activity: the pair's live activity with that id becomes
 * «выполнено» with the meeting's date and the evidence, unless it is done or cancelled already.
 * Returns false when the pair has no such activity (the report is still kept on «Встречи»).
 */
export function markProgramActivityDone(
  ss: Spreadsheet,
  mark: { pairId: string; activityId: string; doneOn: string; evidence: string },
): boolean {
  const table = Table.read(ss, PROGRAMS_TABLE);
  if (!table || !mark.activityId) return false;
  const toCell = isoDayWriter(ss.getSpreadsheetTimeZone());
  const r = table.rows.findIndex(
    (_, i) =>
      table.text(i, 'pair') === mark.pairId &&
      table.text(i, 'id').toUpperCase() === mark.activityId.toUpperCase() &&
      table.text(i, 'archived') !== ARCHIVED,
  );
  if (r < 0) return false;
  const status = statusOf(table.text(r, 'status'));
  if (status === DONE || status === CANCELLED) return true;
  table.set(r, 'status', DONE);
  table.set(r, 'doneOn', toCell(mark.doneOn));
  if (table.text(r, 'evidence') === '') table.set(r, 'evidence', safeText(mark.evidence));
  table.flush();
  return true;
}

/** A program's goals and tasks: texts kept with the add-on's state (one value per program; no 9 KB limit there). */
export interface ProgramTexts {
  goals: string[];
  tasks: string[];
}

const textsKey = (programId: string) => `programTexts:${programId}`;

export function readProgramTexts(programId: string): ProgramTexts {
  const parsed = readJsonProperty<Partial<ProgramTexts> | null>(textsKey(programId), null) ?? {};
  return { goals: parsed.goals ?? [], tasks: parsed.tasks ?? [] };
}

export function writeProgramTexts(programId: string, texts: ProgramTexts): void {
  writeJsonProperty(textsKey(programId), texts);
}

/**
 * Consent withdrawn: in the programs of the pairs the people belonged to, their names in
 * «Ответственный» become `replacement` (the activity keeps who was meant by role). One read, one write.
 */
export function anonymizeInPrograms(
  ss: Spreadsheet,
  pairIds: readonly string[],
  names: readonly string[],
  replacement: string,
): number {
  const table = Table.read(ss, PROGRAMS_TABLE);
  const wanted = names.map((n) => n.trim()).filter(Boolean);
  if (!table || pairIds.length === 0 || wanted.length === 0) return 0;
  let changed = 0;
  table.rows.forEach((_, r) => {
    if (!pairIds.includes(table.text(r, 'pair'))) return;
    const before = table.text(r, 'responsible');
    const after = wanted.reduce((text, name) => text.split(name).join(replacement), before);
    if (after === before) return;
    table.set(r, 'responsible', safeText(after));
    changed++;
  });
  table.flush();
  return changed;
}
