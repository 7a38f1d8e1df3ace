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
import { styleNewTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DONE: ActivityStatus = 'выполнено';
export const CANCELLED: ActivityStatus = 'отменено';
/** «Архив» of a program whose pair was dissolved: its rows stay, with their history. */
export const ARCHIVED = 'да';

export const PROGRAM_COLUMNS = {
  program: 'ID программы',
  pair: 'Пара/группа',
  month: 'Месяц',
  date: 'Дата',
  id: 'ID мероприятия',
  title: 'Мероприятие',
  kind: 'Вид',
  competence: 'Запрос',
  result: 'Ожидаемый результат',
  reporting: 'Форма отчётности',
  responsible: 'Ответственный',
  status: 'Статус',
  doneOn: 'Дата выполнения',
  evidence: 'Подтверждение (ссылка)',
  archived: 'Архив',
} as const;
const C = PROGRAM_COLUMNS;

export const PROGRAMS_TABLE: TableSpec = {
  sheetName: SHEETS.programs,
  columns: [
    { header: C.program, width: 90 },
    { header: C.pair, width: 80 },
    { header: C.month, width: 110 },
    { header: C.date, width: 95, numberFormat: 'dd.mm.yyyy' },
    { header: C.id, width: 70 },
    { header: C.title, width: 340, wrap: true, numberFormat: '@' },
    { header: C.kind, width: 170, wrap: true },
    { header: C.competence, width: 220, wrap: true, numberFormat: '@' },
    { header: C.result, width: 240, wrap: true, numberFormat: '@' },
    { header: C.reporting, width: 170, wrap: true, numberFormat: '@' },
    { header: C.responsible, width: 200, wrap: true, numberFormat: '@' },
    { header: C.status, width: 120 },
    { header: C.doneOn, width: 100, numberFormat: 'dd.mm.yyyy' },
    { header: C.evidence, width: 200 },
    { header: C.archived, width: 60 },
  ],
};

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

function rowOf(table: Table, r: number, day: (v: unknown) => DayCell): ProgramRow {
  const badDates: NonNullable<ProgramRow['badDates']> = [];
  const read = (column: string) => {
    const cell = table.get(r, column);
    const { iso, problem } = day(cell);
    if (problem) badDates.push({ column, cell, problem });
    return iso;
  };
  return {
    programId: table.text(r, C.program),
    pairId: table.text(r, C.pair),
    id: table.text(r, C.id),
    date: read(C.date),
    title: table.text(r, C.title),
    kind: table.text(r, C.kind),
    competence: table.text(r, C.competence),
    expectedResult: table.text(r, C.result),
    reporting: table.text(r, C.reporting),
    responsible: table.text(r, C.responsible),
    status: statusOf(table.text(r, C.status)),
    doneOn: read(C.doneOn),
    evidence: table.text(r, C.evidence),
    archived: table.text(r, C.archived) === ARCHIVED,
    sheetRow: r + 2,
    ...(badDates.length > 0 ? { badDates } : {}),
    ...(badDates.some((b) => b.column === C.date) ? { monthCell: table.get(r, C.month) } : {}),
  };
}

/** Every activity row (blank rows left out), read once. */
export function readProgramRows(ss: Spreadsheet): ProgramRow[] {
  const table = Table.read(ss, PROGRAMS_TABLE);
  if (!table) return [];
  const day = dayCellReader(ss.getSpreadsheetTimeZone());
  return table.rows.map((_, r) => rowOf(table, r, day)).filter((row) => row.programId !== '' || row.title !== '');
}

function openTable(ss: Spreadsheet): Table {
  const { table, created } = Table.ensure(ss, PROGRAMS_TABLE);
  if (created) {
    const sheet = table.sheet;
    styleNewTable(table, { header: C.status, values: ACTIVITY_STATUSES });
    const body = sheet.getRange(2, 1, sheet.getMaxRows() - 1, PROGRAMS_TABLE.columns.length);
    const status = table.letter(C.status);
    const date = table.letter(C.date);
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
    const cells: Array<[string, unknown]> = row
      ? [
          [C.program, row.programId],
          [C.pair, row.pairId],
          [C.month, kept(row, C.date) ? row.monthCell : row.date ? monthLabel(row.date) : ''],
          [C.date, dateCell(row, C.date, row.date)],
          [C.id, row.id],
          [C.title, safeText(row.title)],
          [C.kind, safeText(row.kind)],
          [C.competence, safeText(row.competence)],
          [C.result, safeText(row.expectedResult)],
          [C.reporting, safeText(row.reporting)],
          [C.responsible, safeText(row.responsible)],
          [C.status, row.status],
          [C.doneOn, dateCell(row, C.doneOn, row.doneOn)],
          [C.evidence, safeText(row.evidence)],
          [C.archived, row.archived ? ARCHIVED : ''],
        ]
      : PROGRAMS_TABLE.columns.map((c) => [c.header, ''] as [string, unknown]);
    for (const [header, value] of cells) {
      if (!sameCell(table.get(r, header), value)) table.set(r, header, value);
    }
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
    if (!table.text(r, C.pair)) return;
    const want = dissolvedPairs.has(table.text(r, C.pair)) ? ARCHIVED : '';
    if (table.text(r, C.archived) !== want) table.set(r, C.archived, want);
    if (statusOf(table.text(r, C.status)) === DONE && table.text(r, C.doneOn) === '') table.set(r, C.doneOn, today);
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
      table.text(i, C.pair) === mark.pairId &&
      table.text(i, C.id).toUpperCase() === mark.activityId.toUpperCase() &&
      table.text(i, C.archived) !== ARCHIVED,
  );
  if (r < 0) return false;
  const status = statusOf(table.text(r, C.status));
  if (status === DONE || status === CANCELLED) return true;
  table.set(r, C.status, DONE);
  table.set(r, C.doneOn, toCell(mark.doneOn));
  if (table.text(r, C.evidence) === '') table.set(r, C.evidence, safeText(mark.evidence));
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
    if (!pairIds.includes(table.text(r, C.pair))) return;
    const before = table.text(r, C.responsible);
    const after = wanted.reduce((text, name) => text.split(name).join(replacement), before);
    if (after === before) return;
    table.set(r, C.responsible, safeText(after));
    changed++;
  });
  table.flush();
  return changed;
}
