import type { KeyOf, TableSpec } from './defineTable';
import { columnLetter, mapHeaders, type ColumnSpec } from './headers';
import { COLORS } from './colors';
import { UserError } from '../domain/userError';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Spare rows added when a table outgrows its sheet. */
const GROWTH_ROWS = 100;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A spec column staff had renamed, named back: `column` is 1-based, `from` what staff had typed. */
export interface RenamedColumn {
  column: number;
  from: string;
  to: string;
}

export type { TableSpec } from './defineTable';

/** The Table of a declared table: `TableOf<typeof PAIRS_TABLE>`. */
export type TableOf<D> = Table<KeyOf<D>>;

/** The table's sheet, a sheet under a former name renamed to the current one; null when neither exists. */
function tableSheet(ss: Spreadsheet, spec: TableSpec): Sheet | null {
  const sheet = ss.getSheetByName(spec.sheetName);
  if (sheet) return sheet;
  for (const name of spec.formerNames ?? []) {
    const former = ss.getSheetByName(name);
    if (former) return former.setName(spec.sheetName);
  }
  return null;
}

/** A spec column staff deleted or renamed, in words they can act on. */
export function missingColumn(sheetName: string, header: string): UserError {
  return new UserError(
    `На листе «${sheetName}» нет столбца «${header}». Запустите «Настроить учебный год…», чтобы восстановить его.`,
  );
}

/**
 * A sheet used as a table: header row 1, one record per row below, columns found by header name.
 * Reads the whole sheet's values once and writes back only the cells it changed, in one setValues per
 * contiguous run of changed columns (one setValues for one changed record, one appendRow for a single
 * new record at the end) — so the number of service calls does not grow with the number of rows, and
 * columns the add-on does not own are never changed. Unchanged cells inside a written block are written
 * back as they are (formulas as formulas, read only then).
 */
export class Table<K extends string> {
  /** 0-based sheet column of each spec column (same order as spec.columns). */
  private readonly positions: number[];
  /** Index in spec.columns of each field. */
  private readonly indexOf = new Map<string, number>();
  private readonly dirty: boolean[][];
  /** The sheet's row count once flush has asked for it. */
  private maxRows?: number;
  /** How many data rows the sheet has (read, or inserted by insertAfter): rows past it are new. */
  private sheetRows: number;

  private constructor(
    readonly sheet: Sheet,
    readonly spec: TableSpec<K>,
    /** The header row as read. */
    readonly header: unknown[],
    /** Data rows (sheet row 2 onwards), each as wide as the sheet's data. */
    readonly rows: unknown[][],
  ) {
    this.positions = mapHeaders(header, spec.columns);
    spec.columns.forEach((c, i) => this.indexOf.set(c.key, i));
    this.dirty = rows.map(() => []);
    this.sheetRows = rows.length;
  }

  /** Reads the table; null when the sheet does not exist. */
  static read<K extends string>(ss: Spreadsheet, spec: TableSpec<K>): Table<K> | null {
    const sheet = tableSheet(ss, spec);
    return sheet ? Table.readSheet(sheet, spec) : null;
  }

  static readSheet<K extends string>(sheet: Sheet, spec: TableSpec<K>): Table<K> {
    const values = sheet.getDataRange().getValues();
    const header = values[0] ?? [];
    return new Table(sheet, spec, header, values.slice(1));
  }

  /**
   * Creates the sheet if it is missing and restores any spec column staff renamed or deleted: a
   * renamed column (an unknown header standing alone between its two spec neighbours) gets its header
   * back and keeps its data; a deleted one is re-added at the right end, never over another column.
   * Returns the table, the headers it re-added and the columns it renamed back.
   */
  static ensure<K extends string>(
    ss: Spreadsheet,
    spec: TableSpec<K>,
  ): { table: Table<K>; created: boolean; restored: string[]; renamed: RenamedColumn[] } {
    let sheet = tableSheet(ss, spec);
    const created = !sheet;
    if (!sheet) sheet = ss.insertSheet(spec.sheetName, ss.getNumSheets());
    let table = Table.readSheet(sheet, spec);
    const renamed = created ? [] : renamedColumns(table.header, spec.columns, table.positions);
    for (const r of renamed) sheet.getRange(1, r.column, 1, 1).setValue(r.to);
    const back = new Set(renamed.map((r) => r.to));
    const missing = spec.columns.filter((c, i) => table.positions[i] < 0 && !back.has(c.header));
    if (missing.length > 0) {
      const firstFree = sheet.getLastColumn() + 1;
      const needed = firstFree + missing.length - 1 - sheet.getMaxColumns();
      if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
      const head = sheet.getRange(1, firstFree, 1, missing.length).setValues([missing.map((c) => c.header)]);
      // A restored header looks like its neighbours (a new sheet is dressed by styleNewTable).
      if (!created) head.setFontWeight('bold').setBackground(COLORS.header);
      missing.forEach((column, k) => formatColumn(sheet!, firstFree + k, column));
    }
    if (missing.length > 0 || renamed.length > 0) table = Table.readSheet(sheet, spec);
    return { table, created, restored: created ? [] : missing.map((c) => c.header), renamed };
  }

