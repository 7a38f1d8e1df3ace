import { markSummaryStale } from '../sheets/summaryFreshness';
import { isYearFormKey } from '../year/yearResponses';
import { schoolForms } from './definitions';
import { readFiled, writeFiled } from './filed';
import { filePending, prepareQuestionnaire, sheetsById, type PreparedForm } from './filing';
import { formKeyOfSheet, readRegistry, type RegistryKey } from './registry';
import { isSurplusFormTrigger } from './trigger';
import { takeLock } from '../ui/lock';

/** How long a firing waits for the document lock before leaving its answer to the next run. */
const LOCK_WAIT_MS = 30000;
/** Filing goes on while answers keep coming, but stops well before the 6-minute limit. */
const BUDGET_MS = 4 * 60 * 1000;

/**
 * The one installable form-submit trigger of the spreadsheet, for every form. Whatever needs no lock
 * (which form, its definition and question titles, the header) is done first; then, holding the
 * document lock only for the filing, it files every answer not filed yet — its own and any whose
 * firing could not get the lock in time — and marks «Сводка» stale (it is refreshed when someone looks).
 * A firing that does not get the lock in time loses nothing: its row stays below the filed mark for
 * the next run that holds the lock. The same answer twice changes nothing.
 */
export function handleFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (isSurplusFormTrigger(e.triggerUid)) return;
  const sheet = e.range.getSheet();
  const ss = sheet.getParent();
  const row = e.range.getRow();
  const registry = readRegistry();
  const key = formKeyOfSheet(registry, sheet.getSheetId());
  if (!key) return;
  const mark = readFiled().rows[key];
  // Filed already: a repeated firing, or an earlier run filed it with its own answer.
  if (mark !== undefined && row <= mark) return;
  const prepared = new Map<RegistryKey, PreparedForm>();
  if (!isYearFormKey(key)) prepared.set(key, prepareQuestionnaire(registry[key]!, schoolForms(ss)[key], sheet));
  const lock = LockService.getDocumentLock();
  if (!takeLock(lock, LOCK_WAIT_MS)) {
    console.warn(`Form answer in row ${row} of «${sheet.getName()}» left for the next run: the lock was busy.`);
    return;
  }
  try {
    const started = Date.now();
    const state = readFiled();
    // A form of the year's work with no mark yet: its earlier rows were handled one by one before.
    if (state.rows[key] === undefined && isYearFormKey(key)) state.rows[key] = row - 1;
    const sheets = sheetsById(ss);
    for (;;) {
      const filed = filePending(ss, registry, state, prepared, sheets);
      // «Сводка» is refreshed when someone looks (summaryFreshness.ts), not per answer.
      if (filed.changed) markSummaryStale();
      if (filed.rows > 0 || filed.changed) writeFiled(state);
      // Answers that arrived meanwhile are filed by this run too, within its budget.
      if (filed.rows === 0 || Date.now() - started > BUDGET_MS) break;
    }
  } finally {
    lock.releaseLock();
  }
}
