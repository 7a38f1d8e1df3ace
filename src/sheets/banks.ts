import { bankId, WITHDRAWN_STATUS, type BankEntry, type PersonKind } from '../domain/questionnaires';
import { safeText } from './cells';
import { normalizeHeader } from './headers';
import { SHEETS } from './schema';
import { defineTable, type TableSpec } from './defineTable';
import { styleNewTable, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How a record field is written to a cell and read back. */
type Kind = 'text' | 'list' | 'number' | 'bool' | 'date' | 'datetime';

/** Lists are joined with «; »: the choices themselves may contain «, ». */
const LIST_SEPARATOR = '; ';

const FORMATS: Partial<Record<Kind, string>> = {
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
  text: '@',
  list: '@',
};

/** A bank column, keyed by its BankEntry field. */
const col = (header: string, kind: Kind, width: number) => ({ header, kind, width, numberFormat: FORMATS[kind] });

const HEAD = {
  id: col('ID', 'text', 80),
  email: col('Email', 'text', 200),
  fullName: col('ФИО', 'text', 220),
  position: col('Должность', 'text', 140),
  subjects: col('Предметы', 'list', 180),
  experienceYears: col('Стаж, лет', 'number', 70),
  category: col('Категория', 'text', 140),
};
const TAIL = {
  mode: col('Формат', 'text', 110),
  times: col('Удобное время', 'list', 160),
  note: col('Комментарий', 'text', 220),
  status: col('Статус', 'text', 90),
  consentAt: col('Согласие на обработку ПДн', 'date', 110),
  sourceTimestamp: col('Ответ от', 'datetime', 130),
  remarks: col('Замечания', 'text', 240),
  history: col('История', 'text', 320),
};
const MENTEE_COLUMNS = {
  ...HEAD,
  requests: col('Запросы', 'list', 320),
  formatKind: col('Форма', 'text', 150),
  ...TAIL,
};
const MENTOR_COLUMNS = {
  ...HEAD,
  competences: col('Компетенции', 'list', 320),
  formatKinds: col('Формы', 'list', 150),
  capacity: col('Наставляемых, не более', 'number', 90),
  dutiesConsent: col('Согласие на доп. обязанности', 'bool', 110),
  ...TAIL,
};
const KINDS = { ...MENTEE_COLUMNS, ...MENTOR_COLUMNS };

export const BANK_TABLES = {
  mentee: defineTable(SHEETS.mentees, MENTEE_COLUMNS),
  mentor: defineTable(SHEETS.mentors, MENTOR_COLUMNS),
};
type BankKey = keyof typeof KINDS;
type BankTable = Table<BankKey>;

export const BANK_SHEETS: Record<PersonKind, string> = { mentee: SHEETS.mentees, mentor: SHEETS.mentors };

/** A bank's table, typed with the fields of both banks: a kind's own fields are reached through keys(). */
export function bankSpec(kind: PersonKind): TableSpec<BankKey> {
  return BANK_TABLES[kind];
}

function toCell(kind: Kind, value: unknown): unknown {
  switch (kind) {
    case 'list':
      return safeText((value as string[]).join(LIST_SEPARATOR));
    case 'number':
      return value === null || value === undefined ? '' : value;
    case 'bool':
      return value ? 'Да' : 'Нет';
    case 'date':
    case 'datetime':
      return value ? new Date(String(value)) : '';
    default:
      return safeText(String(value ?? ''));
  }
}

function fromCell(kind: Kind, value: unknown): unknown {
  const text = value === null || value === undefined ? '' : String(value).trim();
  switch (kind) {
    case 'list':
      return text
        ? text
            .split(LIST_SEPARATOR.trim())
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    case 'number':
      return text === '' || Number.isNaN(Number(value)) ? null : Number(value);
    case 'bool':
      return text === 'Да';
    case 'date':
    case 'datetime':
      return Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : text;
    default:
      return text;
  }
}

/**
 * A bank sheet («Наставляемые» / «Наставники») read once: one row per person, found by the entry's
 * non-personal id or by normalized email, written back in one flush.
 */
export class Bank {
  private readonly byEmail = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  /** Data rows (0-based) of each id, to report an id staff gave two people. */
  private readonly rowsOfId = new Map<string, number[]>();
  private lastSeq = 0;
  private withoutEmail: Map<string, number[]> | null = null;

  private constructor(
    readonly kind: PersonKind,
    readonly table: BankTable,
  ) {
    table.rows.forEach((_, r) => this.index(r));
  }

  static open(ss: Spreadsheet, kind: PersonKind): Bank {
    const { table, created } = Table.ensure(ss, bankSpec(kind));
    if (created) {
      styleNewTable(table);
    }
    return new Bank(kind, table);
  }

  /** People in the bank with their personal data (withdrawn entries are not counted). */
  get size(): number {
    return this.byEmail.size;
  }

  find(email: string): BankEntry | null {
    const r = this.byEmail.get(email.toLowerCase());
    return r === undefined ? null : this.entryAt(r);
  }

  entries(): BankEntry[] {
    return [...this.byId.values()].map((r) => this.entryAt(r));
  }

  /** The id a new entry gets: «НС-0001», «НТ-0001», … after the highest one in the sheet. */
  nextId(): string {
    return bankId(this.kind, this.lastSeq + 1);
  }

  /**
   * Ids that stand in more than one row, with the sheet rows (1-based): the add-on would take one of
   * the people for the other.
   */
  duplicateIds(): Array<{ id: string; rows: number[] }> {
    return [...this.rowsOfId]
      .filter(([, rows]) => rows.length > 1)
      .map(([id, rows]) => ({ id, rows: rows.map((r) => r + 2) }));
  }

  /** Each id that stands in more than one row, as a Russian line naming the sheet, rows and column. */
  duplicateIdProblems(): string[] {
    return this.duplicateIds().map(({ id, rows }) => {
      const where = `${rows.slice(0, -1).join(', ')} и ${rows[rows.length - 1]}`;
      return (
        `На листе «${BANK_SHEETS[this.kind]}» ID «${id}» стоит в строках ${where} (столбец «ID»): ` +
        'у каждого участника должен быть свой ID. Исправьте его и повторите.'
      );
    });
  }

  /**
   * Gives an e-mail back to its row after staff deleted the «Email» column (it comes back empty): the
   * one row without an e-mail whose answer time (to the second) and full name are this answer's.
   * Returns whether a row was found.
   */
  relink(email: string, timestamp: string, fullName: string): boolean {
    const key = email.toLowerCase();
    const at = Date.parse(timestamp);
    if (!key || this.byEmail.has(key) || Number.isNaN(at)) return false;
    // Rows without an e-mail by name, listed once per bank.
    this.withoutEmail ??= this.table.rows.reduce((map, _, r) => {
      if (this.table.text(r, 'email') !== '') return map;
      const name = normalizeHeader(this.table.text(r, 'fullName'));
      return map.set(name, [...(map.get(name) ?? []), r]);
    }, new Map<string, number[]>());
    const candidates = this.withoutEmail.get(normalizeHeader(fullName)) ?? [];
    const rows = candidates.filter((r) => {
      const answered = Date.parse(String(fromCell('datetime', this.table.get(r, 'sourceTimestamp'))));
      return Math.abs(answered - at) < 1000;
    });
    if (rows.length !== 1) return false;
    candidates.splice(candidates.indexOf(rows[0]), 1);
    this.table.set(rows[0], 'email', safeText(email));
    this.index(rows[0]);
    return true;
  }

  /** Writes an entry into its row (by email, else by id), adding a row for a new one. */
  put(entry: BankEntry, remarks: string): void {
    // E-mail first: when staff gave two people one id, the id alone would pick the wrong row.
    let r = (entry.email ? this.byEmail.get(entry.email.toLowerCase()) : undefined) ?? this.byId.get(entry.id);
    if (r === undefined) r = this.table.append();
    const values: Record<string, unknown> = { ...entry, remarks };
    for (const key of this.table.keys()) {
      const cell = toCell(KINDS[key].kind, values[key]);
      if (String(cell) !== String(this.table.get(r, key) ?? '')) this.table.set(r, key, cell);
    }
    for (const [email, row] of this.byEmail) if (row === r) this.byEmail.delete(email);
    this.index(r);
  }

  /** Sets a person's status by entry id (the pairing moves people «в паре» and back). */
  setStatus(id: string, status: string): void {
    const r = this.byId.get(id);
    if (r !== undefined && this.table.text(r, 'status') !== status) this.table.set(r, 'status', status);
  }

  /** Replaces a person's history by entry id (the year rollover adds its line). */
  setHistory(id: string, history: string): void {
    const r = this.byId.get(id);
    if (r !== undefined && this.table.text(r, 'history') !== history) this.table.set(r, 'history', safeText(history));
  }

  flush(): void {
    this.table.flush();
  }

  private entryAt(r: number): BankEntry {
    const entry: Record<string, unknown> = { kind: this.kind };
    for (const key of this.table.keys()) entry[key] = fromCell(KINDS[key].kind, this.table.get(r, key));
    delete entry.remarks;
    return entry as unknown as BankEntry;
  }

  private index(r: number): void {
    const id = this.table.text(r, 'id');
    const email = this.table.text(r, 'email').toLowerCase();
    if (id && !this.byId.has(id)) this.byId.set(id, r);
    if (id && !(this.rowsOfId.get(id) ?? []).includes(r)) this.rowsOfId.set(id, [...(this.rowsOfId.get(id) ?? []), r]);
    if (email && !this.byEmail.has(email)) this.byEmail.set(email, r);
    const seq = Number(/(\d+)$/.exec(id)?.[1] ?? 0);
    if (seq > this.lastSeq) this.lastSeq = seq;
  }
}

/** Every id of a bank by full name, normalized as headers are (an empty map when there is no bank sheet). */
export function idsByName(ss: Spreadsheet, kind: PersonKind): Map<string, string[]> {
  const table = Table.read(ss, bankSpec(kind));
  const out = new Map<string, string[]>();
  table?.rows.forEach((_, r) => {
    const name = normalizeHeader(table.text(r, 'fullName'));
    const id = table.text(r, 'id');
    if (name && id) out.set(name, [...(out.get(name) ?? []), id]);
  });
  return out;
}

/**
 * People of a bank who have no e-mail though they did not withdraw (their «Email» column was deleted
 * and came back empty); 0 when the bank sheet does not exist.
 */
export function withoutEmail(ss: Spreadsheet, kind: PersonKind): number {
  const table = Table.read(ss, bankSpec(kind));
  if (!table) return 0;
  return table.rows.filter(
    (_, r) =>
      table.text(r, 'email') === '' && table.text(r, 'fullName') !== '' && table.text(r, 'status') !== WITHDRAWN_STATUS,
  ).length;
}
