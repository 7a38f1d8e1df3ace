/**
 * The proposal of pairs and groups (stages 4.1 and 5.1): scores every mentor for every mentee, keeps
 * the methodologist's locked pairs, solves the rest optimally (assign: the most matched mentees, then
 * the highest total score, within the mentors' capacities), and explains the result.
 *
 * - A mentor with one mentee forms a «пара», with more a «группа»: with capacity > 1 the solver fills a
 *   mentor with the mentees who score highest with them, and the score is led by the overlap of
 *   requests with the mentor's competences, so a group gathers mostly similar requests.
 * - The mentor's form is a hard rule (formats.ts): «only individual» is one place; «only group» is never
 *   a single mentee (such a mentor is closed and the rest solved again). A mentee's wish for a pair or
 *   a group that the proposal does not meet is named, with the reason, first in their explanation.
 * - Confirmed units (`fixed`) are kept as they are, their mentors closed; a lock repeating one is no
 *   warning.
 * - Locked pairs are kept exactly and use up the mentor's capacity; a lock that breaks a hard constraint
 *   (or names an unknown person, a mentee locked twice, a full mentor) is reported in rejectedLocks and
 *   not applied. Exclusions forbid a pair.
 * - Unmatched mentees carry a Russian reason; coverage (the mentor-bank analysis of stage 4.1) shows for
 *   each requested competence how many mentees ask and how much mentor capacity offers it.
 * - alternatives: for each mentee, the feasible mentors ranked by score (top 5), for «pick another».
 *
 * Everything is plain JSON, so the proposal travels to the sidebar as it is. Deterministic: the same
 * input gives the same proposal (ties go to the earlier mentor in the bank).
 */
import { assign } from './assign';
import { CHOICE_REASONS, choiceBonus, choiceGivenNote, firstChoiceMissedNote } from './choice';
import {
  formCapacity,
  GROUP_ONLY_ALONE,
  INDIVIDUAL_ONLY_TAKEN,
  mentorForms,
  WISH_NOTE_START,
  wishNote,
} from './formats';
import {
  evaluate,
  explain,
  menteeProfile,
  mentorProfile,
  normalizeWeights,
  pairForbidden,
  pairScore,
  shortText,
  type Criterion,
  type MenteeEntry,
  type MenteeProfile,
  type MentorEntry,
  type MentorProfile,
  type Weights,
} from './score';

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

export interface MatchInput {
  mentees: readonly MenteeEntry[];
  mentors: readonly MentorEntry[];
  /** Missing weights take DEFAULT_WEIGHTS. */
  weights?: Partial<Record<Criterion, number>>;
  locks?: readonly PairRef[];
  exclusions?: readonly PairRef[];
  /** Mentor id → capacity, instead of the questionnaire's answer. */
  capacityOverrides?: Readonly<Record<string, number>>;
  /**
   * Confirmed units («утверждено»): kept exactly, without any check or warning; their mentors take no
   * other mentee.
   */
  fixed?: readonly { mentorId: string; menteeIds: readonly string[] }[];
  /** Forbid pairs without a single common request (off by default: any mentor beats none). */
  requireCommonRequest?: boolean;
  /**
   * Mentee id → mentor ids the mentee ranked on «Выбор наставника», first choice first (up to three): a
   * large bonus per rank in the solver's score (choice.ts).
   */
  choices?: Readonly<Record<string, readonly string[]>>;
}

export type UnitKind = 'пара' | 'группа';

export interface ProposalPair {
  menteeId: string;
  score: number;
  explanation: string;
  locked: boolean;
}

export interface ProposalUnit {
  mentorId: string;
  menteeIds: string[];
  kind: UnitKind;
  /** The sum of the pairs' scores. */
  score: number;
  /** A pair: its reasons; a group: what its mentees have in common, then the size. */
  explanation: string;
  /** Every pair of the unit is locked. */
  locked: boolean;
  /** A confirmed unit given in `fixed`. */
  fixed: boolean;
  pairs: ProposalPair[];
}

export interface UnmatchedMentee {
  menteeId: string;
  reason: string;
}

export interface RejectedLock extends PairRef {
  reason: string;
}

export interface CoverageRow {
  competence: string;
  menteesAsking: number;
  mentorCapacity: number;
  /** max(0, menteesAsking − mentorCapacity): the places a school should add. */
  gap: number;
}

