/**
 * The monitoring in figures: per pair (group) and in total, per scale question, and who has not
 * answered yet. Pure and deterministic (no clock): the same input gives the same summary.
 *
 * - expected: the mentor and every mentee of each confirmed pair (a person in two pairs counts in each);
 * - answered: the people of a pair with a record of that pair (record.personId and record.pairId match);
 *   when there are several records for one person and pair, the latest (submittedAt) counts;
 * - satisfaction: the mean of the role's satisfaction scales (SCALE_QUESTIONS with `satisfaction`: for a
 *   mentee «программой» and «работой с наставником», for a mentor «программой» and «работой с
 *   наставляемыми»), over every such answer of the role's answering people;
 * - resolvedShare: the answering mentees' requests marked resolved / their requests (any case, ё = е);
 * - rates and shares are whole percents, means have one decimal, both rounded half up;
 * - questions: each scale question's mean over all records of its role (of any pair);
 * - pairs are listed by pair id; non-respondents by pair id, then the mentor first, then by name.
 */
import { foldRu } from '../dates';
import { SCALE_HIGH, SCALE_LOW, SCALE_QUESTIONS } from './forms';
import type {
  MonitoringPair,
  MonitoringRecord,
  MonitoringRole,
  MonitoringSummary,
  MonitoringTotals,
  NonRespondent,
  PairFigures,
  QuestionFigure,
} from './types';

export interface MonitoringSummaryInput {
  /** The confirmed pairs and groups. */
  pairs: readonly MonitoringPair[];
  /** The processed answers of the period. */
  records: readonly MonitoringRecord[];
  /** Names by bank id, for display; a missing name falls back to the pair's. */
  names: Readonly<Record<string, string>>;
}

/** A running mean: a sum and a count. */
interface Mean {
  sum: number;
  count: number;
}

const SATISFACTION_KEYS: Readonly<Record<MonitoringRole, readonly string[]>> = {
  mentee: SCALE_QUESTIONS.filter((q) => q.role === 'mentee' && q.satisfaction).map((q) => q.key),
  mentor: SCALE_QUESTIONS.filter((q) => q.role === 'mentor' && q.satisfaction).map((q) => q.key),
};

export function summarizeMonitoring(input: MonitoringSummaryInput): MonitoringSummary {
  const records = latestRecords(input.records);
  const nameOf = (id: string, fallback: string) => input.names[id]?.trim() || fallback.trim();

  const total = {
    expected: 0,
    answered: 0,
    mentee: mean(),
    mentor: mean(),
    requests: 0,
    resolved: 0,
    before: mean(),
    after: mean(),
  };
  const nonRespondents: NonRespondent[] = [];
  const pairs = [...input.pairs].sort((a, b) => compareText(a.pairId, b.pairId));

  const figures = pairs.map((pair): PairFigures => {
    const people = pairPeople(pair);
    let answered = 0;
    const satisfaction = { mentee: mean(), mentor: mean() };
    let requests = 0;
    let resolved = 0;
    for (const person of people) {
      const record = records.get(recordKey(person.id, pair.pairId));
      if (!record) {
        nonRespondents.push({
          personId: person.id,
          name: nameOf(person.id, person.name),
          role: person.role,
          pairId: pair.pairId,
        });
        continue;
      }
      answered++;
      for (const key of SATISFACTION_KEYS[person.role]) add(satisfaction[person.role], record.scores[key]);
      if (person.role === 'mentee') {
        const share = resolvedOf(record);
        requests += share.requests;
        resolved += share.resolved;
        add(total.before, record.before);
        add(total.after, record.after);
      }
    }
    total.expected += people.length;
    total.answered += answered;
    merge(total.mentee, satisfaction.mentee);
    merge(total.mentor, satisfaction.mentor);
    total.requests += requests;
    total.resolved += resolved;
    return {
      pairId: pair.pairId,
      mentorName: nameOf(pair.mentorId, pair.mentorName),
      expected: people.length,
      answered,
      responseRate: percent(answered, people.length) ?? 0,
      menteeSatisfaction: average(satisfaction.mentee),
      mentorSatisfaction: average(satisfaction.mentor),
      resolvedShare: percent(resolved, requests),
      programPercent: pair.programPercent,
      meetings: pair.meetings,
    };
  });

  const programs = mean();
  for (const pair of pairs) add(programs, pair.programPercent, 0, 100);
  const totals: MonitoringTotals = {
    pairs: pairs.length,
    expected: total.expected,
    answered: total.answered,
    responseRate: percent(total.answered, total.expected) ?? 0,
    menteeSatisfaction: average(total.mentee),
    mentorSatisfaction: average(total.mentor),
    resolvedShare: percent(total.resolved, total.requests),
    programPercent: programs.count === 0 ? null : roundRatio(programs.sum, programs.count, 0),
    meetings: pairs.reduce((n, p) => n + (Number.isFinite(p.meetings) ? p.meetings : 0), 0),
    before: average(total.before),
    after: average(total.after),
  };

  nonRespondents.sort(
    (a, b) =>
      compareText(a.pairId, b.pairId) ||
      roleOrder(a.role) - roleOrder(b.role) ||
      compareText(foldRu(a.name), foldRu(b.name)) ||
      compareText(a.personId, b.personId),
  );

  return { pairs: figures, totals, questions: questionFigures([...records.values()]), nonRespondents };
}

