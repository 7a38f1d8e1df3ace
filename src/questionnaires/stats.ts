import { FORM_KEYS, WITHDRAWN_STATUS, type PersonKind } from '../domain/questionnaires';
import { BANK_SHEETS, bankSpec } from '../sheets/banks';
import { Table } from '../sheets/table';
import type { QuestionnaireStats } from '../contract/serverApi';
import { readRegistry } from '../forms/registry';
import { NO_CONSENT_MARK, sheetById } from '../forms/responses';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Counts for «Сводка»: answers per questionnaire, people in each bank, answers removed for lack of
 * consent, withdrawals. Null before the questionnaires exist. Read-only: no sheet is created here.
 */
export function questionnaireStats(ss: Spreadsheet): QuestionnaireStats | null {
  const registry = readRegistry();
  if (!FORM_KEYS.some((k) => registry[k])) return null;
  const stats: QuestionnaireStats = {
    responses: { mentee: 0, mentor: 0 },
    inBank: { mentee: 0, mentor: 0 },
    noConsent: 0,
    withdrawn: 0,
  };
  for (const kind of ['mentee', 'mentor'] as PersonKind[]) {
    const entry = registry[kind];
    const sheet = entry && entry.sheetId !== null ? sheetById(ss, entry.sheetId) : null;
    if (sheet && sheet.getLastRow() > 1) {
      const values = sheet.getDataRange().getValues().slice(1);
      stats.responses[kind] = values.length;
      stats.noConsent += values.filter((row) => row.includes(NO_CONSENT_MARK)).length;
    }
    const table = ss.getSheetByName(BANK_SHEETS[kind]) ? Table.read(ss, bankSpec(kind)) : null;
    table?.rows.forEach((_, r) => {
      if (table.text(r, 'status') === WITHDRAWN_STATUS) stats.withdrawn++;
      else if (table.text(r, 'email')) stats.inBank[kind]++;
    });
  }
  return stats;
}
