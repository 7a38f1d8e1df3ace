/**
 * The SpreadsheetApp global over one spreadsheet model: the add-on's container document.
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

export class SpreadsheetAppImpl implements Pick<GSpreadsheetApp, AppMembers> {
  readonly BooleanCriteria = BOOLEAN_CRITERIA as unknown as GSpreadsheetApp['BooleanCriteria'];
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA as unknown as GSpreadsheetApp['DataValidationCriteria'];
  readonly ProtectionType = PROTECTION_TYPE as unknown as GSpreadsheetApp['ProtectionType'];
  readonly WrapStrategy = WRAP_STRATEGY as unknown as GSpreadsheetApp['WrapStrategy'];

  constructor(readonly ctx: SpreadsheetCtx) {}

  private authorized(method: string): void {
    const e = this.ctx.env.execution;
    if (e && (e.authMode === 'NONE' || e.authMode === 'CUSTOM_FUNCTION') && method !== 'getUi') {
      if (e.authMode === 'CUSTOM_FUNCTION' && method !== 'openById' && method !== 'openByUrl') return;
      throw this.ctx.env.error(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)`,
      );
    }
  }

  getActiveSpreadsheet(): GSpreadsheet {
    this.authorized('getActiveSpreadsheet');
    return newSpreadsheet(this.ctx);
  }

  getActive(): GSpreadsheet {
    this.authorized('getActive');
    return newSpreadsheet(this.ctx);
  }

  getActiveSheet(): GSheet {
    this.authorized('getActiveSheet');
    const m = this.ctx.model;
    return newSheet(this.ctx, m.sheets[m.activeSheet] ?? m.sheets[0]);
  }

  /** Only the container spreadsheet exists in the emulator. */
  openById(id: string): GSpreadsheet {
    this.authorized('openById');
    if (id !== this.ctx.model.id) {
      throw this.ctx.env.error(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return newSpreadsheet(this.ctx);
  }

  openByUrl(url: string): GSpreadsheet {
    this.authorized('openByUrl');
    const m = /\/d\/([^/]+)/.exec(String(url));
    if (!m || m[1] !== this.ctx.model.id) {
      throw this.ctx.env.error(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    }
    return newSpreadsheet(this.ctx);
  }

  /** Writes are applied at once in the emulator; flush only costs its (counted) latency. */
  flush(): void {}

  newDataValidation(): GDataValidationBuilder {
    return newDataValidationBuilder(this.ctx);
  }

  newConditionalFormatRule(): GConditionalFormatRuleBuilder {
    return newConditionalFormatRuleBuilder(this.ctx);
  }

  getUi(): GoogleAppsScript.Base.Ui {
    if (this.ctx.ui === undefined || this.ctx.ui === null) {
      throw this.ctx.env.error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.ctx.ui as GoogleAppsScript.Base.Ui;
  }
}

/** The SpreadsheetApp global for an add-on bound to `model`; `ui` is what getUi() returns. */
export function createSpreadsheetApp(env: Env, model: SpreadsheetModel, ui?: unknown): GSpreadsheetApp {
  runtimeOf(model).env = env;
  return gasObject(
    env,
    'Spreadsheet.SpreadsheetApp',
    new SpreadsheetAppImpl({ env, model, ui }),
  ) as unknown as GSpreadsheetApp;
}
