/**
 * Which response rows have been filed: per form, the last response-sheet row whose answer reached its
 * bank (or sheet of the year's work). Google appends
 * each answer as a new row, so every row below the mark is an answer still to file — one whose trigger
 * could not get the lock in time stays recognisable until the next run that holds it. Kept with the
 * add-on's other state; changed only under the document lock.
 */
import { readJsonProperty, writeJsonProperty } from '../state/store';
import type { RegistryKey } from './registry';

export interface FiledState {
  /** form → last filed row (1 = only the header). Missing: not known (forms made before the mark). */
  rows: Partial<Record<RegistryKey, number>>;
}

const PROPERTY = 'formsFiled';

export function readFiled(): FiledState {
  // Older versions also kept a `summaryStale` flag here: it is dropped (summaryFreshness.ts keeps it now).
  const state = readJsonProperty<Partial<FiledState>>(PROPERTY, {});
  return { rows: { ...(state.rows ?? {}) } };
}

export function writeFiled(state: FiledState): void {
  writeJsonProperty(PROPERTY, state);
}

/** A response sheet newly linked to its form: the rows it has now are not new answers. */
export function markLinked(key: RegistryKey, lastRow: number): void {
  const state = readFiled();
  state.rows[key] = lastRow;
  writeFiled(state);
}
