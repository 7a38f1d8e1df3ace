/** FormResponse and ItemResponse: read-only views of a stored response. */
import { gasObject, signatureError, unwrap } from '../core/gasObject';
import { requireForm, type FormsCtx, type GFormResponse, type GItem, type GItemResponse } from './context';
import { itemObject } from './item';
import { ItemBase } from './itemBase';
import type { ResponseModel } from './model';

type FR = GoogleAppsScript.Forms.FormResponse;
type IR = GoogleAppsScript.Forms.ItemResponse;

export class ItemResponseImpl implements Pick<IR, 'getItem' | 'getResponse'> {
  constructor(
    private readonly ctx: FormsCtx,
    private readonly formId: string,
    private readonly itemId: number,
    private readonly value: string | string[],
  ) {}
  getItem(): GItem {
    const item = requireForm(this.ctx, this.formId).items.find((i) => i.id === this.itemId);
    if (!item) throw this.ctx.env.error('This item has been deleted from the form.');
    return itemObject(this.ctx, this.formId, item);
  }
  /** A string, or string[] for checkboxes (scale answers are strings too, as in Apps Script). */
  getResponse(): string | string[] {
    return Array.isArray(this.value) ? [...this.value] : this.value;
  }
}

export class FormResponseImpl implements Pick<
  FR,
  'getId' | 'getTimestamp' | 'getRespondentEmail' | 'getItemResponses' | 'getResponseForItem'
> {
  constructor(
    private readonly ctx: FormsCtx,
    private readonly formId: string,
    readonly model: ResponseModel,
  ) {}
  getId(): string {
    return this.model.id;
  }
  getTimestamp(): GoogleAppsScript.Base.Date {
    return this.ctx.env.date(this.model.timestampMs);
  }
  /** '' when the form did not collect e-mails. */
  getRespondentEmail(): string {
    return this.model.email;
  }
  private answerObject(a: { itemId: number; value: string | string[] }): GItemResponse {
    return gasObject(
      this.ctx.env,
      'ItemResponse',
      new ItemResponseImpl(this.ctx, this.formId, a.itemId, a.value),
    ) as unknown as GItemResponse;
  }
  /** Answered questions still in the form, in the order they were answered (form order then). */
  getItemResponses(): GItemResponse[] {
    const items = requireForm(this.ctx, this.formId).items;
    return this.model.answers.filter((a) => items.some((i) => i.id === a.itemId)).map((a) => this.answerObject(a));
  }
  /** null when the question was not answered. */
  getResponseForItem(item: GItem): GItemResponse {
    const raw = unwrap(item) as unknown;
    if (!(raw instanceof ItemBase))
      throw signatureError(this.ctx.env, 'FormApp.FormResponse.getResponseForItem', [item]);
    const a = this.model.answers.find((x) => x.itemId === raw.itemId);
    return (a ? this.answerObject(a) : null) as GItemResponse;
  }
}

export function responseObject(ctx: FormsCtx, formId: string, model: ResponseModel): GFormResponse {
  return gasObject(ctx.env, 'FormResponse', new FormResponseImpl(ctx, formId, model)) as unknown as GFormResponse;
}
