/**
 * The add-on's state by key, in the execution's spreadsheet (state/context.ts): plain strings
 * (readState/writeState) and JSON (readJsonProperty/writeJsonProperty: form ids, the documents' folders
 * and counters, a batch, programs' texts, events' bookkeeping). A missing or damaged JSON value reads
 * as `fallback`: every caller can rebuild what it keeps here, so a broken value never stops the add-on.
 * One read of the state sheet per execution, and one write per value.
 */
import { contextMemo, contextSpreadsheet, setContextMemo } from './context';
import { migrateDocumentProperties, oldValue } from './legacy';
import {
  createStateSheet,
  PART_CHARS,
  readStateRows,
  STATE_SHEET,
  writeStateValues,
  type StateRows,
} from './stateSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The state sheet and its values, read once per execution (again after a lock: see lock.ts). */
interface Loaded {
  sheet: Sheet | null;
  rows: StateRows;
}

function load(create: boolean): Loaded {
  let state = contextMemo<Loaded>();
  if (!state) {
    const ss = contextSpreadsheet();
    const sheet = ss.getSheetByName(STATE_SHEET) ?? migrateDocumentProperties(ss);
    state = { sheet, rows: sheet ? readStateRows(sheet) : new Map() };
    setContextMemo(state);
  }
  if (create && !state.sheet) {
    state.sheet = createStateSheet(contextSpreadsheet());
    state.rows = new Map();
  }
  return state;
}

export function readState(key: string): string | null {
  const state = load(false);
  if (!state.sheet) return oldValue(key);
  return state.rows.get(key)?.value ?? null;
}

export function writeState(key: string, value: string): void {
  const state = load(true);
  writeStateValues(state.sheet!, { [key]: value }, state.rows);
}

/**
 * Writes `key` only where its row already is, never adding a row: what an execution without the lock
 * may do (two writers adding rows could take the same one). False when the key has no row yet.
 */
export function writeStateInPlace(key: string, value: string): boolean {
  const state = load(false);
  if (!state.sheet || !state.rows.has(key) || value.length > PART_CHARS) return false;
  writeStateValues(state.sheet, { [key]: value }, state.rows);
  return true;
}

export function readJsonProperty<T>(key: string, fallback: T): T {
  const raw = readState(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function writeJsonProperty(key: string, value: unknown): void {
  writeState(key, JSON.stringify(value));
}
