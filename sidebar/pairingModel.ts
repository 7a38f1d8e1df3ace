/**
 * «Подбор пар»: the panel's state (weights, locks, exclusions) and its transitions, kept free of
 * Preact so they are unit-testable. Every transition returns a new state; nothing is mutated.
 */
import type { PairingRequest, PairingView, PairRef } from '../src/contract/serverApi';

export interface PairingState {
  /** Criterion key → weight 0–10. */
  weights: Record<string, number>;
  locks: PairRef[];
  exclusions: PairRef[];
  /** Mentor id → places, overriding the questionnaire's answer. */
  capacity: Record<string, number>;
}

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 10;

const same = (a: PairRef, menteeId: string, mentorId: string) => a.menteeId === menteeId && a.mentorId === mentorId;

/** Clamps a slider value to an integer 0–10 (a broken figure becomes 0). */
export function clampWeight(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!isFinite(n)) return WEIGHT_MIN;
  return Math.max(WEIGHT_MIN, Math.min(WEIGHT_MAX, Math.round(n)));
}

/**
 * The starting state from the first proposal: the settings the server kept (the unsaved draft, else
 * the saved ones), the weights it shows for the rest. Confirmed units are the server's, never locks of
 * the panel: sending them back would only make the engine warn about them.
 */
export function initialState(view: PairingView | null | undefined): PairingState {
  const weights: Record<string, number> = {};
  for (const w of view?.weights ?? []) weights[w.key] = clampWeight(w.value);
  const kept = view?.settings;
  if (kept) {
    for (const [key, value] of Object.entries(kept.weights ?? {})) weights[key] = clampWeight(value);
    const refs = (list: PairRef[] | undefined) =>
      (list ?? []).map((l) => ({ menteeId: l.menteeId, mentorId: l.mentorId }));
    return {
      weights,
      locks: refs(kept.locks),
      exclusions: refs(kept.exclusions),
      capacity: { ...(kept.capacityOverrides ?? {}) },
    };
  }
  const locks: PairRef[] = [];
  for (const u of view?.units ?? []) {
    if (u.confirmed) continue;
    for (const m of u.mentees) if (m.locked) locks.push({ menteeId: m.id, mentorId: u.mentorId });
  }
  return { weights, locks, exclusions: [], capacity: {} };
}

/** Adds the view's criteria the state does not know yet (a later proposal may bring new ones). */
export function syncWeights(state: PairingState, view: PairingView): PairingState {
  const missing = (view.weights ?? []).filter((w) => !(w.key in state.weights));
  if (missing.length === 0) return state;
  const weights = { ...state.weights };
  for (const w of missing) weights[w.key] = clampWeight(w.value);
  return { ...state, weights };
}

export function setWeight(state: PairingState, key: string, value: unknown): PairingState {
  return { ...state, weights: { ...state.weights, [key]: clampWeight(value) } };
}

export function isLocked(state: PairingState, menteeId: string, mentorId: string): boolean {
  return state.locks.some((l) => same(l, menteeId, mentorId));
}

export function isExcluded(state: PairingState, menteeId: string, mentorId: string): boolean {
  return state.exclusions.some((l) => same(l, menteeId, mentorId));
}

/**
 * Toggles the lock of a pair. Locking a pair drops another lock of the same mentee (one mentor per
 * mentee) and an exclusion of the same pair.
 */
export function lock(state: PairingState, menteeId: string, mentorId: string): PairingState {
  if (isLocked(state, menteeId, mentorId)) {
    return { ...state, locks: state.locks.filter((l) => !same(l, menteeId, mentorId)) };
  }
  return {
    ...state,
    locks: [...state.locks.filter((l) => l.menteeId !== menteeId), { menteeId, mentorId }],
    exclusions: state.exclusions.filter((l) => !same(l, menteeId, mentorId)),
  };
}

/** Forbids a pair; a lock of the same pair is dropped. Excluding twice is a no-op. */
export function exclude(state: PairingState, menteeId: string, mentorId: string): PairingState {
  const locks = state.locks.filter((l) => !same(l, menteeId, mentorId));
  const exclusions = isExcluded(state, menteeId, mentorId)
    ? state.exclusions
    : [...state.exclusions, { menteeId, mentorId }];
  return { ...state, locks, exclusions };
}

/** Lifts an exclusion. */
export function unexclude(state: PairingState, menteeId: string, mentorId: string): PairingState {
  return { ...state, exclusions: state.exclusions.filter((l) => !same(l, menteeId, mentorId)) };
}

/** Another mentor chosen from the alternatives: replaces any lock of that mentee with a lock to it. */
export function pickMentor(state: PairingState, menteeId: string, mentorId: string): PairingState {
  return {
    ...state,
    locks: [...state.locks.filter((l) => l.menteeId !== menteeId), { menteeId, mentorId }],
    exclusions: state.exclusions.filter((l) => !same(l, menteeId, mentorId)),
  };
}

/** Overrides how many mentees a mentor takes (whole number 0–20). */
export function setCapacity(state: PairingState, mentorId: string, value: unknown): PairingState {
  const n = Math.round(Number(value));
  if (!Number.isFinite(n)) return state;
  return { ...state, capacity: { ...state.capacity, [mentorId]: Math.min(20, Math.max(0, n)) } };
}

/** What «Подобрать» and «Сохранить» send (copies: the server may not alias the panel's state). */
export function request(state: PairingState): PairingRequest {
  return {
    weights: { ...state.weights },
    capacityOverrides: { ...state.capacity },
    locks: state.locks.map((l) => ({ menteeId: l.menteeId, mentorId: l.mentorId })),
    exclusions: state.exclusions.map((l) => ({ menteeId: l.menteeId, mentorId: l.mentorId })),
  };
}

/** Same request? (Tells the panel whether the shown proposal reflects the current settings.) */
export function sameRequest(a: PairingRequest | null, b: PairingRequest | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** For searching: lower case, ё → е, spaces collapsed. */
export function normalize(text: string): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Keeps the units whose mentor or any mentee name contains the text (whole units, for context) and
 * the unmatched mentees whose name contains it. Empty text returns the view as it is.
 */
export function filter(view: PairingView, text: string): PairingView {
  const q = normalize(text);
  if (!q) return view;
  const has = (name: string) => normalize(name).includes(q);
  return {
    ...view,
    units: view.units.filter((u) => has(u.mentorName) || u.mentees.some((m) => has(m.name))),
    unmatched: view.unmatched.filter((m) => has(m.name)),
  };
}

/** Score for display: at most one decimal, Russian comma («7,5»). */
export function formatScore(n: unknown): string {
  const v = typeof n === 'number' && isFinite(n) ? Math.round(n * 10) / 10 : 0;
  return String(v).replace('.', ',');
}

/** Id → name of every mentee and mentor the panel has seen (to name exclusions after a re-run). */
export function collectNames(view: PairingView, into: Map<string, string> = new Map()): Map<string, string> {
  for (const u of view.units) {
    into.set(u.mentorId, u.mentorName);
    for (const m of u.mentees) {
      into.set(m.id, m.name);
      for (const a of m.alternatives ?? []) into.set(a.mentorId, a.mentorName);
    }
  }
  for (const m of view.unmatched) into.set(m.id, m.name);
  for (const [id, name] of Object.entries(view.names ?? {})) into.set(id, name);
  return into;
}
