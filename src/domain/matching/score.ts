/**
 * The score of a mentor for a mentee, with the reasons in Russian, and the hard constraints that forbid
 * a pair.
 *
 * Five criteria, each worth up to 10 points per unit of its weight (weights are 0–10, the methodologist
 * tunes them); the score is the rounded sum, a non-negative integer:
 * - requests (the main one): the share of the mentee's requests among the mentor's competences;
 * - subject: the same subject (full), or the same subject area (half);
 * - experience: how much longer the mentor has taught (10 years more or above: full), 70 %, and the
 *   mentor's category (высшая: full, первая: half), 30 %;
 * - format: the form (individual / group) among the mentor's forms, half; the meeting mode (the same,
 *   or either «Смешанно»), half;
 * - time: a convenient time in common.
 * An answer left blank is not a conflict, only not a match: a blank half of format, or a blank time,
 * gets a quarter of its points, and no reason is given for it.
 *
 * Hard constraints (the pair is forbidden, the score is null): a withdrawn consent (status «отозвано»),
 * no consent to personal-data processing on either side, a mentor without the consent to the
 * additional duties, the same person (the same email or id), a pair the methodologist excluded, and,
 * when asked for, no common request at all.
 */
import { yearsWord } from '../questionnaires/parse';
import { WITHDRAWN_STATUS, type BankEntry } from '../questionnaires/bank';
import type { MenteeRecord, MentorRecord } from '../questionnaires/records';
import { foldText, subjectArea } from './subjectAreas';

export type MenteeEntry = BankEntry<MenteeRecord>;
export type MentorEntry = BankEntry<MentorRecord>;

export interface Weights {
  requests: number;
  subject: number;
  experience: number;
  format: number;
  time: number;
}

export type Criterion = keyof Weights;

export const CRITERIA: readonly Criterion[] = ['requests', 'subject', 'experience', 'format', 'time'];

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  requests: 10,
  subject: 5,
  experience: 3,
  format: 2,
  time: 2,
});

/** Slider labels. */
export const WEIGHT_LABELS: Readonly<Record<Criterion, string>> = {
  requests: 'Запросы и компетенции',
  subject: 'Предмет',
  experience: 'Стаж и категория',
  format: 'Формат',
  time: 'Удобное время',
};

export const MAX_WEIGHT = 10;
/** Points of a criterion fully met, per unit of weight. */
export const POINTS_PER_WEIGHT = 10;
/** A mentor with this many more years than the mentee gets the full experience part. */
export const FULL_EXPERIENCE_GAP = 10;
export const NO_COMMON_REQUEST = 'запросы не совпадают с компетенциями наставника';
/** How many requests an explanation lists before «и ещё N». */
const MAX_LISTED = 3;

const MIXED_MODE = foldText('Смешанно');
const CATEGORY_SHARE: ReadonlyMap<string, number> = new Map([
  [foldText('Высшая'), 1],
  [foldText('Первая'), 0.5],
]);

/** Defaults, overridden by the given weights; anything but a number 0–10 is a clear Russian error. */
export function normalizeWeights(weights: Partial<Record<Criterion, unknown>> = {}): Weights {
  const out = { ...DEFAULT_WEIGHTS };
  for (const key of CRITERIA) {
    const value = weights[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_WEIGHT) {
      throw new Error(`Вес «${WEIGHT_LABELS[key]}» должен быть числом от 0 до ${MAX_WEIGHT}, а не «${String(value)}»`);
    }
    out[key] = value;
  }
  return out;
}

export interface PairContext {
  /** The methodologist excluded this pair. */
  excluded?: boolean;
  /** Forbid a pair without a single request among the mentor's competences (when the mentee has requests). */
  requireCommonRequest?: boolean;
}

export interface PairScore {
  score: number;
  /** The main reasons, most important first: «совпадают запросы: …», «один предмет — математика», … */
  reasons: string[];
}

