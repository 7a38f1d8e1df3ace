/**
 * Saving and loading an emulated spreadsheet as a real .xlsx plus a JSON sidecar.
 *
 * `<dir>/spreadsheet.xlsx` is an ordinary workbook a developer can open in Excel or LibreOffice:
 * values, formulas with cached results, formats, widths, hidden rows/columns/sheets, frozen panes,
 * list validations, conditional formatting (as expressions), notes and named ranges.
 * `<dir>/spreadsheet.meta.json` holds what Excel cannot hold exactly (the emulator's own validation
 * and conditional rules, protections, metadata, grid size, time zone, locale, ids, …), keyed by sheet
 * name. On load the xlsx wins for sheets, values and formats; sidecar entries are merged by sheet name
 * and dropped for sheets that no longer exist.
 *
 * Dates: xlsx dates carry no time zone, so a Date is written as the wall clock it shows in
 * model.timeZone, and read back as the instant at which that wall clock is shown.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fromWallClockAsUtc, wallClock, wallClockAsUtc } from '../core/timezone';
import {
  Cell,
  CellFormat,
  CellValue,
  ConditionalRule,
  DEFAULT_COLS,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROWS,
  GridRange,
  NamedRangeModel,
  newSheetModel,
  newSpreadsheetModel,
  ProtectionModel,
  SheetModel,
  SpreadsheetModel,
  ValidationRule,
} from '../spreadsheet/model';
import {
  columnToLetters,
  gridToA1,
  lettersToColumn,
  parseA1 as parseRef,
  quoteSheetName,
  refToGrid,
} from '../spreadsheet/a1';
import { presentIndices } from '../spreadsheet/cells';
import { chartTitle } from '../spreadsheet/chartModel';
import { gridCellCount, groupDigits, MAX_CELLS, MAX_COLUMNS } from '../spreadsheet/limits';
import type { ChartModel } from '../spreadsheet/model';
import { addChartsToXlsx } from './xlsxCharts';
import { errorWithCause, readJson, writeFileAtomic, writeJsonAtomic } from './atomicWrite';

export const XLSX_FILE = 'spreadsheet.xlsx';
export const META_FILE = 'spreadsheet.meta.json';

/** Sheets pixels per Excel character-width unit (approximation used both ways). */
const PX_PER_CHAR = 7;
/** Excel list validations hold at most 255 characters inline. */
const MAX_INLINE_LIST = 255;

// ---------------------------------------------------------------------------------------------
// Sidecar shape

interface SidecarSheet {
  name: string;
  /** The worksheet name in the xlsx when Excel could not take `name` as is. */
  xlsxName?: string;
  id: number;
  maxRows: number;
  maxCols: number;
  validations: ValidationRule[];
  /** Validation index → A1 ranges, for rules that are not stored in the xlsx. */
  sidecarValidationCells?: Record<string, string[]>;
  conditionalRules: ConditionalRule[];
  protections: ProtectionModel[];
  metadata: Record<string, string>;
  /** Cells holding a Date under a non-date number format: A1 → Excel serial written. */
  dateCells?: Record<string, number>;
  /** Cells holding a plain number under a date format: A1 → the number. */
  numberCells?: Record<string, number>;
  /** Date cells without a number format, written with an automatic one: A1 → that format. */
  autoDateFormats?: Record<string, string>;
  /** Embedded charts over this sheet (not drawn into the .xlsx). */
  charts?: SidecarChart[];
}

/** An embedded chart: the model's ChartModel with its ranges as A1 with the sheet name. */
interface SidecarChart extends Omit<ChartModel, 'ranges' | 'anchorRow' | 'anchorCol' | 'offsetX' | 'offsetY'> {
  /** e.g. "'Лист1'!A10:B17"; read back by sheet name. */
  ranges: string[];
  /** 1-based, as ContainerInfo reports it. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
}

interface SidecarNamedRange {
  name: string;
  sheet: string;
  range: GridRange;
  /** True when the name could not be written to the xlsx (so its absence there is no deletion). */
  notInXlsx?: boolean;
}

interface Sidecar {
  format: 'gas-emulator-spreadsheet';
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheet: string;
  nextSheetId: number;
  nextProtectionId: number;
  /** The next embedded chart id (absent in files written before charts existed). */
  nextChartId?: number;
  namedRanges: SidecarNamedRange[];
  sheets: SidecarSheet[];
}

// ---------------------------------------------------------------------------------------------
// A1 helpers

function columnIndex(letters: string): number {
  return lettersToColumn(letters) - 1;
}

function a1(row0: number, col0: number): string {
  return `${columnToLetters(col0 + 1)}${row0 + 1}`;
}

function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

function rangeA1(r: GridRange): string {
  return `${a1(r.row, r.col)}:${a1(r.row + r.numRows - 1, r.col + r.numCols - 1)}`;
}

function parseRangeA1(ref: string): GridRange | null {
  const [from, to = from] = ref.split(':');
  const a = parseA1(from ?? '');
  const b = parseA1(to ?? '');
  if (!a || !b) return null;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, numRows: Math.abs(a.row - b.row) + 1, numCols: Math.abs(a.col - b.col) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Colours, number formats, dates

function toArgb(css: string): string | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(css.trim());
  if (m) return `FF${m[1]!.toUpperCase()}`;
  const s = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(css.trim());
  if (s) return `FF${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`.toUpperCase();
  return undefined;
}

/** Office 2013+ default theme, for fills coloured with theme colours by hand (tint ignored). */
const THEME_COLORS = [
  '#ffffff',
  '#000000',
  '#e7e6e6',
  '#44546a',
  '#4472c4',
  '#ed7d31',
  '#a5a5a5',
  '#ffc000',
  '#5b9bd5',
  '#70ad47',
];

