/** The FormApp global: create and open forms; the enums. */
import type { Env } from '../core/env';
import { gasObject, signatureError, unwrap } from '../core/gasObject';
import { requireAuthorization } from '../services/authorization';
import type { SpreadsheetModel } from '../spreadsheet/model';
import {
  FORMS_SCOPE,
  NO_ITEM_WITH_ID,
  requireEditableForm,
  UNPUBLISHED_BY_DEFAULT_FROM_MS,
  type FormsCtx,
  type GForm,
} from './context';
import { linkFormUrls } from './destination';
import { DestinationType, ItemType } from './enums';
import { formObject } from './form';
import type { FormModel, FormsModel } from './model';
import type { SubmitResult } from './submit';

type FA = GoogleAppsScript.Forms.FormApp;

export class FormAppImpl implements Pick<FA, 'create' | 'openById' | 'openByUrl' | 'getActiveForm'> {
  readonly ItemType = ItemType as unknown as FA['ItemType'];
  readonly DestinationType = DestinationType as unknown as FA['DestinationType'];

  constructor(readonly ctx: FormsCtx) {}

  private auth(method: string): void {
    requireAuthorization(this.ctx.env, `FormApp.${method}`, FORMS_SCOPE);
  }

  /**
   * A new form owned by the active user, with Google's defaults (accepting responses, no e-mails).
   * Without `isPublished` it is published only when made before 1 July 2026 (Google's API change).
   */
  create(title: string, isPublished?: boolean): GForm {
    this.auth('create');
    const args = isPublished === undefined ? [title] : [title, isPublished];
    if (typeof title !== 'string' || (isPublished !== undefined && typeof isPublished !== 'boolean'))
      throw signatureError(this.ctx.env, 'FormApp.create', args);
    const forms = this.ctx.forms;
    const now = this.ctx.env.now();
    const form: FormModel = {
      id: `form-${String(forms.nextFormNumber++).padStart(4, '0')}`,
      title,
      description: '',
      confirmationMessage: '',
      collectEmail: false,
      allowResponseEdits: false,
      acceptingResponses: true,
      published: isPublished ?? now < UNPUBLISHED_BY_DEFAULT_FROM_MS,
      owner: this.ctx.env.activeUser,
      editors: [],
      createdAtMs: now,
      items: [],
      destination: null,
      responses: [],
    };
    forms.forms.push(form);
    return formObject(this.ctx, form.id);
  }

  /**
   * Only the owner and the editors may open a form; everyone else gets the same error as for an
   * unknown or deleted id (Google does not tell the two apart).
   */
  openById(id: string): GForm {
    this.auth('openById');
    if (typeof id !== 'string') throw signatureError(this.ctx.env, 'FormApp.openById', [id]);
    return formObject(this.ctx, requireEditableForm(this.ctx, id).id);
  }

  /** Edit or published URL of one of the forms. */
  openByUrl(url: string): GForm {
    this.auth('openByUrl');
    if (typeof url !== 'string') throw signatureError(this.ctx.env, 'FormApp.openByUrl', [url]);
    const m = /^https:\/\/docs\.google\.com\/forms\/d\/(?:e\/)?([\w-]+)\//.exec(url);
    if (!m) throw this.ctx.env.error(NO_ITEM_WITH_ID);
    return this.openById(m[1]);
  }

  /** The add-on runs in a spreadsheet, never in a form: always null. */
  getActiveForm(): GForm {
    return null as unknown as GForm;
  }
}

/**
 * The FormApp global over `forms` (a getter, so a workspace can swap its model). Responses can go
 * only to `spreadsheet`, the workspace's own file. `onScriptSubmit` hears of responses the script
 * submitted (FormResponse.submit()), to fire the triggers.
 */
export function createFormApp(
  env: Env,
  forms: FormsModel | (() => FormsModel),
  spreadsheet: SpreadsheetModel,
  options: { onScriptSubmit?: (result: SubmitResult) => void } = {},
): FA {
  const get = typeof forms === 'function' ? forms : () => forms;
  const ctx: FormsCtx = {
    env,
    get forms() {
      return get();
    },
    spreadsheet,
    ...(options.onScriptSubmit && { onScriptSubmit: options.onScriptSubmit }),
  };
  linkFormUrls(spreadsheet, get);
  return gasObject(env, 'Forms.FormApp', new FormAppImpl(ctx)) as unknown as FA;
}

/** The context behind a FormApp global (the workspace submits responses through it). */
export function formsCtxOf(formApp: FA): FormsCtx {
  return (unwrap(formApp) as unknown as FormAppImpl).ctx;
}
