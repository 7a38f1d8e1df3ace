import { currentAccount, mayManage, sameAccount } from '../state/manager';
import { readState, writeState } from '../state/store';

/** The global (src/main.ts) the form-submit trigger calls. */
export const FORM_SUBMIT_HANDLER = 'onFormSubmitTrigger';

/**
 * An editor add-on may have ONE form-submit trigger per user and document, so one trigger serves
 * every questionnaire (the handler dispatches by response sheet). Installed only if missing: setup
 * can run any number of times. Returns true when it installed one.
 */
export function ensureFormSubmitTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  if (!mayManage()) return false;
  writeState(TRIGGER_OWNER_KEY, currentAccount());
  const existing = ScriptApp.getUserTriggers(ss).find(
    (t) => t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT && t.getHandlerFunction() === FORM_SUBMIT_HANDLER,
  );
  const trigger = existing ?? ScriptApp.newTrigger(FORM_SUBMIT_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
  writeState(TRIGGER_ID_KEY, trigger.getUniqueId());
  return !existing;
}

const TRIGGER_OWNER_KEY = 'formTriggerOwner';
/** The manager's trigger: a firing of it needs no check of the account it runs as. */
const TRIGGER_ID_KEY = 'formTriggerId';

/**
 * A form-submit trigger another account installed before one account managed the add-on: the
 * manager's own trigger files every answer, so this one removes itself instead of doing it twice.
 * With no owner recorded (an older version) every trigger keeps working: answers are filed once anyway.
 * Called under the lock (it may record the manager's trigger id).
 */
export function isSurplusFormTrigger(triggerUid: string | undefined): boolean {
  if (triggerUid && readState(TRIGGER_ID_KEY) === triggerUid) return false;
  const owner = readState(TRIGGER_OWNER_KEY);
  const me = currentAccount();
  if (!owner || !me || sameAccount(owner, me)) {
    // The manager's trigger, installed before its id was kept: kept now, so the next firings skip this check.
    if (owner && triggerUid && me) writeState(TRIGGER_ID_KEY, triggerUid);
    return false;
  }
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(t);
  return true;
}
