/**
 * Data validation: the builder and built rule Apps Script hands out, and the check Sheets makes when
 * a person types into a validated cell. Scripts' writes are never validated (Apps Script lets them
 * write invalid data).
 */
import { gasObject } from '../core/gasObject';
import { isDateLike } from './cells';
import type { GDataValidation, GDataValidationBuilder, SpreadsheetCtx } from './context';
import type { CellValue, SheetModel, ValidationRule } from './model';

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/** SpreadsheetApp.DataValidationCriteria: enum values are their own names, as Apps Script prints them. */
export const DATA_VALIDATION_CRITERIA = Object.freeze(
  Object.fromEntries(
    [
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_BETWEEN',
      'DATE_EQUAL_TO',
      'DATE_IS_VALID_DATE',
      'DATE_NOT_BETWEEN',
      'DATE_ON_OR_AFTER',
      'DATE_ON_OR_BEFORE',
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
      'TEXT_IS_VALID_EMAIL',
      'TEXT_IS_VALID_URL',
      'VALUE_IN_LIST',
      'VALUE_IN_RANGE',
      'CUSTOM_FORMULA',
      'CHECKBOX',
    ].map((k) => [k, k]),
  ),
);

function criteriaOf(rule: Partial<ValidationRule>): Criteria | null {
  const name =
    rule.kind === 'list'
      ? 'VALUE_IN_LIST'
      : rule.kind === 'checkbox'
        ? 'CHECKBOX'
        : rule.kind === 'date'
          ? 'DATE_IS_VALID_DATE'
          : rule.kind === 'number'
            ? 'NUMBER_BETWEEN'
            : null;
  return name as unknown as Criteria | null;
}

function criteriaValues(rule: Partial<ValidationRule>): unknown[] {
  if (rule.kind === 'list') return [[...(rule.values ?? [])], rule.showDropdown ?? true];
  if (rule.kind === 'checkbox') return [...(rule.values ?? [])];
  return [];
}

export const BUILDER_METHODS = [
  'build',
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
  'requireCheckbox',
  'requireDate',
  'requireValueInList',
  'setAllowInvalid',
  'setHelpText',
  'withCriteria',
] as const;

export class DataValidationBuilderImpl implements Pick<GDataValidationBuilder, (typeof BUILDER_METHODS)[number]> {
  self!: GDataValidationBuilder;
  /** Apps Script's default for new rules: allow invalid data (show a warning). */
  private rule: Partial<ValidationRule> = { allowInvalid: true };
  constructor(private readonly ctx: SpreadsheetCtx) {}

  static from(ctx: SpreadsheetCtx, rule: Partial<ValidationRule>): GDataValidationBuilder {
    const impl = new DataValidationBuilderImpl(ctx);
    impl.rule = { ...rule, values: rule.values ? [...rule.values] : undefined };
    impl.self = gasObject(ctx.env, 'Spreadsheet.DataValidationBuilder', impl) as unknown as GDataValidationBuilder;
    return impl.self;
  }

  requireValueInList(values: string[], showDropdown?: boolean): GDataValidationBuilder {
    if (!Array.isArray(values)) {
      throw this.ctx.env.error(
        `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`,
      );
    }
    this.rule = {
      ...this.rule,
      kind: 'list',
      values: values.map((v) => String(v)),
      showDropdown: showDropdown === undefined ? true : !!showDropdown,
    };
    return this.self;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GDataValidationBuilder {
    const values = checkedValue === undefined ? undefined : [String(checkedValue)];
    if (values && uncheckedValue !== undefined) values.push(String(uncheckedValue));
    this.rule = { ...this.rule, kind: 'checkbox', values, showDropdown: undefined };
    return this.self;
  }

  requireDate(): GDataValidationBuilder {
    this.rule = { ...this.rule, kind: 'date', values: undefined, showDropdown: undefined };
    return this.self;
  }

  withCriteria(criteria: Criteria, args: unknown[]): GDataValidationBuilder {
    const name = String(criteria);
    if (name === 'VALUE_IN_LIST') return this.requireValueInList(args[0] as string[], args[1] as boolean | undefined);
    if (name === 'CHECKBOX') return this.requireCheckbox(args[0], args[1]);
    if (name === 'DATE_IS_VALID_DATE') return this.requireDate();
    throw this.ctx.env.error(`DataValidationBuilder.withCriteria(${name}) is not implemented by the emulator`);
  }

  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.rule.allowInvalid = !!allowInvalidData;
    return this.self;
  }