export interface Alternative {
  mentorId: string;
  score: number;
  explanation: string;
  /** The mentor the proposal gives this mentee. */
  current: boolean;
  /** The mentor's places left after the proposal. */
  freeSlots: number;
}

export interface Proposal {
  units: ProposalUnit[];
  unmatched: UnmatchedMentee[];
  rejectedLocks: RejectedLock[];
  coverage: CoverageRow[];
  /** Mentee id → feasible mentors, best first, at most MAX_ALTERNATIVES. */
  alternatives: Record<string, Alternative[]>;
  matched: number;
  total: number;
  weights: Weights;
}

export const MAX_ALTERNATIVES = 5;

export const UNMATCHED_REASONS = {
  noMentors: 'в банке нет наставников',
  noWillingMentors: 'нет наставников с согласием на обработку данных и на обязанности наставника',
  noCompetence: 'нет наставника с нужными компетенциями',
  excluded: 'все возможные наставники исключены методистом',
  busy: 'все подходящие наставники заняты',
  busyNoCompetence: 'нет наставника с нужными компетенциями, а остальные наставники заняты',
  groupOnly: 'подходящие наставники работают только с группой, а группу к ним набрать не удалось',
} as const;

/** Why a lock that collides with a confirmed unit was not applied. */
export const LOCK_REASONS = {
  menteeConfirmed: 'наставляемый уже в утверждённой паре (группе) с другим наставником',
  mentorConfirmed: 'наставник уже ведёт утверждённую пару (группу)',
} as const;

