import { isoDayReader, isoDayWriter, safeText, timeZoneOf } from './cells';
import { SHEETS } from './schema';
import { styleNewTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DRAFT = 'черновик';
export const SIGNED = 'подписан';
/** The person withdrew consent: their drafts were removed from Drive. */
export const REMOVED = 'удалён (отзыв согласия)';
export const DOCUMENT_STATUSES = [DRAFT, SIGNED, REMOVED] as const;

const C = {
  number: '№',
  kind: 'Вид',
  date: 'Дата',
  title: 'Название',
  doc: 'Документ (ссылка)',
  pdf: 'PDF (ссылка)',
  status: 'Статус',
  related: 'Связано с',
} as const;

export const REGISTER_TABLE: TableSpec = {
  sheetName: SHEETS.documents,
  columns: [
    { header: C.number, width: 110, numberFormat: '@' },
    { header: C.kind, width: 200, wrap: true },
    { header: C.date, width: 95, numberFormat: 'dd.mm.yyyy' },
    { header: C.title, width: 320, wrap: true, numberFormat: '@' },
    { header: C.doc, width: 200 },
    { header: C.pdf, width: 200 },
    { header: C.status, width: 110 },
    { header: C.related, width: 120, numberFormat: '@' },
  ],
};

export interface RegisterEntry {
  number: string;
  /** The kind's register name (DocumentKind.shortTitle). */
  kindName: string;
  /** ISO day. */
  date: string;
  title: string;
  docUrl: string;
  pdfUrl: string;
  status: string;
  /** Pair id, person id or the period for school documents. */
  related: string;
}

/** The id inside a Docs/Drive URL («…/d/<id>/…»), '' when there is none. */
export function idFromUrl(url: string): string {
  return /\/d\/([A-Za-z0-9_-]{10,})/.exec(url)?.[1] ?? '';
}

/** The link to a Google Doc by its id, as the register keeps it (no Docs call needed to know it). */
export function docUrlOf(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/**
 * «Документы»: the register of every generated document. Read once per operation; rows are found
 * by (kind, related) so regenerating updates the same row and number.
 */
export class Register {
  private readonly day: (value: unknown) => string;
  /** Made on the first dated write: one Utilities call per register, not one per row. */
  private toCell?: (iso: string) => Date | '';

  private constructor(
    private readonly table: Table,
    private readonly timeZone: string,
  ) {
    this.day = isoDayReader(timeZone);
  }

  static open(ss: Spreadsheet): Register {
    const { table, created } = Table.ensure(ss, REGISTER_TABLE);
    if (created) styleNewTable(table, { header: C.status, values: DOCUMENT_STATUSES });
    return new Register(table, timeZoneOf(ss));
  }

  /** Reads the register without creating it; empty when the sheet does not exist yet. */
  static entriesOf(ss: Spreadsheet): RegisterEntry[] {
    const table = Table.read(ss, REGISTER_TABLE);
    return table ? new Register(table, timeZoneOf(ss)).entries() : [];
  }

  entries(): RegisterEntry[] {
    return this.table.rows.map((_, r) => this.entry(r)).filter((e) => e.number !== '' || e.title !== '');
  }

  /** Every data row with its index (blank rows included, so the index is the row's). */
  rows(): Array<{ entry: RegisterEntry; row: number }> {
    return this.table.rows.map((_, row) => ({ entry: this.entry(row), row }));
  }

  entry(r: number): RegisterEntry {
    return {
      number: this.table.text(r, C.number),
      kindName: this.table.text(r, C.kind),
      date: this.day(this.table.get(r, C.date)),
      title: this.table.text(r, C.title),
      docUrl: this.table.text(r, C.doc),
      pdfUrl: this.table.text(r, C.pdf),
      status: this.table.text(r, C.status),
      related: this.table.text(r, C.related),
    };
  }

  /**
   * Row of the live document of this kind about `related`, or -1. A row whose person withdrew consent
   * does not count: if they come back, they get a new document.
   */
  find(kindName: string, related: string): number {
    return this.table.rows.findIndex(
      (_, r) =>
        this.table.text(r, C.kind) === kindName &&
        this.table.text(r, C.related) === related &&
        this.table.text(r, C.status) !== REMOVED,
    );
  }

  /** A new row, written at once: the number is taken before the Doc exists, so a crash cannot reuse it. */
  add(entry: RegisterEntry): number {
    const r = this.table.append();
    this.stage(r, entry);
    this.flush();
    return r;
  }

  /** New rows for several documents, written together (a batch numbers a block of them at once); their rows. */
  reserve(entries: RegisterEntry[]): number[] {
    const rows = entries.map((entry) => {
      const r = this.table.append();
      this.stage(r, entry);
      return r;
    });
    this.flush();
    return rows;
  }

  update(row: number, entry: Partial<RegisterEntry>): void {
    this.stage(row, entry);
    this.flush();
  }

  /** Changes a row in memory; written by the next flush (or add/update), so a batch writes once. */
  stage(row: number, entry: Partial<RegisterEntry>): void {
    this.set(row, entry);
  }

  /** Writes every staged change. */
  flush(): void {
    this.table.flush();
  }

  private dayCell(iso: string): Date | '' {
    if (!iso) return '';
    this.toCell ??= isoDayWriter(this.timeZone);
    return this.toCell(iso);
  }

  private set(r: number, e: Partial<RegisterEntry>): void {
    // What the row already says is not written again: a batch over unchanged drafts writes nothing.
    if (r < this.table.rows.length) {
      const now = this.entry(r);
      const same = (Object.keys(e) as Array<keyof RegisterEntry>).every((k) => e[k] === undefined || e[k] === now[k]);
      if (same) return;
    }
    const cells: Array<[string, unknown]> = [
      [C.number, e.number],
      [C.kind, e.kindName],
      [C.date, e.date === undefined ? undefined : this.dayCell(e.date)],
      [C.title, e.title === undefined ? undefined : safeText(e.title)],
      [C.doc, e.docUrl],
      [C.pdf, e.pdfUrl],
      [C.status, e.status],
      [C.related, e.related === undefined ? undefined : safeText(e.related)],
    ];
    for (const [header, value] of cells) if (value !== undefined) this.table.set(r, header, value);
  }
}
