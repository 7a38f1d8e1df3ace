/**
 * The add-on's own state, readable by spreadsheet id: a hidden sheet «Служебные данные», one key per
 * row — the key in column A, the value as text from column B on. Document properties cannot serve: a
 * time-driven run has none, and they hold 9 KB per value. A value longer than one cell holds is split
 * across the row's next cells. Every cell is written as text (plain-text format and a leading
 * apostrophe), so Sheets never turns a value into a number, date or formula.
 */
import { ADDON_NAME } from '../domain/addon';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const STATE_SHEET = 'Служебные данные';
const HEADER = ['Ключ', 'Значение', 'Продолжение значения'];
/**
 * Characters per cell: Sheets keeps up to 50 000 in a cell; the local workspace saves .xlsx, where
 * Excel keeps 32 767. Parts stay under both.
 */
export const PART_CHARS = 30000;

const text = (s: string) => `'${s}`;

/** Every stored value by key, with its 1-based row and how many cells it takes. */
export type StateRows = Map<string, { row: number; width: number; value: string }>;

/** Every stored value by key: one read of the sheet. */
export function readStateRows(sheet: Sheet): StateRows {
  const out: StateRows = new Map();
  const values = sheet.getDataRange().getValues();
  values.forEach((cells, i) => {
    if (i === 0) return;
    const key = String(cells[0] ?? '');
    if (!key || out.has(key)) return;
    let width = cells.length;
    while (width > 1 && String(cells[width - 1] ?? '') === '') width--;
    out.set(key, { row: i + 1, width, value: cells.slice(1, width).map(String).join('') });
  });
  return out;
}

/** Creates the sheet: hidden, plain text, protected with a warning only (staff are warned, not stopped). */
export function createStateSheet(ss: Spreadsheet): Sheet {
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(STATE_SHEET, ss.getNumSheets());
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).setNumberFormat('@');
  sheet
    .getRange(1, 1, 1, HEADER.length)
    .setValues([HEADER.map(text)])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet
    .protect()
    .setDescription(`Служебные данные дополнения «${ADDON_NAME}»: не изменяйте и не удаляйте.`)
    .setWarningOnly(true);
  sheet.hideSheet();
  // insertSheet makes the new sheet active: give people back the sheet they were on.
  if (active) ss.setActiveSheet(active);
  return sheet;
}

/**
 * Writes rows [key, …parts], one write per key. `stored` is what the sheet holds (read now when not
 * given) and is kept up to date, so one execution reads the sheet once.
 */
export function writeStateValues(sheet: Sheet, values: Record<string, string>, stored = readStateRows(sheet)): void {
  // Asked only for a new key or a longer value: rewriting a known key (a batch's progress after each
  // document) costs its one write.
  let next = 0;
  for (const [key, value] of Object.entries(values)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i += PART_CHARS) parts.push(value.slice(i, i + PART_CHARS));
    if (parts.length === 0) parts.push('');
    const old = stored.get(key);
    if (!old && next === 0) next = Math.max(sheet.getLastRow(), 1) + 1;
    const row = old?.row ?? next++;
    // Clear the old value's extra parts in the same write.
    const width = Math.max(parts.length + 1, old?.width ?? 0);
    // A known key's cells, or the header row's, are there: only a longer value asks for more columns.
    if (width > Math.max(old?.width ?? 0, HEADER.length) && width > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat('@');
    }
    const cells = [key, ...parts].map(text);
    while (cells.length < width) cells.push('');
    sheet.getRange(row, 1, 1, width).setValues([cells]);
    stored.set(key, { row, width: parts.length + 1, value });
  }
}
