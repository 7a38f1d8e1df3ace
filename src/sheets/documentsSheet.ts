import { isoDayReader, isoDayWriter, safeText, timeZoneOf } from './cells';
import { SHEETS } from './schema';
import { defineTable } from './defineTable';
import { styleNewTable, Table, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DRAFT = 'черновик';
export const SIGNED = 'подписан';
/** The person withdrew consent: their drafts were removed from Drive. */
export const REMOVED = 'удалён (отзыв согласия)';
export const DOCUMENT_STATUSES = [DRAFT, SIGNED, REMOVED] as const;

export const REGISTER_TABLE = defineTable(SHEETS.documents, {
  number: { header: '№', width: 110, numberFormat: '@' },
  kindName: { header: 'Вид', width: 200, wrap: true },
  date: { header: 'Дата', width: 95, numberFormat: 'dd.mm.yyyy' },
  title: { header: 'Название', width: 320, wrap: true, numberFormat: '@' },
  docUrl: { header: 'Документ (ссылка)', width: 200 },
  pdfUrl: { header: 'PDF (ссылка)', width: 200 },
  status: { header: 'Статус', width: 110, dropdown: DOCUMENT_STATUSES },
  related: { header: 'Связано с', width: 120, numberFormat: '@' },
  sharedWith: { header: 'Доступ открыт', width: 220, wrap: true, numberFormat: '@' },
});

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
  /** The addresses the Doc is shared with, «, »-separated (docs/access.ts); '' or absent: nobody. */
  sharedWith?: string;
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
    private readonly table: TableOf<typeof REGISTER_TABLE>,
    private readonly timeZone: string,
  ) {
    this.day = isoDayReader(timeZone);
  }

  static open(ss: Spreadsheet): Register {
    const { table, created } = Table.ensure(ss, REGISTER_TABLE);
    if (created) styleNewTable(table);
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
    return { ...this.table.texts(r), date: this.day(this.table.get(r, 'date')) };
  }

  /**
   * Row of the live document of this kind about `related`, or -1. A row whose person withdrew consent
   * does not count: if they come back, they get a new document.
   */
  find(kindName: string, related: string): number {
    return this.table.rows.findIndex(
      (_, r) =>
        this.table.text(r, 'kindName') === kindName &&
        this.table.text(r, 'related') === related &&
        this.table.text(r, 'status') !== REMOVED,
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
    this.table.assign(r, {
      ...e,
      date: e.date === undefined ? undefined : this.dayCell(e.date),
      title: e.title === undefined ? undefined : safeText(e.title),
      related: e.related === undefined ? undefined : safeText(e.related),
    });
  }
}
