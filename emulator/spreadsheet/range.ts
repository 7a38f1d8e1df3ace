/**
 * Range: a rectangle of one sheet, 1-based in the API over the 0-based model. Reads and writes work
 * on the sparse model directly (no per-cell objects), so a 1 000 × 20 getValues/setValues is cheap.
 */
import { gasObject, unwrap } from '../core/gasObject';
import { columnToLetters, gridToA1 } from './a1';
import { ensureCell, forEachExistingCell, getCell, hasContent, isDateLike, pruneCell, toModelValue } from './cells';
import {
  checkArgs,
  isInt,
  normalizeColor,
  type GDataValidation,
  type GProtection,
  type GRange,
  type GSheet,
  type SpreadsheetCtx,
} from './context';
import { AUTOMATIC_FORMAT, displayValue, isAutomaticFormat } from './display';
import { translateFormula } from './formula';
import { CELL_CHARS_MESSAGE, cellTextTooLong } from './limits';
import type { Cell, CellFormat, CellValue, GridRange, SheetModel } from './model';
import { assertCanEditGrid, createProtection } from './protection';
import { ensureCalculated, markChanged } from './runtime';
import { newSheet } from './sheet';
import { parseUserInput } from './userInput';
import { DataValidationImpl, internRule, wrapDataValidation } from './validation';