/** How many reasons the one-line explanation keeps. */
export const MAX_REASONS = 3;

/** The main reasons joined into one line, as the sidebar shows them. */
export function explain(reasons: readonly string[], max = MAX_REASONS): string {
  return reasons.slice(0, max).join('; ');
}

/** The score and reasons, or null when a hard constraint forbids the pair (see forbiddenReason). */
export function scorePair(
  mentee: MenteeEntry,
  mentor: MentorEntry,
  weights: Readonly<Weights> = DEFAULT_WEIGHTS,
  context: PairContext = {},
): PairScore | null {
  const a = menteeProfile(mentee);
  const b = mentorProfile(mentor);
  if (pairForbidden(a, b, context) !== null) return null;
  return evaluate(a, b, weights);
}

/** Why the pair is forbidden, in Russian, or null when it is allowed. */
export function forbiddenReason(mentee: MenteeEntry, mentor: MentorEntry, context: PairContext = {}): string | null {
  return pairForbidden(menteeProfile(mentee), mentorProfile(mentor), context);
}

// ---- Prepared people: folded lists, computed once per person when a whole matrix is scored. ----

export interface MenteeProfile {
  entry: MenteeEntry;
  /** Why the mentee cannot be matched with anyone, or null. */
  blocked: string | null;
  emailKey: string;
  idKey: string;
  /** Folded request → its text, in the answer's order. */
  requests: Map<string, string>;
  requestKeys: string[];
  subjects: Map<string, string>;
  subjectKeys: string[];
  areas: string[];
  years: number;
  formatKind: string;
  mode: string;
  times: Map<string, string>;
  timeKeys: string[];
}

export interface MentorProfile {
  entry: MentorEntry;
  blocked: string | null;
  emailKey: string;
  idKey: string;
  competences: Set<string>;
  subjects: Set<string>;
  areas: Set<string>;
  /** null when unknown. */
  years: number | null;
  categoryShare: number;
  formatKinds: Set<string>;
  mode: string;
  times: Set<string>;
}

export function menteeProfile(entry: MenteeEntry): MenteeProfile {
  let blocked: string | null = null;
  if (entry.status === WITHDRAWN_STATUS) blocked = 'наставляемый отозвал согласие на обработку данных';
  else if (!hasText(entry.consentAt)) blocked = 'нет согласия наставляемого на обработку данных';
  const requests = foldedMap(entry.requests);
  const subjects = foldedMap(entry.subjects);
  const times = foldedMap(entry.times);
  return {
    entry,
    blocked,
    emailKey: foldText(entry.email ?? ''),
    idKey: String(entry.id ?? '').trim(),
    requests,
    requestKeys: [...requests.keys()],
    subjects,
    subjectKeys: [...subjects.keys()],
    areas: areasOf(subjects.values()),
    years: typeof entry.experienceYears === 'number' ? entry.experienceYears : 0,
    formatKind: foldText(entry.formatKind ?? ''),
    mode: foldText(entry.mode ?? ''),
    times,
    timeKeys: [...times.keys()],
  };
}

export function mentorProfile(entry: MentorEntry): MentorProfile {
  let blocked: string | null = null;
  if (entry.status === WITHDRAWN_STATUS) blocked = 'наставник отозвал согласие на обработку данных';
  else if (!hasText(entry.consentAt)) blocked = 'нет согласия наставника на обработку данных';
  else if (entry.dutiesConsent !== true) blocked = 'наставник не дал согласия на дополнительные обязанности';
  const subjects = foldedMap(entry.subjects);
  return {
    entry,
    blocked,
    emailKey: foldText(entry.email ?? ''),
    idKey: String(entry.id ?? '').trim(),
    competences: new Set(foldedMap(entry.competences).keys()),
    subjects: new Set(subjects.keys()),
    areas: new Set(areasOf(subjects.values())),
    years: typeof entry.experienceYears === 'number' ? entry.experienceYears : null,
    categoryShare: CATEGORY_SHARE.get(foldText(entry.category ?? '')) ?? 0,
    formatKinds: new Set(foldedMap(entry.formatKinds).keys()),
    mode: foldText(entry.mode ?? ''),
    times: new Set(foldedMap(entry.times).keys()),
  };
}

