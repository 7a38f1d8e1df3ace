/**
 * Spreadsheets set up by earlier versions kept the add-on's state in document properties. On first use
 * in a menu or sidebar call (the only place those properties are readable), they move into the state
 * sheet and leave the properties. A person who may only view the file cannot create the sheet: then
 * values are read where they are.
 */
import { createStateSheet, writeStateValues } from './stateSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The document's old store, or null (a time-driven run, or nothing stored). */
function oldStore(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties();
}

/** Moves the old values into a new state sheet; null when there is nothing to move or it cannot be written. */
export function migrateDocumentProperties(ss: Spreadsheet): Sheet | null {
  const props = oldStore();
  const values = props?.getProperties() ?? {};
  if (!props || Object.keys(values).length === 0) return null;
  let sheet: Sheet;
  try {
    sheet = createStateSheet(ss);
    writeStateValues(sheet, values);
  } catch {
    return null;
  }
  for (const key of Object.keys(values)) props.deleteProperty(key);
  return sheet;
}

/** A value still in the old store (its migration could not be written). */
export function oldValue(key: string): string | null {
  return oldStore()?.getProperty(key) ?? null;
}
