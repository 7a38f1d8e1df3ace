/**
 * What the local workspace needs to act as a person at the keyboard: edits typed into cells (with
 * protections and validation enforced, unlike script writes), what the grid shows, and the onEdit
 * event such an edit produces.
 */
import type { Env } from '../core/env';
import { gasObject, unwrap } from '../core/gasObject';
import { columnToLetters, parseA1, refToGrid } from './a1';
import { ensureCell, getCell, hasContent, isDateLike, lastColOf, lastRowOf, pruneCell } from './cells';
import { PROTECTED_MESSAGE, type GRange, type GSpreadsheet, type SpreadsheetCtx } from './context';
import { displayValue, formatValue } from './display';
import {
  DEFAULT_COLS,
  DEFAULT_ROWS,
  type CellValue,
  type GridRange,
  type SheetModel,
  type SpreadsheetModel,
} from './model';
import {
  cellTextTooLong,
  COLUMNS_LIMIT_MESSAGE,
  gridGrowthProblem,
  groupDigits,
  MAX_CELL_CHARS,
  MAX_CELLS,
  MAX_COLUMNS,
} from './limits';
import { canUserEdit } from './protection';
import { newRange } from './range';
import { ensureCalculated, markChanged, runtimeOf } from './runtime';
import { newSpreadsheet } from './spreadsheet';
import { SpreadsheetAppImpl } from './spreadsheetApp';
import { parseUserInput } from './userInput';
import { validateUserEdit } from './validation';

export { effectiveFormat, type EffectiveFormat } from './conditionalFormat';

/** 0-based grid of A1 notation ("B3", "A2:C5"); whole columns/rows use the sheet's size if given. */
export function a1ToGrid(a1: string, sheet?: SheetModel): GridRange {
  const ref = parseA1(a1);
  if (!ref) throw new Error(`Not A1 notation: ${a1}`);
  return refToGrid(ref, sheet?.maxRows ?? DEFAULT_ROWS, sheet?.maxCols ?? DEFAULT_COLS);
}

/**
 * Why Sheets would not take this edit from a person, in Russian naming the sheet, row and column;
 * null when it fits. A person selects a cell of the grid (rows beyond it must be added first), types
 * at most 50 000 characters into one cell, and a paste may grow the grid only within the limits.
 * Checked before anything changes.
 */
export function userEditProblem(
  model: SpreadsheetModel,
  sheet: SheetModel,
  a1: string,
  values: unknown[][],
): string | null {
  const ref = parseA1(a1);
  if (!ref || ref.startRow === undefined || ref.startCol === undefined) {
    return `Лист «${sheet.name}»: «${a1}» — не адрес ячейки. Укажите ячейку, например B2.`;
  }
  const row = ref.startRow;
  const col = ref.startCol;
  const where = `Лист «${sheet.name}», строка ${groupDigits(row)}, столбец ${columnToLetters(col)}`;
  if (row > sheet.maxRows || col > sheet.maxCols) {
    return (
      `${where}: такой ячейки на листе нет — на нём строки 1–${groupDigits(sheet.maxRows)} ` +
      `и столбцы A–${columnToLetters(sheet.maxCols)}. Сначала добавьте строки или столбцы, затем введите значение.`
    );
  }
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[i].length; j++) {
      const v = values[i][j];
      if (!cellTextTooLong(v)) continue;
      return (
        `Лист «${sheet.name}», строка ${groupDigits(row + i)}, столбец ${columnToLetters(col + j)}: в ячейке может быть ` +
        `не больше ${groupDigits(MAX_CELL_CHARS)} символов, а введено ${groupDigits((v as string).length)}. Сократите текст.`
      );
    }
  }
  const numCols = Math.max(1, ...values.map((line) => line.length));
  const rows = Math.max(sheet.maxRows, row - 1 + values.length);
  const cols = Math.max(sheet.maxCols, col - 1 + numCols);
  const growth = gridGrowthProblem(model, sheet, rows, cols);
  if (growth === COLUMNS_LIMIT_MESSAGE) {
    return `${where}: вставка не помещается — на листе может быть не больше ${groupDigits(MAX_COLUMNS)} столбцов (до ${columnToLetters(MAX_COLUMNS)}).`;
  }
  if (growth) {
    return (
      `${where}: вставка не помещается — в таблице может быть не больше ${groupDigits(MAX_CELLS)} ячеек на всех листах ` +
      'вместе. Удалите лишние пустые строки или столбцы.'
    );
  }
  return null;
}

/** Display values of the sheet's data range (A1 to the last row/column with content). */
export function sheetDisplayValues(model: SpreadsheetModel, sheet: SheetModel, env?: Env): string[][] {
  const e = env ?? runtimeOf(model).env;
  if (e) ensureCalculated(model, e);
  const rows = lastRowOf(sheet);
  const cols = lastColOf(sheet);
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) line.push(displayValue(getCell(sheet, r, c), model));
    out.push(line);
  }
  return out;
}