function fromColor(c: Partial<ExcelJS.Color> | undefined, allowTheme: boolean): string | undefined {
  if (!c) return undefined;
  if (typeof c.argb === 'string' && /^[0-9a-f]{8}$/i.test(c.argb)) return `#${c.argb.slice(2).toLowerCase()}`;
  if (typeof c.argb === 'string' && /^[0-9a-f]{6}$/i.test(c.argb)) return `#${c.argb.toLowerCase()}`;
  if (allowTheme && typeof c.theme === 'number') return THEME_COLORS[c.theme];
  return undefined;
}

/**
 * Sheets number format → Excel. The pattern languages agree for what the add-on uses
 * ('dd.mm.yyyy', '0.00', '0%', '@', '#,##0', 'hh:mm'), so this is the identity.
 */
export function sheetsToExcelNumFmt(pattern: string): string {
  return pattern;
}

/** Whether Excel treats a number under this format as a date/time. */
export function isDateNumFmt(fmt: string | undefined): boolean {
  if (!fmt || /^general$/i.test(fmt)) return false;
  const stripped = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  // Only the first section (positive numbers) decides.
  const first = stripped.split(';')[0] ?? '';
  return /[ymdhs]/i.test(first) && !/E[+-]/i.test(first);
}

function autoDateFormat(d: Date, timeZone: string, locale: string): string {
  const w = wallClock(d.getTime(), timeZone);
  const time = w.hour !== 0 || w.minute !== 0 || w.second !== 0;
  const date = locale.startsWith('en_US') ? 'm/d/yyyy' : locale.startsWith('ru') ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  return time
    ? `${date} ${w.second ? 'h:mm:ss' : 'h:mm'}`.replace('h:', locale.startsWith('en_US') ? 'h:' : 'hh:')
    : date;
}

/** A Date as the "UTC" Date whose UTC fields are the wall clock in timeZone (what ExcelJS writes). */
function toExcelDate(d: Date, timeZone: string): Date {
  return new Date(wallClockAsUtc(d.getTime(), timeZone));
}

function fromExcelDate(d: Date, timeZone: string): Date {
  return new Date(fromWallClockAsUtc(d.getTime(), timeZone));
}

function serialOf(excelDate: Date, date1904 = false): number {
  return 25569 + excelDate.getTime() / 86400000 - (date1904 ? 1462 : 0);
}

function dateOfSerial(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

// ---------------------------------------------------------------------------------------------
// Sheet names

function xlsxSheetName(name: string, taken: Set<string>): string {
  let n = name.replace(/[*?:/\\[\]]/g, '_').replace(/^'+|'+$/g, '');
  if (!n) n = 'Лист';
  if (n === 'History') n = 'History_';
  n = n.slice(0, 31);
  let candidate = n;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = n.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel's rules for defined names (Sheets' are close to them). */
function isExcelName(name: string): boolean {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || name.length > 255) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return false;
  return !/^(true|false)$/i.test(name);
}

// ---------------------------------------------------------------------------------------------
// Validations

function inlineList(rule: ValidationRule): string | null {
  if (rule.kind !== 'list' || !rule.values || rule.values.length === 0) return null;
  if (rule.values.some((v) => v.includes(',') || v.includes('"'))) return null;
  const joined = rule.values.join(',');
  if (joined.length > MAX_INLINE_LIST) return null;
  return `"${joined}"`;
}

function parseInlineList(formula: unknown): string[] | null {
  if (typeof formula !== 'string') return null;
  const f = formula.trim();
  if (!/^".*"$/s.test(f)) return null;
  return f.slice(1, -1).replace(/""/g, '"').split(',');
}

function sameValues(a: string[] | undefined, b: string[]): boolean {
  return !!a && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Group cell addresses (row, col) into vertical runs "A2:A9" — non-overlapping, as ExcelJS needs. */
function runs(cells: Array<{ row: number; col: number }>): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col) ?? [];
    list.push(c.row);
    byCol.set(c.col, list);
  }
  const out: string[] = [];
  for (const [col, rows] of [...byCol.entries()].sort((x, y) => x[0] - y[0])) {
    rows.sort((x, y) => x - y);
    let start = rows[0]!;
    let prev = start;
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push(`${a1(start, col)}:${a1(prev, col)}`);
      if (r !== undefined) start = prev = r;
    }
  }
  return out;
}

/** ExcelJS has worksheet.dataValidations at runtime but not in its typings. */
interface DataValidationsLike {
  add(address: string, validation: ExcelJS.DataValidation): void;
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

function dataValidationsOf(ws: ExcelJS.Worksheet): DataValidationsLike {
  return (ws as unknown as { dataValidations: DataValidationsLike }).dataValidations;
}

// ---------------------------------------------------------------------------------------------
// Conditional formatting

function stripEq(f: string): string {
  return f.startsWith('=') ? f.slice(1) : f;
}

function conditionalExpression(rule: ConditionalRule): string | null {
  const first = rule.ranges[0];
  if (!first) return null;
  const ref = a1(first.row, first.col);
  switch (rule.kind) {
    case 'formula':
      return rule.formula ? stripEq(rule.formula) : null;
    case 'textEqualTo':
      return `${ref}="${(rule.text ?? '').replace(/"/g, '""')}"`;
    case 'cellEmpty':
      return `ISBLANK(${ref})`;
    case 'cellNotEmpty':
      return `NOT(ISBLANK(${ref}))`;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Save

const saveQueues = new Map<string, Promise<void>>();

/** Writes `<dir>/spreadsheet.xlsx` and `<dir>/spreadsheet.meta.json`, each atomically. */
export async function saveSpreadsheet(model: SpreadsheetModel, dir: string): Promise<void> {
  const key = path.resolve(dir);
  const previous = saveQueues.get(key) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      mkdirSync(dir, { recursive: true });
      const { buffer, sidecar } = await buildWorkbook(model);
      writeFileAtomic(path.join(dir, XLSX_FILE), buffer);
      writeJsonAtomic(path.join(dir, META_FILE), sidecar);
    });
  saveQueues.set(key, run);
  try {
    await run;
  } finally {
    if (saveQueues.get(key) === run) saveQueues.delete(key);
  }
}

/** Writes only the .xlsx (no sidecar) to `file`, atomically. */
export async function saveSpreadsheetXlsx(model: SpreadsheetModel, file: string): Promise<void> {
  const { buffer } = await buildWorkbook(model);
  writeFileAtomic(file, buffer);
}

async function buildWorkbook(model: SpreadsheetModel): Promise<{ buffer: Buffer; sidecar: Sidecar }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gas-emulator';
  const taken = new Set<string>();
  const xlsxNames = new Map<number, string>();
  const sidecar: Sidecar = {
    format: 'gas-emulator-spreadsheet',
    version: 1,
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    locale: model.locale,
    activeSheet: model.sheets[model.activeSheet]?.name ?? model.sheets[0]?.name ?? '',
    nextSheetId: model.nextSheetId,
    nextProtectionId: model.nextProtectionId,
    ...(model.nextChartId !== undefined ? { nextChartId: model.nextChartId } : {}),
    namedRanges: [],
    sheets: [],
  };

