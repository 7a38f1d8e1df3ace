/**
 * The banks («Наставляемые», «Наставники») hold the teachers' answers and personal data: only the
 * managing account and the curator may edit them, everyone else is stopped (not merely warned).
 * Re-applied on every «Создать/обновить анкеты», so a changed curator e-mail reaches the editor list.
 */
import { BANK_SHEETS } from './banks';
import { editorsOnly } from './editorsOnly';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const BANK_PROTECTION =
  'Банк заполняется из анкет. Изменять его могут только куратор наставничества и учётная запись, которая ведёт анкеты.';

/** Protects both bank sheets that exist, with exactly `editors` (plus the owner, whom Sheets always keeps). */
export function protectBanks(ss: Spreadsheet, editors: readonly string[]): void {
  const wanted = [...new Set(editors.flatMap((e) => e.toLowerCase().split(/[\s,;]+/)).filter(Boolean))];
  for (const name of Object.values(BANK_SHEETS)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const protection =
      sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect().setDescription(BANK_PROTECTION);
    editorsOnly(protection, wanted);
  }
}
