/**
 * Data validation: the builder and built rule Apps Script hands out, and the check Sheets makes when
 * a person types into a validated cell. Scripts' writes are never validated (Apps Script lets them
 * write invalid data).
 */
import { gasObject } from '../core/gasObject';
import { columnToLetters } from './a1';
import { isDateLike } from './cells';
import { dateToSerial } from './serial';
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

/** The date criteria and how many dates each takes (DataValidationBuilder.requireDate…). */
const DATE_CRITERIA: Readonly<Record<string, number>> = {
  DATE_IS_VALID_DATE: 0,
  DATE_AFTER: 1,
  DATE_BEFORE: 1,
  DATE_EQUAL_TO: 1,
  DATE_ON_OR_AFTER: 1,
  DATE_ON_OR_BEFORE: 1,
  DATE_BETWEEN: 2,
  DATE_NOT_BETWEEN: 2,
};

function criteriaOf(rule: Partial<ValidationRule>): Criteria | null {
  const name =
    rule.kind === 'list'
      ? 'VALUE_IN_LIST'
      : rule.kind === 'checkbox'
        ? 'CHECKBOX'
        : rule.kind === 'date'
          ? (rule.criteria ?? 'DATE_IS_VALID_DATE')
          : rule.kind === 'number'
            ? 'NUMBER_BETWEEN'
            : rule.kind === 'url'
              ? 'TEXT_IS_VALID_URL'
              : null;
  return name as unknown as Criteria | null;
}

function criteriaValues(rule: Partial<ValidationRule>): unknown[] {
  if (rule.kind === 'list') return [[...(rule.values ?? [])], rule.showDropdown ?? true];
  if (rule.kind === 'checkbox') return [...(rule.values ?? [])];
  if (rule.kind === 'date') return (rule.dates ?? []).map((ms) => new Date(ms));
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
  'requireDateAfter',
  'requireDateBefore',
  'requireDateBetween',
  'requireDateEqualTo',
  'requireDateNotBetween',
  'requireDateOnOrAfter',
  'requireDateOnOrBefore',
  'requireTextIsUrl',
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
    impl.rule = {
      ...rule,
      values: rule.values ? [...rule.values] : undefined,
      dates: rule.dates ? [...rule.dates] : undefined,
    };
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
    return this.dateRule('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: Date): GDataValidationBuilder {
    return this.dateRule('DATE_AFTER', [date]);
  }

  requireDateBefore(date: Date): GDataValidationBuilder {
    return this.dateRule('DATE_BEFORE', [date]);
  }

  requireDateBetween(start: Date, end: Date): GDataValidationBuilder {
    return this.dateRule('DATE_BETWEEN', [start, end]);
  }

  requireDateEqualTo(date: Date): GDataValidationBuilder {
    return this.dateRule('DATE_EQUAL_TO', [date]);
  }

  requireDateNotBetween(start: Date, end: Date): GDataValidationBuilder {
    return this.dateRule('DATE_NOT_BETWEEN', [start, end]);
  }

  requireDateOnOrAfter(date: Date): GDataValidationBuilder {
    return this.dateRule('DATE_ON_OR_AFTER', [date]);
  }

  requireDateOnOrBefore(date: Date): GDataValidationBuilder {
    return this.dateRule('DATE_ON_OR_BEFORE', [date]);
  }

  requireTextIsUrl(): GDataValidationBuilder {
    this.rule = { ...this.rule, kind: 'url', values: undefined, showDropdown: undefined };
    delete this.rule.criteria;
    delete this.rule.dates;
    return this.self;
  }

  private dateRule(criteria: string, dates: unknown[]): GDataValidationBuilder {
    const method = criteria === 'DATE_IS_VALID_DATE' ? 'requireDate' : 'requireDate…';
    if (dates.length !== DATE_CRITERIA[criteria] || !dates.every(isDateLike)) {
      throw this.ctx.env.error(
        `The parameters (${dates.map((d) => typeof d).join(',')}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`,
      );
    }
    this.rule = { ...this.rule, kind: 'date', values: undefined, showDropdown: undefined };
    if (criteria === 'DATE_IS_VALID_DATE') {
      delete this.rule.criteria;
      delete this.rule.dates;
    } else {
      this.rule.criteria = criteria;
      this.rule.dates = dates.map((d) => (d as Date).getTime());
    }
    return this.self;
  }

  withCriteria(criteria: Criteria, args: unknown[]): GDataValidationBuilder {
    const name = String(criteria);
    if (name === 'VALUE_IN_LIST') return this.requireValueInList(args[0] as string[], args[1] as boolean | undefined);
    if (name === 'CHECKBOX') return this.requireCheckbox(args[0], args[1]);
    if (name in DATE_CRITERIA) return this.dateRule(name, args ?? []);
    if (name === 'TEXT_IS_VALID_URL') return this.requireTextIsUrl();
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
  sheet.validations.push({
    ...rule,
    values: rule.values ? [...rule.values] : undefined,
    dates: rule.dates ? [...rule.dates] : undefined,
  });
  return sheet.validations.length - 1;
}

function shown(value: CellValue, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateLike(value)) return dayText(value.getTime(), timeZone);
  return String(value);
}

