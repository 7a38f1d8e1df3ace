/**
 * What every item object shares. Item objects hold only the form and item ids and read the model on
 * each call, so several objects for one question agree, and one used after deletion fails.
 */
import { signatureError } from '../core/gasObject';
import { Wrapped } from '../services/common';
import { requireItem, type FormsCtx } from './context';
import { syncHeaders } from './destination';
import { ItemType, type GItemType } from './enums';
import type { FormModel, ItemModel } from './model';

export abstract class ItemBase<S> extends Wrapped {
  constructor(
    readonly ctx: FormsCtx,
    readonly formId: string,
    readonly itemId: number,
  ) {
    super();
  }

  protected get form(): FormModel {
    return requireItem(this.ctx, this.formId, this.itemId).form;
  }

  protected get item(): ItemModel {
    return requireItem(this.ctx, this.formId, this.itemId).item;
  }

  protected ret(): S {
    return this._self as unknown as S;
  }

  protected string(method: string, value: unknown): string {
    if (typeof value !== 'string') throw signatureError(this.ctx.env, `FormApp.${method}`, [value]);
    return value;
  }

  protected boolean(method: string, value: unknown): boolean {
    if (typeof value !== 'boolean') throw signatureError(this.ctx.env, `FormApp.${method}`, [value]);
    return value;
  }

  getId(): number {
    return this.item.id;
  }

  getTitle(): string {
    return this.item.title;
  }

  /** A renamed question renames its column header in the response sheet, as Google does. */
  setTitle(title: string): S {
    this.item.title = this.string('Item.setTitle', title);
    syncHeaders(this.ctx.spreadsheet, this.form);
    return this.ret();
  }

  getHelpText(): string {
    return this.item.helpText;
  }

  setHelpText(text: string): S {
    this.item.helpText = this.string('Item.setHelpText', text);
    return this.ret();
  }

  /** 0-based position in the form. */
  getIndex(): number {
    const { form, item } = requireItem(this.ctx, this.formId, this.itemId);
    return form.items.indexOf(item);
  }

  getType(): GItemType {
    return ItemType[this.item.type] as unknown as GItemType;
  }
}

/** Questions can be required (section headers cannot). */
export abstract class QuestionBase<S> extends ItemBase<S> {
  isRequired(): boolean {
    return this.item.required;
  }

  setRequired(enabled: boolean): S {
    this.item.required = this.boolean('Item.setRequired', enabled);
    return this.ret();
  }
}
