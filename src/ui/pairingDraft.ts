/**
 * The «Подбор пар» panel's settings kept on the server (issue 17.3): the settings of the last save, and
 * the methodologist's unsaved edits (weights, locks, exclusions, places) as a draft. Reopening the
 * panel restores the draft, else the saved settings; «Сохранить» makes the draft the saved settings;
 * «Отменить изменения» drops it. Both live in the add-on's state store, so every user of the
 * spreadsheet sees the same settings.
 */
import { normalizeWeights } from '../domain/matching';
import { readJsonProperty, writeJsonProperty, writeState } from '../state/store';
import type { PairingRequest } from '../contract/serverApi';

export type PairingSettings = Required<PairingRequest>;

const DRAFT_KEY = 'pairingDraft';
const SAVED_KEY = 'pairingSaved';
/** The largest pair number ever issued («ПГ-017» → 17): a deleted row's ID is not given again. */
const LAST_ID_KEY = 'pairLastId';

export const NO_SETTINGS: PairingSettings = { weights: {}, locks: [], exclusions: [], capacityOverrides: {} };

/** A stored value of any shape becomes settings (a broken one is none). */
function settingsOf(raw: unknown): PairingSettings | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const refs = (v: unknown) =>
    Array.isArray(v)
      ? v
          .filter((x) => x && typeof x.menteeId === 'string' && typeof x.mentorId === 'string')
          .map((x: { menteeId: string; mentorId: string }) => ({ menteeId: x.menteeId, mentorId: x.mentorId }))
      : [];
  const numbers = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, n]) => typeof n === 'number' && Number.isFinite(n)))
      : {};
  return {
    weights: numbers(r.weights),
    locks: refs(r.locks),
    exclusions: refs(r.exclusions),
    capacityOverrides: numbers(r.capacityOverrides),
  };
}

export function savedSettings(): PairingSettings {
  return settingsOf(readJsonProperty<unknown>(SAVED_KEY, null)) ?? NO_SETTINGS;
}

export function draftSettings(): PairingSettings | null {
  return settingsOf(readJsonProperty<unknown>(DRAFT_KEY, null));
}

/** Weights with the defaults filled in: the panel sends every weight, a save from elsewhere may send none. */
function fullWeights(weights: Record<string, number>): Record<string, number> {
  try {
    return { ...normalizeWeights(weights) };
  } catch {
    return weights;
  }
}

/** The same settings? Default weights spelled out or not, key order and list order do not matter. */
export function sameSettings(a: PairingSettings, b: PairingSettings): boolean {
  const canon = (s: PairingSettings) =>
    JSON.stringify([
      Object.entries(fullWeights(s.weights)).sort(),
      s.locks.map((l) => `${l.menteeId}|${l.mentorId}`).sort(),
      s.exclusions.map((l) => `${l.menteeId}|${l.mentorId}`).sort(),
      Object.entries(s.capacityOverrides).sort(),
    ]);
  return canon(a) === canon(b);
}

/** Keeps `settings` as the draft, or drops the draft when they are the saved ones; true when a draft is kept. */
export function keepDraft(settings: PairingSettings): boolean {
  const isDraft = !sameSettings(settings, savedSettings());
  const stored = draftSettings();
  if (isDraft && !(stored && sameSettings(stored, settings))) writeJsonProperty(DRAFT_KEY, settings);
  if (!isDraft && stored) dropDraft();
  return isDraft;
}

export function dropDraft(): void {
  writeState(DRAFT_KEY, '');
}

/** After «Сохранить»: these settings are the saved ones, and no draft is left. */
export function markSaved(settings: PairingSettings): void {
  // Saving again with the same settings writes nothing (each state write costs a few calls).
  if (!sameSettings(settings, savedSettings())) writeJsonProperty(SAVED_KEY, settings);
  if (draftSettings()) dropDraft();
}

export function lastIssuedPairNumber(): number {
  const n = readJsonProperty<unknown>(LAST_ID_KEY, 0);
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

export function setLastIssuedPairNumber(n: number): void {
  if (n > lastIssuedPairNumber()) writeJsonProperty(LAST_ID_KEY, n);
}
