/** Sheet: one tab of the spreadsheet over a SheetModel. */
import { gasObject, unwrap } from '../core/gasObject';
import { parseA1, refToGrid } from './a1';
import { forEachExistingCell, lastColOf, lastRowOf, wholeGrid } from './cells';
import {
  checkArgs,
  isInt,
  normalizeColor,
  type GConditionalFormatRule,
  type GNamedRange,
  type GProtection,
  type GRange,
  type GSheet,
  type GSpreadsheet,
  type SpreadsheetCtx,
} from './context';
import { getCharts, insertChart, newChartBuilder, removeChart, updateChart } from './charts';
import { ConditionalFormatRuleImpl } from './conditionalFormat';
import { renameSheetInFormula } from './formula';
import { assertGridGrowth, CELL_CHARS_MESSAGE, cellTextTooLong } from './limits';
import type { GridRange, SheetModel } from './model';
import { wrapNamedRange } from './namedRange';
import { assertCanChangeSheet, assertCanEditGrid, createProtection, wrapProtection } from './protection';
import { checkedGrid, newRange, RangeImpl, writeValue } from './range';
import { markChanged, runtimeOf } from './runtime';
import { newSpreadsheet } from './spreadsheet';
import { changeDimension } from './structure';

export function sheetNameTaken(ctx: SpreadsheetCtx, name: string, except?: SheetModel): boolean {
  const lower = name.toLowerCase();
  return ctx.model.sheets.some((s) => s !== except && s.name.toLowerCase() === lower);
}

