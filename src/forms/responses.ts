import {
  anonymize,
  mergeRecord,
  normalizeEmail,
  parseSubmission,
  type Answers,
  type BankEntry,
  type FormKey,
  type MenteeRecord,
  type MentorRecord,
  type PersonKind,
  type ResolvedFormDefinition,
  type WithdrawnPerson,
} from '../domain/questionnaires';
import { Bank } from '../sheets/banks';
import { normalizeHeader } from '../sheets/headers';
import { logAction } from '../sheets/logSheet';
import type { FormEntry, FormRegistry } from './registry';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where a response sheet's answers are: column per question key, the timestamp and the email. */
export interface ResponseColumns {
  timestamp: number;
  email: number;
  questions: Record<string, number>;
}

/**
 * Maps a response sheet's header to the questions: by each question's CURRENT title in the form (found
 * by item id, so a question renamed in the form still maps), else by the add-on's own title. Staff may
 * move columns. Returns the titles of required questions that are missing.
 */
export function mapResponseColumns(
  header: readonly unknown[],
  def: Pick<ResolvedFormDefinition, 'questions'>,
  currentTitles: Record<string, string>,
): { columns: ResponseColumns; missing: string[] } {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !at.has(key)) at.set(key, i);
  });
  const find = (...titles: Array<string | undefined>) => {
    for (const t of titles) if (t && at.has(normalizeHeader(t))) return at.get(normalizeHeader(t))!;
    return -1;
  };
  const questions: Record<string, number> = {};
  const missing: string[] = [];
  for (const q of def.questions) {
    const col = find(currentTitles[q.key], q.title);
    if (col >= 0) questions[q.key] = col;
    else if (q.required) missing.push(currentTitles[q.key] ?? q.title);
  }
  // Google writes the timestamp first and, when it collects emails, the email second; the email
  // column's Russian header is not documented, so it is found by name or else by position.
  const emailByName = header.findIndex((h) => /почт|e-?mail/i.test(String(h)));
  return { columns: { timestamp: 0, email: emailByName >= 0 ? emailByName : 1, questions }, missing };
}

