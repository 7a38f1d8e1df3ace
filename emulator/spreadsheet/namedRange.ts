/** Named ranges: a name bound to a rectangle of one sheet (moves with row/column changes). */
import { gasObject } from '../core/gasObject';
import type { GNamedRange, GRange, SpreadsheetCtx } from './context';
import type { NamedRangeModel } from './model';
import { newRange, rangeImpl } from './range';

/** Letters, digits, "_" and "."; not starting with a digit; not an A1/R1C1 reference or TRUE/FALSE. */
export function isValidRangeName(name: string): boolean {
  if (!/^[A-Za-zА-Яа-яЁё_][A-Za-z0-9А-Яа-яЁё_.]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return false;
  return !/^(true|false)$/i.test(name) && name.length <= 250;
}

export function findNamedRange(ctx: SpreadsheetCtx, name: string): NamedRangeModel | undefined {
  const lower = name.toLowerCase();
  return ctx.model.namedRanges.find((n) => n.name.toLowerCase() === lower);
}

export function rangeOfNamed(ctx: SpreadsheetCtx, n: NamedRangeModel): GRange | null {
  const sheet = ctx.model.sheets.find((s) => s.id === n.sheetId);
  return sheet ? newRange(ctx, sheet, n.range) : null;
}

export class NamedRangeImpl implements Pick<GNamedRange, 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'> {
  self!: GNamedRange;
  constructor(
    private readonly ctx: SpreadsheetCtx,
    readonly model: NamedRangeModel,
  ) {}

  getName(): string {
    return this.model.name;
  }

  getRange(): GRange {
    const r = rangeOfNamed(this.ctx, this.model);
    if (!r) throw this.ctx.env.error('Range not found');
    return r;
  }

  setName(name: string): GNamedRange {
    if (!isValidRangeName(name)) throw this.ctx.env.error(`Invalid name "${name}" for a named range.`);
    const other = findNamedRange(this.ctx, name);
    if (other && other !== this.model)
      throw this.ctx.env.error(`A named range with the name "${name}" already exists.`);
    this.model.name = name;
    return this.self;
  }

  setRange(range: GRange): GNamedRange {
    const impl = rangeImpl(this.ctx, 'NamedRange.setRange', range);
    this.model.sheetId = impl.sheet.id;
    this.model.range = { ...impl.grid };
    return this.self;
  }

  remove(): void {
    const list = this.ctx.model.namedRanges;
    const i = list.indexOf(this.model);
    if (i >= 0) list.splice(i, 1);
  }
}

export function wrapNamedRange(ctx: SpreadsheetCtx, model: NamedRangeModel): GNamedRange {
  const impl = new NamedRangeImpl(ctx, model);
  impl.self = gasObject(ctx.env, 'Spreadsheet.NamedRange', impl) as unknown as GNamedRange;
  return impl.self;
}
