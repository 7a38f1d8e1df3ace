import { logAction } from '../sheets/logSheet';

/**
 * A mistake the user can fix, with a Russian message meant for them. Anything else reaching the
 * top is a bug: the user sees a short apology and the technical message goes to «Журнал».
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** Text for the user: their mistake as is, a bug with a pointer to «Журнал». */
export function userMessage(e: unknown): string {
  if (isUserError(e)) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `Произошла непредвиденная ошибка: ${detail}. Подробности записаны на лист «Журнал».`;
}

/** An OK-only alert titled with the add-on's name. */
export function showAlert(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Наставничество', message, ui.ButtonSet.OK);
}

/** Runs a menu action; any error becomes an alert instead of Apps Script's red banner. */
export function runMenuAction(name: string, action: () => void): void {
  try {
    action();
  } catch (e) {
    if (!isUserError(e)) {
      try {
        logAction(SpreadsheetApp.getActiveSpreadsheet(), `Ошибка: ${name}`, e instanceof Error ? e.message : String(e));
      } catch {
        // The log itself failed (e.g. no edit rights): the alert below still tells the user.
      }
    }
    showAlert(userMessage(e));
  }
}