/** The titles the form's questions have now, by question key (one FormApp read per question). */
export function currentTitles(entry: FormEntry): Record<string, string> {
  const titles: Record<string, string> = {};
  try {
    const form = FormApp.openById(entry.formId);
    for (const [key, itemId] of Object.entries(entry.items)) {
      const item = form.getItemById(itemId);
      if (item) titles[key] = item.getTitle();
    }
  } catch {
    // The form was deleted: the add-on's own titles are tried instead.
  }
  return titles;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function iso(value: unknown): string {
  return Object.prototype.toString.call(value) === '[object Date]'
    ? (value as Date).toISOString()
    : String(value ?? '');
}

/**
 * A response row as the parsers take it: answers by question key, the e-mail and the ISO timestamp.
 * A date answer (Forms writes a date question's answer as a date) becomes its ISO day through `day`
 * (cells.ts isoDayReader, in the spreadsheet's zone); without `day`, its ISO time.
 */
export function readAnswers(
  columns: ResponseColumns,
  row: readonly unknown[],
  day?: (value: unknown) => string,
): { answers: Record<string, string>; meta: { email: string; timestamp: string } } {
  const answers: Record<string, string> = {};
  for (const [q, col] of Object.entries(columns.questions)) {
    const value = row[col];
    answers[q] = day && isDate(value) ? day(value) : isDate(value) ? iso(value) : String(value ?? '');
  }
  return { answers, meta: { email: String(row[columns.email] ?? ''), timestamp: iso(row[columns.timestamp]) } };
}

/**
 * The submitted row of a response sheet and where its questions are. Null — with the missing questions
 * written to «Журнал» — when staff renamed or deleted a required question's column.
 */
export function readResponseRow(
  ss: Spreadsheet,
  sheet: Sheet,
  rowNumber: number,
  def: Pick<ResolvedFormDefinition, 'questions' | 'title'>,
  entry: FormEntry,
): { columns: ResponseColumns; row: unknown[] } | null {
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  // The titles kept from the build first; the form is asked only when one of them is not in the header.
  let mapped = mapResponseColumns(header, def, entry.titles ?? {});
  if (def.questions.some((q) => mapped.columns.questions[q.key] === undefined)) {
    mapped = mapResponseColumns(header, def, currentTitles(entry));
  }
  const { columns, missing } = mapped;
  if (missing.length > 0) {
    logAction(
      ss,
      `Ошибка: ${def.title}`,
      `В листе «${sheet.getName()}» не найдены вопросы: ${missing.join('; ')}. Верните заголовки столбцов или обновите анкеты.`,
    );
    return null;
  }
  return { columns, row: sheet.getRange(rowNumber, 1, 1, width).getValues()[0] };
}

export type Outcome = 'added' | 'updated' | 'unchanged' | 'noConsent' | 'invalid' | 'withdrawn';

/** One person's answers → the bank, the removal of a response without consent, or a withdrawal. */
export class ResponseProcessor {
  private readonly banks: Partial<Record<PersonKind, Bank>> = {};
  readonly outcomes: Outcome[] = [];
  /** Bank ids of the people who withdrew their consent (their pairs must be anonymized too). */
  readonly withdrawnIds: string[] = [];
  /** The same people as they were before anonymizing: what must be erased everywhere else. */
  readonly withdrawn: WithdrawnPerson[] = [];
  /** Why the last answer was 'invalid' (Russian, no personal data); '' after any other outcome. */
  lastProblem = '';

  constructor(
    private readonly ss: Spreadsheet,
    private readonly now: string,
  ) {}

  bank(kind: PersonKind): Bank {
    return (this.banks[kind] ??= Bank.open(this.ss, kind));
  }

  process(key: FormKey, def: ResolvedFormDefinition, columns: ResponseColumns, row: readonly unknown[]): Outcome {
    const { answers, meta } = readAnswers(columns, row);
    const parsed = parseSubmission(def as ResolvedFormDefinition & { key: typeof key }, answers as Answers, meta);
    this.lastProblem = parsed.ok || parsed.reason === 'noConsent' ? '' : parsed.message;
    if (!parsed.ok) return this.done(parsed.reason === 'noConsent' ? 'noConsent' : 'invalid');
    if (parsed.record.kind === 'withdrawal') {
      this.withdraw(parsed.record.email);
      return this.done('withdrawn');
    }
    const record = parsed.record as MenteeRecord | MentorRecord;
    const bank = this.bank(record.kind);
    const existing = bank.find(record.email);
    const merged = mergeRecord(existing, record, { now: this.now, id: bank.nextId() });
    if (!merged.changed) return this.done('unchanged');
    bank.put(merged.record, parsed.notes.join(' '));
    return this.done(existing ? 'updated' : 'added');
  }

  /**
   * Before filing answers again: gives each answer's e-mail back to the bank row it made, when the
   * row lost it (a deleted «Email» column comes back empty), so the answer updates that row instead
   * of adding the person a second time.
   */
  relink(key: FormKey, def: ResolvedFormDefinition, columns: ResponseColumns, row: readonly unknown[]): void {
    const { answers, meta } = readAnswers(columns, row);
    const parsed = parseSubmission(def as ResolvedFormDefinition & { key: typeof key }, answers as Answers, meta);
    if (!parsed.ok || parsed.record.kind === 'withdrawal') return;
    const record = parsed.record as MenteeRecord | MentorRecord;
    this.bank(record.kind).relink(record.email, record.sourceTimestamp, record.fullName);
  }

  /** Consent withdrawn: the person's entries in both banks are anonymized (ids and history stay). */
  withdraw(email: string): void {
    const key = normalizeEmail(email);
    for (const kind of ['mentee', 'mentor'] as const) {
      const entry = this.bank(kind).find(key);
      if (!entry) continue;
      this.withdrawn.push({ id: entry.id, fullName: entry.fullName, email: entry.email });
      this.bank(kind).put(anonymize(entry as BankEntry, { now: this.now }), '');
      this.withdrawnIds.push(entry.id);
    }
  }

  flush(): void {
    for (const bank of Object.values(this.banks)) bank?.flush();
  }

  private done(outcome: Outcome): Outcome {
    this.outcomes.push(outcome);
    return outcome;
  }
}

/**
 * Removes a person's answers from every response sheet of the add-on's forms: the cells of their rows
 * are blanked but the timestamp (the rows stay, so the sheet still lines up with the form).
 */
export function scrubResponses(ss: Spreadsheet, registry: FormRegistry, email: string): number {
  const key = normalizeEmail(email);
  let scrubbed = 0;
  // One listing of the sheets for every form (a lookup per form would list them each time).
  const sheets = new Map(ss.getSheets().map((s) => [s.getSheetId(), s]));
  for (const entry of Object.values(registry) as FormEntry[]) {
    const sheet = entry.sheetId === null ? null : (sheets.get(entry.sheetId) ?? null);
    if (!sheet || sheet.getLastRow() < 2) continue;
    const values = sheet.getDataRange().getValues();
    const emailCol = values[0].findIndex((h) => /почт|e-?mail/i.test(String(h)));
    const col = emailCol >= 0 ? emailCol : 1;
    values.forEach((row, i) => {
      if (i === 0 || normalizeEmail(String(row[col] ?? '')) !== key) return;
      const blank = row.map((cell, c) => (c === 0 ? cell : c === col ? WITHDRAWN_MARK : ''));
      sheet.getRange(i + 1, 1, 1, blank.length).setValues([blank]);
      scrubbed++;
    });
  }
  return scrubbed;
}

/** What stands in the email cell of a response whose author withdrew their consent. */
export const WITHDRAWN_MARK = '(согласие отозвано)';

/** What stands in the email cell of a response removed for lack of consent (counted by «Сводка»). */
export const NO_CONSENT_MARK = '(нет согласия — ответ удалён)';

/** A response without consent keeps only its timestamp and a mark: no personal data is stored. */
export function removeAnswers(sheet: Sheet, rowNumber: number, row: readonly unknown[], emailCol: number): void {
  const blank = row.map((cell, c) => (c === 0 ? cell : c === emailCol ? NO_CONSENT_MARK : ''));
  sheet.getRange(rowNumber, 1, 1, blank.length).setValues([blank]);
}

export function sheetById(ss: Spreadsheet, id: number): Sheet | null {
  return ss.getSheets().find((s) => s.getSheetId() === id) ?? null;
}

/**
 * One «Журнал» line for the answers of one questionnaire filed together, without personal data: what
 * happened and how often («новая запись в банке (3); запись в банке обновлена»). Nothing when no
 * answer changed anything.
 */
export function logOutcomes(ss: Spreadsheet, formTitle: string, outcomes: readonly Outcome[]): void {
  const text: Record<Outcome, string> = {
    added: 'новая запись в банке',
    updated: 'запись в банке обновлена',
    unchanged: 'повторная обработка, изменений нет',
    noConsent: 'ответ без согласия на обработку персональных данных удалён',
    invalid: 'ответ не удалось обработать',
    withdrawn: 'согласие отозвано, персональные данные удалены',
  };
  const counts = new Map<Outcome, number>();
  for (const o of outcomes) if (o !== 'unchanged') counts.set(o, (counts.get(o) ?? 0) + 1);
  if (counts.size === 0) return;
  const parts = [...counts].map(([o, n]) => (n > 1 ? `${text[o]} (${n})` : text[o]));
  logAction(ss, `Анкета: ${formTitle}`, parts.join('; '));
}