/** Checks 1-based coordinates the way Apps Script does and returns the 0-based grid. */
export function checkedGrid(
  ctx: SpreadsheetCtx,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): GridRange {
  const { env } = ctx;
  if (row < 1) throw env.error('The starting row of the range is too small.');
  if (col < 1) throw env.error('The starting column of the range is too small.');
  if (numRows < 1) throw env.error('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw env.error('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw env.error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return { row: row - 1, col: col - 1, numRows, numCols };
}

/** Writes one value into a cell the way Apps Script's setValue does (strings parsed as typed input). */
export function writeValue(ctx: SpreadsheetCtx, sheet: SheetModel, r: number, c: number, v: unknown): boolean {
  let cell = getCell(sheet, r, c);
  if (v === null || v === undefined || v === '') {
    if (!cell) return false;
    cell.value = '';
    delete cell.formula;
    pruneCell(sheet, r, c);
    return false;
  }
  cell = cell ?? ensureCell(sheet, r, c);
  if (typeof v === 'string') {
    const { model } = ctx;
    const parsed = parseUserInput(v, model.locale, model.timeZone, cell.format?.numberFormat);
    cell.value = parsed.value;
    if (parsed.formula !== undefined) {
      cell.formula = parsed.formula;
      return true;
    }
    delete cell.formula;
    if (parsed.impliedFormat && cell.format?.numberFormat === undefined) {
      cell.format = { ...cell.format, numberFormat: parsed.impliedFormat };
    }
    return false;
  }
  delete cell.formula;
  if (typeof v === 'number' || typeof v === 'boolean') cell.value = v;
  else if (isDateLike(v)) cell.value = toModelValue(v as Date);
  else cell.value = String(v);
  return false;
}

export const RANGE_METHODS = [
  'activate',
  'canEdit',
  'check',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'getA1Notation',
  'getBackground',
  'getBackgrounds',
  'getCell',
  'getColumn',
  'getDataValidation',
  'getDataValidations',
  'getDisplayValue',
  'getDisplayValues',
  'getFontColor',
  'getFontColors',
  'getFontStyle',
  'getFontStyles',
  'getFontWeight',
  'getFontWeights',
  'getFormula',
  'getFormulas',
  'getGridId',
  'getHeight',
  'getHorizontalAlignment',
  'getHorizontalAlignments',
  'getLastColumn',
  'getLastRow',
  'getNote',
  'getNotes',
  'getNumColumns',
  'getNumRows',
  'getNumberFormat',
  'getNumberFormats',
  'getRow',
  'getRowIndex',
  'getSheet',
  'getValue',
  'getValues',
  'getVerticalAlignment',
  'getVerticalAlignments',
  'getWidth',
  'getWrap',
  'getWraps',
  'insertCheckboxes',
  'isBlank',
  'isChecked',
  'offset',
  'protect',
  'removeCheckboxes',
  'setBackground',
  'setBackgroundRGB',
  'setBackgrounds',
  'setDataValidation',
  'setDataValidations',
  'setFontColor',
  'setFontColors',
  'setFontStyle',
  'setFontStyles',
  'setFontWeight',
  'setFontWeights',
  'setFormula',
  'setFormulas',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setNote',
  'setNotes',
  'setNumberFormat',
  'setNumberFormats',
  'setValue',
  'setValues',
  'setVerticalAlignment',
  'setVerticalAlignments',
  'setWrap',
  'setWraps',
  'uncheck',
] as const;

type HAlign = 'left' | 'center' | 'normal' | 'right' | null;
type VAlign = 'top' | 'middle' | 'bottom' | null;

export class RangeImpl implements Pick<GRange, (typeof RANGE_METHODS)[number]> {
  self!: GRange;
  constructor(
    readonly ctx: SpreadsheetCtx,
    readonly sheet: SheetModel,
    readonly grid: GridRange,
    /** How the range was asked for, for getA1Notation ("A:C", "2:5"). */
    readonly notation?: 'cols' | 'rows',
  ) {}

  // ------------------------------------------------------------ helpers (not Apps Script API)

  private matrix<T>(fn: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.grid;
    const rows = this.sheet.rows;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const src = rows[row + i];
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = fn(src?.[col + j], row + i, col + j);
      out[i] = line;
    }
    return out;
  }

  private checkMatrix(method: string, data: unknown): unknown[][] {
    const { env } = this.ctx;
    if (!Array.isArray(data)) checkArgs(this.ctx, `Range.${method}`, [data], false);
    const rows = data as unknown[];
    if (rows.length !== this.grid.numRows) {
      throw env.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.grid.numRows}.`,
      );
    }
    for (const line of rows) {
      if (!Array.isArray(line)) checkArgs(this.ctx, `Range.${method}`, [data], false);
      if ((line as unknown[]).length !== this.grid.numCols) {
        throw env.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${(line as unknown[]).length} but the range has ${this.grid.numCols}.`,
        );
      }
    }
    return rows as unknown[][];
  }

  private editable(): void {
    assertCanEditGrid(this.ctx, this.sheet, this.grid);
  }

  private eachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.grid;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(row + i, col + j, i, j);
  }

  private setFormatKey<K extends keyof CellFormat>(
    key: K,
    value: (i: number, j: number) => CellFormat[K] | undefined,
  ): void {
    this.editable();
    this.eachCell((r, c, i, j) => {
      const v = value(i, j);
      if (v === undefined) {
        const cell = getCell(this.sheet, r, c);
        if (cell?.format) {
          delete cell.format[key];
          if (Object.keys(cell.format).length === 0) delete cell.format;
          pruneCell(this.sheet, r, c);
        }
        return;
      }
      const cell = ensureCell(this.sheet, r, c);
      cell.format = cell.format ?? {};
      cell.format[key] = v;
    });
  }

  private topLeft(): Cell | undefined {
    return getCell(this.sheet, this.grid.row, this.grid.col);
  }

  private outValue(v: CellValue): unknown {
    return isDateLike(v) ? this.ctx.env.date(v.getTime()) : v;
  }

  // ------------------------------------------------------------ geometry

  getA1Notation(): string {
    const g = this.grid;
    if (this.notation === 'cols') return `${columnToLetters(g.col + 1)}:${columnToLetters(g.col + g.numCols)}`;
    if (this.notation === 'rows') return `${g.row + 1}:${g.row + g.numRows}`;
    return gridToA1(g);
  }

  getRow(): number {
    return this.grid.row + 1;
  }

  getRowIndex(): number {
    return this.grid.row + 1;
  }

  getColumn(): number {
    return this.grid.col + 1;
  }

  getNumRows(): number {
    return this.grid.numRows;
  }

  getNumColumns(): number {
    return this.grid.numCols;
  }

  getHeight(): number {
    return this.grid.numRows;
  }

  getWidth(): number {
    return this.grid.numCols;
  }

  getLastRow(): number {
    return this.grid.row + this.grid.numRows;
  }

  getLastColumn(): number {
    return this.grid.col + this.grid.numCols;
  }

  getGridId(): number {
    return this.sheet.id;
  }

  getSheet(): GSheet {
    return newSheet(this.ctx, this.sheet);
  }

  getCell(row: number, column: number): GRange {
    checkArgs(this.ctx, 'Range.getCell', [row, column], isInt(row) && isInt(column));
    if (row < 1 || column < 1 || row > this.grid.numRows || column > this.grid.numCols) {
      throw this.ctx.env.error('Cell reference out of range');
    }
    return newRange(this.ctx, this.sheet, {
      row: this.grid.row + row - 1,
      col: this.grid.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    checkArgs(this.ctx, 'Range.offset', [rowOffset, columnOffset], isInt(rowOffset) && isInt(columnOffset));
    const g = checkedGrid(
      this.ctx,
      this.sheet,
      this.grid.row + 1 + rowOffset,
      this.grid.col + 1 + columnOffset,
      numRows ?? this.grid.numRows,
      numColumns ?? this.grid.numCols,
    );
    return newRange(this.ctx, this.sheet, g);
  }

  activate(): GRange {
    const i = this.ctx.model.sheets.indexOf(this.sheet);
    if (i >= 0) this.ctx.model.activeSheet = i;
    return this.self;
  }

  canEdit(): boolean {
    try {
      this.editable();
      return true;
    } catch {
      return false;
    }
  }

  isBlank(): boolean {
    let blank = true;
    forEachExistingCell(this.sheet, this.grid, (cell) => {
      if (hasContent(cell)) blank = false;
    });
    return blank;
  }

  protect(): GProtection {
    return createProtection(this.ctx, this.sheet, this.grid);
  }

  // ------------------------------------------------------------ values

  getValues(): unknown[][] {
    ensureCalculated(this.ctx.model, this.ctx.env);
    return this.matrix((cell) => (cell ? this.outValue(cell.value) : ''));
  }

  getValue(): unknown {
    ensureCalculated(this.ctx.model, this.ctx.env);
    const cell = this.topLeft();
    return cell ? this.outValue(cell.value) : '';
  }

  /** Sheets refuses the whole write when one cell's text is too long; nothing is written. */
  private checkTextLength(data: unknown[][]): void {
    if (data.some((line) => line.some(cellTextTooLong))) throw this.ctx.env.error(CELL_CHARS_MESSAGE);
  }

  setValues(values: unknown[][]): GRange {
    const data = this.checkMatrix('setValues', values);
    this.editable();
    this.checkTextLength(data);
    let formula = false;
    this.eachCell((r, c, i, j) => {
      if (writeValue(this.ctx, this.sheet, r, c, data[i][j])) formula = true;
    });
    markChanged(this.ctx.model, formula);
    return this.self;
  }

  setValue(value: unknown): GRange {
    if (Array.isArray(value)) checkArgs(this.ctx, 'Range.setValue', [value], false);
    this.editable();
    this.checkTextLength([[value]]);
    let formula = false;
    this.eachCell((r, c) => {
      if (writeValue(this.ctx, this.sheet, r, c, value)) formula = true;
    });
    markChanged(this.ctx.model, formula);
    return this.self;
  }

  getDisplayValues(): string[][] {
    ensureCalculated(this.ctx.model, this.ctx.env);
    return this.matrix((cell) => displayValue(cell, this.ctx.model));
  }

  getDisplayValue(): string {
    ensureCalculated(this.ctx.model, this.ctx.env);
    return displayValue(this.topLeft(), this.ctx.model);
  }

  getFormulas(): string[][] {
    return this.matrix((cell) => cell?.formula ?? '');
  }

  getFormula(): string {
    return this.topLeft()?.formula ?? '';
  }

  /** Relative references move for each cell of the range, as when the formula is filled. */
  setFormula(formula: string): GRange {
    checkArgs(this.ctx, 'Range.setFormula', [formula], typeof formula === 'string');
    this.editable();
    this.checkTextLength([[formula]]);
    if (!formula.startsWith('=')) return this.setValue(formula);
    this.eachCell((r, c, i, j) => {
      const cell = ensureCell(this.sheet, r, c);
      cell.formula = translateFormula(formula, i, j);
      cell.value = '';
    });
    markChanged(this.ctx.model, true);
    return this.self;
  }

  setFormulas(formulas: string[][]): GRange {
    const data = this.checkMatrix('setFormulas', formulas);
    this.editable();
    this.checkTextLength(data);
    let formula = false;
    this.eachCell((r, c, i, j) => {
      const f = data[i][j];
      if (typeof f === 'string' && f.startsWith('=') && f.length > 1) {
        const cell = ensureCell(this.sheet, r, c);
        cell.formula = f;
        cell.value = '';
        formula = true;
      } else if (writeValue(this.ctx, this.sheet, r, c, f)) formula = true;
    });
    markChanged(this.ctx.model, formula);
    return this.self;
  }

  // ------------------------------------------------------------ formats

  getBackground(): string {
    return this.topLeft()?.format?.background ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    return this.matrix((cell) => cell?.format?.background ?? '#ffffff');
  }

  setBackground(color: string | null): GRange {
    const v = normalizeColor(color);
    this.setFormatKey('background', () => (v === '#ffffff' ? undefined : v));
    return this.self;
  }

  setBackgroundRGB(red: number, green: number, blue: number): GRange {
    const hex = (n: number): string =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    return this.setBackground(`#${hex(red)}${hex(green)}${hex(blue)}`);
  }

  setBackgrounds(colors: Array<Array<string | null>>): GRange {
    const data = this.checkMatrix('setBackgrounds', colors);
    this.setFormatKey('background', (i, j) => {
      const v = normalizeColor(data[i][j] as string | null);
      return v === '#ffffff' ? undefined : v;
    });
    return this.self;
  }

  getFontColor(): string {
    return this.topLeft()?.format?.fontColor ?? '#000000';
  }

  getFontColors(): string[][] {
    return this.matrix((cell) => cell?.format?.fontColor ?? '#000000');
  }

  setFontColor(color: string | null): GRange {
    const v = normalizeColor(color);
    this.setFormatKey('fontColor', () => (v === '#000000' ? undefined : v));
    return this.self;
  }

  setFontColors(colors: unknown[][]): GRange {
    const data = this.checkMatrix('setFontColors', colors);
    this.setFormatKey('fontColor', (i, j) => {
      const v = normalizeColor(data[i][j] as string | null);
      return v === '#000000' ? undefined : v;
    });
    return this.self;
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.topLeft()?.format?.fontWeight ?? 'normal';
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.matrix((cell) => cell?.format?.fontWeight ?? 'normal');
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    this.setFormatKey('fontWeight', () => (fontWeight === 'bold' ? 'bold' : undefined));
    return this.self;
  }

  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GRange {
    const data = this.checkMatrix('setFontWeights', fontWeights);
    this.setFormatKey('fontWeight', (i, j) => (data[i][j] === 'bold' ? 'bold' : undefined));
    return this.self;
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this.topLeft()?.format?.fontStyle ?? 'normal';
  }

  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    return this.matrix((cell) => cell?.format?.fontStyle ?? 'normal');
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GRange {
    this.setFormatKey('fontStyle', () => (fontStyle === 'italic' ? 'italic' : undefined));
    return this.self;
  }

  setFontStyles(fontStyles: Array<Array<GoogleAppsScript.Spreadsheet.FontStyle | null>>): GRange {
    const data = this.checkMatrix('setFontStyles', fontStyles);
    this.setFormatKey('fontStyle', (i, j) => (data[i][j] === 'italic' ? 'italic' : undefined));
    return this.self;
  }

  /** Automatic format reads back as '0.###############', as in Apps Script. */
  getNumberFormat(): string {
    return this.topLeft()?.format?.numberFormat ?? AUTOMATIC_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this.matrix((cell) => cell?.format?.numberFormat ?? AUTOMATIC_FORMAT);
  }

  setNumberFormat(numberFormat: string): GRange {
    checkArgs(this.ctx, 'Range.setNumberFormat', [numberFormat], typeof numberFormat === 'string');
    this.setFormatKey('numberFormat', () => (isAutomaticFormat(numberFormat) ? undefined : numberFormat));
    return this.self;
  }

  setNumberFormats(numberFormats: string[][]): GRange {
    const data = this.checkMatrix('setNumberFormats', numberFormats);
    this.setFormatKey('numberFormat', (i, j) => {
      const f = data[i][j] as string;
      return isAutomaticFormat(f) ? undefined : f;
    });
    return this.self;
  }

  /** Default cells overflow rather than wrap: false. */
  getWrap(): boolean {
    return this.topLeft()?.format?.wrap ?? false;
  }

  getWraps(): boolean[][] {
    return this.matrix((cell) => cell?.format?.wrap ?? false);
  }

  setWrap(isWrapEnabled: boolean): GRange {
    this.setFormatKey('wrap', () => (isWrapEnabled ? true : undefined));
    return this.self;
  }

  setWraps(isWrapEnabled: boolean[][]): GRange {
    const data = this.checkMatrix('setWraps', isWrapEnabled);
    this.setFormatKey('wrap', (i, j) => (data[i][j] ? true : undefined));
    return this.self;
  }

  /** Default horizontal alignment reads back as 'general'. */
  getHorizontalAlignment(): string {
    return this.topLeft()?.format?.horizontalAlignment ?? 'general';
  }

  getHorizontalAlignments(): string[][] {
    return this.matrix((cell) => cell?.format?.horizontalAlignment ?? 'general');
  }

  setHorizontalAlignment(alignment: HAlign): GRange {
    this.setFormatKey('horizontalAlignment', () =>
      alignment === 'normal' || alignment === null ? undefined : alignment,
    );
    return this.self;
  }

  setHorizontalAlignments(alignments: HAlign[][]): GRange {
    const data = this.checkMatrix('setHorizontalAlignments', alignments) as HAlign[][];
    this.setFormatKey('horizontalAlignment', (i, j) => {
      const a = data[i][j];
      return a === 'normal' || a === null ? undefined : a;
    });
    return this.self;
  }

  getVerticalAlignment(): string {
    return this.topLeft()?.format?.verticalAlignment ?? 'bottom';
  }

  getVerticalAlignments(): string[][] {
    return this.matrix((cell) => cell?.format?.verticalAlignment ?? 'bottom');
  }

  setVerticalAlignment(alignment: VAlign): GRange {
    this.setFormatKey('verticalAlignment', () => alignment ?? undefined);
    return this.self;
  }

  setVerticalAlignments(alignments: VAlign[][]): GRange {
    const data = this.checkMatrix('setVerticalAlignments', alignments) as VAlign[][];
    this.setFormatKey('verticalAlignment', (i, j) => data[i][j] ?? undefined);
    return this.self;
  }

  // ------------------------------------------------------------ notes

  getNote(): string {
    return this.topLeft()?.note ?? '';
  }

  getNotes(): string[][] {
    return this.matrix((cell) => cell?.note ?? '');
  }

  setNote(note: string | null): GRange {
    this.editable();
    this.eachCell((r, c) => this.putNote(r, c, note));
    return this.self;
  }

  setNotes(notes: Array<Array<string | null>>): GRange {
    const data = this.checkMatrix('setNotes', notes);
    this.editable();
    this.eachCell((r, c, i, j) => this.putNote(r, c, data[i][j] as string | null));
    return this.self;
  }

  private putNote(r: number, c: number, note: string | null): void {
    if (note === null || note === undefined || note === '') {
      const cell = getCell(this.sheet, r, c);
      if (cell) {
        delete cell.note;
        pruneCell(this.sheet, r, c);
      }
    } else ensureCell(this.sheet, r, c).note = String(note);
  }

  clearNote(): GRange {
    return this.setNote(null);
  }

  // ------------------------------------------------------------ validation

  setDataValidation(rule: GDataValidation | null): GRange {
    this.editable();
    if (rule === null || rule === undefined) return this.clearDataValidations();
    const impl = unwrap(rule) as unknown as DataValidationImpl;
    if (!(impl instanceof DataValidationImpl)) checkArgs(this.ctx, 'Range.setDataValidation', [rule], false);
    const idx = internRule(this.sheet, impl.rule);
    this.eachCell((r, c) => {
      ensureCell(this.sheet, r, c).validation = idx;
    });
    return this.self;
  }

  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange {
    const data = this.checkMatrix('setDataValidations', rules);
    this.editable();
    this.eachCell((r, c, i, j) => {
      const rule = data[i][j];
      if (rule === null || rule === undefined) {
        const cell = getCell(this.sheet, r, c);
        if (cell) {
          delete cell.validation;
          pruneCell(this.sheet, r, c);
        }
        return;
      }
      const impl = unwrap(rule) as unknown as DataValidationImpl;
      ensureCell(this.sheet, r, c).validation = internRule(this.sheet, impl.rule);
    });
    return this.self;
  }

  getDataValidation(): GDataValidation | null {
    const idx = this.topLeft()?.validation;
    const rule = idx === undefined ? undefined : this.sheet.validations[idx];
    return rule ? wrapDataValidation(this.ctx, { ...rule }) : null;
  }

  getDataValidations(): Array<Array<GDataValidation | null>> {
    return this.matrix((cell) => {
      const rule = cell?.validation === undefined ? undefined : this.sheet.validations[cell.validation];
      return rule ? wrapDataValidation(this.ctx, { ...rule }) : null;
    });
  }

  clearDataValidations(): GRange {
    this.editable();
    this.eachCell((r, c) => {
      const cell = getCell(this.sheet, r, c);
      if (cell && cell.validation !== undefined) {
        delete cell.validation;
        pruneCell(this.sheet, r, c);
      }
    });
    return this.self;
  }

  // ------------------------------------------------------------ checkboxes

  /** Adds checkbox validation and sets every cell to FALSE (unchecked), as Apps Script does. */
  insertCheckboxes(): GRange {
    this.editable();
    const idx = internRule(this.sheet, { kind: 'checkbox', allowInvalid: false });
    this.eachCell((r, c) => {
      const cell = ensureCell(this.sheet, r, c);
      cell.validation = idx;
      cell.value = false;
      delete cell.formula;
    });
    markChanged(this.ctx.model);
    return this.self;
  }

  removeCheckboxes(): GRange {
    this.editable();
    this.eachCell((r, c) => {
      const cell = getCell(this.sheet, r, c);
      if (cell?.validation !== undefined && this.sheet.validations[cell.validation]?.kind === 'checkbox') {
        delete cell.validation;
        if (typeof cell.value === 'boolean') cell.value = '';
        pruneCell(this.sheet, r, c);
      }
    });
    markChanged(this.ctx.model);
    return this.self;
  }

  private setChecked(v: boolean): GRange {
    this.editable();
    this.eachCell((r, c) => {
      const cell = getCell(this.sheet, r, c);
      if (cell?.validation !== undefined && this.sheet.validations[cell.validation]?.kind === 'checkbox') {
        cell.value = v;
        delete cell.formula;
      }
    });
    markChanged(this.ctx.model);
    return this.self;
  }

  check(): GRange {
    return this.setChecked(true);
  }

  uncheck(): GRange {
    return this.setChecked(false);
  }

  /** true when every checkbox cell is checked, false when none, null when mixed or no checkboxes. */
  isChecked(): boolean | null {
    let on = 0;
    let off = 0;
    this.eachCell((r, c) => {
      const cell = getCell(this.sheet, r, c);
      if (cell?.validation !== undefined && this.sheet.validations[cell.validation]?.kind === 'checkbox') {
        if (cell.value === true) on++;
        else off++;
      }
    });
    if (on && !off) return true;
    if (off && !on) return false;
    return null;
  }

  // ------------------------------------------------------------ clearing

  /** clear(): contents and formats; with options, the parts named. */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    this.editable();
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    const contents = any ? !!o.contentsOnly : true;
    const formats = any ? !!o.formatOnly : true;
    const validations = !!o.validationsOnly;
    const notes = !!o.commentsOnly;
    forEachExistingCell(this.sheet, this.grid, (cell, r, c) => {
      if (contents) {
        cell.value = '';
        delete cell.formula;
      }
      if (formats) delete cell.format;
      if (validations) delete cell.validation;
      if (notes) delete cell.note;
      pruneCell(this.sheet, r, c);
    });
    if (contents) markChanged(this.ctx.model);
    return this.self;
  }

  clearContent(): GRange {
    return this.clear({ contentsOnly: true });
  }

  clearFormat(): GRange {
    return this.clear({ formatOnly: true });
  }
}

export function newRange(ctx: SpreadsheetCtx, sheet: SheetModel, grid: GridRange, notation?: 'cols' | 'rows'): GRange {
  const impl = new RangeImpl(ctx, sheet, { ...grid }, notation);
  impl.self = gasObject(ctx.env, 'Spreadsheet.Range', impl) as unknown as GRange;
  return impl.self;
}

/** The RangeImpl behind a Range handed back by the add-on (or a signature error). */
export function rangeImpl(ctx: SpreadsheetCtx, method: string, range: unknown): RangeImpl {
  const impl = unwrap(range) as unknown;
  if (!(impl instanceof RangeImpl)) checkArgs(ctx, method, [range], false);
  return impl as RangeImpl;
}
