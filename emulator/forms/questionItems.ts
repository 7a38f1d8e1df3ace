/** The typed items the add-on builds questionnaires from: text, paragraph, choice, scale, section header. */
import { signatureError } from '../core/gasObject';
import { wrap } from '../services/common';
import { choiceObject, choiceValue } from './choice';
import type { FormsCtx } from './context';
import { ItemBase, QuestionBase } from './itemBase';
import type { ItemModel, ItemTypeName } from './model';

type Choice = GoogleAppsScript.Forms.Choice;
type Common = 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getIndex' | 'getType';
type Question = Common | 'isRequired' | 'setRequired';
type ChoiceMembers = Question | 'createChoice' | 'setChoiceValues' | 'setChoices' | 'getChoices';

/** Our wording (not documented): Google refuses such a list when it saves the form. */
export const INVALID_CHOICES = 'Invalid data updating form: choices must be non-empty and distinct.';
export const INVALID_BOUNDS = 'Invalid argument: the lower bound must be 0 or 1 and the upper bound 3 to 10.';

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
}

export class TextItemImpl
  extends QuestionBase<GoogleAppsScript.Forms.TextItem>
  implements Pick<GoogleAppsScript.Forms.TextItem, Question> {}

export class ParagraphTextItemImpl
  extends QuestionBase<GoogleAppsScript.Forms.ParagraphTextItem>
  implements Pick<GoogleAppsScript.Forms.ParagraphTextItem, Question> {}

export class ListItemImpl
  extends ChoiceBase<GoogleAppsScript.Forms.ListItem>
  implements Pick<GoogleAppsScript.Forms.ListItem, ChoiceMembers> {}

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
}

export class ScaleItemImpl
  extends QuestionBase<GoogleAppsScript.Forms.ScaleItem>
  implements
    Pick<
      GoogleAppsScript.Forms.ScaleItem,
      Question | 'setBounds' | 'getLowerBound' | 'getUpperBound' | 'setLabels' | 'getLeftLabel' | 'getRightLabel'
    >
{
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
    SECTION_HEADER: { name: 'SectionHeaderItem', make: SectionHeaderItemImpl },
  };

/** The typed object (TextItem, CheckboxItem…) for an item, wrapped for the add-on. */
export function typedItemObject<T = unknown>(ctx: FormsCtx, formId: string, item: ItemModel): T {
  const c = CLASSES[item.type];
  return wrap(ctx.env, c.name, new c.make(ctx, formId, item.id) as ItemBase<unknown>) as T;
}
