/**
 * A monitoring answer or a meeting report → a clean record, or the reason there is none. Pure: the
 * caller reads the response by question key, looks people and pairs up in the banks through `lookup`,
 * calls this, then writes the record (or drops the response: without consent it is not stored).
 *
 * The same conventions as the questionnaires (questionnaires/parse.ts):
 * - a key absent from `answers` means the question was not found in the response (renamed or deleted in
 *   the form): for a required question that is 'invalid', never 'noConsent';
 * - free texts are trimmed and cut to MAX_TEXT_LENGTH / MAX_PARAGRAPH_LENGTH (with a final «…»);
 * - a text that looks like a formula («=…», «+…», «-…», «@…») is kept verbatim in the record: the sheet
 *   layer writes every such text through safeText (sheets/cells.ts), which makes Sheets keep it as text.
 * In addition, control and invisible formatting characters (bidi overrides, zero-width) are removed.
 *
 * The person and their role come from the banks (by the email the form collected), never from the
 * prefilled answers, which are a convenience only. Messages are Russian and carry no personal data and
 * no answer text.
 */
import { addDays, foldRu, toIsoDay } from '../dates';
import { activityId } from '../programs/draft';
import { normalizeEmail } from '../questionnaires/email';
import { MAX_PARAGRAPH_LENGTH, MAX_TEXT_LENGTH, type ResolvedQuestion } from '../questionnaires/forms';
import {
  cutText,
  foldKey,
  matchChoice,
  splitChoices,
  type Answers,
  type SubmissionMeta,
} from '../questionnaires/parse';
import { MAX_MEETING_MINUTES, Q, SCALE_HIGH, SCALE_LOW, type YearFormDefinition } from './forms';
import type { MeetingRecord, MonitoringRecord, MonitoringRole, YearFormKey } from './types';

export type { Answers, SubmissionMeta };

/** A person of the banks, as the parser needs them. */
export interface MonitoringPerson {
  /** Bank id: «НС-0001» (mentee) or «НТ-0001» (mentor). */
  id: string;
  role: MonitoringRole;
  /** The mentee's requests (competences) as the bank has them now; [] for a mentor. */
  requests: string[];
}

/** What the parser asks the banks and «Пары и группы». */
export interface MonitoringLookup {
  /** By the normalized email (trimmed, lower case); null when the address is in neither bank. */
  personIdByEmail(email: string): MonitoringPerson | null;
  /** The id of the pair a choice of the pair question names («П-0003 — …» → «П-0003»), or null. */
  pairIdOfChoice(choice: string): string | null;
  /** The confirmed pairs and groups the person is in (as mentor or mentee). */
  pairsOf(personId: string): string[];
}

export type MonitoringFailureReason = 'noConsent' | 'unknownPerson' | 'wrongPair' | 'invalid';
export type MeetingFailureReason = Exclude<MonitoringFailureReason, 'noConsent'>;

export type MonitoringParseResult =
  { ok: true; record: MonitoringRecord } | { ok: false; reason: MonitoringFailureReason; message: string };

export type MeetingParseResult =
  { ok: true; record: MeetingRecord } | { ok: false; reason: MeetingFailureReason; message: string };

type Failure<R extends MonitoringFailureReason> = { ok: false; reason: R; message: string };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A UTC time: the day may already have turned in Russia (UTC+2…+12). */
const UTC_TIME = /(?:Z|[+-]00:?00)$/i;
const OTHER_PREFIX = /^(?:другое|other)\s*:\s*/i;
/** The consent choice, or an edited one that still says so. */
const CONSENT_PREFIXES = ['согласен', 'согласна', 'даю согласие'];

const MONITORING_FORMS: Readonly<Record<MonitoringRole, YearFormKey>> = {
  mentee: 'monitoringMentee',
  mentor: 'monitoringMentor',
};

// ---------------------------------------------------------------------------------------------------
// Monitoring