export function duplicateNameError(ctx: SpreadsheetCtx, name: string): Error {
  return ctx.env.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** Resolves A1 notation on a sheet (or the sheet its prefix names) to a range; "Range not found" otherwise. */
export function rangeFromA1(ctx: SpreadsheetCtx, sheet: SheetModel, a1: string): GRange {
  const ref = parseA1(String(a1));
  if (!ref) throw ctx.env.error('Range not found');
  let target = sheet;
  if (ref.sheetName !== undefined) {
    const lower = ref.sheetName.toLowerCase();
    const found = ctx.model.sheets.find((s) => s.name.toLowerCase() === lower);
    if (!found) throw ctx.env.error('Range not found');
    target = found;
  }
  const g = refToGrid(ref, target.maxRows, target.maxCols);
  if (g.row + g.numRows > target.maxRows || g.col + g.numCols > target.maxCols || g.numRows < 1 || g.numCols < 1) {
    throw ctx.env.error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return newRange(ctx, target, g, ref.kind === 'cols' ? 'cols' : ref.kind === 'rows' ? 'rows' : undefined);
}

export const SHEET_METHODS = [
  'activate',
  'appendRow',
  'autoResizeColumn',
  'autoResizeColumns',
  'clear',
  'clearConditionalFormatRules',
  'clearContents',
  'clearFormats',
  'clearNotes',
  'deleteColumn',
  'deleteColumns',
  'deleteRow',
  'deleteRows',
  'getCharts',
  'getColumnWidth',
  'getConditionalFormatRules',
  'getDataRange',
  'getFormUrl',
  'getFrozenColumns',
  'getFrozenRows',
  'getIndex',
  'getLastColumn',
  'getLastRow',
  'getMaxColumns',
  'getMaxRows',
  'getName',
  'getNamedRanges',
  'getParent',
  'getProtections',
  'getRange',
  'getSheetId',
  'getSheetName',
  'getSheetValues',
  'getTabColor',
  'hideColumn',
  'hideColumns',
  'hideRow',
  'hideRows',
  'hideSheet',
  'insertChart',
  'insertColumnAfter',
  'insertColumnBefore',
  'insertColumns',
  'insertColumnsAfter',
  'insertColumnsBefore',
  'insertRowAfter',
  'insertRowBefore',
  'insertRows',
  'insertRowsAfter',
  'insertRowsBefore',
  'isColumnHiddenByUser',
  'isRowHiddenByUser',
  'isSheetHidden',
  'newChart',
  'protect',
  'removeChart',
  'setColumnWidth',
  'setColumnWidths',
  'setConditionalFormatRules',
  'setFrozenColumns',
  'setFrozenRows',
  'setName',
  'setTabColor',
  'showColumns',
  'showRows',
  'showSheet',
  'unhideColumn',
  'unhideRow',
  'updateChart',
] as const;

export class SheetImpl implements Pick<GSheet, (typeof SHEET_METHODS)[number]> {
  self!: GSheet;
  constructor(
    readonly ctx: SpreadsheetCtx,
    readonly model: SheetModel,
  ) {}

  private alive(): void {
    if (!this.ctx.model.sheets.includes(this.model)) throw this.ctx.env.error('Sheet not found');
  }

  // ------------------------------------------------------------ identity

  getName(): string {
    return this.model.name;
  }

  getSheetName(): string {
    return this.model.name;
  }

  setName(name: string): GSheet {
    checkArgs(this.ctx, 'Sheet.setName', [name], typeof name === 'string');
    this.alive();
    if (sheetNameTaken(this.ctx, name, this.model)) throw duplicateNameError(this.ctx, name);
    const old = this.model.name;
    if (old === name) return this.self;
    this.model.name = name;
    for (const s of this.ctx.model.sheets) {
      forEachExistingCell(s, wholeGrid(s), (cell) => {
        if (cell.formula) cell.formula = renameSheetInFormula(cell.formula, old, name);
      });
      for (const rule of s.conditionalRules)
        if (rule.formula) rule.formula = renameSheetInFormula(rule.formula, old, name);
    }
    return this.self;
  }

  getSheetId(): number {
    return this.model.id;
  }

  /** 1-based position among the sheets. */
  getIndex(): number {
    return this.ctx.model.sheets.indexOf(this.model) + 1;
  }

  /** The edit URL of the form whose responses this sheet receives; null for other sheets. */
  getFormUrl(): string {
    this.alive();
    // Typed as string by @types/google-apps-script, but Apps Script returns null for other sheets.
    return (runtimeOf(this.ctx.model).formUrlOf?.(this.model.id) ?? null) as string;
  }

  getParent(): GSpreadsheet {
    return newSpreadsheet(this.ctx);
  }

  activate(): GSheet {
    this.alive();
    this.ctx.model.activeSheet = this.ctx.model.sheets.indexOf(this.model);
    if (this.model.hidden) this.model.hidden = false;
    return this.self;
  }

  // ------------------------------------------------------------ ranges

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.alive();
    if (typeof a === 'string' && column === undefined) return rangeFromA1(this.ctx, this.model, a);
    const args = [a, column, numRows, numColumns].filter((x) => x !== undefined);
    checkArgs(this.ctx, 'Sheet.getRange', args, args.every(isInt) && args.length >= 2);
    const g = checkedGrid(this.ctx, this.model, a as number, column!, numRows ?? 1, numColumns ?? 1);
    return newRange(this.ctx, this.model, g);
  }

  /** From A1 to the last row and column with content; A1 on an empty sheet. */
  getDataRange(): GRange {
    const rows = Math.max(1, lastRowOf(this.model));
    const cols = Math.max(1, lastColOf(this.model));
    return newRange(this.ctx, this.model, { row: 0, col: 0, numRows: rows, numCols: cols });
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? lastRowOf(this.model) - startRow + 1 : numRows;
    const cols = numColumns === -1 ? lastColOf(this.model) - startColumn + 1 : numColumns;
    const g = checkedGrid(this.ctx, this.model, startRow, startColumn, rows, cols);
    return (unwrapRange(newRange(this.ctx, this.model, g)) as RangeImpl).getValues();
  }

  getLastRow(): number {
    return lastRowOf(this.model);
  }

  getLastColumn(): number {
    return lastColOf(this.model);
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxCols;
  }

  /** Writes after the last row with content, growing the sheet when it is full (within the limits). */
  appendRow(rowContents: unknown[]): GSheet {
    checkArgs(this.ctx, 'Sheet.appendRow', [rowContents], Array.isArray(rowContents));
    this.alive();
    const r = lastRowOf(this.model);
    const width = Math.max(1, rowContents.length);
    const g: GridRange = { row: r, col: 0, numRows: 1, numCols: width };
    assertCanEditGrid(this.ctx, this.model, g);
    if (rowContents.some(cellTextTooLong)) throw this.ctx.env.error(CELL_CHARS_MESSAGE);
    const rows = Math.max(this.model.maxRows, r + 1);
    const cols = Math.max(this.model.maxCols, rowContents.length);
    assertGridGrowth(this.ctx.model, this.model, rows, cols, (m) => this.ctx.env.error(m));
    this.model.maxRows = rows;
    this.model.maxCols = cols;
    let formula = false;
    rowContents.forEach((v, c) => {
      if (writeValue(this.ctx, this.model, r, c, v)) formula = true;
    });
    markChanged(this.ctx.model, formula);
    return this.self;
  }

  // ------------------------------------------------------------ structure

  private insert(dim: 'row' | 'col', position: number, howMany: number, after: boolean, method: string): void {
    checkArgs(this.ctx, `Sheet.${method}`, [position, howMany], isInt(position) && isInt(howMany));
    this.alive();
    const max = dim === 'row' ? this.model.maxRows : this.model.maxCols;
    const what = dim === 'row' ? 'rows' : 'columns';
    if (position < 1 || position > max || howMany < 1) throw this.ctx.env.error(`Those ${what} are out of bounds.`);
    assertCanChangeSheet(this.ctx, this.model);
    const rows = this.model.maxRows + (dim === 'row' ? howMany : 0);
    const cols = this.model.maxCols + (dim === 'col' ? howMany : 0);
    assertGridGrowth(this.ctx.model, this.model, rows, cols, (m) => this.ctx.env.error(m));
    const index0 = after ? position : position - 1;
    // New rows/columns take the formats and validations of the row/column they were inserted next to.
    const inheritFrom = after ? position - 1 : position - 1 + howMany;
    changeDimension(this.ctx.model, this.model, { dim, index0, count: howMany }, inheritFrom);
  }

  private remove(dim: 'row' | 'col', position: number, howMany: number, method: string): void {
    checkArgs(this.ctx, `Sheet.${method}`, [position, howMany], isInt(position) && isInt(howMany));
    this.alive();
    const max = dim === 'row' ? this.model.maxRows : this.model.maxCols;
    const what = dim === 'row' ? 'rows' : 'columns';
    if (position < 1 || howMany < 1 || position + howMany - 1 > max) {
      throw this.ctx.env.error(`Those ${what} are out of bounds.`);
    }
    const frozen = dim === 'row' ? this.model.frozenRows : this.model.frozenCols;
    const frozenLost = Math.max(0, Math.min(frozen, position - 1 + howMany) - (position - 1));
    if (max - howMany <= frozen - frozenLost) {
      throw this.ctx.env.error(`Sorry, it is not possible to delete all non-frozen ${what}.`);
    }
    const affected: GridRange =
      dim === 'row'
        ? { row: position - 1, col: 0, numRows: howMany, numCols: this.model.maxCols }
        : { row: 0, col: position - 1, numRows: this.model.maxRows, numCols: howMany };
    assertCanChangeSheet(this.ctx, this.model, affected);
    changeDimension(this.ctx.model, this.model, { dim, index0: position - 1, count: -howMany });
  }

  insertRowBefore(beforePosition: number): GSheet {
    this.insert('row', beforePosition, 1, false, 'insertRowBefore');
    return this.self;
  }

  insertRowAfter(afterPosition: number): GSheet {
    this.insert('row', afterPosition, 1, true, 'insertRowAfter');
    return this.self;
  }

  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    this.insert('row', beforePosition, howMany, false, 'insertRowsBefore');
    return this.self;
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.insert('row', afterPosition, howMany, true, 'insertRowsAfter');
    return this.self;
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.insert('row', rowIndex, numRows ?? 1, false, 'insertRows');
  }

  insertColumnBefore(beforePosition: number): GSheet {
    this.insert('col', beforePosition, 1, false, 'insertColumnBefore');
    return this.self;
  }

  insertColumnAfter(afterPosition: number): GSheet {
    this.insert('col', afterPosition, 1, true, 'insertColumnAfter');
    return this.self;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    this.insert('col', beforePosition, howMany, false, 'insertColumnsBefore');
    return this.self;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.insert('col', afterPosition, howMany, true, 'insertColumnsAfter');
    return this.self;
  }

  insertColumns(columnIndex: number, numColumns?: number): void {
    this.insert('col', columnIndex, numColumns ?? 1, false, 'insertColumns');
  }

  deleteRow(rowPosition: number): GSheet {
    this.remove('row', rowPosition, 1, 'deleteRow');
    return this.self;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.remove('row', rowPosition, howMany, 'deleteRows');
  }

  deleteColumn(columnPosition: number): GSheet {
    this.remove('col', columnPosition, 1, 'deleteColumn');
    return this.self;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove('col', columnPosition, howMany, 'deleteColumns');
  }

  // ------------------------------------------------------------ layout

  setFrozenRows(rows: number): void {
    checkArgs(this.ctx, 'Sheet.setFrozenRows', [rows], isInt(rows) && rows >= 0);
    if (rows >= this.model.maxRows) throw this.ctx.env.error('Sorry, it is not possible to freeze all rows.');
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    checkArgs(this.ctx, 'Sheet.setFrozenColumns', [columns], isInt(columns) && columns >= 0);
    if (columns >= this.model.maxCols) throw this.ctx.env.error('Sorry, it is not possible to freeze all columns.');
    this.model.frozenCols = columns;
  }

  getFrozenColumns(): number {
    return this.model.frozenCols;
  }

  private checkColumn(method: string, col: number, num = 1): void {
    checkArgs(this.ctx, `Sheet.${method}`, [col, num], isInt(col) && isInt(num));
    if (col < 1 || num < 1 || col + num - 1 > this.model.maxCols) {
      throw this.ctx.env.error('Those columns are out of bounds.');
    }
  }

  private checkRow(method: string, row: number, num = 1): void {
    checkArgs(this.ctx, `Sheet.${method}`, [row, num], isInt(row) && isInt(num));
    if (row < 1 || num < 1 || row + num - 1 > this.model.maxRows)
      throw this.ctx.env.error('Those rows are out of bounds.');
  }

  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this.checkColumn('setColumnWidths', startColumn, numColumns);
    checkArgs(this.ctx, 'Sheet.setColumnWidths', [width], isInt(width));
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) this.model.columnWidths[c] = width;
    return this.self;
  }

  getColumnWidth(columnPosition: number): number {
    this.checkColumn('getColumnWidth', columnPosition);
    return this.model.columnWidths[columnPosition - 1] ?? 100;
  }

  /** A no-op here (there is no text measurement); counted in the runtime and the call log. */
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    this.checkColumn('autoResizeColumns', startColumn, numColumns);
    runtimeOf(this.ctx.model).autoResizes++;
    return this.self;
  }

  autoResizeColumn(columnPosition: number): GSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  hideColumns(columnIndex: number, numColumns?: number): void {
    this.checkColumn('hideColumns', columnIndex, numColumns ?? 1);
    for (let c = columnIndex - 1; c < columnIndex - 1 + (numColumns ?? 1); c++) this.model.hiddenColumns[c] = true;
  }

  showColumns(columnIndex: number, numColumns?: number): void {
    this.checkColumn('showColumns', columnIndex, numColumns ?? 1);
    for (let c = columnIndex - 1; c < columnIndex - 1 + (numColumns ?? 1); c++) this.model.hiddenColumns[c] = false;
  }

  hideColumn(column: GRange): void {
    const g = unwrapRange(column).grid;
    this.hideColumns(g.col + 1, g.numCols);
  }

  unhideColumn(column: GRange): void {
    const g = unwrapRange(column).grid;
    this.showColumns(g.col + 1, g.numCols);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.checkColumn('isColumnHiddenByUser', columnPosition);
    return !!this.model.hiddenColumns[columnPosition - 1];
  }

  hideRows(rowIndex: number, numRows?: number): void {
    this.checkRow('hideRows', rowIndex, numRows ?? 1);
    for (let r = rowIndex - 1; r < rowIndex - 1 + (numRows ?? 1); r++) this.model.hiddenRows[r] = true;
  }

  showRows(rowIndex: number, numRows?: number): void {
    this.checkRow('showRows', rowIndex, numRows ?? 1);
    for (let r = rowIndex - 1; r < rowIndex - 1 + (numRows ?? 1); r++) this.model.hiddenRows[r] = false;
  }

  hideRow(row: GRange): void {
    const g = unwrapRange(row).grid;
    this.hideRows(g.row + 1, g.numRows);
  }

  unhideRow(row: GRange): void {
    const g = unwrapRange(row).grid;
    this.showRows(g.row + 1, g.numRows);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.checkRow('isRowHiddenByUser', rowPosition);
    return !!this.model.hiddenRows[rowPosition - 1];
  }

  hideSheet(): GSheet {
    this.alive();
    const visible = this.ctx.model.sheets.filter((s) => !s.hidden && s !== this.model);
    if (visible.length === 0) throw this.ctx.env.error("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    const sheets = this.ctx.model.sheets;
    if (sheets[this.ctx.model.activeSheet] === this.model) this.ctx.model.activeSheet = sheets.indexOf(visible[0]);
    return this.self;
  }

  showSheet(): GSheet {
    this.model.hidden = false;
    return this.self;
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  setTabColor(color: string | null): GSheet {
    const c = normalizeColor(color);
    if (c === undefined) delete this.model.tabColor;
    else this.model.tabColor = c;
    return this.self;
  }

  getTabColor(): string | null {
    return this.model.tabColor ?? null;
  }

  // ------------------------------------------------------------ clearing

  private whole(): RangeImpl {
    return unwrapRange(
      newRange(this.ctx, this.model, { row: 0, col: 0, numRows: this.model.maxRows, numCols: this.model.maxCols }),
    );
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    this.whole().clear(options);
    return this.self;
  }

  clearContents(): GSheet {
    this.whole().clear({ contentsOnly: true });
    return this.self;
  }

  clearFormats(): GSheet {
    this.whole().clear({ formatOnly: true });
    return this.self;
  }

  clearNotes(): GSheet {
    this.whole().clear({ commentsOnly: true });
    return this.self;
  }

  // ------------------------------------------------------------ conditional formats

  getConditionalFormatRules(): GConditionalFormatRule[] {
    return this.model.conditionalRules.map((r) => ConditionalFormatRuleImpl.fromModel(this.ctx, this.model, r));
  }

  setConditionalFormatRules(rules: GConditionalFormatRule[]): void {
    checkArgs(this.ctx, 'Sheet.setConditionalFormatRules', [rules], Array.isArray(rules));
    this.model.conditionalRules = rules.map((r) => {
      const impl = unwrap(r) as unknown;
      if (!(impl instanceof ConditionalFormatRuleImpl)) {
        checkArgs(this.ctx, 'Sheet.setConditionalFormatRules', [rules], false);
      }
      return (impl as ConditionalFormatRuleImpl).toModel();
    });
  }

  clearConditionalFormatRules(): void {
    this.model.conditionalRules = [];
  }

  // ------------------------------------------------------------ embedded charts (charts.ts)

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.alive();
    return newChartBuilder(this.ctx);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.alive();
    insertChart(this.ctx, this.model, chart);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.alive();
    return getCharts(this.ctx, this.model);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.alive();
    updateChart(this.ctx, this.model, chart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.alive();
    removeChart(this.ctx, this.model, chart);
  }

  // ------------------------------------------------------------ protection, names

  protect(): GProtection {
    return createProtection(this.ctx, this.model);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    const t = String(type);
    if (t !== 'RANGE' && t !== 'SHEET') checkArgs(this.ctx, 'Sheet.getProtections', [type], false);
    return this.model.protections
      .filter((p) => (t === 'SHEET' ? !p.range : !!p.range))
      .map((p) => wrapProtection(this.ctx, this.model, p));
  }

  getNamedRanges(): GNamedRange[] {
    return this.ctx.model.namedRanges
      .filter((n) => n.sheetId === this.model.id)
      .map((n) => wrapNamedRange(this.ctx, n));
  }
}

export function unwrapRange(range: GRange): RangeImpl {
  return unwrap(range) as unknown as RangeImpl;
}

export function newSheet(ctx: SpreadsheetCtx, model: SheetModel): GSheet {
  const impl = new SheetImpl(ctx, model);
  impl.self = gasObject(ctx.env, 'Spreadsheet.Sheet', impl) as unknown as GSheet;
  return impl.self;
}
