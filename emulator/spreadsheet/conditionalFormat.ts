/**
 * Conditional format rules: the builder and rule objects, and `effectiveFormat` — what a person sees
 * in a cell: its own format overlaid with the first matching rule (rules are tried in order; the
 * first whose range contains the cell and whose condition holds wins, as in Sheets).
 *
 * Custom formulas are evaluated relative to the top-left cell of the rule's first range: for the
 * cell (r, c), relative references move by (r - top, c - left); $-anchored parts stay.
 */
import type { Env } from '../core/env';
import { gasObject, unwrap } from '../core/gasObject';
import { gridContains } from './cells';
import {
  normalizeColor,
  type GConditionalFormatRule,
  type GConditionalFormatRuleBuilder,
  type GRange,
  type SpreadsheetCtx,
} from './context';
import { displayValue } from './display';
import { formulaHolds } from './formula';
import type { CellFormat, ConditionalRule, GridRange, SheetModel, SpreadsheetModel } from './model';
import { newRange, RangeImpl } from './range';
import { ensureCalculated, valueContext } from './runtime';

/** A rule being built: ranges keep their sheet until the rule is set on one. */
interface Draft extends Omit<ConditionalRule, 'ranges' | 'kind'> {
  kind?: ConditionalRule['kind'];
  ranges: Array<{ sheet: SheetModel; grid: GridRange }>;
}

function copyDraft(d: Draft): Draft {
  return { ...d, ranges: d.ranges.map((r) => ({ sheet: r.sheet, grid: { ...r.grid } })) };
}

/** SpreadsheetApp.BooleanCriteria: enum values are their own names. */
export const BOOLEAN_CRITERIA = Object.freeze(
  Object.fromEntries(
    [
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_EQUAL_TO',
      'DATE_AFTER_RELATIVE',
      'DATE_BEFORE_RELATIVE',
      'DATE_EQUAL_TO_RELATIVE',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_EQUAL_TO',
      'TEXT_STARTS_WITH',
      'TEXT_ENDS_WITH',
      'CUSTOM_FORMULA',
    ].map((k) => [k, k]),
  ),
);

const CRITERIA_OF_KIND: Record<ConditionalRule['kind'], string> = {
  formula: 'CUSTOM_FORMULA',
  textEqualTo: 'TEXT_EQUAL_TO',
  cellEmpty: 'CELL_EMPTY',
  cellNotEmpty: 'CELL_NOT_EMPTY',
};

type GBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;

/** The condition and format of a rule, as rule.getBooleanCondition() reports them. */
function booleanCondition(ctx: SpreadsheetCtx, d: Draft): GBooleanCondition | null {
  if (!d.kind) return null;
  const kind = d.kind;
  const values = kind === 'formula' ? [d.formula] : kind === 'textEqualTo' ? [d.text] : [];
  const impl: Pick<GBooleanCondition, keyof GBooleanCondition> = {
    getCriteriaType: () => CRITERIA_OF_KIND[kind] as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria,
    getCriteriaValues: () => [...values],
    getBackground: () => d.background ?? null,
    getFontColor: () => d.fontColor ?? null,
    getBold: () => d.bold ?? null,
    getItalic: () => null,
    getStrikethrough: () => d.strikethrough ?? null,
    getUnderline: () => null,
  };
  return gasObject(ctx.env, 'Spreadsheet.BooleanCondition', impl) as GBooleanCondition;
}

export const BUILDER_METHODS = [
  'build',
  'copy',
  'getBooleanCondition',
  'getGradientCondition',
  'getRanges',
  'setBackground',
  'setBold',
  'setFontColor',
  'setRanges',
  'setStrikethrough',
  'whenCellEmpty',
  'whenCellNotEmpty',
  'whenFormulaSatisfied',
  'whenTextEqualTo',
] as const;

export class ConditionalFormatRuleBuilderImpl implements Pick<
  GConditionalFormatRuleBuilder,
  (typeof BUILDER_METHODS)[number]