  for (const sheet of model.sheets) {
    const xlsxName = xlsxSheetName(sheet.name, taken);
    xlsxNames.set(sheet.id, xlsxName);
    const frozen = sheet.frozenRows > 0 || sheet.frozenCols > 0;
    const ws = wb.addWorksheet(xlsxName, {
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: {
        defaultColWidth: DEFAULT_COLUMN_WIDTH / PX_PER_CHAR,
        ...(sheet.tabColor && toArgb(sheet.tabColor) ? { tabColor: { argb: toArgb(sheet.tabColor)! } } : {}),
      } as Partial<ExcelJS.WorksheetProperties>,
      views: frozen
        ? [{ state: 'frozen', xSplit: sheet.frozenCols || undefined, ySplit: sheet.frozenRows || undefined }]
        : [{ state: 'normal' } as Partial<ExcelJS.WorksheetView>],
    });
    const side: SidecarSheet = {
      name: sheet.name,
      ...(xlsxName !== sheet.name ? { xlsxName } : {}),
      id: sheet.id,
      maxRows: sheet.maxRows,
      maxCols: sheet.maxCols,
      validations: sheet.validations,
      conditionalRules: sheet.conditionalRules,
      protections: sheet.protections,
      metadata: sheet.metadata,
    };
    if (sheet.charts?.length) side.charts = sheet.charts.map((c) => chartToSidecar(model, c));
    sidecar.sheets.push(side);

    // Columns
    const colCount = Math.max(sheet.columnWidths.length, sheet.hiddenColumns.length);
    for (let c = 0; c < colCount; c++) {
      const width = sheet.columnWidths[c];
      const hidden = sheet.hiddenColumns[c] === true;
      if (width === undefined && !hidden) continue;
      const col = ws.getColumn(c + 1);
      col.width = (width ?? DEFAULT_COLUMN_WIDTH) / PX_PER_CHAR;
      if (hidden) col.hidden = true;
    }

    // Cells
    const validationCells = new Map<number, Array<{ row: number; col: number }>>();
    for (const r of presentIndices(sheet.rows)) {
      const row = sheet.rows[r]!;
      for (const c of presentIndices(row)) {
        const cell = row[c]!;
        const addr = a1(r, c);
        const xc = ws.getCell(r + 1, c + 1);
        writeCell(xc, cell, addr, side, model);
        if (cell.validation !== undefined) {
          const list = validationCells.get(cell.validation) ?? [];
          list.push({ row: r, col: c });
          validationCells.set(cell.validation, list);
        }
      }
    }

    // Rows (ExcelJS drops rows without cells unless they have a height)
    for (const r of presentIndices(sheet.hiddenRows)) {
      if (!sheet.hiddenRows[r]) continue;
      const row = ws.getRow(r + 1);
      row.hidden = true;
      if (!sheet.rows[r]?.some((c) => c !== undefined)) row.height = 15;
    }

    // Validations
    for (const [index, cells] of validationCells) {
      const rule = sheet.validations[index];
      if (!rule) continue;
      const list = inlineList(rule);
      if (list === null) {
        side.sidecarValidationCells ??= {};
        side.sidecarValidationCells[String(index)] = runs(cells);
        continue;
      }
      const dv: ExcelJS.DataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: !rule.allowInvalid,
        ...(rule.allowInvalid ? { errorStyle: 'information' } : {}),
        ...(rule.helpText && rule.helpText.length <= 255 ? { showInputMessage: true, prompt: rule.helpText } : {}),
      };
      for (const ref of runs(cells)) dataValidationsOf(ws).add(ref, dv);
    }

