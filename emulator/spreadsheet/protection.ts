/**
 * Protected ranges and sheets. The owner may always edit; others only when listed as editors, unless
 * the protection is warning-only. Scripts running as a user who may not edit get Sheets' error on any
 * value or format write into a protected cell.
 */
import { gasObject, unwrap } from '../core/gasObject';
import { gridContains, gridsIntersect } from './cells';
import { PROTECTED_MESSAGE, type GProtection, type GRange, type GUser, type SpreadsheetCtx } from './context';
import type { GridRange, ProtectionModel, SheetModel, SpreadsheetModel } from './model';
import { newRange, RangeImpl } from './range';

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Whether `email` may edit through this protection (ignoring which cells it covers). */
export function protectionAllows(p: ProtectionModel, email: string, owner?: string): boolean {
  if (p.warningOnly) return true;
  if (owner !== undefined && same(email, owner)) return true;
  return p.editors.some((e) => same(e, email));
}

/** Whether the protection covers the cell (a sheet protection minus its unprotected ranges). */
export function protectionCovers(p: ProtectionModel, r: number, c: number): boolean {
  if (p.range) return gridContains(p.range, r, c);
  return !p.unprotected.some((g) => gridContains(g, r, c));
}

/**
 * Whether `email` may edit the cell (row0, col0). `owner` is the document owner (env.owner), who may
 * always edit; without it only the protections' editor lists count. Warning-only protections allow.
 */
export function canUserEdit(
  _model: SpreadsheetModel,
  sheet: SheetModel,
  row0: number,
  col0: number,
  email: string,
  owner?: string,
): boolean {
  return sheet.protections.every((p) => !protectionCovers(p, row0, col0) || protectionAllows(p, email, owner));
}

/** The warning-only protections covering a cell (the UI asks "are you sure?" for them). */
export function warningProtectionsAt(sheet: SheetModel, row0: number, col0: number): ProtectionModel[] {
  return sheet.protections.filter((p) => p.warningOnly && protectionCovers(p, row0, col0));
}

/** Throws Sheets' protection error when the active user may not edit some cell of `g`. */
export function assertCanEditGrid(ctx: SpreadsheetCtx, sheet: SheetModel, g: GridRange): void {
  const { env } = ctx;
  for (const p of sheet.protections) {
    if (protectionAllows(p, env.activeUser, env.owner)) continue;
    if (p.range) {
      if (gridsIntersect(p.range, g)) throw env.error(PROTECTED_MESSAGE);
      continue;
    }
    if (p.unprotected.length === 0 || !insideUnion(g, p.unprotected)) throw env.error(PROTECTED_MESSAGE);
  }
}

/**
 * Whether every cell of g lies in one of the ranges. Checked on the few blocks the ranges' edges
 * cut g into, not cell by cell: a whole-sheet clear must not visit millions of cells.
 */
function insideUnion(g: GridRange, ranges: GridRange[]): boolean {
  const cuts = (start: number, size: number, edges: number[]): number[] =>
    [...new Set([start, ...edges.filter((e) => e > start && e < start + size)])].sort((a, b) => a - b);
  const rows = cuts(
    g.row,
    g.numRows,
    ranges.flatMap((u) => [u.row, u.row + u.numRows]),
  );
  const cols = cuts(
    g.col,
    g.numCols,
    ranges.flatMap((u) => [u.col, u.col + u.numCols]),
  );
  return rows.every((r) => cols.every((c) => ranges.some((u) => gridContains(u, r, c))));
}

/** Structural changes (insert/delete rows or columns, renaming) need the sheet to be editable. */
export function assertCanChangeSheet(ctx: SpreadsheetCtx, sheet: SheetModel, affected?: GridRange): void {
  const { env } = ctx;
  for (const p of sheet.protections) {
    if (protectionAllows(p, env.activeUser, env.owner)) continue;
    if (!p.range || (affected && gridsIntersect(p.range, affected))) throw env.error(PROTECTED_MESSAGE);
  }
}

function userObject(ctx: SpreadsheetCtx, email: string): GUser {
  return gasObject(ctx.env, 'Base.User', {
    getEmail: () => email,
    getUserLoginId: () => email,
  }) as unknown as GUser;
}

function emailOf(u: unknown): string {
  if (typeof u === 'string') return u;
  const t = unwrap(u) as { getEmail?: () => string } | null;
  if (t && typeof t.getEmail === 'function') return t.getEmail();
  return String(u);
}

type ProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export class ProtectionImpl implements Pick<GProtection, ProtectionMethods> {
  self!: GProtection;
  constructor(
    private readonly ctx: SpreadsheetCtx,
    private readonly sheet: SheetModel,
    readonly model: ProtectionModel,
  ) {}

  private guard(): void {
    const { env } = this.ctx;
    // Only the owner and the protection's editors may change it (warning-only ones included).
    if (same(env.activeUser, env.owner) || this.model.editors.some((e) => same(e, env.activeUser))) return;
    throw env.error(PROTECTED_MESSAGE);
  }

  addEditor(user: string | GUser): GProtection {
    this.guard();
    const email = emailOf(user);
    if (!this.model.editors.some((e) => same(e, email))) this.model.editors.push(email);
    return this.self;
  }

  addEditors(emails: string[]): GProtection {
    this.guard();
    for (const e of emails) this.addEditor(e);
    return this.self;
  }

  removeEditor(user: string | GUser): GProtection {
    this.guard();
    const email = emailOf(user);
    // The owner cannot be removed; Sheets silently keeps them.
    this.model.editors = this.model.editors.filter((e) => !same(e, email));
    return this.self;
  }

  removeEditors(users: string[] | GUser[]): GProtection {
    this.guard();
    for (const u of users as unknown[]) this.removeEditor(emailOf(u));
    return this.self;
  }

  getEditors(): GUser[] {
    const emails = [this.ctx.env.owner, ...this.model.editors.filter((e) => !same(e, this.ctx.env.owner))];
    return emails.map((e) => userObject(this.ctx, e));
  }

  canEdit(): boolean {
    const { env } = this.ctx;
    return protectionAllows({ ...this.model, warningOnly: false }, env.activeUser, env.owner);
  }

  canDomainEdit(): boolean {
    return false;
  }

  setDomainEdit(_editable: boolean): GProtection {
    this.guard();
    return this.self;
  }

  getDescription(): string {
    return this.model.description;
  }

  setDescription(description: string): GProtection {
    this.guard();
    this.model.description = String(description);
    return this.self;
  }

  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GProtection {
    this.guard();
    this.model.warningOnly = !!warningOnly;
    return this.self;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return (this.model.range ? 'RANGE' : 'SHEET') as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GRange {
    const g = this.model.range ?? { row: 0, col: 0, numRows: this.sheet.maxRows, numCols: this.sheet.maxCols };
    return newRange(this.ctx, this.sheet, g);
  }

  setRange(range: GRange): GProtection {
    this.guard();
    if (!this.model.range) throw this.ctx.env.error('Cannot set the range of a sheet protection.');
    const r = unwrap(range) as unknown as RangeImpl;
    this.model.range = { ...r.grid };
    return this.self;
  }

  getUnprotectedRanges(): GRange[] {
    return this.model.unprotected.map((g) => newRange(this.ctx, this.sheet, g));
  }

  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this.guard();
    if (this.model.range) return this.self; // only sheet protections have exceptions
    this.model.unprotected = ranges.map((x) => ({ ...(unwrap(x) as unknown as RangeImpl).grid }));
    return this.self;
  }

  remove(): void {
    this.guard();
    const i = this.sheet.protections.indexOf(this.model);
    if (i >= 0) this.sheet.protections.splice(i, 1);
  }
}

export function wrapProtection(ctx: SpreadsheetCtx, sheet: SheetModel, p: ProtectionModel): GProtection {
  const impl = new ProtectionImpl(ctx, sheet, p);
  impl.self = gasObject(ctx.env, 'Spreadsheet.Protection', impl) as unknown as GProtection;
  return impl.self;
}

/** Range.protect() / Sheet.protect(): the creator becomes an editor (as in Sheets). */
export function createProtection(ctx: SpreadsheetCtx, sheet: SheetModel, range?: GridRange): GProtection {
  if (!range) {
    const existing = sheet.protections.find((p) => !p.range);
    if (existing) return wrapProtection(ctx, sheet, existing);
  }
  const p: ProtectionModel = {
    id: ctx.model.nextProtectionId++,
    range: range ? { ...range } : undefined,
    description: '',
    warningOnly: false,
    editors: [ctx.env.activeUser],
    unprotected: [],
  };
  if (!range) delete p.range;
  sheet.protections.push(p);
  return wrapProtection(ctx, sheet, p);
}