  setHelpText(helpText: string): GDataValidationBuilder {
    this.rule.helpText = String(helpText);
    return this.self;
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid ?? true;
  }

  getCriteriaType(): Criteria {
    return criteriaOf(this.rule) as Criteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.rule);
  }

  getHelpText(): string | null {
    return this.rule.helpText ?? null;
  }

  copy(): GDataValidationBuilder {
    return DataValidationBuilderImpl.from(this.ctx, this.rule);
  }

  build(): GDataValidation {
    if (!this.rule.kind) throw this.ctx.env.error('The data validation rule has no criteria.');
    return wrapDataValidation(this.ctx, { ...(this.rule as ValidationRule) });
  }
}

export function newDataValidationBuilder(ctx: SpreadsheetCtx): GDataValidationBuilder {
  const impl = new DataValidationBuilderImpl(ctx);
  impl.self = gasObject(ctx.env, 'Spreadsheet.DataValidationBuilder', impl) as unknown as GDataValidationBuilder;
  return impl.self;
}

export class DataValidationImpl implements Pick<
  GDataValidation,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  constructor(
    private readonly ctx: SpreadsheetCtx,
    readonly rule: ValidationRule,
  ) {}

  copy(): GDataValidationBuilder {
    return DataValidationBuilderImpl.from(this.ctx, this.rule);
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): Criteria {
    return criteriaOf(this.rule) as Criteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.rule);
  }

  /** Apps Script returns '' when no help text was set. */
  getHelpText(): string {
    return this.rule.helpText ?? '';
  }
}

export function wrapDataValidation(ctx: SpreadsheetCtx, rule: ValidationRule): GDataValidation {
  return gasObject(
    ctx.env,
    'Spreadsheet.DataValidation',
    new DataValidationImpl(ctx, rule),
  ) as unknown as GDataValidation;
}

/** The index of an equal rule in sheet.validations, adding it when new (keeps the list short). */
export function internRule(sheet: SheetModel, rule: ValidationRule): number {
  const key = JSON.stringify(rule);
  const i = sheet.validations.findIndex((r) => JSON.stringify(r) === key);
  if (i >= 0) return i;
  sheet.validations.push({ ...rule, values: rule.values ? [...rule.values] : undefined });
  return sheet.validations.length - 1;
}

function shown(value: CellValue): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateLike(value)) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * Checks a person's edit of one cell against its validation rule: an error message to show (the
 * edit is rejected) or null (accepted; also when the rule allows invalid data, or the cell is being
 * cleared). `value` is the value after user-input parsing.
 */
export function validateUserEdit(sheet: SheetModel, row0: number, col0: number, value: CellValue): string | null {
  const idx = sheet.rows[row0]?.[col0]?.validation;
  if (idx === undefined) return null;
  const rule = sheet.validations[idx];
  if (!rule || rule.allowInvalid || value === '') return null;
  const text = shown(value);
  switch (rule.kind) {
    case 'list': {
      const values = rule.values ?? [];
      if (values.includes(text)) return null;
      return `Недопустимое значение «${text}». Выберите значение из списка: ${values.join(', ')}.`;
    }
    case 'checkbox': {
      const ok = rule.values && rule.values.length ? rule.values.includes(text) : typeof value === 'boolean';
      if (ok) return null;
      const allowed = rule.values && rule.values.length ? rule.values.join(' или ') : 'TRUE или FALSE';
      return `Недопустимое значение «${text}». Допустимы только значения флажка: ${allowed}.`;
    }
    case 'date':
      return isDateLike(value) ? null : `Недопустимое значение «${text}». Введите допустимую дату.`;
    case 'number':
      return typeof value === 'number' ? null : `Недопустимое значение «${text}». Введите число.`;
    default:
      return null;
  }
}