    // Conditional formatting
    sheet.conditionalRules.forEach((rule, i) => {
      const formula = conditionalExpression(rule);
      if (!formula || rule.ranges.length === 0) return;
      const style: Partial<ExcelJS.Style> = {};
      if (rule.background && toArgb(rule.background)) {
        style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: toArgb(rule.background)! } };
      }
      const font: Partial<ExcelJS.Font> = {};
      if (rule.fontColor && toArgb(rule.fontColor)) font.color = { argb: toArgb(rule.fontColor)! };
      if (rule.bold) font.bold = true;
      if (rule.strikethrough) font.strike = true;
      if (Object.keys(font).length) style.font = font;
      ws.addConditionalFormatting({
        ref: rule.ranges.map(rangeA1).join(' '),
        rules: [{ type: 'expression', priority: i + 1, formulae: [formula], style }],
      });
    });

    if (!side.dateCells || Object.keys(side.dateCells).length === 0) delete side.dateCells;
    if (!side.numberCells || Object.keys(side.numberCells).length === 0) delete side.numberCells;
    if (!side.autoDateFormats || Object.keys(side.autoDateFormats).length === 0) delete side.autoDateFormats;
  }

  // Named ranges
  for (const nr of model.namedRanges) {
    const sheet = model.sheets.find((s) => s.id === nr.sheetId);
    if (!sheet) continue;
    const entry: SidecarNamedRange = { name: nr.name, sheet: sheet.name, range: nr.range };
    const xlsxName = xlsxNames.get(sheet.id)!;
    if (isExcelName(nr.name)) {
      const ref =
        nr.range.numRows === 1 && nr.range.numCols === 1
          ? `$${columnToLetters(nr.range.col + 1)}$${nr.range.row + 1}`
          : `$${columnToLetters(nr.range.col + 1)}$${nr.range.row + 1}:$${columnToLetters(nr.range.col + nr.range.numCols)}$${nr.range.row + nr.range.numRows}`;
      try {
        wb.definedNames.add(`${quoteSheet(xlsxName)}!${ref}`, nr.name);
      } catch {
        entry.notInXlsx = true;
      }
    } else {
      entry.notInXlsx = true;
    }
    sidecar.namedRanges.push(entry);
  }

  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, Math.min(model.activeSheet, model.sheets.length - 1)),
      visibility: 'visible',
    },
  ];

  // Charts for whoever opens the file; the emulator reads its own from the sidecar.
  const buffer = await addChartsToXlsx(Buffer.from(await wb.xlsx.writeBuffer()), model, xlsxNames);
  return { buffer, sidecar };
}

function chartToSidecar(model: SpreadsheetModel, chart: ChartModel): SidecarChart {
  const { ranges, anchorRow, anchorCol, offsetX, offsetY, ...rest } = chart;
  const a1s: string[] = [];
  for (const r of ranges) {
    const sheet = model.sheets.find((s) => s.id === r.sheetId);
    // A range on a deleted sheet reads nothing any more; it is not written.
    if (sheet) a1s.push(`${quoteSheetName(sheet.name)}!${gridToA1(r.range)}`);
  }
  return { ...rest, ranges: a1s, anchor: { row: anchorRow + 1, column: anchorCol + 1, offsetX, offsetY } };
}

/** A sidecar chart back into the model; ranges naming a sheet that is gone are reported and dropped. */
function chartFromSidecar(model: SpreadsheetModel, on: SheetModel, side: SidecarChart, problems: string[]): ChartModel {
  const { ranges, anchor, ...rest } = side;
  const chart: ChartModel = {
    ...rest,
    options: rest.options ?? {},
    ranges: [],
    anchorRow: Math.max(0, (anchor?.row ?? 1) - 1),
    anchorCol: Math.max(0, (anchor?.column ?? 1) - 1),
    offsetX: anchor?.offsetX ?? 0,
    offsetY: anchor?.offsetY ?? 0,
  };
  for (const text of ranges ?? []) {
    const ref = parseRef(String(text));
    const name = ref?.sheetName ?? on.name;
    const sheet =
      model.sheets.find((s) => s.name === name) ??
      model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!ref || !sheet) {
      const title = chartTitle(chart);
      problems.push(
        `Лист «${on.name}», диаграмма${title ? ` «${title}»` : ''}: диапазон ${String(text)} не найден, он пропущен`,
      );
      continue;
    }
    chart.ranges.push({ sheetId: sheet.id, range: refToGrid(ref, sheet.maxRows, sheet.maxCols) });
  }
  return chart;
}

function writeCell(xc: ExcelJS.Cell, cell: Cell, addr: string, side: SidecarSheet, model: SpreadsheetModel): void {
  const tz = model.timeZone;
  const fmt = cell.format ?? {};
  let numFmt = fmt.numberFormat !== undefined ? sheetsToExcelNumFmt(fmt.numberFormat) : undefined;
  const v = cell.value;

  if (v instanceof Date) {
    if (numFmt === undefined) {
      numFmt = autoDateFormat(v, tz, model.locale);
      (side.autoDateFormats ??= {})[addr] = numFmt;
    } else if (!isDateNumFmt(numFmt)) {
      (side.dateCells ??= {})[addr] = serialOf(toExcelDate(v, tz));
    }
  } else if (typeof v === 'number' && isDateNumFmt(numFmt)) {
    (side.numberCells ??= {})[addr] = v;
  }

  const excelValue = (x: CellValue): number | string | boolean | Date =>
    x instanceof Date ? toExcelDate(x, tz) : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x;

  if (cell.formula) {
    const result = excelValue(v);
    xc.value = { formula: stripEq(cell.formula), result } as ExcelJS.CellFormulaValue;
  } else if (v === '') {
    xc.value = null;
  } else {
    xc.value = excelValue(v);
  }

  if (numFmt !== undefined) xc.numFmt = numFmt;
  if (fmt.background && toArgb(fmt.background)) {
    xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(fmt.background)! } };
  }
  const font: Partial<ExcelJS.Font> = {};
  if (fmt.fontColor && toArgb(fmt.fontColor)) font.color = { argb: toArgb(fmt.fontColor)! };
  if (fmt.fontWeight === 'bold') font.bold = true;
  if (fmt.fontStyle === 'italic') font.italic = true;
  if (Object.keys(font).length) xc.font = font;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (fmt.wrap) alignment.wrapText = true;
  if (fmt.horizontalAlignment) alignment.horizontal = fmt.horizontalAlignment;
  if (fmt.verticalAlignment) alignment.vertical = fmt.verticalAlignment;
  if (Object.keys(alignment).length) xc.alignment = alignment;
  if (cell.note) xc.note = cell.note;
}