export function matchPeople(input: MatchInput): Proposal {
  const weights = normalizeWeights(input.weights ?? {});
  const mentees = input.mentees.map(menteeProfile);
  const mentors = input.mentors.map(mentorProfile);
  const menteeIndex = indexById(input.mentees, 'наставляемого');
  const mentorIndex = indexById(input.mentors, 'наставника');
  const n = mentees.length;
  const m = mentors.length;

  // The mentor's form is a hard rule: individual work only is one place.
  const capacity = mentors.map((p) => formCapacity(p, mentorCapacity(p.entry, input.capacityOverrides)));
  const forms = mentors.map(mentorForms);
  const excluded = new Map<string, Set<string>>();
  for (const e of input.exclusions ?? []) {
    const set = excluded.get(e.menteeId) ?? new Set<string>();
    set.add(e.mentorId);
    excluded.set(e.menteeId, set);
  }
  const requireCommonRequest = input.requireCommonRequest === true;
  const context = (a: MenteeProfile, b: MentorProfile) => ({
    excluded: excluded.get(a.entry.id)?.has(b.entry.id) === true,
    requireCommonRequest,
  });

  // The score matrix: numbers only; the reasons are built for the pairs shown.
  const score: (number | null)[][] = mentees.map((a) =>
    mentors.map((b) => (pairForbidden(a, b, context(a, b)) === null ? pairScore(a, b, weights) : null)),
  );

  // What the solver maximises: the score plus the bonus of the mentee's own ranking.
  const choiceOf = (i: number): readonly string[] => input.choices?.[mentees[i].entry.id] ?? [];
  const solverScore = score.map((row, i) => {
    const ranked = choiceOf(i);
    if (ranked.length === 0) return row;
    return row.map((s, j) => {
      const rank = ranked.indexOf(mentors[j].entry.id);
      return s === null || rank < 0 ? s : s + choiceBonus(weights, rank);
    });
  });

  // Confirmed units: fixed inputs. Their mentees are placed, their mentors take nobody else; people no
  // longer in the banks are left out (the row on the sheet stays as it is).
  const fixedTo = new Int32Array(n).fill(-1);
  const fixedMentor = new Uint8Array(m);
  for (const unit of input.fixed ?? []) {
    const j = mentorIndex.get(unit.mentorId);
    if (j === undefined) continue;
    fixedMentor[j] = 1;
    for (const id of unit.menteeIds) {
      const i = menteeIndex.get(id);
      if (i !== undefined && fixedTo[i] < 0) fixedTo[i] = j;
    }
  }

  /** Locks, then the optimum for the mentees left, with the `closed` mentors taking nobody. */
  function solve(closed: Uint8Array) {
    const lockedTo = new Int32Array(n).fill(-1);
    const left = capacity.map((c, j) => (fixedMentor[j] || closed[j] ? 0 : c));
    const rejected: RejectedLock[] = [];
    for (const lock of input.locks ?? []) {
      const i = menteeIndex.get(lock.menteeId);
      const j = mentorIndex.get(lock.mentorId);
      const reject = (reason: string) => rejected.push({ menteeId: lock.menteeId, mentorId: lock.mentorId, reason });
      if (i === undefined) reject('наставляемый не найден в банке');
      else if (j === undefined) reject('наставник не найден в банке');
      else if (fixedTo[i] === j || lockedTo[i] === j)
        continue; // the confirmed pair itself, or the same lock again
      else if (fixedTo[i] >= 0) reject(LOCK_REASONS.menteeConfirmed);
      else if (fixedMentor[j]) reject(LOCK_REASONS.mentorConfirmed);
      else if (lockedTo[i] >= 0) reject('наставляемый уже закреплён за другим наставником');
      else {
        const forbidden = pairForbidden(mentees[i], mentors[j], context(mentees[i], mentors[j]));
        if (forbidden !== null) reject(forbidden);
        else if (closed[j]) reject(GROUP_ONLY_ALONE);
        else if (left[j] <= 0) {
          reject(
            forms[j] === 'individual' && capacity[j] > 0 ? INDIVIDUAL_ONLY_TAKEN : 'у наставника нет свободных мест',
          );
        } else {
          lockedTo[i] = j;
          left[j]--;
        }
      }
    }
    const free: number[] = [];
    for (let i = 0; i < n; i++) if (lockedTo[i] < 0 && fixedTo[i] < 0) free.push(i);
    const solved = assign(
      free.map((i) => solverScore[i]),
      left,
    );
    const mentorOf = Array.from(fixedTo);
    for (let i = 0; i < n; i++) if (lockedTo[i] >= 0) mentorOf[i] = lockedTo[i];
    free.forEach((i, k) => (mentorOf[i] = solved.assignment[k]));
    return { lockedTo, mentorOf, rejected };
  }

  // A mentor who works only with groups and got a single mentee takes nobody: solve again without them
  // (each round closes at least one mentor, so this ends).
  const closed = new Uint8Array(m);
  let solution = solve(closed);
  for (;;) {
    const count = new Array<number>(m).fill(0);
    for (const j of solution.mentorOf) if (j >= 0) count[j]++;
    let again = false;
    for (let j = 0; j < m; j++) {
      if (forms[j] === 'group' && !fixedMentor[j] && count[j] === 1) {
        closed[j] = 1;
        again = true;
      }
    }
    if (!again) break;
    solution = solve(closed);
  }
  const { lockedTo, mentorOf } = solution;
  const rejectedLocks = solution.rejected;

  // Units, in the mentors' order; mentees in theirs.
  const load = new Array<number>(m).fill(0);
  const byMentor: number[][] = mentors.map(() => []);
  for (let i = 0; i < n; i++) {
    const j = mentorOf[i];
    if (j >= 0) {
      byMentor[j].push(i);
      load[j]++;
    }
  }
  let total = 0;
  let matched = 0;
  const units: ProposalUnit[] = [];
  byMentor.forEach((group, j) => {
    if (group.length === 0) return;
    const pairs = group.map((i): ProposalPair => {
      const result = evaluate(mentees[i], mentors[j], weights);
      const note = wishNote(mentees[i], mentors[j], group.length, freePairMentor(i, j));
      const why = [choiceNote(i, j), explain(result.reasons)].filter((x) => x !== '').join('; ');
      return {
        menteeId: mentees[i].entry.id,
        score: result.score,
        explanation: note === null ? why : why === '' ? note : `${note}; ${why}`,
        locked: lockedTo[i] === j || fixedTo[i] === j,
      };
    });
    const unitScore = pairs.reduce((s, p) => s + p.score, 0);
    total += unitScore;
    matched += pairs.length;
    const kind: UnitKind = pairs.length > 1 ? 'группа' : 'пара';
    const unmetWishes = pairs.filter((p) => p.explanation.startsWith(WISH_NOTE_START)).length;
    units.push({
      mentorId: mentors[j].entry.id,
      menteeIds: pairs.map((p) => p.menteeId),
      kind,
      score: unitScore,
      explanation:
        kind === 'пара'
          ? pairs[0].explanation
          : groupExplanation(
              group.map((i) => mentees[i]),
              mentors[j],
            ) + (unmetWishes > 0 ? `; пожелание о форме не учтено у ${unmetWishes} из ${pairs.length}` : ''),
      locked: pairs.every((p) => p.locked),
      fixed: fixedMentor[j] === 1,
      pairs,
    });
  });

  /** The mentee's ranking as it went: the rank given, and why a first choice was not. */
  function choiceNote(i: number, given: number): string {
    const ranked = choiceOf(i);
    // A confirmed pair is no longer a proposal: its ranking is history.
    if (ranked.length === 0 || fixedTo[i] >= 0) return '';
    const notes: string[] = [];
    const first = mentorIndex.get(ranked[0]);
    if (first !== given) {
      const name = first === undefined ? ranked[0] : mentors[first].entry.fullName;
      notes.push(firstChoiceMissedNote(name, first === undefined ? CHOICE_REASONS.unknown : missedReason(i, first)));
    }
    const rank = ranked.indexOf(mentors[given].entry.id);
    if (rank >= 0) notes.push(choiceGivenNote(rank));
    return notes.join('; ');
  }

  function missedReason(i: number, j: number): string {
    const forbidden = pairForbidden(mentees[i], mentors[j], context(mentees[i], mentors[j]));
    if (forbidden !== null) return forbidden;
    if (fixedMentor[j]) return CHOICE_REASONS.confirmed;
    if (lockedTo[i] >= 0 || fixedTo[i] >= 0) return CHOICE_REASONS.locked;
    if (closed[j]) return CHOICE_REASONS.groupOnly;
    if (capacity[j] === 0 || load[j] >= capacity[j]) return CHOICE_REASONS.noPlaces;
    return CHOICE_REASONS.optimum;
  }

  /** Another mentor this mentee may have who would still work with them alone (an empty, open place). */
  function freePairMentor(i: number, current: number): boolean {
    for (let k = 0; k < m; k++) {
      if (k === current || score[i][k] === null || fixedMentor[k] || closed[k] || forms[k] === 'group') continue;
      if (capacity[k] > 0 && load[k] === 0) return true;
    }
    return false;
  }

  // Unmatched, with the reason.
  const willing = mentors.map((b, j) => b.blocked === null && capacity[j] > 0);
  const unmatched: UnmatchedMentee[] = [];
  for (let i = 0; i < n; i++) {
    if (mentorOf[i] >= 0) continue;
    unmatched.push({ menteeId: mentees[i].entry.id, reason: unmatchedReason(i) });
  }

  function unmatchedReason(i: number): string {
    const a = mentees[i];
    if (a.blocked !== null) return a.blocked;
    if (m === 0) return UNMATCHED_REASONS.noMentors;
    if (!willing.some(Boolean)) return UNMATCHED_REASONS.noWillingMentors;
    const covers = (j: number) =>
      a.requests.size === 0 || [...a.requests.keys()].some((k) => mentors[j].competences.has(k));
    const feasible: number[] = [];
    for (let j = 0; j < m; j++) if (score[i][j] !== null && capacity[j] > 0) feasible.push(j);
    const anyCovering = mentors.some((_, j) => willing[j] && covers(j));
    if (feasible.length === 0) {
      if (requireCommonRequest && !anyCovering) return UNMATCHED_REASONS.noCompetence;
      return UNMATCHED_REASONS.excluded;
    }
    if (feasible.every((j) => closed[j] || fixedMentor[j]) && feasible.some((j) => closed[j])) {
      return UNMATCHED_REASONS.groupOnly;
    }
    return anyCovering ? UNMATCHED_REASONS.busy : UNMATCHED_REASONS.busyNoCompetence;
  }

  // Alternatives: the feasible mentors of each mentee, best first; a confirmed unit takes nobody.
  const open = capacity.map((c, j) => (fixedMentor[j] ? 0 : c));
  const alternatives: Record<string, Alternative[]> = {};
  for (let i = 0; i < n; i++) {
    alternatives[mentees[i].entry.id] = topMentors(score[i], open).map((j) => {
      const result = evaluate(mentees[i], mentors[j], weights);
      return {
        mentorId: mentors[j].entry.id,
        score: result.score,
        explanation: explain(result.reasons),
        current: mentorOf[i] === j,
        freeSlots: Math.max(0, open[j] - load[j]),
      };
    });
  }

  return {
    units,
    unmatched,
    rejectedLocks,
    coverage: coverage(mentees, mentors, capacity),
    alternatives,
    matched,
    total,
    weights,
  };
}

