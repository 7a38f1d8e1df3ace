import { columnLetter, mapHeaders, type ColumnSpec } from './headers';
import { COLORS } from './schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Spare rows added when a table outgrows its sheet. */
const GROWTH_ROWS = 100;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TableSpec {
  sheetName: string;
  columns: readonly ColumnSpec[];
}

/**
 * A sheet used as a table: header row 1, one record per row below, columns found by header name.
 * Reads the whole sheet once (values and formulas) and writes back only the cells it changed, in one
 * setValues per contiguous run of changed columns — so the number of service calls does not grow
 * with the number of rows, and columns the add-on does not own are never written.
 */
export class Table {
  /** 0-based sheet column of each spec column (same order as spec.columns). */
  private readonly positions: number[];
  private readonly dirty: boolean[][];

  private constructor(
    readonly sheet: Sheet,
    readonly spec: TableSpec,
    headerRow: unknown[],
    /** Data rows (sheet row 2 onwards), each as wide as the sheet's data. */
    readonly rows: unknown[][],
    private readonly formulas: string[][],
  ) {
    this.positions = mapHeaders(headerRow, spec.columns);
    this.dirty = rows.map(() => []);
  }

  /** Reads the table; null when the sheet does not exist. */
  static read(ss: Spreadsheet, spec: TableSpec): Table | null {
    const sheet = ss.getSheetByName(spec.sheetName);
    return sheet ? Table.readSheet(sheet, spec) : null;
  }

  static readSheet(sheet: Sheet, spec: TableSpec): Table {
    const range = sheet.getDataRange();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const header = values[0] ?? [];
    return new Table(sheet, spec, header, values.slice(1), formulas.slice(1));
  }

  /**
   * Creates the sheet if it is missing and re-adds any spec column staff deleted (at the right end,
   * never over another column). Returns the table and the headers it restored.
   */
  static ensure(ss: Spreadsheet, spec: TableSpec): { table: Table; created: boolean; restored: string[] } {
    let sheet = ss.getSheetByName(spec.sheetName);
    const created = !sheet;
    if (!sheet) sheet = ss.insertSheet(spec.sheetName, ss.getNumSheets());
    let table = Table.readSheet(sheet, spec);
    const missing = spec.columns.filter((_, i) => table.positions[i] < 0);
    if (missing.length > 0) {
      const firstFree = sheet.getLastColumn() + 1;
      const needed = firstFree + missing.length - 1 - sheet.getMaxColumns();
      if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
      sheet.getRange(1, firstFree, 1, missing.length).setValues([missing.map((c) => c.header)]);
      missing.forEach((column, k) => formatColumn(sheet!, firstFree + k, column));
      table = Table.readSheet(sheet, spec);
    }
    return { table, created, restored: created ? [] : missing.map((c) => c.header) };
  }

  /** 1-based sheet column of a spec header. */
  column(header: string): number {
    return this.position(header) + 1;
  }

  get(row: number, header: string): unknown {
    return this.rows[row][this.position(header)];
  }

  text(row: number, header: string): string {
    const value = this.get(row, header);
    return value === null || value === undefined ? '' : String(value).trim();
  }

  set(row: number, header: string, value: unknown): void {
    const col = this.position(header);
    const cells = this.rows[row];
    while (cells.length <= col) cells.push('');
    cells[col] = value;
    this.dirty[row][col] = true;
  }

  /** Adds an empty record at the end (written by flush). */
  append(): number {
    this.rows.push([]);
    this.formulas.push([]);
    this.dirty.push([]);
    return this.rows.length - 1;
  }

  /** Inserts `count` empty records after data row `after` (-1 = right under the header). */
  insertAfter(after: number, count: number): number {
    this.sheet.insertRowsAfter(after + 2, count);
    const at = after + 1;
    this.rows.splice(at, 0, ...Array.from({ length: count }, () => []));
    this.formulas.splice(at, 0, ...Array.from({ length: count }, () => []));
    this.dirty.splice(at, 0, ...Array.from({ length: count }, () => []));
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
    const lastSheetRow = bottom + 2;
    const maxRows = this.sheet.getMaxRows();
    // Grow in steps, so a growing bank does not pay for an insert on every new row.
    if (lastSheetRow > maxRows) this.sheet.insertRowsAfter(maxRows, lastSheetRow - maxRows + GROWTH_ROWS);
    for (const [first, last] of runs([...changedCols].sort((a, b) => a - b))) {
      const block: unknown[][] = [];
      for (let r = top; r <= bottom; r++) {
        const line: unknown[] = [];
        for (let c = first; c <= last; c++) {
          // Unchanged cells are written back as they were: a formula stays a formula.
          const formula = this.dirty[r][c] ? '' : this.formulas[r]?.[c];
          const value = this.rows[r][c];
          line.push(formula ? formula : value === undefined || value === null ? '' : value);
        }
        block.push(line);
      }
      this.sheet.getRange(top + 2, first + 1, bottom - top + 1, last - first + 1).setValues(block);
    }
    this.dirty.forEach((cols) => (cols.length = 0));
  }

  /** A1 letter of a spec column, for conditional-format formulas. */
  letter(header: string): string {
    return columnLetter(this.column(header));
  }

  private position(header: string): number {
    const index = this.spec.columns.findIndex((c) => c.header === header);
    if (index < 0) throw new Error(`Unknown column "${header}" for sheet "${this.spec.sheetName}"`);
    const at = this.positions[index];
    if (at < 0) {
      throw new Error(
        `На листе «${this.spec.sheetName}» нет столбца «${header}». Запустите «Настроить учебный год…», чтобы восстановить его.`,
      );
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

/**
 * Dresses a sheet the add-on has just created: header row frozen, bold and tinted, and, when asked,
 * a dropdown of allowed values on one column (staff pick, never type, a status).
 */
export function styleNewTable(table: Table, dropdown?: { header: string; values: readonly string[] }): void {
  const sheet = table.sheet;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, table.spec.columns.length).setFontWeight('bold').setBackground(COLORS.header);
  if (!dropdown) return;
  sheet.getRange(2, table.column(dropdown.header), sheet.getMaxRows() - 1, 1).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...dropdown.values], true)
      .setAllowInvalid(false)
      .build(),
  );
}

/** The table of an add-on sheet, created and dressed on first use; staff's columns and rows are kept. */
export function ensureTable(
  ss: Spreadsheet,
  spec: TableSpec,
  dropdown?: { header: string; values: readonly string[] },
): Table {
  const { table, created } = Table.ensure(ss, spec);
  // Table.ensure has written the headers and formatted the columns of a new sheet.
  if (created) styleNewTable(table, dropdown);
  return table;
}