// ---------------------------------------------------------------------------------------------
// Load

/**
 * ExcelJS turns numbers under date formats into Dates while parsing — including formula results that
 * are strings (which become Invalid Date or 1899-12-30). We switch that off for the duration of a load
 * and convert ourselves. ExcelJS's Node entry is its lib/ tree, so the module instance is shared.
 */
interface ExcelUtils {
  isDateFmt: (fmt: string) => boolean;
}
let excelUtils: ExcelUtils | null | undefined;
let patchDepth = 0;
let originalIsDateFmt: ((fmt: string) => boolean) | undefined;

function loadExcelUtils(): ExcelUtils | null {
  if (excelUtils === undefined) {
    try {
      const u = require('exceljs/lib/utils/utils') as ExcelUtils;
      excelUtils = typeof u?.isDateFmt === 'function' ? u : null;
    } catch {
      excelUtils = null;
    }
  }
  return excelUtils;
}

async function withoutExcelDates<T>(fn: () => Promise<T>): Promise<{ result: T; patched: boolean }> {
  const u = loadExcelUtils();
  if (!u) return { result: await fn(), patched: false };
  if (patchDepth++ === 0) {
    originalIsDateFmt = u.isDateFmt;
    u.isDateFmt = () => false;
  }
  try {
    return { result: await fn(), patched: true };
  } finally {
    if (--patchDepth === 0 && originalIsDateFmt) u.isDateFmt = originalIsDateFmt;
  }
}

function problemCell(sheet: string, addr: string, what: string): string {
  return `Лист «${sheet}», ячейка ${addr}: не удалось прочитать значение (${what}), оставлено как текст`;
}

function isValidDate(d: Date): boolean {
  return !Number.isNaN(d.getTime());
}

/**
 * Loads `<dir>/spreadsheet.xlsx` with its sidecar `<dir>/spreadsheet.meta.json`; null without the xlsx.
 * `xlsxPath` reads the workbook from elsewhere (a person's edited copy) with the sidecar of `dir`.
 */
export async function loadSpreadsheet(
  dir: string,
  xlsxPath = path.join(dir, XLSX_FILE),
): Promise<{ model: SpreadsheetModel; problems: string[] } | null> {
  if (!existsSync(xlsxPath)) return null;
  const metaPath = path.join(dir, META_FILE);
  const sidecar = readJson<Sidecar | null>(metaPath, null);
  if (sidecar !== null && (typeof sidecar !== 'object' || !Array.isArray(sidecar.sheets))) {
    throw new Error(`Файл ${metaPath} повреждён: это не описание таблицы эмулятора`);
  }
  const problems: string[] = [];
  const wb = new ExcelJS.Workbook();
  let patched: boolean;
  try {
    ({ patched } = await withoutExcelDates(() => wb.xlsx.load(readFileSync(xlsxPath) as unknown as ArrayBuffer)));
  } catch (e) {
    throw errorWithCause(`Файл ${xlsxPath} не удалось прочитать как .xlsx: ${(e as Error).message}`, e);
  }
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;

  const base = newSpreadsheetModel();
  const model: SpreadsheetModel = {
    ...base,
    id: sidecar?.id ?? base.id,
    name: sidecar?.name ?? base.name,
    timeZone: sidecar?.timeZone ?? base.timeZone,
    locale: sidecar?.locale ?? base.locale,
    sheets: [],
    namedRanges: [],
    nextSheetId: sidecar?.nextSheetId ?? 0,
    nextProtectionId: sidecar?.nextProtectionId ?? 1,
    ...(sidecar?.nextChartId !== undefined ? { nextChartId: sidecar.nextChartId } : {}),
  };
  const tz = model.timeZone;

  const sideByXlsxName = new Map<string, SidecarSheet>();
  for (const s of sidecar?.sheets ?? []) sideByXlsxName.set(s.xlsxName ?? s.name, s);
  const usedIds = new Set<number>();
  const pendingNewSheets: SheetModel[] = [];
  const sheetByXlsxName = new Map<string, SheetModel>();
  const sideOfSheet = new Map<SheetModel, SidecarSheet>();

  for (const ws of wb.worksheets) {
    const side = sideByXlsxName.get(ws.name);
    sideByXlsxName.delete(ws.name); // one xlsx sheet per sidecar entry
    const name = side?.name ?? ws.name;
    const sheet = newSheetModel(-1, name);
    if (side && !usedIds.has(side.id)) {
      sheet.id = side.id;
      usedIds.add(side.id);
    } else {
      pendingNewSheets.push(sheet);
    }
    sheetByXlsxName.set(ws.name, sheet);
    if (side) sideOfSheet.set(sheet, side);
    readWorksheet(ws, sheet, side, { tz, date1904, patched, problems });
    model.sheets.push(sheet);
  }

  // Ids for sheets the sidecar does not know
  let nextId = Math.max(model.nextSheetId, ...[...usedIds].map((i) => i + 1), 0);
  for (const s of pendingNewSheets) {
    while (usedIds.has(nextId)) nextId++;
    s.id = nextId++;
    usedIds.add(s.id);
  }
  model.nextSheetId = Math.max(nextId, ...model.sheets.map((s) => s.id + 1));
  model.nextProtectionId = Math.max(
    model.nextProtectionId,
    ...model.sheets.flatMap((s) => s.protections.map((p) => p.id + 1)),
  );

  // Embedded charts, once every sheet has its id (their ranges may be on any sheet).
  for (const [sheet, side] of sideOfSheet) {
    if (side.charts?.length) sheet.charts = side.charts.map((c) => chartFromSidecar(model, sheet, c, problems));
  }

  assertWithinLimits(model, xlsxPath);

  if (model.sheets.length === 0) {
    problems.push('В файле нет ни одного листа; создан пустой лист «Лист1»');
    model.sheets.push(newSheetModel(model.nextSheetId++, 'Лист1'));
  }

  // Active sheet
  const activeTab = (wb.views as Array<Partial<ExcelJS.WorkbookView>> | undefined)?.[0]?.activeTab;
  if (typeof activeTab === 'number' && activeTab >= 0 && activeTab < model.sheets.length) {
    model.activeSheet = activeTab;
  } else {
    const i = model.sheets.findIndex((s) => s.name === sidecar?.activeSheet);
    model.activeSheet = i >= 0 ? i : 0;
  }

  // Named ranges: the xlsx's positions win (Excel moves them with inserted rows and renamed sheets).
  const seen = new Set<string>();
  const definedNames = (wb.definedNames.model ?? []) as ExcelJS.DefinedNamesModel;
  for (const dn of definedNames) {
    if (!dn.name || dn.name.startsWith('_xlnm.')) continue;
    const parsed = dn.ranges.length === 1 ? parseDefinedRange(dn.ranges[0]!) : null;
    const sheet = parsed && sheetByXlsxName.get(parsed.sheet);
    if (!parsed || !sheet) {
      problems.push(`Именованный диапазон «${dn.name}» (${dn.ranges.join(', ')}) не удалось прочитать, он пропущен`);
      continue;
    }
    seen.add(dn.name);
    model.namedRanges.push({ name: dn.name, sheetId: sheet.id, range: parsed.range });
  }
  for (const nr of sidecar?.namedRanges ?? []) {
    if (!nr.notInXlsx || seen.has(nr.name)) continue;
    const sheet = model.sheets.find((s) => s.name === nr.sheet);
    if (sheet) model.namedRanges.push({ name: nr.name, sheetId: sheet.id, range: nr.range } satisfies NamedRangeModel);
  }
  // Keep the sidecar's order for names it knows (stable round trip), new ones after.
  const order = new Map((sidecar?.namedRanges ?? []).map((n, i) => [n.name, i]));
  model.namedRanges.sort((x, y) => (order.get(x.name) ?? Infinity) - (order.get(y.name) ?? Infinity));

  return { model, problems };
}

