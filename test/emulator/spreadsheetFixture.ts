/** Shared setup for the SpreadsheetApp fake's tests. */
import { Env } from '../../emulator/core/env';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';
import { newSpreadsheetModel, type SpreadsheetModel } from '../../emulator/spreadsheet/model';

export const NOW = '2026-11-25T12:00:00+03:00';

export interface Fixture {
  env: Env;
  model: SpreadsheetModel;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export function setup(options: { user?: string; owner?: string; ui?: unknown } = {}): Fixture {
  const env = new Env({ now: NOW, user: options.user, owner: options.owner });
  const model = newSpreadsheetModel();
  const app = createSpreadsheetApp(env, model, options.ui);
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  env.calls.reset();
  return { env, model, app, ss, sheet };
}

/** The Moscow-midnight instant of a calendar date. */
export function moscowDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d) - 3 * 3600_000);
}
