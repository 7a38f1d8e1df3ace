import { markSummaryStale } from '../sheets/summaryFreshness';
import { contextSpreadsheet } from '../state/context';
import { takeLock } from '../state/lock';
import { filingForms } from '../questionnaires/definitions';
import { clearHints, hintedForms, leaveHint, readFiled, writeFiled } from '../forms/filed';
import { filePending, isRowForm, prepareQuestionnaire, sheetsById, type PreparedForm, type ToCheck } from './filing';
import { formKeyOfSheet, readRegistry, writeRegistry, type RegistryKey } from '../forms/registry';
import { isSurplusFormTrigger } from '../forms/trigger';

/** How long a firing waits for the document lock before leaving its answer to the next run. */
const LOCK_WAIT_MS = 30000;

/**
 * The one installable form-submit trigger of the spreadsheet, for every form. Holding the document
 * lock, it files every answer of its form not filed yet — its own and any whose firing could not get
 * the lock in time — and of the forms such firings left a hint for (filed.ts), then marks «Сводка»
 * stale (it is refreshed when someone looks). A firing that does not get the lock in time loses
 * nothing: its row stays below the filed mark for the next run that holds it. The same answer twice
 * changes nothing. Everything is read once (state, header, bank) and each bank written once: about
 * 20 service calls per answer.
 */
export function handleFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const sheet = e.range.getSheet();
  const ss = contextSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (!takeLock(lock, LOCK_WAIT_MS)) {
    // The state is read without the lock here, only to find the hint's row.
    const key = formKeyOfSheet(readRegistry(), sheet.getSheetId());
    const hinted = key !== null && leaveHint(key);
    console.warn(
      `Form answer in row ${e.range.getRow()} of «${sheet.getName()}» left for the next run: the lock was busy` +
        `${hinted ? '' : ' (no hint row yet: the next answer of this form files it)'}.`,
    );
    return;
  }
  // Held to the end: the execution ends right after, and "the lock is released automatically when the
  // script terminates" (developers.google.com/apps-script/reference/lock/lock#releaseLock()), so no
  // releaseLock call is spent on it (onFormSubmitTrigger in main.ts does nothing after this).
  fileUnderLock(e, sheet, ss);
}

function fileUnderLock(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  if (isSurplusFormTrigger(e.triggerUid)) return;
  const registry = readRegistry();
  const key = formKeyOfSheet(registry, sheet.getSheetId());
  if (!key) return;
  const state = readFiled();
  const lastRow = sheet.getLastRow();
  const mark = state.rows[key];
  const hints = hintedForms();
  const hinted = hints.filter((k) => k !== key);
  // Filed already (a repeated firing, or an earlier run filed it with its own answer), nothing else waits.
  if (mark !== undefined && lastRow <= mark && hinted.length === 0) return;
  // A form of the year's work with no mark yet: its earlier rows were handled one by one before.
  if (mark === undefined && isRowForm(key)) state.rows[key] = e.range.getRow() - 1;
  const before = JSON.stringify(registry);
  const forms = filingForms(ss);
  const prepared = new Map<RegistryKey, PreparedForm>();
  if (!isRowForm(key)) prepared.set(key, prepareQuestionnaire(registry[key]!, forms[key as keyof typeof forms], sheet));
  const check: Partial<Record<RegistryKey, ToCheck>> = { [key]: { sheet, lastRow } };
  // Cleared before those forms' last rows are read: a hint left after this is seen by the next run.
  if (hints.length > 0) clearHints(hints);
  if (hinted.length > 0) {
    const sheets = sheetsById(ss);
    for (const k of hinted) {
      const id = registry[k]?.sheetId;
      const other = id === null || id === undefined ? undefined : sheets.get(id);
      if (other) check[k] = { sheet: other };
    }
  }
  const filed = filePending(ss, registry, state, prepared, check, () => forms);
  if (filed.changed) markSummaryStale();
  writeFiled(state);
  // Titles read again from a form (staff renamed a question) are remembered for the next answers.
  if (JSON.stringify(registry) !== before) writeRegistry(registry);
}