/** The day of an instant in the spreadsheet's time zone, as Russians write it: 14.05.2027. */
function dayText(ms: number, timeZone: string): string {
  const serial = Math.floor(dateToSerial(ms, timeZone));
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/**
 * TEXT_IS_VALID_URL. **Choice** (Google does not publish its pattern): an http(s)/ftp address, or a
 * host name with a dot and an optional path («school.ru/docs»), as Sheets' ISURL accepts; text with
 * spaces («протокол у завуча») is never a URL.
 */
export function isValidUrl(text: string): boolean {
  const t = text.trim();
  if (/^(https?|ftp):\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i.test(t)) return true;
  if (/^(https?|ftp):\/\/localhost(?::\d+)?(?:[/?#]\S*)?$/i.test(t)) return true;
  return /^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[\p{L}]{2,}(?::\d+)?(?:[/?#]\S*)?$/iu.test(t);
}

/** Whether a date meets the rule's date criterion, comparing days in the spreadsheet's time zone. */
function dateMeets(rule: ValidationRule, ms: number, timeZone: string): boolean {
  const day = (t: number) => Math.floor(dateToSerial(t, timeZone));
  const v = day(ms);
  const [a, b] = (rule.dates ?? []).map(day);
  switch (rule.criteria ?? 'DATE_IS_VALID_DATE') {
    case 'DATE_AFTER':
      return v > a;
    case 'DATE_BEFORE':
      return v < a;
    case 'DATE_EQUAL_TO':
      return v === a;
    case 'DATE_ON_OR_AFTER':
      return v >= a;
    case 'DATE_ON_OR_BEFORE':
      return v <= a;
    case 'DATE_BETWEEN':
      return v >= a && v <= b;
    case 'DATE_NOT_BETWEEN':
      return v < a || v > b;
    default:
      return true;
  }
}

/** What a date rule asks for, in Russian. */
function dateDemand(rule: ValidationRule, timeZone: string): string {
  const [a, b] = (rule.dates ?? []).map((ms) => dayText(ms, timeZone));
  switch (rule.criteria ?? 'DATE_IS_VALID_DATE') {
    case 'DATE_AFTER':
      return `Введите дату позже ${a}.`;
    case 'DATE_BEFORE':
      return `Введите дату раньше ${a}.`;
    case 'DATE_EQUAL_TO':
      return `Введите дату ${a}.`;
    case 'DATE_ON_OR_AFTER':
      return `Введите дату не раньше ${a}.`;
    case 'DATE_ON_OR_BEFORE':
      return `Введите дату не позже ${a}.`;
    case 'DATE_BETWEEN':
      return `Введите дату с ${a} по ${b}.`;
    case 'DATE_NOT_BETWEEN':
      return `Введите дату раньше ${a} или позже ${b}.`;
    default:
      return 'Введите допустимую дату, например 14.05.2027.';
  }
}

/**
 * Why a value breaks a rule (Russian, without the cell's address), or null when it meets it. Empty
 * cells meet every rule, as in Sheets.
 */
export function ruleProblem(rule: ValidationRule, value: CellValue, timeZone = 'UTC'): string | null {
  if (value === '') return null;
  const text = shown(value, timeZone);
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
      if (isDateLike(value) && dateMeets(rule, value.getTime(), timeZone)) return null;
      return `Недопустимое значение «${text}». ${dateDemand(rule, timeZone)}`;
    case 'number':
      return typeof value === 'number' ? null : `Недопустимое значение «${text}». Введите число.`;
    case 'url':
      return typeof value === 'string' && isValidUrl(value)
        ? null
        : `Недопустимое значение «${text}». Введите ссылку, например https://school.ru/doc.`;
    default:
      return null;
  }
}

/** The rule of one cell, if any. */
export function ruleOf(sheet: SheetModel, row0: number, col0: number): ValidationRule | undefined {
  const idx = sheet.rows[row0]?.[col0]?.validation;
  return idx === undefined ? undefined : sheet.validations[idx];
}

/**
 * Checks a person's edit of one cell against its validation rule: an error message to show (the
 * edit is rejected) or null (accepted; also when the rule allows invalid data — Sheets then keeps the
 * value and marks the cell — or the cell is being cleared). `value` is the value after user-input
 * parsing. The rejection names the sheet and cell, says what was wrong, and adds the rule's help
 * text (Sheets shows the help text in its «reject input» dialog; emulator/RULES.md §11).
 */
export function validateUserEdit(
  sheet: SheetModel,
  row0: number,
  col0: number,
  value: CellValue,
  timeZone = 'UTC',
): string | null {
  const rule = ruleOf(sheet, row0, col0);
  if (!rule || rule.allowInvalid) return null;
  const problem = ruleProblem(rule, value, timeZone);
  if (!problem) return null;
  const where = `Лист «${sheet.name}», ячейка ${columnToLetters(col0 + 1)}${row0 + 1}`;
  const help = rule.helpText?.trim();
  return `${where}: ${problem}${help && !problem.includes(help) ? ` ${help}` : ''}`;
}
