import { logAction } from '../sheets/logSheet';

export { isUserError, UserError } from '../domain/userError';
import { isUserError } from '../domain/userError';
import { ADDON_NAME } from '../domain/addon';

/** Text for the user: their mistake as is, a bug with a pointer to «Журнал». */
export function userMessage(e: unknown): string {
  if (isUserError(e)) return e.message;
  const detail = (e instanceof Error ? e.message : String(e)).trim().replace(/[.\s]+$/, '');
  return `Произошла непредвиденная ошибка: ${detail}. Подробности записаны на лист «Журнал».`;
}

/** Where a message quotes a value the sidebar sent (kept with the request schemas). */
export { shownValue } from '../contract/validate';

/** Logs an unexpected error to «Журнал» (when it can); the user is told by the caller. */
function logFailure(name: string, e: unknown): void {
  try {
    logAction(SpreadsheetApp.getActiveSpreadsheet(), `Ошибка: ${name}`, e instanceof Error ? e.message : String(e));
  } catch {
    // The log itself failed (e.g. no edit rights): the message to the user still tells them.
  }
}

/**
 * A sidebar function whose failures reach the user in Russian: their mistake as is; anything else
 * is logged to «Журнал» and becomes the short apology, never a raw English TypeError.
 */
export function reportingFailures<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      if (isUserError(e)) throw e;
      logFailure(name, e);
      // The detail is in «Журнал»; the sidebar gets only the Russian text.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(userMessage(e));
    }
  };
}

/** An OK-only alert titled with the add-on's name. */
export function showAlert(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(ADDON_NAME, message, ui.ButtonSet.OK);
}

/** Runs a menu action; any error becomes an alert instead of Apps Script's red banner. */
export function runMenuAction(name: string, action: () => void): void {
  try {
    action();
  } catch (e) {
    if (!isUserError(e)) logFailure(name, e);
    showAlert(userMessage(e));
  }
}
