import { bankId, WITHDRAWN_STATUS, type BankEntry, type PersonKind } from '../domain/questionnaires';
import { safeText } from './cells';
import { normalizeHeader } from './headers';
import { SHEETS } from './schema';
import { styleNewTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How a record field is written to a cell and read back. */
type Kind = 'text' | 'list' | 'number' | 'bool' | 'date' | 'datetime';

interface BankColumn {
  header: string;
  field: string;
  kind: Kind;
  width: number;
}

/** Lists are joined with «; »: the choices themselves may contain «, ». */
const LIST_SEPARATOR = '; ';

const COMMON_HEAD: BankColumn[] = [
  { header: 'ID', field: 'id', kind: 'text', width: 80 },
  { header: 'Email', field: 'email', kind: 'text', width: 200 },
  { header: 'ФИО', field: 'fullName', kind: 'text', width: 220 },
  { header: 'Должность', field: 'position', kind: 'text', width: 140 },
  { header: 'Предметы', field: 'subjects', kind: 'list', width: 180 },
  { header: 'Стаж, лет', field: 'experienceYears', kind: 'number', width: 70 },
  { header: 'Категория', field: 'category', kind: 'text', width: 140 },
];
const COMMON_TAIL: BankColumn[] = [
  { header: 'Формат', field: 'mode', kind: 'text', width: 110 },
  { header: 'Удобное время', field: 'times', kind: 'list', width: 160 },
  { header: 'Комментарий', field: 'note', kind: 'text', width: 220 },
  { header: 'Статус', field: 'status', kind: 'text', width: 90 },
  { header: 'Согласие на обработку ПДн', field: 'consentAt', kind: 'date', width: 110 },
  { header: 'Ответ от', field: 'sourceTimestamp', kind: 'datetime', width: 130 },
  { header: 'Замечания', field: 'remarks', kind: 'text', width: 240 },
  { header: 'История', field: 'history', kind: 'text', width: 320 },
];

export const BANK_COLUMNS: Record<PersonKind, BankColumn[]> = {
  mentee: [
    ...COMMON_HEAD,
    { header: 'Запросы', field: 'requests', kind: 'list', width: 320 },
    { header: 'Форма', field: 'formatKind', kind: 'text', width: 150 },
    ...COMMON_TAIL,
  ],
  mentor: [
    ...COMMON_HEAD,
    { header: 'Компетенции', field: 'competences', kind: 'list', width: 320 },
    { header: 'Формы', field: 'formatKinds', kind: 'list', width: 150 },
    { header: 'Наставляемых, не более', field: 'capacity', kind: 'number', width: 90 },
    { header: 'Согласие на доп. обязанности', field: 'dutiesConsent', kind: 'bool', width: 110 },
    ...COMMON_TAIL,
  ],
};

export const BANK_SHEETS: Record<PersonKind, string> = { mentee: SHEETS.mentees, mentor: SHEETS.mentors };

const FORMATS: Partial<Record<Kind, string>> = {
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
  text: '@',
  list: '@',
};

export function bankSpec(kind: PersonKind): TableSpec {
  return {
    sheetName: BANK_SHEETS[kind],
    columns: BANK_COLUMNS[kind].map((c) => ({ header: c.header, width: c.width, numberFormat: FORMATS[c.kind] })),
  };
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
    readonly table: Table,
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
      if (this.table.text(r, 'Email') !== '') return map;
      const name = normalizeHeader(this.table.text(r, 'ФИО'));
      return map.set(name, [...(map.get(name) ?? []), r]);
    }, new Map<string, number[]>());
    const candidates = this.withoutEmail.get(normalizeHeader(fullName)) ?? [];
    const rows = candidates.filter((r) => {
      const answered = Date.parse(String(fromCell('datetime', this.table.get(r, 'Ответ от'))));
      return Math.abs(answered - at) < 1000;
    });
    if (rows.length !== 1) return false;
    candidates.splice(candidates.indexOf(rows[0]), 1);
    this.table.set(rows[0], 'Email', safeText(email));
    this.index(rows[0]);
    return true;
  }

  /** Writes an entry into its row (by email, else by id), adding a row for a new one. */
  put(entry: BankEntry, remarks: string): void {
    // E-mail first: when staff gave two people one id, the id alone would pick the wrong row.
    let r = (entry.email ? this.byEmail.get(entry.email.toLowerCase()) : undefined) ?? this.byId.get(entry.id);
    if (r === undefined) r = this.table.append();
    const values: Record<string, unknown> = { ...entry, remarks };
    for (const c of BANK_COLUMNS[this.kind]) {
      const cell = toCell(c.kind, values[c.field]);
      if (String(cell) !== String(this.table.get(r, c.header) ?? '')) this.table.set(r, c.header, cell);
    }
    for (const [email, row] of this.byEmail) if (row === r) this.byEmail.delete(email);
    this.index(r);
  }

  /** Sets a person's status by entry id (the pairing moves people «в паре» and back). */
  setStatus(id: string, status: string): void {
    const r = this.byId.get(id);
    if (r !== undefined && this.table.text(r, 'Статус') !== status) this.table.set(r, 'Статус', status);
  }

  flush(): void {
    this.table.flush();
  }

  private entryAt(r: number): BankEntry {
    const entry: Record<string, unknown> = { kind: this.kind };
    for (const c of BANK_COLUMNS[this.kind]) entry[c.field] = fromCell(c.kind, this.table.get(r, c.header));
    delete entry.remarks;
    return entry as unknown as BankEntry;
  }

  private index(r: number): void {
    const id = this.table.text(r, 'ID');
    const email = this.table.text(r, 'Email').toLowerCase();
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
    const name = normalizeHeader(table.text(r, 'ФИО'));
    const id = table.text(r, 'ID');
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
      table.text(r, 'Email') === '' && table.text(r, 'ФИО') !== '' && table.text(r, 'Статус') !== WITHDRAWN_STATUS,
  ).length;
}