> {
  self!: GConditionalFormatRuleBuilder;
  private d: Draft = { ranges: [] };
  constructor(private readonly ctx: SpreadsheetCtx) {}

  static create(ctx: SpreadsheetCtx, draft?: Draft): GConditionalFormatRuleBuilder {
    const impl = new ConditionalFormatRuleBuilderImpl(ctx);
    if (draft) impl.d = copyDraft(draft);
    impl.self = gasObject(
      ctx.env,
      'Spreadsheet.ConditionalFormatRuleBuilder',
      impl,
    ) as unknown as GConditionalFormatRuleBuilder;
    return impl.self;
  }

  private condition(kind: ConditionalRule['kind'], extra: Partial<Draft> = {}): GConditionalFormatRuleBuilder {
    delete this.d.formula;
    delete this.d.text;
    Object.assign(this.d, { kind }, extra);
    return this.self;
  }

  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder {
    const f = String(formula).trim();
    return this.condition('formula', { formula: f.startsWith('=') ? f : `=${f}` });
  }

  whenTextEqualTo(text: string): GConditionalFormatRuleBuilder {
    return this.condition('textEqualTo', { text: String(text) });
  }

  whenCellEmpty(): GConditionalFormatRuleBuilder {
    return this.condition('cellEmpty');
  }

  whenCellNotEmpty(): GConditionalFormatRuleBuilder {
    return this.condition('cellNotEmpty');
  }

  setBackground(color: string | null): GConditionalFormatRuleBuilder {
    this.d.background = normalizeColor(color);
    if (this.d.background === undefined) delete this.d.background;
    return this.self;
  }

  setFontColor(color: string | null): GConditionalFormatRuleBuilder {
    this.d.fontColor = normalizeColor(color);
    if (this.d.fontColor === undefined) delete this.d.fontColor;
    return this.self;
  }

  setBold(bold: boolean | null): GConditionalFormatRuleBuilder {
    if (bold === null || bold === undefined) delete this.d.bold;
    else this.d.bold = !!bold;
    return this.self;
  }

  setStrikethrough(strikethrough: boolean | null): GConditionalFormatRuleBuilder {
    if (strikethrough === null || strikethrough === undefined) delete this.d.strikethrough;
    else this.d.strikethrough = !!strikethrough;
    return this.self;
  }

  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) {
      throw this.ctx.env.error(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
      );
    }
    this.d.ranges = ranges.map((r) => {
      const impl = unwrap(r) as unknown as RangeImpl;
      return { sheet: impl.sheet, grid: { ...impl.grid } };
    });
    return this.self;
  }

  getRanges(): GRange[] {
    return this.d.ranges.map((r) => newRange(this.ctx, r.sheet, r.grid));
  }

  copy(): GConditionalFormatRuleBuilder {
    return ConditionalFormatRuleBuilderImpl.create(this.ctx, this.d);
  }

  getBooleanCondition(): GBooleanCondition | null {
    return booleanCondition(this.ctx, this.d);
  }

  /** Gradient rules are not modelled. */
  getGradientCondition(): null {
    return null;
  }

  build(): GConditionalFormatRule {
    if (!this.d.kind) throw this.ctx.env.error('The conditional format rule has no condition.');
    return ConditionalFormatRuleImpl.create(this.ctx, copyDraft(this.d));
  }
}

export class ConditionalFormatRuleImpl implements Pick<
  GConditionalFormatRule,
  'copy' | 'getRanges' | 'getBooleanCondition' | 'getGradientCondition'