/** The feasible mentors (with places) of one score row, best first, ties by index: at most MAX_ALTERNATIVES. */
function topMentors(row: readonly (number | null)[], capacity: readonly number[]): number[] {
  const top: number[] = [];
  for (let j = 0; j < row.length; j++) {
    const s = row[j];
    if (s === null || capacity[j] <= 0) continue;
    if (top.length === MAX_ALTERNATIVES && s <= (row[top[top.length - 1]] as number)) continue;
    let k = top.length;
    while (k > 0 && s > (row[top[k - 1]] as number)) k--;
    top.splice(k, 0, j);
    if (top.length > MAX_ALTERNATIVES) top.pop();
  }
  return top;
}

/**
 * Stage 4.1: for each competence the mentees (with consent) ask for, how many ask and how many places
 * the willing mentors who offer it have; the biggest gaps first, then the most asked, then the order
 * in which the requests first appear.
 */
export function coverage(
  mentees: readonly MenteeProfile[],
  mentors: readonly MentorProfile[],
  capacity: readonly number[],
): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const a of mentees) {
    if (a.blocked !== null) continue;
    for (const [key, text] of a.requests) {
      const row = rows.get(key);
      if (row) row.menteesAsking++;
      else rows.set(key, { competence: text, menteesAsking: 1, mentorCapacity: 0, gap: 0 });
    }
  }
  mentors.forEach((b, j) => {
    if (b.blocked !== null) return;
    for (const key of b.competences) {
      const row = rows.get(key);
      if (row) row.mentorCapacity += capacity[j];
    }
  });
  const list = [...rows.values()];
  for (const row of list) row.gap = Math.max(0, row.menteesAsking - row.mentorCapacity);
  return list
    .map((row, order) => ({ row, order }))
    .sort((x, y) => y.row.gap - x.row.gap || y.row.menteesAsking - x.row.menteesAsking || x.order - y.order)
    .map(({ row }) => row);
}

