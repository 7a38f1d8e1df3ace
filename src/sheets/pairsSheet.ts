import { safeText } from './cells';
import { normalizeHeader } from './headers';
import { SHEETS } from './schema';
import { defineTable } from './defineTable';
import { ensureTable, styleNewTable, Table, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Statuses of a pair or group: a proposal is replaced by the next save; a confirmed one is kept. */
export const PAIR_STATUSES = ['предложено', 'утверждено', 'расформировано', 'требует внимания'] as const;
export const PROPOSED = 'предложено';
export const CONFIRMED = 'утверждено';
export const DISSOLVED = 'расформировано';
/** A confirmed pair the mid-year check-in flagged: it keeps working (program, documents) until dissolved. */
export const NEEDS_ATTENTION = 'требует внимания';

/** A pair at work: confirmed, or confirmed and flagged by the check-in. */
export const isWorkingPair = (status: string): boolean => status === CONFIRMED || status === NEEDS_ATTENTION;

export const PAIRS_TABLE = defineTable(SHEETS.pairs, {
  id: { header: 'ID', width: 70 },
  kind: { header: 'Вид', width: 70 },
  mentor: { header: 'Наставник', width: 200, numberFormat: '@' },
  mentorId: { header: 'ID наставника', width: 90 },
  mentees: { header: 'Наставляемые', width: 260, wrap: true, numberFormat: '@' },
  menteeIds: { header: 'ID наставляемых', width: 120, wrap: true },
  form: { header: 'Форма', width: 120 },
  score: { header: 'Совпадение', width: 90 },
  reasons: { header: 'Обоснование', width: 320, wrap: true, numberFormat: '@' },
  start: { header: 'Начало', width: 95, numberFormat: 'dd.mm.yyyy' },
  end: { header: 'Окончание', width: 95, numberFormat: 'dd.mm.yyyy' },
  status: { header: 'Статус', width: 110, dropdown: PAIR_STATUSES },
  program: { header: 'Программа (ссылка)', width: 180 },
  progress: { header: 'Выполнение программы, %', width: 110 },
  order: { header: 'Приказ (ссылка)', width: 180 },
  history: { header: 'История', width: 260, wrap: true, numberFormat: '@' },
});
type PairsTable = TableOf<typeof PAIRS_TABLE>;
const C = PAIRS_TABLE.headers;

export interface PairRow {
  id: string;
  kind: 'пара' | 'группа';
  mentorId: string;
  mentorName: string;
  menteeIds: string[];
  menteeNames: string[];
  score: number;
  reasons: string;
  /** Dates as cell values (Date at midnight in the spreadsheet's time zone). */
  start: unknown;
  end: unknown;
  status: string;
  program: string;
  /** Share of the program's activities done, «0»–«100»; '' without a program. */
  progress: string;
  order: string;
  /** Dated notes: the check-in's flag, the dissolution (who, when, why); '' when none. */
  history?: string;
  /** The row on the sheet (1-based) it was read from; absent for a row not written yet. */
  sheetRow?: number;
}

/** The pair's «История» with one more line (kept whole: it is the pair's record). */
export const withHistoryLine = (history: string | undefined, line: string): string =>
  [history, line].filter(Boolean).join('\n');

/** Column headers of «Пары и группы» that messages name. */
export const PAIR_DATE_COLUMNS = { start: C.start, end: C.end } as const;

const SEPARATOR = '; ';

/** «Пары и группы» read once: every non-blank row as a PairRow. */
export function readPairs(ss: Spreadsheet): PairRow[] {
  const table = Table.read(ss, PAIRS_TABLE);
  return table ? pairRows(table) : [];
}

/** Rows of a sheet laid out as «Пары и группы» (an archived year's copy, say). */
export function readPairsOf(sheet: Sheet): PairRow[] {
  return pairRows(Table.readSheet(sheet, PAIRS_TABLE));
}

/** The sheet about to be rewritten: created or repaired if need be, read once, for readPairs' rows and writePairs. */
export interface OpenPairs {
  table: PairsTable;
  created: boolean;
  rows: PairRow[];
}

/**
 * «Пары и группы», made by «Настроить учебный год…» (empty until the first «Сохранить»): creating and
 * dressing a sheet costs more service calls than the whole save, so the save finds it made.
 */
export function ensurePairsTable(ss: Spreadsheet): PairsTable {
  return ensureTable(ss, PAIRS_TABLE);
}

/** «Пары и группы» opened for a rewrite (Table.ensure): writePairs then writes without reading it again. */
export function openPairs(ss: Spreadsheet): OpenPairs {
  const { table, created } = Table.ensure(ss, PAIRS_TABLE);
  return { table, created, rows: pairRows(table) };
}

function pairRows(table: PairsTable): PairRow[] {
  const list = (text: string) =>
    text
      ? text
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  return (
    table.rows
      .map((_, r) => ({
        id: table.text(r, 'id'),
        kind: table.text(r, 'kind') === 'группа' ? ('группа' as const) : ('пара' as const),
        mentorId: table.text(r, 'mentorId'),
        mentorName: table.text(r, 'mentor'),
        menteeIds: list(table.text(r, 'menteeIds')),
        menteeNames: list(table.text(r, 'mentees')),
        score: Number(table.get(r, 'score')) || 0,
        reasons: table.text(r, 'reasons'),
        start: table.get(r, 'start'),
        end: table.get(r, 'end'),
        status: table.text(r, 'status'),
        program: table.text(r, 'program'),
        progress: table.text(r, 'progress'),
        order: table.text(r, 'order'),
        history: table.text(r, 'history'),
        sheetRow: r + 2,
      }))
      // Blank rows are dropped; a row staff typed without a mentor id is kept, so a save never loses it.
      .filter((row) => row.mentorId !== '' || row.id !== '' || row.mentorName !== '' || row.menteeNames.length > 0)
  );
}

/**
 * Rewrites «Пары и группы» with `rows` in one batch: the add-on's columns of every data row are
 * written (rows beyond the new list are blanked), so saving again never duplicates. `opened` is the
 * sheet as openPairs read it in this execution (not read again); returns the sheet.
 */
export function writePairs(
  ss: Spreadsheet,
  rows: readonly PairRow[],
  opened: Omit<OpenPairs, 'rows'> = Table.ensure(ss, PAIRS_TABLE),
): Sheet {
  const { table, created } = opened;
  const height = Math.max(table.rows.length, rows.length);
  while (table.rows.length < height) table.append();
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    if (!row) {
      table.clear(r);
      continue;
    }
    const cells = {
      id: row.id,
      kind: row.kind,
      mentor: safeText(row.mentorName),
      mentorId: row.mentorId,
      mentees: safeText(row.menteeNames.join(SEPARATOR)),
      menteeIds: row.menteeIds.join(SEPARATOR),
      form: row.kind === 'группа' ? 'групповая' : 'индивидуальная',
      score: row.score,
      reasons: safeText(row.reasons),
      start: row.start ?? '',
      end: row.end ?? '',
      status: row.status,
      program: safeText(row.program),
      progress: row.progress,
      order: safeText(row.order),
      history: safeText(row.history ?? ''),
    };
    table.assign(r, cells, (current, value) => String(current ?? '') === String(value));
  }
  table.flush();
  if (created) styleNewTable(table);
  return table.sheet;
}

