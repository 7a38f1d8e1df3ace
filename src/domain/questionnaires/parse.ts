/**
 * A submitted response → a clean record, or the reason there is none. Pure: the caller reads the
 * response (by question, not by column), calls this, then writes the record or deletes the raw
 * response (no consent). Answers are keyed by the questions' stable keys.
 *
 * A key that is absent from `answers` means the question could not be found in the response (renamed
 * or deleted in the form): for a required question that is 'invalid', never 'noConsent', so a response
 * is not deleted because of a mapping problem. A key present with an empty answer is an empty answer.
 */
import { foldRu } from '../dates';
import { looksLikeEmail, normalizeEmail } from './email';
import {
  MAX_PARAGRAPH_LENGTH,
  MAX_TEXT_LENGTH,
  resolveQuestion,
  type FormDefinition,
  type FormKey,
  type ResolvedFormDefinition,
  type ResolvedQuestion,
} from './forms';
import type { MenteeRecord, MentorRecord, RecordFor, WithdrawalRecord } from './records';

/** Question key → the answer: a string, or for a checkbox the chosen values (a joined string is split). */
export type Answers = Readonly<Record<string, string | readonly string[] | null | undefined>>;

export interface SubmissionMeta {
  /** The email the form collected. */
  email: string;
  /** The response's time, ISO date-time. */
  timestamp: string;
}

export type ParseFailure = { ok: false; reason: 'noConsent' | 'invalid'; message: string };
export type ParseResult<R> = { ok: true; record: R; notes: string[] } | ParseFailure;

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 5;
export const DEFAULT_CAPACITY = 1;
/** More years than this is not a teaching experience (probably a year, «1998»). */
const MAX_EXPERIENCE = 60;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const OTHER_PREFIX = /^(?:другое|other)\s*:\s*/i;

/**
 * Spaces and characters that print nothing (zero-width spaces and joiners, word joiner, BOM, soft
 * hyphen, direction marks, Hangul fillers): an answer made only of them is empty.
 */
const BLANK =
  '\\s\\u00AD\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u206A-\\u206F\\u3164\\uFFA0';
// Each character of the class stands alone (a lone zero-width joiner is meant, not a joined sequence).
// eslint-disable-next-line no-misleading-character-class
const BLANK_EDGES = new RegExp(`^[${BLANK}]+|[${BLANK}]+$`, 'g');

/** The answer without the blank characters around it. */
function trimBlank(text: string): string {
  return text.replace(BLANK_EDGES, '');
}

export function parseSubmission<K extends FormKey>(
  def: (FormDefinition | ResolvedFormDefinition) & { key: K },
  answers: Answers,
  meta: SubmissionMeta,
): ParseResult<RecordFor<K>> {
  const questions = new Map(def.questions.map((q) => [q.key, resolveQuestion(q)]));
  const timestamp = meta.timestamp.trim();
  if (!ISO_DATE_TIME.test(timestamp) || Number.isNaN(Date.parse(timestamp))) {
    return invalid(`Не удалось прочитать время ответа: «${meta.timestamp}»`);
  }
  for (const q of questions.values()) {
    if (q.required && !(q.key in answers)) {
      return invalid(`В ответе нет вопроса «${q.title}»: проверьте, не удалён ли он из формы`);
    }
  }
  const reader = new Reader(questions, answers);
  const consent = questions.get('consent');
  if (consent && !reader.multi('consent').some((v) => foldRu(v).startsWith('даю согласие'))) {
    return { ok: false, reason: 'noConsent', message: 'Нет согласия на обработку персональных данных' };
  }
  const email = normalizeEmail(meta.email ?? '');
  if (email === '') return invalid('В ответе нет адреса электронной почты');
  if (!looksLikeEmail(email)) reader.notes.push(`Адрес электронной почты выглядит неверно: ${email}`);

  if (def.key === 'withdrawal' && !reader.multi('confirm').some((v) => foldRu(v).startsWith('отзываю'))) {
    return invalid('Отзыв согласия не подтверждён');
  }
  // Read every answer in question order, so the notes come in that order too.
  for (const q of questions.values()) {
    if (q.type === 'checkbox') reader.multi(q.key);
    else reader.single(q.key);
  }
  const record = build(def.key, reader, email, timestamp);
  for (const q of questions.values()) {
    if (q.required && reader.isEmpty(q.key)) {
      const why = reader.isInvisible(q.key) ? ': ответ состоит только из пробелов и невидимых символов' : '';
      return invalid(`Нет ответа на обязательный вопрос «${q.title}»${why}`);
    }
  }
  return { ok: true, record: record as RecordFor<K>, notes: reader.notes };
}

