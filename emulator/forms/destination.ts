/**
 * The response sheet Google Forms keeps in the destination spreadsheet: created by setDestination,
 * its header row kept in step with the questions, one row appended per response. Google writes it
 * itself (not as the script's user), so protections do not apply and the model is written directly.
 */
import { ensureCell, getCell, lastRowOf } from '../spreadsheet/cells';
import { displayValue } from '../spreadsheet/display';
import { assertGridGrowth } from '../spreadsheet/limits';
import {
  DEFAULT_COLS,
  DEFAULT_ROWS,
  newSheetModel,
  type CellValue,
  type SheetModel,
  type SpreadsheetModel,
} from '../spreadsheet/model';
import { markChanged, runtimeOf } from '../spreadsheet/runtime';
import { fromWallClock } from '../core/timezone';
import { editUrl } from './context';
import { isQuestion, type DestinationModel, type FormModel, type FormsModel, type ResponseModel } from './model';

export const RESPONSE_SHEET_BASE = 'Ответы на форму';
export const TIMESTAMP_HEADER = 'Отметка времени';
/** Not documented by Google for ru (APPS_SCRIPT_FACTS.md); the add-on should not rely on this text. */
export const EMAIL_HEADER = 'Адрес электронной почты';
/** Sheets' ru_RU date-time display, as the timestamp column shows it. */
export const TIMESTAMP_FORMAT = 'dd.MM.yyyy H:mm:ss';
/** Sheets' ru_RU date display, as a date question's column shows it. */
export const DATE_ANSWER_FORMAT = 'dd.MM.yyyy';