/**
 * Consent withdrawn: the people's names in «Пары и группы» become `replacement` (ids stay, so the
 * history of a pair still adds up). One read and one write, however many rows.
 */
export function anonymizeInPairs(ss: Spreadsheet, ids: readonly string[], replacement: string): void {
  if (ids.length === 0 || !ss.getSheetByName(SHEETS.pairs)) return;
  const gone = new Set(ids);
  const rows = readPairs(ss).map((row) => ({
    ...row,
    mentorName: gone.has(row.mentorId) ? replacement : row.mentorName,
    menteeNames: row.menteeIds.map((id, i) => (gone.has(id) ? replacement : (row.menteeNames[i] ?? ''))),
  }));
  writePairs(ss, rows);
}

/** Sets one column of the pairs named in `values` (pair id → value); one read, one write. */
export function setPairCells(
  ss: Spreadsheet,
  column: 'order' | 'program' | 'progress',
  values: Map<string, string>,
): void {
  if (values.size === 0) return;
  const table = Table.ensure(ss, PAIRS_TABLE).table;
  table.rows.forEach((_, r) => {
    const value = values.get(table.text(r, 'id'));
    if (value !== undefined && table.text(r, column) !== value) table.set(r, column, value);
  });
  table.flush();
}

/** A bank's people as the pairs refer to them: full name (normalizeHeader) → every id with that name. */
export type IdsByName = Map<string, string[]>;

/**
 * Fills the empty «ID наставника» / «ID наставляемых» of «Пары и группы» from the names beside them
 * (a column staff deleted comes back empty): a name gives its id only when exactly one person of the
 * bank has it. Returns the pairs whose ids could not be found, Russian, naming the row.
 */
export function fillPairIds(ss: Spreadsheet, mentors: IdsByName, mentees: IdsByName): string[] {
  const table = Table.read(ss, PAIRS_TABLE);
  if (!table) return [];
  const unique = (people: IdsByName, name: string) => {
    const ids = people.get(normalizeHeader(name)) ?? [];
    return ids.length === 1 ? ids[0] : '';
  };
  const unresolved: string[] = [];
  table.rows.forEach((_, r) => {
    const label = `строка ${r + 2}${table.text(r, 'id') ? ` (${table.text(r, 'id')})` : ''}`;
    const mentorName = table.text(r, 'mentor');
    if (table.text(r, 'mentorId') === '' && mentorName !== '') {
      const id = unique(mentors, mentorName);
      if (id) table.set(r, 'mentorId', id);
      else unresolved.push(`${label}, столбец «${C.mentorId}»`);
    }
    const names = table
      .text(r, 'mentees')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    if (table.text(r, 'menteeIds') === '' && names.length > 0) {
      const ids = names.map((name) => unique(mentees, name));
      if (ids.every(Boolean)) table.set(r, 'menteeIds', ids.join(SEPARATOR));
      else unresolved.push(`${label}, столбец «${C.menteeIds}»`);
    }
  });
  table.flush();
  return unresolved;
}