function parseDefinedRange(ref: string): { sheet: string; range: GridRange } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const range = parseRangeA1(m[3]!);
  return range ? { sheet, range } : null;
}

interface ReadContext {
  tz: string;
  date1904: boolean;
  patched: boolean;
  problems: string[];
}

function readWorksheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetModel,
  side: SidecarSheet | undefined,
  ctx: ReadContext,
): void {
  const { problems } = ctx;
  const label = sheet.name;
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
  const tab = fromColor((ws.properties as { tabColor?: Partial<ExcelJS.Color> }).tabColor, false);
  if (tab) sheet.tabColor = tab;

  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (view && view.state === 'frozen') {
    sheet.frozenRows = Math.max(0, Math.round(view.ySplit ?? 0));
    sheet.frozenCols = Math.max(0, Math.round(view.xSplit ?? 0));
  }

  let maxRow = 0;
  let maxCol = 0;

  // Columns
  const colCount = ws.columnCount;
  for (let c = 1; c <= colCount; c++) {
    const col = ws.getColumn(c);
    if (col.hidden) sheet.hiddenColumns[c - 1] = true;
    if (col.width !== undefined && col.width !== null) {
      const px = Math.round(col.width * PX_PER_CHAR);
      if (px !== DEFAULT_COLUMN_WIDTH) sheet.columnWidths[c - 1] = px;
    }
    if (col.hidden || col.width !== undefined) maxCol = Math.max(maxCol, c);
  }

  // Cells: only the rows the file holds (eachRow with includeEmpty would make a Row for every number
  // up to the last one: millions for one value far down).
  for (const row of rowsOf(ws)) {
    const rowNumber = row.number;
    if (row.hidden) sheet.hiddenRows[rowNumber - 1] = true;
    maxRow = Math.max(maxRow, rowNumber);
    row.eachCell({ includeEmpty: true }, (xc, colNumber) => {
      if (xc.type === ExcelJS.ValueType.Merge) return;
      const addr = a1(rowNumber - 1, colNumber - 1);
      const cell = readCell(xc, addr, side, label, ctx);
      if (!cell) return;
      maxCol = Math.max(maxCol, colNumber);
      (sheet.rows[rowNumber - 1] ??= [])[colNumber - 1] = cell;
    });
  }

  // Validations
  if (side) sheet.validations = side.validations.map((v) => ({ ...v, ...(v.values ? { values: [...v.values] } : {}) }));
  const inXlsx = (rule: ValidationRule): boolean => inlineList(rule) !== null;
  const resolved = new Map<unknown, number | null>();
  const dvModel = dataValidationsOf(ws).model;
  for (const [addr, dv] of Object.entries(dvModel ?? {})) {
    if (!dv) continue;
    const pos = parseA1(addr);
    if (!pos) continue;
    let index = resolved.get(dv);
    if (index === undefined) {
      index = validationIndex(dv, sheet, inXlsx);
      if (index === null) {
        problems.push(
          `Лист «${label}», ячейка ${addr}: проверку данных типа «${dv.type}»${dv.formulae?.[0] !== undefined ? ` (${String(dv.formulae[0])})` : ''} не удалось прочитать, она пропущена`,
        );
      }
      resolved.set(dv, index);
    }
    if (index === null) continue;
    const rowArr = (sheet.rows[pos.row] ??= []);
    const cell = (rowArr[pos.col] ??= { value: '' });
    cell.validation = index;
  }
  for (const [key, refs] of Object.entries(side?.sidecarValidationCells ?? {})) {
    const index = Number(key);
    if (!sheet.validations[index]) continue;
    for (const ref of refs) {
      const r = parseRangeA1(ref);
      if (!r) continue;
      if (r.numRows * r.numCols > MAX_CELLS) {
        problems.push(
          `Лист «${label}», диапазон ${ref}: проверка данных шире допустимого размера таблицы, она пропущена`,
        );
        continue;
      }
      for (let i = r.row; i < r.row + r.numRows; i++) {
        for (let j = r.col; j < r.col + r.numCols; j++) {
          const rowArr = (sheet.rows[i] ??= []);
          const cell = (rowArr[j] ??= { value: '' });
          if (cell.validation === undefined) cell.validation = index;
        }
      }
    }
  }

  // Conditional rules: the sidecar's model form wins; a sheet it does not know gets the xlsx's.
  if (side) {
    sheet.conditionalRules = side.conditionalRules;
    sheet.protections = side.protections;
    sheet.metadata = { ...side.metadata };
  } else {
    sheet.conditionalRules = readConditionalFormats(ws, label, problems);
  }

  // Extent
  for (const r of presentIndices(sheet.rows)) {
    maxRow = Math.max(maxRow, r + 1);
    maxCol = Math.max(maxCol, sheet.rows[r]!.length);
  }
  for (const r of presentIndices(sheet.hiddenRows)) if (sheet.hiddenRows[r]) maxRow = Math.max(maxRow, r + 1);
  sheet.maxRows = Math.max(side?.maxRows ?? DEFAULT_ROWS, maxRow, sheet.frozenRows + 1);
  sheet.maxCols = Math.max(side?.maxCols ?? DEFAULT_COLS, maxCol, sheet.frozenCols + 1);
}

