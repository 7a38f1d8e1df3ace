/**
 * The plain-data state of an emulated spreadsheet. The fake SpreadsheetApp classes operate on it;
 * persistence (emulator/persistence/xlsx.ts) saves and loads it. No behaviour lives here beyond
 * constructors, so both sides agree on one shape.
 *
 * Coordinates inside the model are 0-based (row 0 = sheet row 1); the Apps Script API is 1-based.
 */

/** A stored cell value. Dates are always Node-realm Date objects here (converted at the API edge). */
export type CellValue = string | number | boolean | Date;

export interface CellFormat {
  /** CSS hex colour, lower case, e.g. "#ffffff"; undefined = default (white). */
  background?: string;
  fontColor?: string;
  fontWeight?: 'bold' | 'normal';
  fontStyle?: 'italic' | 'normal';
  /** Sheets number format pattern, e.g. "dd.mm.yyyy", "0%", "@"; undefined = automatic. */
  numberFormat?: string;
  wrap?: boolean;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'middle' | 'bottom';
}

export interface Cell {
  /** '' for an empty cell. For a formula cell: its last computed value. */
  value: CellValue;
  /** Formula text including the leading "=", when the cell holds a formula. */
  formula?: string;
  format?: CellFormat;
  /** Index into SheetModel.validations. */
  validation?: number;
  note?: string;
}

/** A rectangle, 0-based, inclusive start, exclusive end. */
export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ValidationRule {
  kind: 'list' | 'checkbox' | 'date' | 'number' | 'url';
  /** For 'list': the allowed values. */
  values?: string[];
  /** For 'date': a DataValidationCriteria name (DATE_BETWEEN, …); missing = DATE_IS_VALID_DATE. */
  criteria?: string;
  /** For 'date' comparisons: the bounds (epoch ms), compared by day in the spreadsheet's time zone. */
  dates?: number[];
  showDropdown?: boolean;
  allowInvalid: boolean;
  helpText?: string;
}

export interface ConditionalRule {
  ranges: GridRange[];
  /** 'formula': custom formula (relative to the top-left cell of the first range). */
  kind: 'formula' | 'textEqualTo' | 'cellEmpty' | 'cellNotEmpty';
  formula?: string;
  text?: string;
  background?: string;
  fontColor?: string;
  bold?: boolean;
  strikethrough?: boolean;
}

export interface ProtectionModel {
  id: number;
  /** Whole-sheet protection when undefined. */
  range?: GridRange;
  description: string;
  warningOnly: boolean;
  /** E-mails that may edit (the owner always may). */
  editors: string[];
  /** Ranges excluded from a sheet protection. */
  unprotected: GridRange[];
}

export interface SheetModel {
  id: number;
  name: string;
  /** Grid size as Sheets has it: a new sheet is 1000 × 26. */
  maxRows: number;
  maxCols: number;
  /** Sparse rows: rows[r]?.[c]; missing = empty cell with no format. */
  rows: Array<Array<Cell | undefined> | undefined>;
  frozenRows: number;
  frozenCols: number;
  /** Pixel widths by 0-based column; undefined = 100. */
  columnWidths: Array<number | undefined>;
  hiddenColumns: boolean[];
  hiddenRows: boolean[];
  hidden: boolean;
  tabColor?: string;
  validations: ValidationRule[];
  conditionalRules: ConditionalRule[];
  protections: ProtectionModel[];
  /** Developer metadata the add-on may attach (key → value). */
  metadata: Record<string, string>;
  /** Embedded charts floating over this sheet (charts.ts); missing = none. */
  charts?: ChartModel[];
}

/** A chart's data range: the sheet by id (so a rename follows) and the cells, as named ranges are. */
export interface ChartRangeModel {
  sheetId: number;
  range: GridRange;
}

/** One embedded chart (Sheet.insertChart). Its data is read live from `ranges` whenever it is drawn. */
export interface ChartModel {
  /** EmbeddedChart.getChartId(): unique in the spreadsheet, never reused. */
  id: number;
  /** A Charts.ChartType name: 'BAR', 'COLUMN', 'PIE', 'LINE', … */
  type: string;
  ranges: ChartRangeModel[];
  /** 0-based anchor cell of the chart's top-left corner, and the offset from it in pixels. */
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  /** Options as set by setOption; dotted names nest ('legend.position' → { legend: { position } }). */
  options: Record<string, unknown>;
  /** Rows (or columns) of the data taken as headers; -1 = let the chart guess. */
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: 'MERGE_COLUMNS' | 'MERGE_ROWS';
  hiddenDimensionStrategy: 'IGNORE_BOTH' | 'IGNORE_ROWS' | 'IGNORE_COLUMNS' | 'SHOW_BOTH';
}

export interface NamedRangeModel {
  name: string;
  sheetId: number;
  range: GridRange;
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  /** e.g. "ru_RU": decides decimal separator and date input parsing. */
  locale: string;
  sheets: SheetModel[];
  namedRanges: NamedRangeModel[];
  /** Index into sheets of the active sheet. */
  activeSheet: number;
  nextSheetId: number;
  nextProtectionId: number;
  /** The next EmbeddedChart id to hand out; missing = 1 + the largest id in use. */
  nextChartId?: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export function newSheetModel(id: number, name: string, rows = DEFAULT_ROWS, cols = DEFAULT_COLS): SheetModel {
  return {
    id,
    name,
    maxRows: rows,
    maxCols: cols,
    rows: [],
    frozenRows: 0,
    frozenCols: 0,
    columnWidths: [],
    hiddenColumns: [],
    hiddenRows: [],
    hidden: false,
    validations: [],
    conditionalRules: [],
    protections: [],
    metadata: {},
  };
}

/** A new spreadsheet as Google creates it: one sheet named «Лист1» in a Russian-locale file. */
export function newSpreadsheetModel(name = 'Новая таблица', id = 'spreadsheet-1'): SpreadsheetModel {
  return {
    id,
    name,
    timeZone: 'Europe/Moscow',
    locale: 'ru_RU',
    sheets: [newSheetModel(0, 'Лист1')],
    namedRanges: [],
    activeSheet: 0,
    nextSheetId: 1,
    nextProtectionId: 1,
  };
}