export function pairForbidden(a: MenteeProfile, b: MentorProfile, context: PairContext): string | null {
  if (a.blocked !== null) return a.blocked;
  if (b.blocked !== null) return b.blocked;
  if ((a.emailKey !== '' && a.emailKey === b.emailKey) || (a.idKey !== '' && a.idKey === b.idKey)) {
    return 'наставник и наставляемый — один и тот же человек';
  }
  if (context.excluded === true) return 'пара исключена методистом';
  if (
    context.requireCommonRequest === true &&
    a.requestKeys.length > 0 &&
    commonCount(a.requestKeys, b.competences) === 0
  ) {
    return 'у наставника нет компетенций по запросам наставляемого';
  }
  return null;
}

/**
 * The share (0–1) of each criterion, in CRITERIA order, written into `out`: no allocation, so a
 * 2 000 × 700 matrix is scored quickly. Both the number and the reasons come from here.
 */
function shares(a: MenteeProfile, b: MentorProfile, out: Float64Array): void {
  // Requests.
  const nReq = a.requestKeys.length;
  out[0] = nReq === 0 ? 0 : commonCount(a.requestKeys, b.competences) / nReq;
  // Subject, or else subject area.
  let subject = 0;
  for (const key of a.subjectKeys) {
    if (b.subjects.has(key)) {
      subject = 1;
      break;
    }
  }
  if (subject === 0) {
    for (const area of a.areas) {
      if (b.areas.has(area)) {
        subject = 0.5;
        break;
      }
    }
  }
  out[1] = subject;
  // Experience gap, and category.
  const gap = b.years === null ? 0 : clamp01((b.years - a.years) / FULL_EXPERIENCE_GAP);
  out[2] = 0.7 * gap + 0.3 * b.categoryShare;
  // Format: the form, then the meeting mode.
  let format = 0;
  if (a.formatKind === '' || b.formatKinds.size === 0) format += 0.125;
  else if (b.formatKinds.has(a.formatKind)) format += 0.5;
  if (a.mode === '' || b.mode === '') format += 0.125;
  else if (modesFit(a.mode, b.mode)) format += 0.5;
  out[3] = format;
  // Time.
  let time = a.timeKeys.length === 0 || b.times.size === 0 ? 0.25 : 0;
  if (time === 0 && commonCount(a.timeKeys, b.times) > 0) time = 1;
  out[4] = time;
}

function modesFit(a: string, b: string): boolean {
  return a === b || a === MIXED_MODE || b === MIXED_MODE;
}

const scratch = new Float64Array(CRITERIA.length);

/** The score of an allowed pair (no reasons): a non-negative integer. */
export function pairScore(a: MenteeProfile, b: MentorProfile, w: Readonly<Weights>): number {
  shares(a, b, scratch);
  return Math.round(
    POINTS_PER_WEIGHT *
      (w.requests * scratch[0] +
        w.subject * scratch[1] +
        w.experience * scratch[2] +
        w.format * scratch[3] +
        w.time * scratch[4]),
  );
}

/** The score of an allowed pair and its reasons, most important first. */
export function evaluate(a: MenteeProfile, b: MentorProfile, w: Readonly<Weights>): PairScore {
  const share = new Float64Array(CRITERIA.length);
  shares(a, b, share);
  const score = pairScore(a, b, w);
  const parts: { points: number; order: number; text: string | null }[] = [];
  CRITERIA.forEach((criterion, order) => {
    const points = w[criterion] * POINTS_PER_WEIGHT * share[order];
    if (points > 0) parts.push({ points, order, text: reasonText(criterion, a, b) });
  });
  parts.sort((x, y) => y.points - x.points || x.order - y.order);
  const reasons = parts.map((p) => p.text).filter((t): t is string => t !== null);
  // The main criterion missed entirely is the first thing to know about a pair.
  if (a.requestKeys.length > 0 && share[0] === 0) reasons.unshift(NO_COMMON_REQUEST);
  return { score, reasons };
}

