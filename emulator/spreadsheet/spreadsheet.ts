/** Spreadsheet: the document — its sheets, names, locale and time zone, toasts. */
import { gasObject, unwrap } from '../core/gasObject';
import { isValidTimeZone } from '../core/timezone';
import {
  checkArgs,
  isInt,
  type GNamedRange,
  type GProtection,
  type GRange,
  type GSheet,
  type GSpreadsheet,
  type GUser,
  type SpreadsheetCtx,
} from './context';
import { renewCopiedCharts } from './chartModel';
import { assertGridGrowth } from './limits';
import { newSheetModel, type SheetModel } from './model';
import { findNamedRange, isValidRangeName, rangeOfNamed, wrapNamedRange } from './namedRange';
import { wrapProtection } from './protection';
import { rangeImpl } from './range';
import { markChanged, runtimeOf } from './runtime';
import { duplicateNameError, newSheet, rangeFromA1, sheetNameTaken, SheetImpl } from './sheet';

export const SPREADSHEET_METHODS = [
  'appendRow',
  'deleteSheet',
  'getActiveSheet',
  'getDataRange',
  'getFrozenRows',
  'getId',
  'getLastColumn',
  'getLastRow',
  'getName',
  'getNamedRanges',
  'getNumSheets',
  'getOwner',
  'getProtections',
  'getRange',
  'getRangeByName',
  'getSheetById',
  'getSheetByName',
  'getSheets',
  'getSpreadsheetLocale',
  'getSpreadsheetTimeZone',
  'getUrl',
  'insertSheet',
  'moveActiveSheet',
  'removeNamedRange',
  'rename',
  'setActiveSheet',
  'setFrozenRows',
  'setNamedRange',
  'setSpreadsheetLocale',
  'setSpreadsheetTimeZone',
  'toast',
] as const;

export class SpreadsheetImpl implements Pick<GSpreadsheet, (typeof SPREADSHEET_METHODS)[number]> {
  self!: GSpreadsheet;
  constructor(readonly ctx: SpreadsheetCtx) {}

  private get m() {
    return this.ctx.model;
  }

  private active(): SheetModel {
    const m = this.m;
    if (!m.sheets[m.activeSheet]) m.activeSheet = 0;
    return m.sheets[m.activeSheet];
  }

  private activeImpl(): SheetImpl {
    return unwrap(newSheet(this.ctx, this.active())) as unknown as SheetImpl;
  }

  getId(): string {
    return this.m.id;
  }

  getName(): string {
    return this.m.name;
  }