/** Each scale question's mean over all records of its role, in SCALE_QUESTIONS order. */
function questionFigures(records: readonly MonitoringRecord[]): QuestionFigure[] {
  return SCALE_QUESTIONS.map((q) => {
    const m = mean();
    for (const r of records) if (r.role === q.role) add(m, r.scores[q.key]);
    return { key: q.key, title: q.title, role: q.role, average: average(m), answers: m.count };
  });
}

interface PairPerson {
  id: string;
  name: string;
  role: MonitoringRole;
}

/** The mentor, then the mentees; a person listed twice counts once. */
function pairPeople(pair: MonitoringPair): PairPerson[] {
  const seen = new Set<string>();
  const out: PairPerson[] = [];
  const push = (id: string, name: string, role: MonitoringRole) => {
    const key = id.trim();
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ id: key, name, role });
  };
  push(pair.mentorId, pair.mentorName, 'mentor');
  for (const m of pair.mentees) push(m.id, m.name, 'mentee');
  return out;
}

/** How many of the mentee's requests they marked resolved (any case, ё = е, spaces collapsed). */
export function resolvedOf(record: Pick<MonitoringRecord, 'requests' | 'resolved'>): {
  requests: number;
  resolved: number;
} {
  const requests = new Set(record.requests.map(foldKey).filter((k) => k !== ''));
  const resolved = new Set(record.resolved.map(foldKey));
  let count = 0;
  for (const r of requests) if (resolved.has(r)) count++;
  return { requests: requests.size, resolved: count };
}

/** One record per person and pair: the latest answer (a later one in the input wins a tie). */
function latestRecords(records: readonly MonitoringRecord[]): Map<string, MonitoringRecord> {
  const out = new Map<string, MonitoringRecord>();
  for (const r of records) {
    const key = recordKey(r.personId, r.pairId);
    const seen = out.get(key);
    if (!seen || compareTimes(r.submittedAt, seen.submittedAt) >= 0) out.set(key, r);
  }
  return out;
}

function recordKey(personId: string, pairId: string): string {
  return `${personId.trim()}\u0000${pairId.trim()}`;
}

function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return compareText(a, b);
}

function roleOrder(role: MonitoringRole): number {
  return role === 'mentor' ? 0 : 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function foldKey(text: string): string {
  return foldRu(String(text)).replace(/\s+/g, ' ').trim();
}

function mean(): Mean {
  return { sum: 0, count: 0 };
}

/** Adds a value within [low, high]; anything else (missing, not a number, out of the scale) is skipped. */
function add(m: Mean, value: number | null | undefined, low = SCALE_LOW, high = SCALE_HIGH): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < low || value > high) return;
  m.sum += value;
  m.count++;
}

function merge(into: Mean, from: Mean): void {
  into.sum += from.sum;
  into.count += from.count;
}

/** One decimal, rounded half up; null when there is nothing to average. */
function average(m: Mean): number | null {
  return m.count === 0 ? null : roundRatio(m.sum, m.count, 1);
}

/** A whole percent, rounded half up; null when the whole is 0. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : roundRatio(part * 100, whole, 0);
}

/**
 * num / den rounded half up to `decimals` (8.25 → 8.3, 8.24 → 8.2). For whole numbers the arithmetic
 * is exact, so a half is never lost to binary floating point.
 */
export function roundRatio(num: number, den: number, decimals: number): number {
  const f = 10 ** decimals;
  if (Number.isInteger(num) && Number.isInteger(den) && den > 0) {
    return Math.floor((2 * num * f + den) / (2 * den)) / f;
  }
  return Math.round((num / den) * f + 1e-9) / f;
}