export function parseMonitoring(
  def: YearFormDefinition,
  answers: Answers,
  meta: SubmissionMeta,
  lookup: MonitoringLookup,
): MonitoringParseResult {
  const formRole = (Object.keys(MONITORING_FORMS) as MonitoringRole[]).find((r) => MONITORING_FORMS[r] === def.key);
  if (!formRole) return invalid('Эта форма — не анкета мониторинга');
  const start = begin(def, answers, meta);
  if (!start.ok) return start;
  const { reader, timestamp } = start;

  if (!hasConsent(reader.multi(Q.consent))) {
    return { ok: false, reason: 'noConsent', message: 'Нет согласия на обработку ответов: ответ не сохранён' };
  }
  const person = findPerson(meta, lookup);
  if (!person.ok) return person;
  const { id, role, requests } = person.person;
  if (role !== formRole) {
    return invalid(
      role === 'mentor'
        ? 'Ответ наставника пришёл в анкету наставляемого: нужна анкета наставника'
        : 'Ответ наставляемого пришёл в анкету наставника: нужна анкета наставляемого',
    );
  }
  const pair = findPair(reader, id, lookup);
  if (!pair.ok) return pair;

  const scores: Record<string, number> = {};
  for (const q of def.questions) {
    if (q.type !== 'scale') continue;
    const score = reader.score(q);
    if (score === 'bad') {
      return invalid(`Оценка в вопросе «${q.title}» должна быть целым числом от ${SCALE_LOW} до ${SCALE_HIGH}`);
    }
    if (score !== null) scores[q.key] = score;
  }
  const missing = reader.missingRequired();
  if (missing) return invalid(`Нет ответа на обязательный вопрос «${missing.title}»`);

  const record: MonitoringRecord = {
    personId: id,
    role,
    pairId: pair.pairId,
    submittedAt: timestamp,
    scores,
    requests: requests.map((r) => r.trim()).filter((r) => r !== ''),
    resolved: role === 'mentee' ? reader.multi(Q.resolved) : [],
    before: role === 'mentee' ? (scores[Q.competenceBefore] ?? null) : null,
    after: role === 'mentee' ? (scores[Q.competenceAfter] ?? null) : null,
    readiness: role === 'mentor' ? reader.single(Q.readiness) : '',
    difficulties: role === 'mentor' ? reader.multi(Q.difficulties).join('; ') : '',
    change: reader.single(Q.change),
  };
  return { ok: true, record };
}

// ---------------------------------------------------------------------------------------------------
// Meeting report

export function parseMeetingReport(
  def: YearFormDefinition,
  answers: Answers,
  meta: SubmissionMeta,
  lookup: MonitoringLookup,
): MeetingParseResult {
  if (def.key !== 'meetingReport') return invalid('Эта форма — не отчёт о встрече');
  const start = begin(def, answers, meta);
  if (!start.ok) return start;
  const { reader, timestamp } = start;

  const person = findPerson(meta, lookup);
  if (!person.ok) return person;
  const { id, role } = person.person;
  const pair = findPair(reader, id, lookup);
  if (!pair.ok) return pair;
  if (role !== 'mentor') return wrongPair('Отчёт о встрече отправляет наставник пары (группы)');

  const missing = reader.missingRequired();
  if (missing) return invalid(`Нет ответа на обязательный вопрос «${missing.title}»`);

  const date = parseMeetingDate(reader.single(Q.date));
  if (date === null) return invalid('Не удалось прочитать дату встречи: укажите её в формате дд.мм.гггг');
  if (date > latestMeetingDay(timestamp)) return invalid('Дата встречи позже дня отправки отчёта');

  const duration = parseDuration(reader.single(Q.duration));
  if (duration === 'bad') {
    return invalid(`Длительность встречи — целое число минут от 1 до ${MAX_MEETING_MINUTES}`);
  }
  const record: MeetingRecord = {
    pairId: pair.pairId,
    date,
    format: reader.single(Q.format),
    topic: reader.single(Q.topic),
    duration,
    activityId: normalizeActivityId(reader.single(Q.activity)),
    note: reader.single(Q.note),
    reportedBy: id,
    submittedAt: timestamp,
  };
  return { ok: true, record };
}