/** «Ответы на форму (N)» with the first free N (sheet names compare case-insensitively). */
export function responseSheetName(ss: SpreadsheetModel): string {
  const taken = new Set(ss.sheets.map((s) => s.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${RESPONSE_SHEET_BASE} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function destinationSheet(ss: SpreadsheetModel, form: FormModel): SheetModel | null {
  const d = form.destination;
  if (!d || d.spreadsheetId !== ss.id) return null;
  return ss.sheets.find((s) => s.id === d.sheetId) ?? null;
}

function setCell(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  r: number,
  c: number,
  value: CellValue,
  numberFormat?: string,
): void {
  // The response sheet grows with the answers, within Sheets' size limits.
  const rows = Math.max(sheet.maxRows, r + 1);
  const cols = Math.max(sheet.maxCols, c + 1);
  assertGridGrowth(ss, sheet, rows, cols, (message) => new Error(message));
  sheet.maxRows = rows;
  sheet.maxCols = cols;
  const cell = ensureCell(sheet, r, c);
  cell.value = value;
  delete cell.formula;
  if (numberFormat) cell.format = { ...cell.format, numberFormat };
}

/** Header row texts up to its last non-empty cell (row 1 only: cheap however many responses there are). */
function headers(ss: SpreadsheetModel, sheet: SheetModel): string[] {
  const out: string[] = [];
  const row = sheet.rows[0] ?? [];
  for (let c = 0; c < Math.min(row.length, sheet.maxCols); c++) out.push(displayValue(getCell(sheet, 0, c), ss));
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

function appendHeader(ss: SpreadsheetModel, sheet: SheetModel, text: string): number {
  const col = headers(ss, sheet).length;
  setCell(ss, sheet, 0, col, text);
  return col;
}

/** The column headed `text` (first match), or a new column at the end. */
function columnFor(ss: SpreadsheetModel, sheet: SheetModel, text: string): number {
  const i = headers(ss, sheet).indexOf(text);
  return i >= 0 ? i : appendHeader(ss, sheet, text);
}

/**
 * Brings the header row in step with the form: a new question gets a column at the end, a renamed
 * question renames its header cell (found by the text last written, wherever staff moved it), a
 * deleted question keeps its column. Untitled questions get no column until they have a title.
 */
export function syncHeaders(ss: SpreadsheetModel, form: FormModel): void {
  const sheet = destinationSheet(ss, form);
  if (!sheet || !form.destination) return;
  const d = form.destination;
  if (form.collectEmail && !headers(ss, sheet).includes(EMAIL_HEADER)) appendHeader(ss, sheet, EMAIL_HEADER);
  for (const item of form.items) {
    if (!isQuestion(item) || item.title === '') continue;
    const known = d.columns.find((c) => c.itemId === item.id);
    if (known && known.header === item.title) continue;
    const at = known ? headers(ss, sheet).indexOf(known.header) : -1;
    if (at >= 0) setCell(ss, sheet, 0, at, item.title);
    else appendHeader(ss, sheet, item.title);
    if (known) known.header = item.title;
    else d.columns.push({ itemId: item.id, header: item.title });
  }
  markChanged(ss);
}

/**
 * Creates «Ответы на форму (N)» as the first sheet (the active sheet stays active) with the header
 * row — timestamp, e-mail when collected, one column per question — frozen.
 */
export function createResponseSheet(ss: SpreadsheetModel, form: FormModel): DestinationModel {
  const active = ss.sheets[ss.activeSheet];
  assertGridGrowth(ss, null, DEFAULT_ROWS, DEFAULT_COLS, (message) => new Error(message));
  const sheet = newSheetModel(ss.nextSheetId++, responseSheetName(ss));
  ss.sheets.unshift(sheet);
  ss.activeSheet = Math.max(0, ss.sheets.indexOf(active));
  sheet.frozenRows = 1;
  setCell(ss, sheet, 0, 0, TIMESTAMP_HEADER);
  const destination: DestinationModel = { spreadsheetId: ss.id, sheetId: sheet.id, columns: [] };
  form.destination = destination;
  syncHeaders(ss, form);
  return destination;
}

/** The text Google writes for an answer: checkbox answers joined with ", ". */
export function answerText(value: string | string[]): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * A date answer on the response sheet: a real date (midnight in the spreadsheet's time zone) shown as
 * ru_RU shows dates, so `values` / `namedValues` carry «14.10.2026». **Choice** (not documented): an
 * answer without the year is written as the text «14.10».
 */
function dateCell(ss: SpreadsheetModel, text: string): [CellValue, string | undefined] {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (full) {
    const ms = fromWallClock(ss.timeZone, Number(full[1]), Number(full[2]), Number(full[3]));
    return [new Date(ms), DATE_ANSWER_FORMAT];
  }
  const md = /^(\d{2})-(\d{2})$/.exec(text);
  return [md ? `${md[2]}.${md[1]}` : text, undefined];
}

export interface WrittenRow {
  sheetId: number;
  /** 1-based row of the response. */
  row: number;
  /** Display text of the row, in sheet column order (the event's `values`). */
  values: string[];
  /** { header: [text] } for every titled column (the event's `namedValues`). */
  namedValues: Record<string, string[]>;
}

/**
 * Appends the response after the last row, each answer under the column headed by its question's
 * current title (staff may have moved columns); missing headers are added at the end. The timestamp
 * is a Date with the date-time format; scale answers are numbers; date answers are dates; text is written as text, never
 * parsed as a formula.
 */
export function appendResponseRow(ss: SpreadsheetModel, form: FormModel, response: ResponseModel): WrittenRow | null {
  const sheet = destinationSheet(ss, form);
  if (!sheet) return null;
  syncHeaders(ss, form);
  const r = lastRowOf(sheet);
  setCell(ss, sheet, r, columnFor(ss, sheet, TIMESTAMP_HEADER), new Date(response.timestampMs), TIMESTAMP_FORMAT);
  if (form.collectEmail) setCell(ss, sheet, r, columnFor(ss, sheet, EMAIL_HEADER), response.email);
  for (const item of form.items) {
    if (!isQuestion(item) || item.title === '') continue;
    const col = columnFor(ss, sheet, item.title);
    const answer = response.answers.find((a) => a.itemId === item.id);
    if (!answer) continue;
    if (item.type === 'DATE') {
      const [value, format] = dateCell(ss, answerText(answer.value));
      setCell(ss, sheet, r, col, value, format);
      continue;
    }
    const value: CellValue = item.type === 'SCALE' ? Number(answer.value) : answerText(answer.value);
    setCell(ss, sheet, r, col, value);
  }
  markChanged(ss);
  const head = headers(ss, sheet);
  const values = head.map((_, c) => displayValue(getCell(sheet, r, c), ss));
  const namedValues: Record<string, string[]> = {};
  head.forEach((h, c) => {
    if (h !== '' && !(h in namedValues)) namedValues[h] = [values[c]];
  });
  return { sheetId: sheet.id, row: r + 1, values, namedValues };
}

/** Lets Sheet.getFormUrl() answer from the forms model: the edit URL of the form a sheet receives. */
export function linkFormUrls(ss: SpreadsheetModel, forms: () => FormsModel): void {
  runtimeOf(ss).formUrlOf = (sheetId: number) => {
    const form = forms().forms.find(
      (f) => f.destination && f.destination.spreadsheetId === ss.id && f.destination.sheetId === sheetId,
    );
    return form ? editUrl(form.id) : null;
  };
}