  /** 1-based sheet column of a field. */
  column(key: K): number {
    return this.position(key) + 1;
  }

  get(row: number, key: K): unknown {
    return this.rows[row][this.position(key)];
  }

  text(row: number, key: K): string {
    const value = this.get(row, key);
    return value === null || value === undefined ? '' : String(value).trim();
  }

  /** Every field of a row as trimmed text: a record whose fields are the table's. */
  texts(row: number): Record<K, string> {
    const out = {} as Record<K, string>;
    for (const key of this.keys()) out[key] = this.text(row, key);
    return out;
  }

  set(row: number, key: K, value: unknown): void {
    const col = this.position(key);
    const cells = this.rows[row];
    while (cells.length <= col) cells.push('');
    cells[col] = value;
    this.dirty[row][col] = true;
  }

  /**
   * Sets the fields `cells` gives (undefined ones are left alone); with `same`, a cell that already
   * holds its value is not touched, so rewriting unchanged rows writes nothing.
   */
  assign(row: number, cells: Partial<Record<K, unknown>>, same?: (current: unknown, next: unknown) => boolean): void {
    for (const key of this.keys()) {
      const value = cells[key];
      if (value !== undefined && !same?.(this.get(row, key), value)) this.set(row, key, value);
    }
  }

  /** Empties every field of a row (cells already empty are not touched). */
  clear(row: number): void {
    for (const key of this.keys()) if (String(this.get(row, key) ?? '') !== '') this.set(row, key, '');
  }

  /** The fields, in the spec's order. */
  keys(): K[] {
    return [...this.indexOf.keys()] as K[];
  }

  /** Adds an empty record at the end (written by flush). */
  append(): number {
    this.rows.push([]);
    this.dirty.push([]);
    return this.rows.length - 1;
  }

  /** Inserts `count` empty records after data row `after` (-1 = right under the header). */
  insertAfter(after: number, count: number): number {
    this.sheet.insertRowsAfter(after + 2, count);
    if (this.maxRows !== undefined) this.maxRows += count;
    const at = after + 1;
    this.rows.splice(at, 0, ...Array.from({ length: count }, () => []));
    this.dirty.splice(at, 0, ...Array.from({ length: count }, () => []));
    this.sheetRows += count;
    return at;
  }

  /** Writes every changed cell: one setValues per contiguous run of changed columns. */
  flush(): void {
    let top = Infinity;
    let bottom = -1;
    const changedCols = new Set<number>();
    this.dirty.forEach((cols, r) => {
      cols.forEach((isDirty, c) => {
        if (!isDirty) return;
        changedCols.add(c);
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
      });
    });
    if (bottom < 0) return;
    if (top === bottom && top === this.sheetRows && top === this.rows.length - 1) {
      // One new record right under the data: appendRow grows the sheet itself, in one call.
      this.sheet.appendRow(this.rows[top].map((v) => (v === undefined || v === null ? '' : v)));
      this.sheetRows++;
      // appendRow adds a row to a full sheet.
      if (this.maxRows !== undefined) this.maxRows = Math.max(this.maxRows, top + 2);
      this.dirty.forEach((cols) => (cols.length = 0));
      return;
    }
    const lastSheetRow = bottom + 2;
    // Rows the sheet already had need no check; the row count is asked once per table (a register
    // written after every document does not ask again); grow in steps, so a growing bank does not pay
    // for an insert on every new row.
    if (bottom >= this.sheetRows) {
      const maxRows = (this.maxRows ??= this.sheet.getMaxRows());
      if (lastSheetRow > maxRows) {
        this.sheet.insertRowsAfter(maxRows, lastSheetRow - maxRows + GROWTH_ROWS);
        this.maxRows = lastSheetRow + GROWTH_ROWS;
      }
    }
    const changed = [...changedCols].sort((a, b) => a - b);
    // One record's changes go in one write: the cells between them are written back as they are.
    const blocks: Array<[number, number]> =
      top === bottom ? [[changed[0], changed[changed.length - 1]]] : runs(changed);
    // Unchanged cells inside a block are written back as they are, so a formula stays a formula: the
    // formulas are read only when a block holds such a cell of a row the sheet has — with the block's
    // own range when there is one block, else once for all of them.
    const keeps = ([first, last]: [number, number]) => {
      for (let r = top; r <= Math.min(bottom, this.sheetRows - 1); r++) {
        for (let c = first; c <= last; c++) if (!this.dirty[r][c]) return true;
      }
      return false;
    };
    const needFormulas = blocks.filter(keeps);
    const none = (): string => '';
    let shared: (r: number, c: number) => string = none;
    if (needFormulas.length > 1) {
      const from = needFormulas[0][0];
      const to = needFormulas[needFormulas.length - 1][1];
      const height = Math.min(bottom, this.sheetRows - 1) - top + 1;
      const all = this.sheet.getRange(top + 2, from + 1, height, to - from + 1).getFormulas();
      shared = (r, c) => all[r - top]?.[c - from] ?? '';
    }
    for (const [first, last] of blocks) {
      const range = this.sheet.getRange(top + 2, first + 1, bottom - top + 1, last - first + 1);
      let formulasAt = needFormulas.some((b) => b[0] === first) ? shared : none;
      if (needFormulas.length === 1 && needFormulas[0][0] === first) {
        const own = range.getFormulas();
        formulasAt = (r, c) => own[r - top]?.[c - first] ?? '';
      }
      const block: unknown[][] = [];
      for (let r = top; r <= bottom; r++) {
        const line: unknown[] = [];
        for (let c = first; c <= last; c++) {
          const formula = this.dirty[r][c] ? '' : formulasAt(r, c);
          const value = this.rows[r][c];
          line.push(formula ? formula : value === undefined || value === null ? '' : value);
        }
        block.push(line);
      }
      range.setValues(block);
    }
    this.sheetRows = Math.max(this.sheetRows, bottom + 1);
    this.dirty.forEach((cols) => (cols.length = 0));
  }

