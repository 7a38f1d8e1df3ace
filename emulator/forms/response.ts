/**
 * FormResponse and ItemResponse. A FormResponse is either a stored response (read-only) or one the
 * script is building with Form.createResponse(): answers added by withItemResponse, turned into a
 * prefilled link (toPrefilledUrl) or submitted (submit).
 */
import { gasObject, signatureError, unwrap } from '../core/gasObject';
import { Wrapped, wrap } from '../services/common';
import {
  ITEM_DELETED,
  requireForm,
  type FormsCtx,
  type GFormResponse,
  type GItem,
  type GItemResponse,
} from './context';
import { appendResponseRow } from './destination';
import { itemObject } from './item';
import { ItemBase } from './itemBase';
import type { FormModel, ResponseModel } from './model';
import { prefilledUrl } from './prefill';

type FR = GoogleAppsScript.Forms.FormResponse;
type IR = GoogleAppsScript.Forms.ItemResponse;
type Value = string | string[];

/** Our wordings (Google documents that these throw, not the text). */
export const ALREADY_SUBMITTED = 'This response has already been submitted.';
export const NOT_A_DRAFT =
  'withItemResponse applies only to responses the script has created and not yet submitted; stored responses cannot be changed.';
export const OTHER_FORM = 'Invalid argument: response (the item response belongs to another form).';
export const formClosed = (title: string) => `The form "${title}" is not accepting responses.`;

export class ItemResponseImpl implements Pick<IR, 'getItem' | 'getResponse'> {
  constructor(
    private readonly ctx: FormsCtx,
    readonly formId: string,
    readonly itemId: number,
    readonly value: Value,
  ) {}
  getItem(): GItem {
    const item = requireForm(this.ctx, this.formId).items.find((i) => i.id === this.itemId);
    if (!item) throw this.ctx.env.error(ITEM_DELETED);
    return itemObject(this.ctx, this.formId, item);
  }
  /** A string, or string[] for checkboxes (scale answers are strings too, as in Apps Script). */
  getResponse(): Value {
    return Array.isArray(this.value) ? [...this.value] : this.value;
  }
}

export function itemResponseObject(ctx: FormsCtx, formId: string, itemId: number, value: Value): GItemResponse {
  return gasObject(
    ctx.env,
    'Forms.ItemResponse',
    new ItemResponseImpl(ctx, formId, itemId, value),
  ) as unknown as GItemResponse;
}

type Members =
  | 'getId'
  | 'getTimestamp'
  | 'getRespondentEmail'
  | 'getItemResponses'
  | 'getResponseForItem'
  | 'withItemResponse'
  | 'toPrefilledUrl'
  | 'submit';

export class FormResponseImpl extends Wrapped implements Pick<FR, Members> {
  /** The answers of a response being built (item id → value); unused once stored. */
  private readonly draft = new Map<number, Value>();

  /** `model` is null while the script builds the response (Form.createResponse()). */
  constructor(
    private readonly ctx: FormsCtx,
    private readonly formId: string,
    public model: ResponseModel | null,
  ) {
    super();
  }

  private get form(): FormModel {
    return requireForm(this.ctx, this.formId);
  }

  /** Answers to questions still in the form, in form order. */
  private answers(): Array<{ itemId: number; value: Value }> {
    const items = this.form.items;
    if (this.model) return this.model.answers.filter((a) => items.some((i) => i.id === a.itemId));
    return items.filter((i) => this.draft.has(i.id)).map((i) => ({ itemId: i.id, value: this.draft.get(i.id)! }));
  }

  /** null until submitted (as Google documents). */
  getId(): string {
    return (this.model ? this.model.id : null) as string;
  }
  /** null until submitted. */
  getTimestamp(): GoogleAppsScript.Base.Date {
    return (this.model ? this.ctx.env.date(this.model.timestampMs) : null) as GoogleAppsScript.Base.Date;
  }
  /** '' when the form did not collect e-mails; null until submitted. */
  getRespondentEmail(): string {
    return (this.model ? this.model.email : null) as string;
  }

  private answerObject(a: { itemId: number; value: Value }): GItemResponse {
    return itemResponseObject(this.ctx, this.formId, a.itemId, a.value);
  }

  /** Answered questions still in the form, in form order (a stored response: form order then). */
  getItemResponses(): GItemResponse[] {
    return this.answers().map((a) => this.answerObject(a));
  }

  /** null when the question was not answered. */
  getResponseForItem(item: GItem): GItemResponse {
    const raw = unwrap(item) as unknown;
    if (!(raw instanceof ItemBase))
      throw signatureError(this.ctx.env, 'FormApp.FormResponse.getResponseForItem', [item]);
    const a = this.model
      ? this.model.answers.find((x) => x.itemId === raw.itemId)
      : this.draft.has(raw.itemId)
        ? { itemId: raw.itemId, value: this.draft.get(raw.itemId)! }
        : undefined;
    return (a ? this.answerObject(a) : null) as GItemResponse;
  }

  /** Adds (or, for a question answered before, replaces) an answer of a response being built. */
  withItemResponse(response: GItemResponse): GFormResponse {
    const raw = unwrap(response) as unknown;
    if (!(raw instanceof ItemResponseImpl)) {
      throw signatureError(this.ctx.env, 'FormApp.FormResponse.withItemResponse', [response]);
    }
    if (this.model) throw this.ctx.env.error(NOT_A_DRAFT);
    if (raw.formId !== this.formId) throw this.ctx.env.error(OTHER_FORM);
    if (!this.form.items.some((i) => i.id === raw.itemId)) throw this.ctx.env.error(ITEM_DELETED);
    this.draft.set(raw.itemId, Array.isArray(raw.value) ? [...raw.value] : raw.value);
    return this._self as unknown as GFormResponse;
  }

  /**
   * The published URL with the answers: `…/viewform?usp=pp_url&entry.<n>=<value>…` (see prefill.ts).
   * Works for stored responses too (Google's example prefills from getResponses()[0]).
   */
  toPrefilledUrl(): string {
    return prefilledUrl(this.form, new Map(this.answers().map((a) => [a.itemId, a.value])));
  }

  /**
   * Stores the response and appends its row to the response sheet. As Google's own example (an empty
   * response submitted) shows, required questions are not enforced; answers were checked when their
   * ItemResponses were created. Refused when the form is closed (our choice). The respondent e-mail
   * is ''. ON_FORM_SUBMIT triggers fire only when the workspace wired `ctx.onScriptSubmit`.
   */
  submit(): GFormResponse {
    if (this.model) throw this.ctx.env.error(ALREADY_SUBMITTED);
    const form = this.form;
    if (!form.acceptingResponses) throw this.ctx.env.error(formClosed(form.title));
    const response: ResponseModel = {
      id: `resp-${String(this.ctx.forms.nextResponseNumber++).padStart(6, '0')}`,
      timestampMs: this.ctx.env.now(),
      email: '',
      answers: this.answers().map((a) => ({
        itemId: a.itemId,
        value: Array.isArray(a.value) ? [...a.value] : a.value,
      })),
    };
    form.responses.push(response);
    const written = appendResponseRow(this.ctx.spreadsheet, form, response);
    this.model = response;
    this.draft.clear();
    this.ctx.onScriptSubmit?.({ formId: this.formId, response, written });
    return responseObject(this.ctx, this.formId, response);
  }
}

export function responseObject(ctx: FormsCtx, formId: string, model: ResponseModel | null): GFormResponse {
  return wrap(ctx.env, 'Forms.FormResponse', new FormResponseImpl(ctx, formId, model)) as unknown as GFormResponse;
}