/** The onEdit event of a person's edit, as Apps Script builds it. */
export interface UserEditEvent {
  range: GRange;
  source: GSpreadsheet;
  user: GoogleAppsScript.Base.User;
  /** Only for a single-cell edit: the new value as text. */
  value?: string;
  /** Only for a single-cell edit of a cell that was not empty. */
  oldValue?: string;
}

/** The text Apps Script puts in e.value / e.oldValue. */
function eventText(v: CellValue, model: SpreadsheetModel): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateLike(v)) return formatValue(v, undefined, model.locale, model.timeZone);
  return String(v);
}

function ctxFrom(env: Env, model: SpreadsheetModel, app?: unknown): SpreadsheetCtx {
  const impl = app ? (unwrap(app) as unknown) : undefined;
  return impl instanceof SpreadsheetAppImpl ? impl.ctxOf(model) : { env, model };
}

/**
 * A person (env.activeUser) types `values` into the sheet starting at `a1` (its top-left cell).
 * Text is interpreted as typed input; protections (except warning-only) and data validation that
 * rejects invalid input are enforced — the whole edit is refused with the message Sheets shows
 * (a plain Error, not in the add-on's realm). Returns the onEdit event for the add-on's trigger.
 */
export function applyUserEdit(
  env: Env,
  model: SpreadsheetModel,
  sheet: SheetModel,
  a1: string,
  values: unknown[][],
  spreadsheetApp?: unknown,
): UserEditEvent {
  const problem = userEditProblem(model, sheet, a1, values);
  if (problem) throw new Error(problem);
  const start = a1ToGrid(a1, sheet);
  const numRows = values.length;
  const numCols = Math.max(1, ...values.map((row) => row.length));
  const grid: GridRange = { row: start.row, col: start.col, numRows, numCols };
  // Check everything first: a refused edit changes nothing.
  const parsed: CellValue[][] = [];
  const formulas: Array<Array<string | undefined>> = [];
  const implied: Array<Array<string | undefined>> = [];
  for (let i = 0; i < numRows; i++) {
    parsed.push([]);
    formulas.push([]);
    implied.push([]);
    for (let j = 0; j < numCols; j++) {
      const r = grid.row + i;
      const c = grid.col + j;
      if (!canUserEdit(model, sheet, r, c, env.activeUser, env.owner)) throw new Error(PROTECTED_MESSAGE);
      const raw = values[i][j];
      let value: CellValue = '';
      let formula: string | undefined;
      if (typeof raw === 'string') {
        const p = parseUserInput(raw, model.locale, model.timeZone, getCell(sheet, r, c)?.format?.numberFormat);
        value = p.value;
        formula = p.formula;
        implied[i][j] = p.impliedFormat;
      } else if (typeof raw === 'number' || typeof raw === 'boolean') value = raw;
      else if (isDateLike(raw)) value = new Date((raw as Date).getTime());
      else if (raw !== null && raw !== undefined) value = String(raw);
      if (formula === undefined) {
        const problem = validateUserEdit(sheet, r, c, value, model.timeZone);
        if (problem) throw new Error(problem);
      }
      parsed[i][j] = value;
      formulas[i][j] = formula;
    }
  }
  // Pasting past the last row or column grows the grid, as Sheets does for a person's paste.
  sheet.maxRows = Math.max(sheet.maxRows, grid.row + numRows);
  sheet.maxCols = Math.max(sheet.maxCols, grid.col + numCols);
  const single = numRows === 1 && numCols === 1;
  const before = getCell(sheet, grid.row, grid.col);
  const oldValue = single && hasContent(before) ? eventText(before!.value, model) : undefined;
  let anyFormula = false;
  for (let i = 0; i < numRows; i++) {
    for (let j = 0; j < numCols; j++) {
      const r = grid.row + i;
      const c = grid.col + j;
      const v = parsed[i][j];
      const f = formulas[i][j];
      if (v === '' && f === undefined) {
        const cell = getCell(sheet, r, c);
        if (cell) {
          cell.value = '';
          delete cell.formula;
          pruneCell(sheet, r, c);
        }
        continue;
      }
      const cell = ensureCell(sheet, r, c);
      cell.value = v;
      if (f !== undefined) {
        cell.formula = f;
        anyFormula = true;
      } else delete cell.formula;
      const fmt = implied[i][j];
      if (fmt && cell.format?.numberFormat === undefined) cell.format = { ...cell.format, numberFormat: fmt };
    }
  }
  markChanged(model, anyFormula);
  ensureCalculated(model, env);

  const ctx = ctxFrom(env, model, spreadsheetApp);
  const email = env.activeUser;
  const event: UserEditEvent = {
    range: newRange(ctx, sheet, grid),
    source: newSpreadsheet(ctx),
    user: gasObject(env, 'Base.User', {
      getEmail: () => email,
      getUserLoginId: () => email,
    }) as unknown as GoogleAppsScript.Base.User,
  };
  if (single) {
    const after = getCell(sheet, grid.row, grid.col);
    if (hasContent(after)) event.value = eventText(after!.value, model);
    if (oldValue !== undefined) event.oldValue = oldValue;
  }
  return event;
}