  rename(newName: string): void {
    this.m.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.m.id}/edit`;
  }

  getOwner(): GUser {
    const email = this.ctx.env.owner;
    return gasObject(this.ctx.env, 'Base.User', {
      getEmail: () => email,
      getUserLoginId: () => email,
    }) as unknown as GUser;
  }

  getSpreadsheetTimeZone(): string {
    return this.m.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    checkArgs(this.ctx, 'Spreadsheet.setSpreadsheetTimeZone', [timezone], typeof timezone === 'string');
    if (!isValidTimeZone(timezone)) throw this.ctx.env.error(`Invalid argument: ${timezone}`);
    this.m.timeZone = timezone;
    markChanged(this.m);
  }

  getSpreadsheetLocale(): string {
    return this.m.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    checkArgs(this.ctx, 'Spreadsheet.setSpreadsheetLocale', [locale], typeof locale === 'string');
    this.m.locale = locale;
    markChanged(this.m);
  }

  // ------------------------------------------------------------ sheets

  getSheets(): GSheet[] {
    return this.m.sheets.map((s) => newSheet(this.ctx, s));
  }

  getNumSheets(): number {
    return this.m.sheets.length;
  }

  /** Case-insensitive, as sheet names are unique regardless of case. */
  getSheetByName(name: string): GSheet | null {
    const lower = String(name).toLowerCase();
    const s = this.m.sheets.find((x) => x.name.toLowerCase() === lower);
    return s ? newSheet(this.ctx, s) : null;
  }

  getSheetById(id: number): GSheet | null {
    const s = this.m.sheets.find((x) => x.id === id);
    return s ? newSheet(this.ctx, s) : null;
  }

  private defaultSheetName(): string {
    const base = this.m.locale.toLowerCase().startsWith('ru') ? 'Лист' : 'Sheet';
    for (let n = this.m.sheets.length + 1; ; n++) {
      if (!sheetNameTaken(this.ctx, `${base}${n}`)) return `${base}${n}`;
    }
  }

  /**
   * insertSheet([name], [index], [{template}]): the new sheet goes after the active sheet unless an
   * index (0-based) is given, and becomes the active sheet.
   */
  insertSheet(a?: unknown, b?: unknown, c?: unknown): GSheet {
    const args = [a, b, c].filter((x) => x !== undefined);
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: GSheet } | undefined;
    for (const x of args) {
      if (typeof x === 'string' && name === undefined && index === undefined) name = x;
      else if (isInt(x) && index === undefined) index = x;
      else if (x && typeof x === 'object' && !Array.isArray(x)) options = x as { template?: GSheet };
      else checkArgs(this.ctx, 'Spreadsheet.insertSheet', args, false);
    }
    if (name !== undefined && sheetNameTaken(this.ctx, name)) throw duplicateNameError(this.ctx, name);
    const m = this.m;
    if (index !== undefined && (index < 0 || index > m.sheets.length)) {
      throw this.ctx.env.error('Those sheets are out of bounds.');
    }
    const tpl = options?.template ? (unwrap(options.template) as unknown as SheetImpl) : undefined;
    const size = tpl?.model ?? newSheetModel(-1, '');
    assertGridGrowth(m, null, size.maxRows, size.maxCols, (message) => this.ctx.env.error(message));
    const id = m.nextSheetId++;
    let sheet: SheetModel;
    if (tpl) {
      sheet = structuredClone(tpl.model);
      sheet.id = id;
      sheet.name = name ?? this.defaultSheetName();
      sheet.protections = [];
      sheet.hidden = false;
      renewCopiedCharts(m, tpl.model, sheet);
    } else {
      sheet = newSheetModel(id, name ?? this.defaultSheetName());
    }
    const at = index ?? Math.min(m.activeSheet + 1, m.sheets.length);
    m.sheets.splice(at, 0, sheet);
    m.activeSheet = at;
    markChanged(m);
    return newSheet(this.ctx, sheet);
  }

  deleteSheet(sheet: GSheet): void {
    const impl = unwrap(sheet) as unknown as SheetImpl;
    if (!(impl instanceof SheetImpl)) checkArgs(this.ctx, 'Spreadsheet.deleteSheet', [sheet], false);
    const m = this.m;
    const i = m.sheets.indexOf(impl.model);
    if (i < 0) throw this.ctx.env.error('Sheet not found');
    if (m.sheets.length === 1) throw this.ctx.env.error("You can't remove all the sheets in a document.");
    const activeModel = m.sheets[m.activeSheet];
    m.sheets.splice(i, 1);
    m.namedRanges = m.namedRanges.filter((n) => n.sheetId !== impl.model.id);
    m.activeSheet = activeModel === impl.model ? Math.max(0, i - 1) : m.sheets.indexOf(activeModel);
    markChanged(m);
  }

  getActiveSheet(): GSheet {
    return newSheet(this.ctx, this.active());
  }

  setActiveSheet(sheet: GSheet): GSheet {
    const impl = unwrap(sheet) as unknown as SheetImpl;
    if (!(impl instanceof SheetImpl)) checkArgs(this.ctx, 'Spreadsheet.setActiveSheet', [sheet], false);
    return impl.activate();
  }

  /** Moves the active sheet to the 1-based position. */
  moveActiveSheet(pos: number): void {
    checkArgs(this.ctx, 'Spreadsheet.moveActiveSheet', [pos], isInt(pos));
    const m = this.m;
    if (pos < 1 || pos > m.sheets.length) throw this.ctx.env.error('Those sheets are out of bounds.');
    const [s] = m.sheets.splice(m.activeSheet, 1);
    m.sheets.splice(pos - 1, 0, s);
    m.activeSheet = pos - 1;
  }

  // ------------------------------------------------------------ ranges and names

  /** "Sheet!A1:B2", or A1 notation on the active sheet. */
  getRange(a1Notation: string): GRange {
    checkArgs(this.ctx, 'Spreadsheet.getRange', [a1Notation], typeof a1Notation === 'string');
    return rangeFromA1(this.ctx, this.active(), a1Notation);
  }

  getRangeByName(name: string): GRange | null {
    const n = findNamedRange(this.ctx, String(name));
    return n ? rangeOfNamed(this.ctx, n) : null;
  }

  /** Creates the name, or moves an existing one to the range. */
  setNamedRange(name: string, range: GRange): void {
    checkArgs(this.ctx, 'Spreadsheet.setNamedRange', [name, range], typeof name === 'string');
    const impl = rangeImpl(this.ctx, 'Spreadsheet.setNamedRange', range);
    if (!isValidRangeName(name)) throw this.ctx.env.error(`Invalid name "${name}" for a named range.`);
    const existing = findNamedRange(this.ctx, name);
    if (existing) {
      existing.sheetId = impl.sheet.id;
      existing.range = { ...impl.grid };
    } else {
      this.m.namedRanges.push({ name, sheetId: impl.sheet.id, range: { ...impl.grid } });
    }
  }

  getNamedRanges(): GNamedRange[] {
    return this.m.namedRanges.map((n) => wrapNamedRange(this.ctx, n));
  }

  removeNamedRange(name: string): void {
    const n = findNamedRange(this.ctx, String(name));
    if (!n) throw this.ctx.env.error(`Named range "${name}" not found.`);
    this.m.namedRanges.splice(this.m.namedRanges.indexOf(n), 1);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    const t = String(type);
    if (t !== 'RANGE' && t !== 'SHEET') checkArgs(this.ctx, 'Spreadsheet.getProtections', [type], false);
    const out: GProtection[] = [];
    for (const s of this.m.sheets) {
      for (const p of s.protections) if ((t === 'SHEET') === !p.range) out.push(wrapProtection(this.ctx, s, p));
    }
    return out;
  }

  // ------------------------------------------------------------ active-sheet shortcuts

  appendRow(rowContents: unknown[]): GSheet {
    return this.activeImpl().appendRow(rowContents);
  }

  getLastRow(): number {
    return this.activeImpl().getLastRow();
  }

  getLastColumn(): number {
    return this.activeImpl().getLastColumn();
  }

  getDataRange(): GRange {
    return this.activeImpl().getDataRange();
  }

  getFrozenRows(): number {
    return this.activeImpl().getFrozenRows();
  }

  setFrozenRows(rows: number): void {
    this.activeImpl().setFrozenRows(rows);
  }

  // ------------------------------------------------------------ toasts

  /** Records the toast (see toastsOf); timeout defaults to 5 s, negative/null = until dismissed. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    runtimeOf(this.m).toasts.push({
      spreadsheetId: this.m.id,
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds:
        timeoutSeconds === undefined ? 5 : timeoutSeconds === null || timeoutSeconds < 0 ? null : timeoutSeconds,
      atMs: this.ctx.env.now(),
    });
  }
}

export function newSpreadsheet(ctx: SpreadsheetCtx): GSpreadsheet {
  const impl = new SpreadsheetImpl(ctx);
  impl.self = gasObject(ctx.env, 'Spreadsheet.Spreadsheet', impl) as unknown as GSpreadsheet;
  return impl.self;
}