/** «14.10.2026», «4.9.2026», «2026-10-14» (also with «г.») → the ISO day; anything else → null. */
export function parseMeetingDate(text: string): string | null {
  const s = text.replace(/\s*г\.?$/i, '').trim();
  return toIsoDay(s);
}

/**
 * The last day a meeting may be dated for a report sent at `timestamp`: the answer's day; for a UTC
 * time (what Google's responses give) one day later, since in Russia (UTC+2…+12) the day may already
 * have turned.
 */
export function latestMeetingDay(timestamp: string): string {
  const t = timestamp.trim();
  const day = t.slice(0, 10);
  return UTC_TIME.test(t) ? addDays(day, 1) : day;
}

/** Minutes: «45», «45 мин», «45 минут» → 45; empty → null; not a whole number in 1–600 → 'bad'. */
export function parseDuration(text: string): number | null | 'bad' {
  const s = foldRu(text).replace(/\s+/g, ' ').trim();
  if (s === '') return null;
  const m = /^(\d{1,4})(?: ?(?:мин|мин\.|минут|минуты|минута))?$/.exec(s);
  if (!m) return 'bad';
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_MEETING_MINUTES ? n : 'bad';
}

/**
 * A program activity as the program numbers it: «А-03», the «А» Cyrillic (programs/draft.ts,
 * activityId). «a3», «A3», «А 3», «№ А-3», «A-003» → «А-03». Other text is kept trimmed and upper case.
 */
export function normalizeActivityId(text: string): string {
  const s = cleanText(text, MAX_TEXT_LENGTH, false).toUpperCase();
  const m = /^(?:№\s*)?[AА]\s*[-–—]?\s*0*(\d{1,3})$/.exec(s);
  if (m && Number(m[1]) > 0) return activityId(Number(m[1]));
  return s;
}

// ---------------------------------------------------------------------------------------------------
// Shared steps

function begin(
  def: YearFormDefinition,
  answers: Answers,
  meta: SubmissionMeta,
): { ok: true; reader: Reader; timestamp: string } | Failure<'invalid'> {
  const timestamp = (meta.timestamp ?? '').trim();
  if (!ISO_DATE_TIME.test(timestamp) || Number.isNaN(Date.parse(timestamp))) {
    return invalid('Не удалось прочитать время ответа');
  }
  for (const q of def.questions) {
    if (q.required && !(q.key in answers)) {
      return invalid(`В ответе нет вопроса «${q.title}»: проверьте, не удалён ли он из формы`);
    }
  }
  return { ok: true, reader: new Reader(def.questions, answers), timestamp };
}

function findPerson(
  meta: SubmissionMeta,
  lookup: MonitoringLookup,
): { ok: true; person: MonitoringPerson } | Failure<'invalid' | 'unknownPerson'> {
  const email = normalizeEmail(meta.email ?? '');
  if (email === '') return invalid('В ответе нет адреса электронной почты');
  const person = lookup.personIdByEmail(email);
  if (!person) {
    return {
      ok: false,
      reason: 'unknownPerson',
      message: 'Адрес, с которого отправлен ответ, не найден в базе наставляемых и наставников: ответ не сохранён',
    };
  }
  return { ok: true, person };
}

function findPair(
  reader: Reader,
  personId: string,
  lookup: MonitoringLookup,
): { ok: true; pairId: string } | Failure<'invalid' | 'wrongPair'> {
  const choice = reader.single(Q.pair);
  if (choice === '') return invalid('Не выбрана пара (группа)');
  const pairId = lookup.pairIdOfChoice(choice);
  if (pairId === null) return wrongPair('Выбранная пара (группа) не найдена среди утверждённых');
  if (!lookup.pairsOf(personId).includes(pairId)) {
    return wrongPair(`Отвечающий не участвует в паре (группе) ${pairId}`);
  }
  return { ok: true, pairId };
}

