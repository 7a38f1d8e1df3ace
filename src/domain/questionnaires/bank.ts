/**
 * The banks «Наставляемые» and «Наставники»: one entry per person, keyed by the normalized email.
 * mergeRecord is the upsert rule the submit handler applies under a lock:
 * - no entry yet → a new one, status «новый»;
 * - a later response (sourceTimestamp after the stored one) → the answers are replaced, the status is
 *   kept, and a history line names the changed fields (field names only, no personal data);
 * - the same or an earlier response → nothing changes, so a trigger that fires twice, or a replay of
 *   the response sheets, is harmless.
 * anonymize is what consent withdrawal leaves of an entry: its id, kind, status «отозвано» and the
 * history (dates and field names), every personal field blank.
 */
import { formatRuDate, toIsoDay } from '../dates';
import type { MenteeRecord, MentorRecord, PersonKind } from './records';

export const BANK_STATUSES = ['новый', 'в банке', 'в паре', 'завершил'] as const;
export type BankStatus = (typeof BANK_STATUSES)[number];
export const NEW_STATUS: BankStatus = 'новый';
/** The status of an entry whose person withdrew the consent; not one of the bank's working statuses. */
export const WITHDRAWN_STATUS = 'отозвано';
export type EntryStatus = BankStatus | typeof WITHDRAWN_STATUS;
/** What stands in the name field of an anonymized entry. */
export const WITHDRAWN_NAME = 'Отозвано согласие';
/** The history keeps this many last lines. */
export const MAX_HISTORY_LINES = 20;

export type PersonRecord = MenteeRecord | MentorRecord;

export type BankEntry<R extends PersonRecord = PersonRecord> = R & {
  /** Non-personal, e.g. «НС-0007»: what pairs, programs and logs refer to; survives anonymization. */
  id: string;
  /** Staff may have typed another text into the sheet: it is kept as it is. */
  status: EntryStatus | string;
  /** Dated lines, oldest first, joined by '\n'. */
  history: string;
};

export interface MergeResult<R extends PersonRecord> {
  record: BankEntry<R>;
  changed: boolean;
  /** The line appended to the history, or null when nothing changed. */
  history: string | null;
}

export interface MergeOptions {
  /** Today or now (ISO day or date-time): the date of the history line. */
  now: string;
  /** The id of a new entry (see bankId); ignored when the entry exists. */
  id?: string;
}

/** Russian field names for the history line, in the order they are listed. */
const FIELD_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['fullName', 'ФИО'],
  ['position', 'должность'],
  ['subjects', 'предметы'],
  ['experienceYears', 'стаж'],
  ['category', 'категория'],
  ['requests', 'запросы'],
  ['competences', 'компетенции'],
  ['capacity', 'число наставляемых'],
  ['formatKind', 'формат'],
  ['formatKinds', 'формат'],
  ['mode', 'формат'],
  ['times', 'время'],
  ['note', 'комментарий'],
  ['dutiesConsent', 'согласие на обязанности наставника'],
];

/** The fields anonymize blanks: everything a person told about themselves, and when. */
export const PERSONAL_FIELDS: readonly string[] = [
  'email',
  ...new Set(FIELD_LABELS.map(([field]) => field)),
  'consentAt',
  'sourceTimestamp',
];

/** «НС-0007» for the 7th mentee (наставляемый), «НТ-0003» for the 3rd mentor (наставник). */
export function bankId(kind: PersonKind, seq: number): string {
  return `${kind === 'mentee' ? 'НС' : 'НТ'}-${String(seq).padStart(4, '0')}`;
}

export function mergeRecord<R extends PersonRecord>(
  existing: BankEntry<R> | null,
  incoming: R,
  options: MergeOptions,
): MergeResult<R> {
  const date = ruDate(options.now);
  if (existing === null || existing.status === WITHDRAWN_STATUS) {
    const line = `${date}: ${existing === null ? 'анкета получена' : 'анкета получена после отзыва согласия'}`;
    const record = {
      ...incoming,
      id: existing?.id ?? options.id ?? '',
      status: NEW_STATUS,
      history: appendHistory(existing?.history ?? '', line),
    } as BankEntry<R>;
    return { record, changed: true, history: line };
  }
  if (existing.kind !== incoming.kind) {
    throw new Error(`mergeRecord: a ${incoming.kind} record cannot update a ${existing.kind} entry`);
  }
  if (compareTimestamps(incoming.sourceTimestamp, existing.sourceTimestamp) <= 0) {
    return { record: existing, changed: false, history: null };
  }
  const changedFields = diffFields(existing, incoming);
  const line =
    changedFields.length > 0
      ? `${date}: анкета обновлена (изменены: ${changedFields.join(', ')})`
      : `${date}: анкета отправлена повторно, без изменений`;
  const record = {
    ...incoming,
    id: existing.id,
    status: existing.status,
    history: appendHistory(existing.history, line),
  } as BankEntry<R>;
  return { record, changed: true, history: line };
}

/** Labels of the answer fields that differ (arrays compared as sets), each label once. */
function diffFields(a: PersonRecord, b: PersonRecord): string[] {
  const labels: string[] = [];
  const av = a as unknown as Record<string, unknown>;
  const bv = b as unknown as Record<string, unknown>;
  for (const [field, label] of FIELD_LABELS) {
    if (!(field in av) && !(field in bv)) continue;
    if (!sameValue(av[field], bv[field]) && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = (xs: unknown[]) => JSON.stringify([...xs].map(String).sort());
    return key(a) === key(b);
  }
  return a === b;
}

/** Date-times compared as instants when both parse, else as strings. */
export function compareTimestamps(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta < tb ? -1 : ta > tb ? 1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ruDate(now: string): string {
  const day = toIsoDay(now.trim().slice(0, 10));
  if (day === null) throw new Error(`Not an ISO date: ${now}`);
  return formatRuDate(day);
}

export function appendHistory(history: string, line: string): string {
  const lines = history === '' ? [] : history.split('\n');
  lines.push(line);
  return lines.slice(-MAX_HISTORY_LINES).join('\n');
}

/**
 * What remains of an entry after its person withdrew the consent: id, kind, status «отозвано» and the
 * history (plus a dated line when `now` is given). Names become «Отозвано согласие»; every other
 * personal field is blank: '' for text, [] for lists, null for the experience, 0 for the capacity,
 * false for the duties consent.
 */
export function anonymize<R extends PersonRecord>(entry: BankEntry<R>, options: { now?: string } = {}): BankEntry<R> {
  const blank = {
    email: '',
    fullName: WITHDRAWN_NAME,
    position: '',
    subjects: [],
    experienceYears: null,
    category: '',
    mode: '',
    times: [],
    note: '',
    consentAt: '',
    sourceTimestamp: '',
  };
  const history =
    options.now === undefined
      ? entry.history
      : appendHistory(entry.history, `${ruDate(options.now)}: согласие отозвано, персональные данные удалены`);
  const base = { id: entry.id, status: WITHDRAWN_STATUS, history };
  const result =
    entry.kind === 'mentee'
      ? { kind: 'mentee', ...blank, requests: [], formatKind: '', ...base }
      : { kind: 'mentor', ...blank, competences: [], formatKinds: [], capacity: 0, dutiesConsent: false, ...base };
  return result as unknown as BankEntry<R>;
}
