/** The typed items the add-on builds questionnaires from: text, paragraph, choice, scale, date, section header. */
import { signatureError } from '../core/gasObject';
import { wallClock } from '../core/timezone';
import { wrap } from '../services/common';
import { choiceObject, choiceValue } from './choice';
import type { FormsCtx } from './context';
import { ItemBase, QuestionBase } from './itemBase';
import type { ItemModel, ItemTypeName } from './model';
import { itemResponseObject } from './response';

type Choice = GoogleAppsScript.Forms.Choice;
type Common = 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getIndex' | 'getType';
type Question = Common | 'isRequired' | 'setRequired';
type ChoiceMembers = Question | 'createChoice' | 'setChoiceValues' | 'setChoices' | 'getChoices' | 'createResponse';
type IR = GoogleAppsScript.Forms.ItemResponse;

/** Our wording (not documented): Google refuses such a list when it saves the form. */
export const INVALID_CHOICES = 'Invalid data updating form: choices must be non-empty and distinct.';
export const INVALID_BOUNDS = 'Invalid argument: the lower bound must be 0 or 1 and the upper bound 3 to 10.';
/** Our wordings: Google documents that createResponse throws for these, not the text. */
export const notAChoice = (value: string, title: string) =>
  `Invalid response: "${value}" is not one of the choices of the question "${title}".`;
export const outOfBounds = (value: number, item: ItemModel) =>
  `Invalid response: ${value} is outside the bounds ${item.lowerBound}–${item.upperBound} of the question "${item.title}".`;
export const checkedTwice = (value: string, title: string) =>
  `Invalid response: "${value}" is checked twice in the question "${title}".`;

/** An ItemResponse for this item; `value` already checked. */
function respond(base: ItemBase<unknown>, value: string | string[]): IR {
  return itemResponseObject(base.ctx, base.formId, base.itemId, value);
}

abstract class ChoiceBase<S> extends QuestionBase<S> {
  createChoice(value: string): Choice {
    return choiceObject(this.ctx.env, this.string('Item.createChoice', value));
  }

  private setValues(values: string[]): S {
    if (values.some((v) => v === '') || new Set(values).size !== values.length) {
      throw this.ctx.env.error(INVALID_CHOICES);
    }
    this.item.choices = [...values];
    return this.ret();
  }

  setChoiceValues(values: string[]): S {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw signatureError(this.ctx.env, 'FormApp.Item.setChoiceValues', [values]);
    }
    return this.setValues(values);
  }

  setChoices(choices: Choice[]): S {
    const values = Array.isArray(choices) ? choices.map(choiceValue) : [undefined];
    if (values.some((v) => v === undefined)) throw signatureError(this.ctx.env, 'FormApp.Item.setChoices', [choices]);
    return this.setValues(values as string[]);
  }

  getChoices(): Choice[] {
    return this.item.choices.map((v) => choiceObject(this.ctx.env, v));
  }

  /** One answer of a single-choice question: a choice, or any text when «Другое» is shown. */
  protected single(method: string, value: unknown): IR {
    const v = this.string(method, value);
    const item = this.item;
    if (!item.choices.includes(v) && !(item.type === 'MULTIPLE_CHOICE' && item.otherOption)) {
      throw this.ctx.env.error(notAChoice(v, item.title));
    }
    return respond(this, v);
  }

  abstract createResponse(response: string | string[]): IR;
}

/** Text questions: any string (validation rules are not emulated). */
abstract class TextBase<S> extends QuestionBase<S> {
  createResponse(response: string): IR {
    return respond(this, this.string(`${this.className}.createResponse`, response));
  }
  protected abstract readonly className: string;
}

export class TextItemImpl
  extends TextBase<GoogleAppsScript.Forms.TextItem>
  implements Pick<GoogleAppsScript.Forms.TextItem, Question | 'createResponse'>
{
  protected readonly className = 'TextItem';
}