function hasConsent(values: readonly string[]): boolean {
  return values.some((v) => CONSENT_PREFIXES.some((p) => foldKey(v).startsWith(p)));
}

function invalid(message: string): Failure<'invalid'> {
  return { ok: false, reason: 'invalid', message };
}

function wrongPair(message: string): Failure<'wrongPair'> {
  return { ok: false, reason: 'wrongPair', message };
}

// ---------------------------------------------------------------------------------------------------
// Reading and cleaning answers

/** Reads answers by key, cleaning them and cutting them to the questionnaires' lengths. */
class Reader {
  private readonly questions: ReadonlyMap<string, ResolvedQuestion>;

  constructor(
    questions: readonly ResolvedQuestion[],
    private readonly answers: Answers,
  ) {
    this.questions = new Map(questions.map((q) => [q.key, q]));
  }

  /** The first required question (form order) without an answer, or null. */
  missingRequired(): ResolvedQuestion | null {
    for (const q of this.questions.values()) {
      if (!q.required) continue;
      if (q.type === 'checkbox' ? this.multi(q.key).length === 0 : this.single(q.key) === '') return q;
    }
    return null;
  }

  single(key: string): string {
    const q = this.questions.get(key);
    const raw = this.answers[key];
    if (!q || raw === null || raw === undefined) return '';
    const text = cleanText(typeof raw === 'string' ? raw : raw.join(', '), Infinity, q.type === 'paragraph');
    const choice = matchChoice(text, q.choices);
    if (choice !== null) return choice;
    const free = q.other ? text.replace(OTHER_PREFIX, '') : text;
    return cutText(free, q.type === 'paragraph' ? MAX_PARAGRAPH_LENGTH : MAX_TEXT_LENGTH);
  }

  multi(key: string): string[] {
    const q = this.questions.get(key);
    const raw = this.answers[key];
    if (!q || raw === null || raw === undefined) return [];
    const choices = q.choices ?? [];
    const items = typeof raw === 'string' ? splitChoices(cleanText(raw, Infinity, false), choices) : raw;
    const seen = new Set<string>();
    const out: string[] = [];
    for (const item of items) {
      const text = cleanText(String(item ?? ''), Infinity, false);
      const value = matchChoice(text, choices) ?? cutText(text.replace(OTHER_PREFIX, ''), MAX_TEXT_LENGTH);
      const k = foldKey(value);
      if (value === '' || seen.has(k)) continue;
      seen.add(k);
      out.push(value);
    }
    return out;
  }

  /** A scale answer: the whole number, null when empty, 'bad' when not a whole number in the scale. */
  score(q: ResolvedQuestion): number | null | 'bad' {
    const text = this.single(q.key);
    if (text === '') return null;
    const low = q.scale?.low ?? SCALE_LOW;
    const high = q.scale?.high ?? SCALE_HIGH;
    if (!/^\d{1,3}$/.test(text)) return 'bad';
    const n = Number(text);
    return n >= low && n <= high ? n : 'bad';
  }
}

/**
 * Control characters (but tab, CR and LF, which cleanText turns into spaces or line breaks), the soft hyphen,
 * and invisible formatting: zero-width characters, bidi overrides and isolates, the byte-order mark.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A person's text made clean: control and invisible formatting characters removed, spaces collapsed,
 * trimmed, cut to `limit` characters. A single line keeps no line breaks; a paragraph keeps them
 * (at most one empty line in a row).
 */
export function cleanText(raw: string, limit: number, multiline: boolean): string {
  let s = String(raw)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '');
  if (multiline) {
    s = s
      .split('\n')
      .map((line) => line.replace(/[\t ]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    s = s.replace(/\s+/g, ' ');
  }
  s = s.trim();
  return Number.isFinite(limit) ? cutText(s, limit) : s;
}
