/**
 * The add-on's state by key, in the execution's spreadsheet (state/context.ts): plain strings
 * (readState/writeState) and JSON (readJsonProperty/writeJsonProperty: form ids, the documents' folders
 * and counters, a batch, programs' texts, events' bookkeeping). A missing or damaged JSON value reads
 * as `fallback`: every caller can rebuild what it keeps here, so a broken value never stops the add-on.
 * One read of the state sheet per call.
 */
import { contextSpreadsheet } from './context';
import { migrateDocumentProperties, oldValue } from './legacy';
import { createStateSheet, readStateRows, STATE_SHEET, writeStateValues } from './stateSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function stateSheet(create: boolean): Sheet | null {
  const ss = contextSpreadsheet();
  const sheet = ss.getSheetByName(STATE_SHEET) ?? migrateDocumentProperties(ss);
  return sheet ?? (create ? createStateSheet(ss) : null);
}

export function readState(key: string): string | null {
  const sheet = stateSheet(false);
  if (!sheet) return oldValue(key);
  return readStateRows(sheet).get(key)?.value ?? null;
}

export function writeState(key: string, value: string): void {
  writeStateValues(stateSheet(true)!, { [key]: value });
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
