/** Item: the generic item form.getItems() returns; asTextItem() etc. give the typed object. */
import { wrap } from '../services/common';
import type { FormsCtx, GItem } from './context';
import { ItemBase } from './itemBase';
import type { ItemModel, ItemTypeName } from './model';
import { typedItemObject } from './questionItems';

type I = GoogleAppsScript.Forms.Item;
type As =
  | 'asTextItem'
  | 'asParagraphTextItem'
  | 'asMultipleChoiceItem'
  | 'asCheckboxItem'
  | 'asListItem'
  | 'asScaleItem'
  | 'asDateItem'
  | 'asSectionHeaderItem';

/** Remembered from Apps Script's behaviour, not confirmed against a live script. */
export const invalidConversion = (type: string) => `Invalid conversion for item type: ${type}`;

export class GenericItemImpl
  extends ItemBase<I>
  implements Pick<I, As | 'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getIndex' | 'getType'>
{
  private as<T>(type: ItemTypeName): T {
    const item = this.item;
    if (item.type !== type) throw this.ctx.env.error(invalidConversion(item.type));
    return typedItemObject<T>(this.ctx, this.formId, item);
  }
  asTextItem() {
    return this.as<GoogleAppsScript.Forms.TextItem>('TEXT');
  }
  asParagraphTextItem() {
    return this.as<GoogleAppsScript.Forms.ParagraphTextItem>('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem() {
    return this.as<GoogleAppsScript.Forms.MultipleChoiceItem>('MULTIPLE_CHOICE');
  }
  asCheckboxItem() {
    return this.as<GoogleAppsScript.Forms.CheckboxItem>('CHECKBOX');
  }
  asListItem() {
    return this.as<GoogleAppsScript.Forms.ListItem>('LIST');
  }
  asScaleItem() {
    return this.as<GoogleAppsScript.Forms.ScaleItem>('SCALE');
  }
  asDateItem() {
    return this.as<GoogleAppsScript.Forms.DateItem>('DATE');
  }
  asSectionHeaderItem() {
    return this.as<GoogleAppsScript.Forms.SectionHeaderItem>('SECTION_HEADER');
  }
}

export function itemObject(ctx: FormsCtx, formId: string, item: ItemModel): GItem {
  return wrap(ctx.env, 'Forms.Item', new GenericItemImpl(ctx, formId, item.id)) as unknown as GItem;
}
