/**
 * The SpreadsheetApp global over the workspace's spreadsheets: the active one is the execution's
 * document (none in an add-on's time-driven run), others open by id or URL.
 * In AuthMode.NONE (an add-on's onOpen before it is used in the document) only getUi() and the
 * builders/enums are allowed, as in Apps Script.
 */
import type { Env } from '../core/env';
import { gasObject } from '../core/gasObject';
import { BOOLEAN_CRITERIA, newConditionalFormatRuleBuilder } from './conditionalFormat';
import type {
  GConditionalFormatRuleBuilder,
  GDataValidationBuilder,
  GSheet,
  GSpreadsheet,
  GSpreadsheetApp,
  SpreadsheetCtx,
} from './context';
import type { SpreadsheetModel } from './model';
import { runtimeOf } from './runtime';
import { newSheet } from './sheet';
import { newSpreadsheet } from './spreadsheet';
import { DATA_VALIDATION_CRITERIA, newDataValidationBuilder } from './validation';

export const PROTECTION_TYPE = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });
export const WRAP_STRATEGY = Object.freeze({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' });

type AppMembers =
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'ProtectionType'
  | 'WrapStrategy'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl';

/** The spreadsheets an add-on's SpreadsheetApp can reach. */
export interface SpreadsheetFiles {
  /** The execution's document; null when it has none (an editor add-on's time-driven trigger). */
  active(): SpreadsheetCtx | null;
  /** A spreadsheet the user may open, by id; null when there is none. */
  byId(id: string): SpreadsheetCtx | null;
}

/** One spreadsheet, always active: services tests and scripts bound to a single file. */
export function singleFile(ctx: SpreadsheetCtx): SpreadsheetFiles {
  return { active: () => ctx, byId: (id) => (id === ctx.model.id ? ctx : null) };
}

const notFound = (method: string) =>
  `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`;

export class SpreadsheetAppImpl implements Pick<GSpreadsheetApp, AppMembers> {
  readonly BooleanCriteria = BOOLEAN_CRITERIA as unknown as GSpreadsheetApp['BooleanCriteria'];
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA as unknown as GSpreadsheetApp['DataValidationCriteria'];
  readonly ProtectionType = PROTECTION_TYPE as unknown as GSpreadsheetApp['ProtectionType'];
  readonly WrapStrategy = WRAP_STRATEGY as unknown as GSpreadsheetApp['WrapStrategy'];

  constructor(
    /** The default spreadsheet (the one the global was made for). */
    readonly ctx: SpreadsheetCtx,
    readonly files: SpreadsheetFiles = singleFile(ctx),
  ) {}

  /** The context of `model` as this global reaches it (its own ui), else a bare one. */
  ctxOf(model: SpreadsheetModel): SpreadsheetCtx {
    return this.files.byId(model.id) ?? (model === this.ctx.model ? this.ctx : { env: this.ctx.env, model });
  }

  private authorized(method: string): void {
    const e = this.ctx.env.execution;
    if (e && (e.authMode === 'NONE' || e.authMode === 'CUSTOM_FUNCTION') && method !== 'getUi') {
      if (e.authMode === 'CUSTOM_FUNCTION' && method !== 'openById' && method !== 'openByUrl') return;
      throw this.ctx.env.error(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)`,
      );
    }
  }

  /** Reference: "the currently active spreadsheet, or null if there is none". */
  getActiveSpreadsheet(): GSpreadsheet {
    this.authorized('getActiveSpreadsheet');
    const active = this.files.active();
    return (active ? newSpreadsheet(active) : null) as GSpreadsheet;
  }

  getActive(): GSpreadsheet {
    this.authorized('getActive');
    const active = this.files.active();
    return (active ? newSpreadsheet(active) : null) as GSpreadsheet;
  }

  /** No active spreadsheet, no active sheet: null (not documented; Choice, emulator/RULES.md §4). */
  getActiveSheet(): GSheet {
    this.authorized('getActiveSheet');
    const active = this.files.active();
    if (!active) return null as unknown as GSheet;
    const m = active.model;
    return newSheet(active, m.sheets[m.activeSheet] ?? m.sheets[0]);
  }

  /** Any spreadsheet of the workspace (every user may open every one: sharing is not modelled here). */
  openById(id: string): GSpreadsheet {
    this.authorized('openById');
    const file = typeof id === 'string' ? this.files.byId(id) : null;
    if (!file) throw this.ctx.env.error(notFound('openById'));
    return newSpreadsheet(file);
  }

  openByUrl(url: string): GSpreadsheet {
    this.authorized('openByUrl');
    const m = /\/d\/([^/]+)/.exec(String(url));
    const file = m ? this.files.byId(m[1]) : null;
    if (!file) throw this.ctx.env.error(notFound('openByUrl'));
    return newSpreadsheet(file);
  }

  /** Writes are applied at once in the emulator; flush only costs its (counted) latency. */
  flush(): void {}

  newDataValidation(): GDataValidationBuilder {
    return newDataValidationBuilder(this.ctx);
  }

  newConditionalFormatRule(): GConditionalFormatRuleBuilder {
    return newConditionalFormatRuleBuilder(this.ctx);
  }

  /** The active document's Ui; outside a document (a time-driven run) Apps Script refuses. */
  getUi(): GoogleAppsScript.Base.Ui {
    const ui = this.files.active()?.ui;
    if (ui === undefined || ui === null) {
      throw this.ctx.env.error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return ui as GoogleAppsScript.Base.Ui;
  }
}

/**
 * The SpreadsheetApp global for an add-on used in `model`; `ui` is what getUi() returns. `files`
 * (the workspace) decides which spreadsheet is active in an execution and which open by id.
 */
export function createSpreadsheetApp(
  env: Env,
  model: SpreadsheetModel,
  ui?: unknown,
  files?: SpreadsheetFiles,
): GSpreadsheetApp {
  runtimeOf(model).env = env;
  return gasObject(
    env,
    'Spreadsheet.SpreadsheetApp',
    new SpreadsheetAppImpl({ env, model, ui }, files),
  ) as unknown as GSpreadsheetApp;
}
