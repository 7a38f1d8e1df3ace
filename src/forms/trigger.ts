/** The global (src/main.ts) the form-submit trigger calls. */
export const FORM_SUBMIT_HANDLER = 'onFormSubmitTrigger';

/**
 * An editor add-on may have ONE form-submit trigger per user and document, so one trigger serves
 * every questionnaire (the handler dispatches by response sheet). Installed only if missing: setup
 * can run any number of times. Returns true when it installed one.
 */
export function ensureFormSubmitTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const existing = ScriptApp.getUserTriggers(ss).some(
    (t) => t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT && t.getHandlerFunction() === FORM_SUBMIT_HANDLER,
  );
  if (existing) return false;
  ScriptApp.newTrigger(FORM_SUBMIT_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
  return true;
}
