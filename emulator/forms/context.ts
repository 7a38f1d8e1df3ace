/** What every fake Forms object shares: the Env, the forms model, the spreadsheet responses go to. */
import type { Env } from '../core/env';
import type { SpreadsheetModel } from '../spreadsheet/model';
import type { FormModel, FormsModel, ItemModel } from './model';
import type { SubmitResult } from './submit';

export interface FormsCtx {
  env: Env;
  /** Getter: the workspace may replace its model (reset). */
  readonly forms: FormsModel;
  /** The one spreadsheet of the workspace: the only possible response destination. */
  readonly spreadsheet: SpreadsheetModel;
  /**
   * Called after FormResponse.submit() stored a response the script built, so the workspace can fire
   * (or queue) the ON_FORM_SUBMIT triggers as for a respondent's submission. Unset: none fire.
   */
  onScriptSubmit?: (result: SubmitResult) => void;
}

export type GForm = GoogleAppsScript.Forms.Form;
export type GItem = GoogleAppsScript.Forms.Item;
export type GFormResponse = GoogleAppsScript.Forms.FormResponse;
export type GItemResponse = GoogleAppsScript.Forms.ItemResponse;

export const FORMS_SCOPE = 'https://www.googleapis.com/auth/forms';

/** Drive's wording for an id that is unknown (or not shared with the user); FormApp.openById uses it. */
export const NO_ITEM_WITH_ID = 'No item with the given ID could be found, or you do not have permission to access it.';
/** Our wording (not documented): using an Item object after its question was deleted. */
export const ITEM_DELETED = 'This item has been deleted from the form.';

export function publishedUrl(formId: string): string {
  return `https://docs.google.com/forms/d/e/${formId}/viewform`;
}

export function editUrl(formId: string): string {
  return `https://docs.google.com/forms/d/${formId}/edit`;
}

export function findForm(ctx: FormsCtx, formId: string): FormModel | undefined {
  return ctx.forms.forms.find((f) => f.id === formId);
}

/**
 * Forms FormApp.create makes from this instant on start unpublished: Google's "after June 30, 2026"
 * (developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms). **Choice**: the day
 * ends in UTC; Google names no time zone.
 */
export const UNPUBLISHED_BY_DEFAULT_FROM_MS = Date.UTC(2026, 6, 1);

/** Owner or editor: the only users who may open a form by id or URL (Drive sharing). */
export function canEdit(form: FormModel, email: string): boolean {
  const me = email.trim().toLowerCase();
  return form.owner.toLowerCase() === me || form.editors.some((e) => e.toLowerCase() === me);
}

/** The form, if it exists and the active user may open it; otherwise Google's one error for both. */
export function requireEditableForm(ctx: FormsCtx, formId: string): FormModel {
  const form = requireForm(ctx, formId);
  if (!canEdit(form, ctx.env.activeUser)) throw ctx.env.error(NO_ITEM_WITH_ID);
  return form;
}

export function requireForm(ctx: FormsCtx, formId: string): FormModel {
  const form = findForm(ctx, formId);
  if (!form) throw ctx.env.error(NO_ITEM_WITH_ID);
  return form;
}

export function requireItem(ctx: FormsCtx, formId: string, itemId: number): { form: FormModel; item: ItemModel } {
  const form = requireForm(ctx, formId);
  const item = form.items.find((i) => i.id === itemId);
  if (!item) throw ctx.env.error(ITEM_DELETED);
  return { form, item };
}