  /** A1 letter of a field's column, for conditional-format formulas. */
  letter(key: K): string {
    return columnLetter(this.column(key));
  }

  private position(key: K): number {
    const index = this.indexOf.get(key);
    if (index === undefined) throw new Error(`Unknown column "${key}" for sheet "${this.spec.sheetName}"`);
    const at = this.positions[index];
    if (at < 0) {
      throw missingColumn(this.spec.sheetName, this.spec.columns[index].header);
    }
    return at;
  }
}

/** Applies a column's width and number format (used when the add-on creates the column). */
export function formatColumn(sheet: Sheet, column: number, spec: ColumnSpec): void {
  if (spec.width) sheet.setColumnWidth(column, spec.width);
  const body = sheet.getRange(2, column, sheet.getMaxRows() - 1, 1);
  if (spec.numberFormat) body.setNumberFormat(spec.numberFormat);
  if (spec.wrap) body.setWrap(true);
}

/**
 * Spec columns staff renamed in place: the spec column is missing, its spec neighbours are found
 * right and left of one column, and that column's header is none of the spec's. A column at the right
 * end is not guessed at: staff add their own columns there.
 */
function renamedColumns(
  header: readonly unknown[],
  specs: readonly ColumnSpec[],
  positions: number[],
): RenamedColumn[] {
  const known = new Set(positions.filter((p) => p >= 0));
  const out: RenamedColumn[] = [];
  specs.forEach((spec, i) => {
    if (positions[i] >= 0 || i === specs.length - 1) return;
    const before = i === 0 ? -1 : positions[i - 1];
    const after = positions[i + 1];
    if ((i > 0 && before < 0) || after < 0 || after !== before + 2 || known.has(before + 1)) return;
    out.push({ column: before + 2, from: String(header[before + 1] ?? '').trim(), to: spec.header });
  });
  return out;
}

/** [first, last] runs of consecutive numbers. */
function runs(sorted: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** Dropdown values that are known only at run time (the school's own list), by field. */
export type Dropdowns<K extends string> = Partial<Record<K, readonly string[]>>;

/**
 * Dresses a sheet the add-on has just created: header row frozen, bold and tinted, and a dropdown of
 * allowed values on each column that has one (staff pick, never type, a status).
 */
export function styleNewTable<K extends string>(table: Table<K>, dropdowns: Dropdowns<K> = {}): void {
  const sheet = table.sheet;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, table.spec.columns.length).setFontWeight('bold').setBackground(COLORS.header);
  for (const key of table.keys()) {
    const values = dropdowns[key] ?? table.spec.columns.find((c) => c.key === key)?.dropdown;
    if (!values) continue;
    sheet.getRange(2, table.column(key), sheet.getMaxRows() - 1, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...values], true)
        .setAllowInvalid(false)
        .build(),
    );
  }
}

/** The table of an add-on sheet, created and dressed on first use; staff's columns and rows are kept. */
export function ensureTable<K extends string>(ss: Spreadsheet, spec: TableSpec<K>, dropdowns?: Dropdowns<K>): Table<K> {
  const { table, created } = Table.ensure(ss, spec);
  // Table.ensure has written the headers and formatted the columns of a new sheet.
  if (created) styleNewTable(table, dropdowns);
  return table;
}