/** «группа из 3; общие запросы: оценивание образовательных результатов; наставник: стаж 24 года». */
function groupExplanation(group: readonly MenteeProfile[], mentor: MentorProfile): string {
  const counts = new Map<string, { text: string; count: number }>();
  for (const a of group) {
    for (const [key, text] of a.requests) {
      if (!mentor.competences.has(key)) continue;
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { text, count: 1 });
    }
  }
  const shared = [...counts.values()].filter((c) => c.count > 1).sort((x, y) => y.count - x.count);
  const bits = [`группа из ${group.length}`];
  if (shared.length > 0) {
    bits.push(`общие запросы: ${shared.map((c) => `${shortText(c.text)} (${c.count} из ${group.length})`).join(', ')}`);
  } else if (counts.size > 0) {
    bits.push(`наставник закрывает запросы: ${[...counts.values()].map((c) => shortText(c.text)).join(', ')}`);
  } else {
    bits.push('общих запросов нет');
  }
  return bits.join('; ');
}

function mentorCapacity(entry: MentorEntry, overrides: Readonly<Record<string, number>> | undefined): number {
  const override =
    overrides && Object.prototype.hasOwnProperty.call(overrides, entry.id) ? overrides[entry.id] : undefined;
  const value = override ?? entry.capacity;
  if (override !== undefined && (typeof override !== 'number' || !Number.isFinite(override) || override < 0)) {
    throw new Error(`Число мест наставника ${entry.id} должно быть неотрицательным числом, а не «${String(override)}»`);
  }
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function indexById(entries: readonly { id: string }[], whose: string): Map<string, number> {
  const index = new Map<string, number>();
  entries.forEach((e, i) => {
    const id = typeof e.id === 'string' ? e.id : '';
    if (id.trim() === '') throw new Error(`У ${whose} в строке ${i + 1} нет ID`);
    if (index.has(id)) throw new Error(`ID ${whose} повторяется: ${id}`);
    index.set(id, i);
  });
  return index;
}
