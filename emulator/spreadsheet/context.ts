/** What every fake spreadsheet object shares, plus small helpers used across the classes. */
import type { Env } from '../core/env';
import { signatureError } from '../core/gasObject';
import type { SpreadsheetModel } from './model';

export interface SpreadsheetCtx {
  env: Env;
  model: SpreadsheetModel;
  ui?: unknown;
}

export type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
export type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GProtection = GoogleAppsScript.Spreadsheet.Protection;
export type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
export type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
export type GConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
export type GConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
export type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
export type GUser = GoogleAppsScript.Base.User;

/** The message Sheets gives when a protected cell would be changed. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  lime: '#00ff00',
};

/** "#ABC" → "#aabbcc", "red" → "#ff0000"; null/'' → undefined (the default). */
export function normalizeColor(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const c = String(color).trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const m = /^#?([0-9a-f]{3})$/.exec(c);
  if (m) return '#' + [...m[1]].map((x) => x + x).join('');
  const m6 = /^#?([0-9a-f]{6})$/.exec(c);
  if (m6) return '#' + m6[1];
  return c;
}

/** Throws Apps Script's signature error unless every check passes. */
export function checkArgs(ctx: SpreadsheetCtx, method: string, args: unknown[], ok: boolean): void {
  if (!ok) throw signatureError(ctx.env, `SpreadsheetApp.${method}`, args);
}

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