/** The text of a criterion that scored points, or null when it scored only for a blank answer. */
function reasonText(criterion: Criterion, a: MenteeProfile, b: MentorProfile): string | null {
  switch (criterion) {
    case 'requests': {
      const common: string[] = [];
      for (const [key, text] of a.requests) if (b.competences.has(key)) common.push(text);
      const share = common.length < a.requests.size ? ` (${common.length} из ${a.requests.size})` : '';
      return `${common.length === 1 ? 'совпадает запрос' : 'совпадают запросы'}: ${listText(common)}${share}`;
    }
    case 'subject': {
      const same: string[] = [];
      for (const [key, text] of a.subjects) if (b.subjects.has(key)) same.push(text);
      if (same.length === 1) return `один предмет — ${lowerFirst(same[0])}`;
      if (same.length > 1) return `общие предметы — ${same.map(lowerFirst).join(', ')}`;
      const area = a.areas.find((x) => b.areas.has(x));
      return area === undefined ? null : `одна предметная область — ${area}`;
    }
    case 'experience': {
      const bits: string[] = [];
      if (b.years !== null && b.years > a.years) bits.push(`стаж наставника ${b.years} ${yearsWord(b.years)}`);
      if (b.categoryShare > 0) bits.push(`${lowerFirst(b.entry.category.trim())} категория`);
      return bits.length > 0 ? bits.join(', ') : null;
    }
    case 'format': {
      const bits: string[] = [];
      if (a.formatKind !== '' && b.formatKinds.has(a.formatKind)) bits.push(shortText(a.entry.formatKind));
      if (a.mode !== '' && b.mode !== '' && modesFit(a.mode, b.mode)) {
        bits.push(lowerFirst((a.mode === MIXED_MODE ? b.entry.mode : a.entry.mode).trim()));
      }
      return bits.length > 0 ? `формат: ${bits.join(', ')}` : null;
    }
    case 'time': {
      const same: string[] = [];
      for (const [key, text] of a.times) if (b.times.has(key)) same.push(text);
      return same.length > 0 ? `общее время: ${same.map(lowerFirst).join(', ')}` : null;
    }
  }
}

// ---- Helpers ----

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Folded value → the first spelling, blanks dropped. */
function foldedMap(values: readonly string[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of values ?? []) {
    const text = String(v).replace(/\s+/g, ' ').trim();
    const key = foldText(text);
    if (key !== '' && !map.has(key)) map.set(key, text);
  }
  return map;
}

function commonCount(keys: readonly string[], set: ReadonlySet<string>): number {
  let count = 0;
  for (const key of keys) if (set.has(key)) count++;
  return count;
}

function areasOf(subjects: Iterable<string>): string[] {
  const areas: string[] = [];
  for (const text of subjects) {
    const area = subjectArea(text);
    if (area !== null && !areas.includes(area)) areas.push(area);
  }
  return areas;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * A list value as it reads inside a sentence: the explanation in parentheses dropped («Работа с
 * родителями (законными представителями)» → «работа с родителями»), the first letter lower case unless
 * the word is an abbreviation («ГИА», «ОРКСЭ»).
 */
export function shortText(text: string): string {
  const short = text.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return lowerFirst(short === '' ? text.trim() : short);
}

function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1].toUpperCase() && text[1] !== text[1].toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function listText(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LISTED).map(shortText);
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(', ')} и ещё ${more}` : shown.join(', ');
}