function invalid(message: string): ParseFailure {
  return { ok: false, reason: 'invalid', message };
}

function build(
  key: FormKey,
  r: Reader,
  email: string,
  timestamp: string,
): MenteeRecord | MentorRecord | WithdrawalRecord {
  if (key === 'withdrawal') {
    return {
      kind: 'withdrawal',
      email,
      fullName: r.single('fullName'),
      reason: r.single('reason'),
      sourceTimestamp: timestamp,
    };
  }
  const experience = parseExperience(r.single('experience'));
  if (experience.note) r.notes.push(experience.note);
  const common = {
    email,
    fullName: r.single('fullName'),
    position: r.single('position'),
    subjects: r.multi('subjects'),
    experienceYears: experience.years,
    category: r.single('category'),
    mode: r.single('mode'),
    times: r.multi('times'),
    note: r.single('note'),
    consentAt: timestamp,
    sourceTimestamp: timestamp,
  };
  if (key === 'mentee') {
    return { kind: 'mentee', ...common, requests: r.multi('requests'), formatKind: r.single('formatKind') };
  }
  const capacity = parseCapacity(r.single('capacity'));
  if (capacity.note) r.notes.push(capacity.note);
  const dutiesConsent = foldRu(r.single('dutiesConsent')).startsWith('да');
  if (!dutiesConsent) {
    r.notes.push('Нет согласия на дополнительные обязанности наставника: без него в пару не назначается');
  }
  return {
    kind: 'mentor',
    ...common,
    competences: r.multi('competences'),
    formatKinds: r.multi('formatKinds'),
    capacity: capacity.value,
    dutiesConsent,
  };
}

/** Reads answers by key, cleaning and cutting them, and collects notes. */
class Reader {
  readonly notes: string[] = [];
  private readonly empty = new Set<string>();
  private readonly invisible = new Set<string>();
  private readonly cache = new Map<string, string | string[]>();

  constructor(
    private readonly questions: ReadonlyMap<string, ResolvedQuestion>,
    private readonly answers: Answers,
  ) {}

  isEmpty(key: string): boolean {
    return this.empty.has(key);
  }

  /** The answer was not empty but prints nothing (only spaces and zero-width characters). */
  isInvisible(key: string): boolean {
    return this.invisible.has(key);
  }

  single(key: string): string {
    const cached = this.cache.get(key);
    if (typeof cached === 'string') return cached;
    const value = this.readSingle(key);
    this.cache.set(key, value);
    return value;
  }

  multi(key: string): string[] {
    const cached = this.cache.get(key);
    if (Array.isArray(cached)) return [...cached];
    const value = this.readMulti(key);
    this.cache.set(key, value);
    return [...value];
  }

  private readSingle(key: string): string {
    const q = this.questions.get(key);
    const raw = this.answers[key];
    if (!q || raw === null || raw === undefined) return this.none(key, '');
    const given = typeof raw === 'string' ? raw : raw.join(', ');
    let text = trimBlank(given);
    const choice = matchChoice(text, q.choices);
    if (choice !== null) return choice;
    if (q.other) text = trimBlank(text.replace(OTHER_PREFIX, ''));
    if (text === '') {
      if (given !== '') this.invisible.add(key);
      return this.none(key, '');
    }
    return this.cut(q, text, q.type === 'paragraph' ? MAX_PARAGRAPH_LENGTH : MAX_TEXT_LENGTH);
  }

  private readMulti(key: string): string[] {
    const q = this.questions.get(key);
    const raw = this.answers[key];
    if (!q || raw === null || raw === undefined) return this.none(key, []);
    const choices = q.choices ?? [];
    const items = typeof raw === 'string' ? splitChoices(raw, choices) : raw;
    const seen = new Set<string>();
    const out: string[] = [];
    for (const item of items) {
      let value = matchChoice(trimBlank(String(item)), choices);
      if (value === null) {
        const text = trimBlank(trimBlank(String(item)).replace(OTHER_PREFIX, ''));
        value = text === '' ? null : this.cut(q, text, MAX_TEXT_LENGTH);
      }
      if (value === null) continue;
      const k = foldKey(value);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(value);
    }
    return out.length === 0 ? this.none(key, out) : out;
  }

  private none<T>(key: string, value: T): T {
    this.empty.add(key);
    return value;
  }

