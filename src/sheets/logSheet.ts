import { safeText } from './cells';
import { LOG_TABLE, SHEETS } from './schema';
import { COLORS } from './colors';
import { formatColumn } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * «Журнал»: what the add-on did and what went wrong, for staff to look back at. Never personal data:
 * callers pass counts and sheet names, not names or e-mails. One appendRow per entry, whatever the
 * log's length.
 */
export function logAction(ss: Spreadsheet, action: string, details: string): void {
  let sheet = ss.getSheetByName(SHEETS.log);
  if (!sheet) {
    sheet = ss.insertSheet(SHEETS.log, ss.getNumSheets());
    const headers = LOG_TABLE.columns.map((c) => c.header);
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold').setBackground(COLORS.header);
    sheet.setFrozenRows(1);
    LOG_TABLE.columns.forEach((c, i) => formatColumn(sheet!, i + 1, c));
  }
  sheet.appendRow([new Date(), safeText(action), safeText(details)]);
}
