/**
 * Which response rows have been filed: per form, the last response-sheet row whose answer reached its
 * bank (or sheet of the year's work). Google appends
 * each answer as a new row, so every row below the mark is an answer still to file — one whose trigger
 * could not get the lock in time stays recognisable until the next run that holds it. Kept with the
 * add-on's other state; changed only under the document lock.
 */
import { readJsonProperty, readState, writeJsonProperty, writeState, writeStateInPlace } from '../state/store';
import { REGISTRY_KEYS, type FormKey, type RegistryKey } from './registry';

export interface FiledState {
  /** form → last filed row (1 = only the header). Missing: not known (forms made before the mark). */
  rows: Partial<Record<RegistryKey, number>>;
  /** Questionnaires whose first answers have moved their roadmap activities to «В работе». */
  started?: FormKey[];
}

const PROPERTY = 'formsFiled';

export function readFiled(): FiledState {
  // Older versions also kept a `summaryStale` flag here: it is dropped (summaryFreshness.ts keeps it now).
  const state = readJsonProperty<Partial<FiledState>>(PROPERTY, {});
  return { rows: { ...(state.rows ?? {}) }, started: [...(state.started ?? [])] };
}

export function writeFiled(state: FiledState): void {
  writeJsonProperty(PROPERTY, state);
  // The rows a firing without the lock writes its hint into exist from the first filing on.
  for (const key of REGISTRY_KEYS) if (readState(hintKey(key)) === null) writeState(hintKey(key), '');
}

/**
 * A firing that could not get the lock says which form its answer waits in, in that form's own row
 * of the state (made by writeFiled under the lock, so no row is added without it): the next firing
 * that holds the lock, of any form, checks that form too. Without the row (nothing filed yet) the
 * answer waits for the next answer of its form or «Обработать ответы заново».
 */
const hintKey = (key: RegistryKey) => `formPending:${key}`;

export function leaveHint(key: RegistryKey): boolean {
  return writeStateInPlace(hintKey(key), new Date().toISOString());
}

/** The forms a firing without the lock left answers in. */
export function hintedForms(): RegistryKey[] {
  return REGISTRY_KEYS.filter((key) => (readState(hintKey(key)) ?? '') !== '');
}

/** Under the lock, before those forms' last rows are read: a hint left after this is seen next time. */
export function clearHints(keys: readonly RegistryKey[]): void {
  for (const key of keys) writeState(hintKey(key), '');
}

/** A response sheet newly linked to its form: the rows it has now are not new answers. */
export function markLinked(key: RegistryKey, lastRow: number): void {
  const state = readFiled();
  state.rows[key] = lastRow;
  writeFiled(state);
}