export class ParagraphTextItemImpl
  extends TextBase<GoogleAppsScript.Forms.ParagraphTextItem>
  implements Pick<GoogleAppsScript.Forms.ParagraphTextItem, Question | 'createResponse'>
{
  protected readonly className = 'ParagraphTextItem';
}

export class ListItemImpl
  extends ChoiceBase<GoogleAppsScript.Forms.ListItem>
  implements Pick<GoogleAppsScript.Forms.ListItem, ChoiceMembers>
{
  /** One of the choices (lists have no «Другое»). */
  createResponse(response: string): IR {
    return this.single('ListItem.createResponse', response);
  }
}

export class MultipleChoiceItemImpl
  extends ChoiceBase<GoogleAppsScript.Forms.MultipleChoiceItem>
  implements Pick<GoogleAppsScript.Forms.MultipleChoiceItem, ChoiceMembers | 'showOtherOption' | 'hasOtherOption'>
{
  showOtherOption(enabled: boolean): GoogleAppsScript.Forms.MultipleChoiceItem {
    this.item.otherOption = this.boolean('MultipleChoiceItem.showOtherOption', enabled);
    return this.ret();
  }
  hasOtherOption(): boolean {
    return this.item.otherOption;
  }
  /** One of the choices, or any text when «Другое» is shown. */
  createResponse(response: string): IR {
    return this.single('MultipleChoiceItem.createResponse', response);
  }
}

export class CheckboxItemImpl
  extends ChoiceBase<GoogleAppsScript.Forms.CheckboxItem>
  implements Pick<GoogleAppsScript.Forms.CheckboxItem, ChoiceMembers | 'showOtherOption' | 'hasOtherOption'>
{
  showOtherOption(enabled: boolean): GoogleAppsScript.Forms.CheckboxItem {
    this.item.otherOption = this.boolean('CheckboxItem.showOtherOption', enabled);
    return this.ret();
  }
  hasOtherOption(): boolean {
    return this.item.otherOption;
  }
  /**
   * The values to check: choices, each once; with «Другое» shown, also one text outside the choices
   * (the «Другое:» field holds one text).
   */
  createResponse(responses: string[]): IR {
    if (!Array.isArray(responses) || !responses.every((v) => typeof v === 'string')) {
      throw signatureError(this.ctx.env, 'FormApp.CheckboxItem.createResponse', [responses]);
    }
    const item = this.item;
    let other = !item.otherOption;
    responses.forEach((v, i) => {
      if (responses.indexOf(v) !== i) throw this.ctx.env.error(checkedTwice(v, item.title));
      if (item.choices.includes(v)) return;
      if (other) throw this.ctx.env.error(notAChoice(v, item.title));
      other = true;
    });
    return respond(this, [...responses]);
  }
}

export class ScaleItemImpl
  extends QuestionBase<GoogleAppsScript.Forms.ScaleItem>
  implements
    Pick<
      GoogleAppsScript.Forms.ScaleItem,
      | Question
      | 'setBounds'
      | 'getLowerBound'
      | 'getUpperBound'
      | 'setLabels'
      | 'getLeftLabel'
      | 'getRightLabel'
      | 'createResponse'
    >
{
  /** A whole number within the bounds; getResponse() gives it as a string, as stored answers are. */
  createResponse(response: number): IR {
    if (typeof response !== 'number' || !Number.isFinite(response)) {
      throw signatureError(this.ctx.env, 'FormApp.ScaleItem.createResponse', [response]);
    }
    const item = this.item;
    if (!Number.isInteger(response) || response < item.lowerBound || response > item.upperBound) {
      throw this.ctx.env.error(outOfBounds(response, item));
    }
    return respond(this, String(response));
  }

  setBounds(lower: number, upper: number): GoogleAppsScript.Forms.ScaleItem {
    if (!Number.isInteger(lower) || !Number.isInteger(upper)) {
      throw signatureError(this.ctx.env, 'FormApp.ScaleItem.setBounds', [lower, upper]);
    }
    // Google documents: lower 0 or 1, upper 3 to 10.
    if ((lower !== 0 && lower !== 1) || upper < 3 || upper > 10) throw this.ctx.env.error(INVALID_BOUNDS);
    this.item.lowerBound = lower;
    this.item.upperBound = upper;
    return this.ret();
  }
  getLowerBound(): number {
    return this.item.lowerBound;
  }
  getUpperBound(): number {
    return this.item.upperBound;
  }
  setLabels(lower: string, upper: string): GoogleAppsScript.Forms.ScaleItem {
    this.item.leftLabel = this.string('ScaleItem.setLabels', lower);
    this.item.rightLabel = this.string('ScaleItem.setLabels', upper);
    return this.ret();
  }
  getLeftLabel(): string {
    return this.item.leftLabel;
  }
  getRightLabel(): string {
    return this.item.rightLabel;
  }
}