/** The rows an ExcelJS worksheet holds, ascending, without visiting the row numbers in between. */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  // ExcelJS keeps them in a sparse array `_rows` (not public API, stable in 4.x: the last release).
  const held = (ws as unknown as { _rows?: Array<ExcelJS.Row | undefined> })._rows;
  if (!Array.isArray(held)) {
    const out: ExcelJS.Row[] = [];
    ws.eachRow((row) => out.push(row));
    return out;
  }
  return presentIndices(held).map((i) => held[i]!);
}

/**
 * Refuses a workbook Google Sheets could not hold (RULES.md §10): over 18 278 columns on a sheet or
 * over 10 000 000 cells (rows × columns of every sheet's grid) in all. Opening it would not fit
 * Sheets, and building its grid could exhaust memory.
 */
function assertWithinLimits(model: SpreadsheetModel, xlsxPath: string): void {
  const wide = model.sheets.find((s) => s.maxCols > MAX_COLUMNS);
  if (wide) {
    throw new Error(
      `Файл ${xlsxPath} не открыт: на листе «${wide.name}» число столбцов — ${groupDigits(wide.maxCols)}, а в Google ` +
        `Таблице их может быть не больше ${groupDigits(MAX_COLUMNS)} (до столбца ZZZ). Удалите лишние столбцы в Excel или LibreOffice и откройте файл снова.`,
    );
  }
  const total = gridCellCount(model);
  if (total > MAX_CELLS) {
    const sizes = model.sheets.map((s) => `«${s.name}» ${groupDigits(s.maxRows)} × ${s.maxCols}`).join(', ');
    throw new Error(
      `Файл ${xlsxPath} не открыт: ячеек в нём — ${groupDigits(total)} (строки × столбцы листов: ${sizes}), а в Google ` +
        `Таблице их может быть не больше ${groupDigits(MAX_CELLS)}. Удалите лишние строки или столбцы в Excel или LibreOffice и откройте файл снова.`,
    );
  }
}

function validationIndex(
  dv: ExcelJS.DataValidation,
  sheet: SheetModel,
  inXlsx: (rule: ValidationRule) => boolean,
): number | null {
  const allowInvalid = !dv.showErrorMessage;
  let rule: ValidationRule;
  if (dv.type === 'list') {
    const values = parseInlineList(dv.formulae?.[0]);
    if (!values) return null;
    const found = sheet.validations.findIndex(
      (v) => v.kind === 'list' && inXlsx(v) && v.allowInvalid === allowInvalid && sameValues(v.values, values),
    );
    if (found >= 0) return found;
    rule = { kind: 'list', values, showDropdown: true, allowInvalid };
  } else if (dv.type === 'date') {
    rule = { kind: 'date', allowInvalid };
  } else if (dv.type === 'whole' || dv.type === 'decimal') {
    rule = { kind: 'number', allowInvalid };
  } else {
    return null;
  }
  if (dv.prompt) rule.helpText = dv.prompt;
  sheet.validations.push(rule);
  return sheet.validations.length - 1;
}

