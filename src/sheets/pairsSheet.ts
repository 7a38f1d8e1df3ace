import { safeText } from './cells';
import { normalizeHeader } from './headers';
import { SHEETS } from './schema';
import { ensureTable, styleNewTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Statuses of a pair or group: a proposal is replaced by the next save; a confirmed one is kept. */
export const PAIR_STATUSES = ['предложено', 'утверждено', 'расформировано'] as const;
export const PROPOSED = 'предложено';
export const CONFIRMED = 'утверждено';

const C = {
  id: 'ID',
  kind: 'Вид',
  mentor: 'Наставник',
  mentorId: 'ID наставника',
  mentees: 'Наставляемые',
  menteeIds: 'ID наставляемых',
  form: 'Форма',
  score: 'Совпадение',
  reasons: 'Обоснование',
  start: 'Начало',
  end: 'Окончание',
  status: 'Статус',
  program: 'Программа (ссылка)',
  progress: 'Выполнение программы, %',
  order: 'Приказ (ссылка)',
} as const;

export const PAIRS_TABLE: TableSpec = {
  sheetName: SHEETS.pairs,
  columns: [
    { header: C.id, width: 70 },
    { header: C.kind, width: 70 },
    { header: C.mentor, width: 200, numberFormat: '@' },
    { header: C.mentorId, width: 90 },
    { header: C.mentees, width: 260, wrap: true, numberFormat: '@' },
    { header: C.menteeIds, width: 120, wrap: true },
    { header: C.form, width: 120 },
    { header: C.score, width: 90 },
    { header: C.reasons, width: 320, wrap: true, numberFormat: '@' },
    { header: C.start, width: 95, numberFormat: 'dd.mm.yyyy' },
    { header: C.end, width: 95, numberFormat: 'dd.mm.yyyy' },
    { header: C.status, width: 110 },
    { header: C.program, width: 180 },
    { header: C.progress, width: 110 },
    { header: C.order, width: 180 },
  ],
};

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
  /** The row on the sheet (1-based) it was read from; absent for a row not written yet. */
  sheetRow?: number;
}

/** Column headers of «Пары и группы» that messages name. */
export const PAIR_DATE_COLUMNS = { start: C.start, end: C.end } as const;

const SEPARATOR = '; ';

/** «Пары и группы» read once: every non-blank row as a PairRow. */
export function readPairs(ss: Spreadsheet): PairRow[] {
  const table = Table.read(ss, PAIRS_TABLE);
  return table ? pairRows(table) : [];
}

/** The sheet about to be rewritten: created or repaired if need be, read once, for readPairs' rows and writePairs. */
export interface OpenPairs {
  table: Table;
  created: boolean;
  rows: PairRow[];
}

/**
 * «Пары и группы», made by «Настроить учебный год…» (empty until the first «Сохранить»): creating and
 * dressing a sheet costs more service calls than the whole save, so the save finds it made.
 */
export function ensurePairsTable(ss: Spreadsheet): Table {
  return ensureTable(ss, PAIRS_TABLE, { header: C.status, values: PAIR_STATUSES });
}

/** «Пары и группы» opened for a rewrite (Table.ensure): writePairs then writes without reading it again. */
export function openPairs(ss: Spreadsheet): OpenPairs {
  const { table, created } = Table.ensure(ss, PAIRS_TABLE);
  return { table, created, rows: pairRows(table) };
}

function pairRows(table: Table): PairRow[] {
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
        id: table.text(r, C.id),
        kind: table.text(r, C.kind) === 'группа' ? ('группа' as const) : ('пара' as const),
        mentorId: table.text(r, C.mentorId),
        mentorName: table.text(r, C.mentor),
        menteeIds: list(table.text(r, C.menteeIds)),
        menteeNames: list(table.text(r, C.mentees)),
        score: Number(table.get(r, C.score)) || 0,
        reasons: table.text(r, C.reasons),
        start: table.get(r, C.start),
        end: table.get(r, C.end),
        status: table.text(r, C.status),
        program: table.text(r, C.program),
        progress: table.text(r, C.progress),
        order: table.text(r, C.order),
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
    const cells: Record<string, unknown> = row
      ? {
          [C.id]: row.id,
          [C.kind]: row.kind,
          [C.mentor]: safeText(row.mentorName),
          [C.mentorId]: row.mentorId,
          [C.mentees]: safeText(row.menteeNames.join(SEPARATOR)),
          [C.menteeIds]: row.menteeIds.join(SEPARATOR),
          [C.form]: row.kind === 'группа' ? 'групповая' : 'индивидуальная',
          [C.score]: row.score,
          [C.reasons]: safeText(row.reasons),
          [C.start]: row.start,
          [C.end]: row.end,
          [C.status]: row.status,
          [C.program]: safeText(row.program),
          [C.progress]: row.progress,
          [C.order]: safeText(row.order),
        }
      : Object.fromEntries(PAIRS_TABLE.columns.map((c) => [c.header, '']));
    for (const [header, value] of Object.entries(cells)) {
      if (String(table.get(r, header) ?? '') !== String(value)) table.set(r, header, value);
    }
  }
  table.flush();
  if (created) {
    styleNewTable(table, { header: C.status, values: PAIR_STATUSES });
  }
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
  const header = C[column];
  table.rows.forEach((_, r) => {
    const value = values.get(table.text(r, C.id));
    if (value !== undefined && table.text(r, header) !== value) table.set(r, header, value);
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
    const label = `строка ${r + 2}${table.text(r, C.id) ? ` (${table.text(r, C.id)})` : ''}`;
    const mentorName = table.text(r, C.mentor);
    if (table.text(r, C.mentorId) === '' && mentorName !== '') {
      const id = unique(mentors, mentorName);
      if (id) table.set(r, C.mentorId, id);
      else unresolved.push(`${label}, столбец «${C.mentorId}»`);
    }
    const names = table
      .text(r, C.mentees)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    if (table.text(r, C.menteeIds) === '' && names.length > 0) {
      const ids = names.map((name) => unique(mentees, name));
      if (ids.every(Boolean)) table.set(r, C.menteeIds, ids.join(SEPARATOR));
      else unresolved.push(`${label}, столбец «${C.menteeIds}»`);
    }
  });
  table.flush();
  return unresolved;
}