> {
  constructor(
    private readonly ctx: SpreadsheetCtx,
    readonly draft: Draft,
  ) {}

  static create(ctx: SpreadsheetCtx, draft: Draft): GConditionalFormatRule {
    return gasObject(
      ctx.env,
      'Spreadsheet.ConditionalFormatRule',
      new ConditionalFormatRuleImpl(ctx, draft),
    ) as unknown as GConditionalFormatRule;
  }

  /** A rule read back from a sheet. */
  static fromModel(ctx: SpreadsheetCtx, sheet: SheetModel, rule: ConditionalRule): GConditionalFormatRule {
    const { ranges, ...rest } = rule;
    return ConditionalFormatRuleImpl.create(ctx, { ...rest, ranges: ranges.map((g) => ({ sheet, grid: { ...g } })) });
  }

  /** The model rule this stands for, to store on a sheet. */
  toModel(): ConditionalRule {
    const { ranges, kind, ...rest } = this.draft;
    return { ...rest, kind: kind!, ranges: ranges.map((r) => ({ ...r.grid })) };
  }

  copy(): GConditionalFormatRuleBuilder {
    return ConditionalFormatRuleBuilderImpl.create(this.ctx, this.draft);
  }

  getRanges(): GRange[] {
    return this.draft.ranges.map((r) => newRange(this.ctx, r.sheet, r.grid));
  }

  getBooleanCondition(): GBooleanCondition | null {
    return booleanCondition(this.ctx, this.draft);
  }

  /** Gradient rules are not modelled. */
  getGradientCondition(): null {
    return null;
  }
}

export function newConditionalFormatRuleBuilder(ctx: SpreadsheetCtx): GConditionalFormatRuleBuilder {
  return ConditionalFormatRuleBuilderImpl.create(ctx);
}

/** What a cell looks like: its format plus the conditional formatting that applies now. */
export interface EffectiveFormat extends CellFormat {
  strikethrough?: boolean;
}

function ruleMatches(
  model: SpreadsheetModel,
  sheet: SheetModel,
  rule: ConditionalRule,
  row0: number,
  col0: number,
  nowMs: number,
): boolean {
  const cell = sheet.rows[row0]?.[col0];
  const value = cell?.value ?? '';
  switch (rule.kind) {
    case 'cellEmpty':
      return value === '';
    case 'cellNotEmpty':
      return value !== '';
    case 'textEqualTo':
      return displayValue(cell, model).toLowerCase() === (rule.text ?? '').toLowerCase() && value !== '';
    case 'formula': {
      const anchor = rule.ranges[0];
      if (!anchor || !rule.formula) return false;
      const ctx = valueContext(model, sheet, nowMs);
      ctx.dRow = row0 - anchor.row;
      ctx.dCol = col0 - anchor.col;
      return formulaHolds(rule.formula, ctx);
    }
    default:
      return false;
  }
}

/** The conditional rule that decides the look of a cell, if any. */
export function matchingRule(
  model: SpreadsheetModel,
  sheet: SheetModel,
  row0: number,
  col0: number,
  nowMs: number,
): ConditionalRule | undefined {
  for (const rule of sheet.conditionalRules) {
    if (!rule.ranges.some((g) => gridContains(g, row0, col0))) continue;
    if (ruleMatches(model, sheet, rule, row0, col0, nowMs)) return rule;
  }
  return undefined;
}

/**
 * The format a person sees in (row0, col0): the cell's own format overlaid with the first matching
 * conditional rule. Formula values are brought up to date first (TODAY() is env.now()).
 */
export function effectiveFormat(
  model: SpreadsheetModel,
  sheet: SheetModel,
  row0: number,
  col0: number,
  env: Env,
): EffectiveFormat {
  ensureCalculated(model, env);
  const base: EffectiveFormat = { ...(sheet.rows[row0]?.[col0]?.format ?? {}) };
  const rule = matchingRule(model, sheet, row0, col0, env.now());
  if (!rule) return base;
  if (rule.background !== undefined) base.background = rule.background;
  if (rule.fontColor !== undefined) base.fontColor = rule.fontColor;
  if (rule.bold !== undefined) base.fontWeight = rule.bold ? 'bold' : 'normal';
  if (rule.strikethrough !== undefined) base.strikethrough = rule.strikethrough;
  return base;
}
