/** FormApp over a new spreadsheet model, outside any workspace: for the tests of FormApp itself. */
import { Env } from '../../emulator/core/env';
import { createFormApp } from '../../emulator/forms/formApp';
import { newFormsModel, type FormsModel } from '../../emulator/forms/model';
import { newSpreadsheetModel, type SpreadsheetModel } from '../../emulator/spreadsheet/model';
import { NOW } from './formsFixture';

export function formsServices() {
  const env = new Env({ now: NOW, user: 'metodist@school2.example' });
  env.chargeLatency = false;
  const model: SpreadsheetModel = newSpreadsheetModel('Наставничество', 'ss-1');
  const forms: FormsModel = newFormsModel();
  const FormApp = createFormApp(env, forms, model);
  return { env, model, forms, FormApp };
}