function readConditionalFormats(ws: ExcelJS.Worksheet, label: string, problems: string[]): ConditionalRule[] {
  const out: ConditionalRule[] = [];
  const cfs =
    (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  for (const cf of cfs) {
    const ranges = String(cf.ref)
      .split(/\s+/)
      .map(parseRangeA1)
      .filter((r): r is GridRange => r !== null);
    for (const rule of cf.rules) {
      const r = rule as { type: string; formulae?: unknown[]; style?: Partial<ExcelJS.Style> };
      const formula = r.formulae?.[0];
      if (r.type !== 'expression' || typeof formula !== 'string' || ranges.length === 0) {
        problems.push(
          `Лист «${label}», диапазон ${cf.ref}: условное форматирование типа «${r.type}» не поддерживается, оно пропущено`,
        );
        continue;
      }
      const rule2: ConditionalRule = { ranges, kind: 'formula', formula: `=${formula}` };
      const fill = r.style?.fill as ExcelJS.FillPattern | undefined;
      const bg = fill?.type === 'pattern' ? fromColor(fill.bgColor ?? fill.fgColor, true) : undefined;
      if (bg) rule2.background = bg;
      const fc = fromColor(r.style?.font?.color, true);
      if (fc) rule2.fontColor = fc;
      if (r.style?.font?.bold) rule2.bold = true;
      if (r.style?.font?.strike) rule2.strikethrough = true;
      out.push(rule2);
    }
  }
  return out;
}

function readFormat(xc: ExcelJS.Cell): CellFormat | undefined {
  const f: CellFormat = {};
  const fill = xc.fill as ExcelJS.Fill | undefined;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const bg = fromColor(fill.fgColor, true);
    if (bg) f.background = bg;
  }
  const font = xc.font as Partial<ExcelJS.Font> | undefined;
  if (font) {
    const color = fromColor(font.color, false);
    if (color) f.fontColor = color;
    if (font.bold) f.fontWeight = 'bold';
    if (font.italic) f.fontStyle = 'italic';
  }
  const numFmt = xc.numFmt;
  if (typeof numFmt === 'string' && numFmt !== '' && !/^general$/i.test(numFmt)) f.numberFormat = numFmt;
  const al = xc.alignment as Partial<ExcelJS.Alignment> | undefined;
  if (al) {
    if (al.wrapText) f.wrap = true;
    if (al.horizontal === 'left' || al.horizontal === 'center' || al.horizontal === 'right') {
      f.horizontalAlignment = al.horizontal;
    } else if (al.horizontal === 'centerContinuous') {
      f.horizontalAlignment = 'center';
    }
    if (al.vertical === 'top' || al.vertical === 'middle' || al.vertical === 'bottom')
      f.verticalAlignment = al.vertical;
    else if ((al.vertical as string) === 'center') f.verticalAlignment = 'middle';
  }
  return Object.keys(f).length ? f : undefined;
}

function richTextOf(v: unknown): string | null {
  if (v && typeof v === 'object' && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('');
  }
  return null;
}

function readCell(
  xc: ExcelJS.Cell,
  addr: string,
  side: SidecarSheet | undefined,
  label: string,
  ctx: ReadContext,
): Cell | null {
  const { tz, date1904, problems } = ctx;
  const format = readFormat(xc);
  const numFmt = format?.numberFormat;
  const raw = xc.value as ExcelJS.CellValue;
  const cell: Cell = { value: '' };

  /** A plain scalar read from the file → model value, applying our date rules. */
  const scalar = (v: unknown): CellValue | undefined => {
    if (v instanceof Date) {
      // ExcelJS converted it (date detection not patched out).
      if (!isValidDate(v)) return undefined;
      const number = side?.numberCells?.[addr];
      if (number !== undefined && Math.abs(serialOf(v, date1904) - number) < 1e-6) return number;
      return fromExcelDate(v, tz);
    }
    if (typeof v === 'number') {
      const serial = side?.dateCells?.[addr];
      if (serial !== undefined && Math.abs(serial - v) < 1e-9) return fromExcelDate(dateOfSerial(v, date1904), tz);
      const number = side?.numberCells?.[addr];
      if (number !== undefined && number === v) return v;
      if (ctx.patched && isDateNumFmt(numFmt)) return fromExcelDate(dateOfSerial(v, date1904), tz);
      return v;
    }
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    return undefined;
  };

  if (raw === null || raw === undefined) {
    // format-only cell
  } else if (typeof raw !== 'object' || raw instanceof Date) {
    const v = scalar(raw);
    if (v === undefined) {
      problems.push(problemCell(label, addr, 'некорректная дата'));
      cell.value = String(raw);
    } else {
      cell.value = v;
    }
  } else if ('formula' in raw || 'sharedFormula' in raw) {
    const formula = xc.formula;
    const result = (raw as ExcelJS.CellFormulaValue).result;
    let value: CellValue | undefined;
    if (result === undefined || result === null) value = '';
    else if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) value = String(result.error);
    else value = scalar(result);
    if (value === undefined) {
      problems.push(problemCell(label, addr, 'результат формулы'));
      value = '';
    }
    cell.value = value;
    if (formula) {
      cell.formula = `=${formula}`;
    } else {
      problems.push(problemCell(label, addr, 'общая формула без текста, сохранён только результат'));
    }
  } else if ('richText' in raw) {
    cell.value = richTextOf(raw) ?? '';
    problems.push(problemCell(label, addr, 'форматированный текст'));
  } else if ('error' in raw) {
    cell.value = String(raw.error);
    problems.push(problemCell(label, addr, `ошибка ${String(raw.error)}`));
  } else if ('hyperlink' in raw) {
    const text = (raw as ExcelJS.CellHyperlinkValue).text as unknown;
    cell.value = richTextOf(text) ?? (typeof text === 'string' ? text : String(text ?? ''));
    problems.push(problemCell(label, addr, `гиперссылка ${(raw as ExcelJS.CellHyperlinkValue).hyperlink}`));
  } else {
    let text: string;
    try {
      text = JSON.stringify(raw);
    } catch {
      text = String(raw);
    }
    cell.value = text;
    problems.push(problemCell(label, addr, 'неизвестный тип'));
  }

  if (format) {
    // A date written without a format got an automatic one; it is not part of the model.
    const auto = side?.autoDateFormats?.[addr];
    if (auto !== undefined && cell.value instanceof Date && format.numberFormat === auto) {
      delete format.numberFormat;
    }
    if (Object.keys(format).length) cell.format = format;
  }
  const note = noteText(xc.note as unknown);
  if (note) cell.note = note;

  if (cell.value === '' && !cell.formula && !cell.format && !cell.note) return null;
  return cell;
}

function noteText(note: unknown): string | undefined {
  if (typeof note === 'string') return note || undefined;
  if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown }).texts)) {
    const t = ((note as { texts: Array<{ text?: string }> }).texts ?? []).map((x) => x.text ?? '').join('');
    return t || undefined;
  }
  return undefined;
}