  private cut(q: ResolvedQuestion, text: string, limit: number): string {
    if (text.length <= limit) return text;
    this.notes.push(`Ответ на вопрос «${q.title}» сокращён до ${limit} символов`);
    return cutText(text, limit);
  }
}

/** Cuts to `limit` characters including a final «…», never splitting a surrogate pair. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let s = text.slice(0, limit - 1);
  if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
  return `${s}…`;
}

/** Text as choices are compared: any case, ё = е, spaces collapsed. */
export function foldKey(text: string): string {
  return foldRu(text).replace(/\s+/g, ' ').trim();
}

/** The choice the text names (any case, ё = е, spaces collapsed), in the choice's spelling. */
export function matchChoice(text: string, choices: readonly string[] | undefined): string | null {
  if (!choices || text === '') return null;
  const key = foldKey(text);
  return choices.find((c) => foldKey(c) === key) ?? null;
}

/**
 * A checkbox answer as Google joins it («A, B, Другой текст»). Options may contain ", " themselves
 * («Подготовка обучающихся к ГИА (ОГЭ, ЕГЭ)»), so known options are matched first, longest first;
 * text between them is the «Другое» answer, kept whole even when it has commas.
 */
export function splitChoices(text: string, choices: readonly string[]): string[] {
  const known = [...choices].sort((a, b) => b.length - a.length);
  const startsWithChoice = (s: string) => known.find((c) => s === c || s.startsWith(`${c}, `));
  const out: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const match = startsWithChoice(rest);
    if (match) {
      out.push(match);
      rest = rest.slice(match.length).replace(/^,\s*/, '');
      continue;
    }
    let cut = rest.length;
    for (let i = rest.indexOf(', '); i >= 0; i = rest.indexOf(', ', i + 2)) {
      if (startsWithChoice(rest.slice(i + 2))) {
        cut = i;
        break;
      }
    }
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).replace(/^,\s*/, '');
  }
  return out.filter((s) => s !== '');
}

export interface ExperienceParse {
  years: number | null;
  /** Set when the text was not a plain number: what was understood, or that nothing was. */
  note: string | null;
}

/**
 * Teaching experience from free text: «12», «12 лет», «1,5 года» → the number; «около 5», «5-7»,
 * «8 месяцев», «полгода», «меньше года» → a number with a note; «много», «1998» → null with a note.
 */
export function parseExperience(text: string): ExperienceParse {
  const s = foldRu(text).replace(/\s+/g, ' ').trim();
  if (s === '') return { years: null, note: null };
  const plain = /^(\d{1,3}(?:[.,]\d+)?)\s*(?:год|года|лет|г\.?)?\.?$/.exec(s);
  if (plain) {
    const years = toNumber(plain[1]);
    return years <= MAX_EXPERIENCE ? { years, note: null } : unreadable(text);
  }
  const months = /(\d{1,3})\s*мес/.exec(s);
  if (months && !/\d\s*(?:год|года|лет)/.test(s)) {
    return understood(text, Math.round((Number(months[1]) / 12) * 10) / 10);
  }
  if (/полгода|пол года/.test(s)) return understood(text, 0.5);
  if (/(?:меньше|менее|до) года|первый год|без стажа|^нет$|молодой специалист/.test(s)) return understood(text, 0);
  const first = /(\d+(?:[.,]\d+)?)/.exec(s);
  if (first) {
    const years = toNumber(first[1]);
    if (years <= MAX_EXPERIENCE) return understood(text, years);
  }
  return unreadable(text);
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

function understood(text: string, years: number): ExperienceParse {
  return { years, note: `Стаж «${text.trim()}» понят как ${years} ${yearsWord(years)}` };
}

function unreadable(text: string): ExperienceParse {
  return { years: null, note: `Стаж не распознан: «${text.trim()}»; уточните его в таблице` };
}

/** 1 год, 2 года, 5 лет, 1.5 года. */
export function yearsWord(n: number): string {
  if (!Number.isInteger(n)) return 'года';
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return 'год';
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return 'года';
  return 'лет';
}

/** «3» → 3; empty → 1; outside 1–5 → clamped, with a note. */
export function parseCapacity(text: string): { value: number; note: string | null } {
  const m = /\d+/.exec(text);
  if (!m) {
    return {
      value: DEFAULT_CAPACITY,
      note:
        text.trim() === '' ? null : `Число наставляемых «${text.trim()}» не распознано; принято ${DEFAULT_CAPACITY}`,
    };
  }
  const n = Number(m[0]);
  const value = Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, n));
  return { value, note: value === n ? null : `Число наставляемых ${n} вне пределов 1–5; принято ${value}` };
}