/**
 * A date question. Google: createResponse(Date) ignores the time fields (and the year when
 * setIncludesYear(false)); ItemResponse.getResponse() gives the date as "YYYY-MM-DD", or "MM-DD"
 * without the year (developers.google.com/apps-script/reference/forms/date-item, …/item-response).
 * The Date's day is read in the script's time zone, as Apps Script reads Dates.
 */
export class DateItemImpl
  extends QuestionBase<GoogleAppsScript.Forms.DateItem>
  implements Pick<GoogleAppsScript.Forms.DateItem, Question | 'setIncludesYear' | 'includesYear' | 'createResponse'>
{
  setIncludesYear(enableYear: boolean): GoogleAppsScript.Forms.DateItem {
    this.item.includesYear = this.boolean('DateItem.setIncludesYear', enableYear);
    return this.ret();
  }
  includesYear(): boolean {
    return this.item.includesYear;
  }
  createResponse(response: GoogleAppsScript.Base.Date): IR {
    const isDate = Object.prototype.toString.call(response) === '[object Date]';
    const ms = isDate ? (response as unknown as Date).getTime() : NaN;
    if (!Number.isFinite(ms)) throw signatureError(this.ctx.env, 'FormApp.DateItem.createResponse', [response]);
    const w = wallClock(ms, this.ctx.env.scriptTimeZone);
    return respond(this, dateResponseText(w.year, w.month, w.day, this.item.includesYear));
  }
}

/** How a date answer is stored and returned: "2026-10-14", or "10-14" without the year. */
export function dateResponseText(year: number, month: number, day: number, includesYear: boolean): string {
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return includesYear ? `${String(year).padStart(4, '0')}-${md}` : md;
}

export class SectionHeaderItemImpl
  extends ItemBase<GoogleAppsScript.Forms.SectionHeaderItem>
  implements Pick<GoogleAppsScript.Forms.SectionHeaderItem, Common> {}

const CLASSES: Record<ItemTypeName, { name: string; make: new (ctx: FormsCtx, formId: string, id: number) => object }> =
  {
    TEXT: { name: 'TextItem', make: TextItemImpl },
    PARAGRAPH_TEXT: { name: 'ParagraphTextItem', make: ParagraphTextItemImpl },
    MULTIPLE_CHOICE: { name: 'MultipleChoiceItem', make: MultipleChoiceItemImpl },
    CHECKBOX: { name: 'CheckboxItem', make: CheckboxItemImpl },
    LIST: { name: 'ListItem', make: ListItemImpl },
    SCALE: { name: 'ScaleItem', make: ScaleItemImpl },
    DATE: { name: 'DateItem', make: DateItemImpl },
    SECTION_HEADER: { name: 'SectionHeaderItem', make: SectionHeaderItemImpl },
  };

/** The typed object (TextItem, CheckboxItem…) for an item, wrapped for the add-on. */
export function typedItemObject<T = unknown>(ctx: FormsCtx, formId: string, item: ItemModel): T {
  const c = CLASSES[item.type];
  return wrap(ctx.env, `Forms.${c.name}`, new c.make(ctx, formId, item.id) as ItemBase<unknown>) as T;
}
