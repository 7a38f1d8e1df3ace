/**
 * Who may open a form, and whether respondents may answer it: Drive ownership and sharing (FormApp
 * opens only forms the user owns or edits) and publishing (forms made through the API after
 * 30 June 2026 start unpublished). Rules and sources: emulator/RULES.md §6–7.
 */
import { Env } from '../../emulator/core/env';
import { createFormApp, formsCtxOf } from '../../emulator/forms/formApp';
import { formsModelFromJSON, newFormsModel } from '../../emulator/forms/model';
import { FormSubmitError, submitResponse } from '../../emulator/forms/submit';
import { NO_ITEM_WITH_ID } from '../../emulator/forms/context';
import { renderForm } from '../../workspace/server/formPage';
import { newSpreadsheetModel } from '../../emulator/spreadsheet/model';

const OWNER = 'metodist@school2.example';
const STAFF = 'zavuch@school2.example';

function setup(now = '2026-11-25T09:05:03+03:00') {
  const env = new Env({ now, user: OWNER });
  env.chargeLatency = false;
  const forms = newFormsModel();
  const FormApp = createFormApp(env, forms, newSpreadsheetModel('Наставничество', 'ss-1'));
  /** Runs `fn` as `user`, as their own execution. */
  const as = <T>(user: string, fn: () => T): T => env.runExecution('test', { user }, fn);
  return { env, forms, FormApp, as };
}

describe('FormApp: ownership and sharing', () => {
  test('another account cannot open the form by id or URL, with the same error as for a deleted one', () => {
    const { FormApp, as } = setup();
    const form = as(OWNER, () => FormApp.create('Анкета', true));
    const id = form.getId();
    expect(as(OWNER, () => FormApp.openById(id).getTitle())).toBe('Анкета');
    expect(() => as(STAFF, () => FormApp.openById(id))).toThrow(NO_ITEM_WITH_ID);
    expect(() => as(STAFF, () => FormApp.openByUrl(form.getEditUrl()))).toThrow(NO_ITEM_WITH_ID);
    expect(() => as(STAFF, () => FormApp.openById('form-9999'))).toThrow(NO_ITEM_WITH_ID);
  });

  test('addEditor lets the colleague in; getEditors lists editors, not the owner; removeEditor shuts them out', () => {
    const { FormApp, as } = setup();
    const form = as(OWNER, () => FormApp.create('Анкета', true));
    const id = form.getId();
    as(OWNER, () => form.addEditor('Zavuch@School2.example').addEditor(OWNER));
    expect(as(STAFF, () => FormApp.openById(id).getTitle())).toBe('Анкета');
    expect(form.getEditors().map((u) => u.getEmail())).toEqual(['Zavuch@School2.example']);
    as(OWNER, () => form.addEditors(['uchitel@school2.example', STAFF]));
    expect(form.getEditors()).toHaveLength(2);
    as(OWNER, () => form.removeEditor(STAFF));
    expect(() => as(STAFF, () => FormApp.openById(id))).toThrow(NO_ITEM_WITH_ID);
    expect(() => form.addEditor('не адрес')).toThrow('Invalid email: не адрес');
  });

  test('the creator of a form is the execution user, whoever owns the spreadsheet', () => {
    const { FormApp, forms, as } = setup();
    as(STAFF, () => FormApp.create('Анкета завуча', true));
    expect(forms.forms[0]).toMatchObject({ owner: STAFF, editors: [] });
    expect(() => as(OWNER, () => FormApp.openById(forms.forms[0].id))).toThrow(NO_ITEM_WITH_ID);
  });
});

describe('FormApp: publishing', () => {
  const ANSWERS = { Вопрос: 'да' };
  function withQuestion(form: GoogleAppsScript.Forms.Form) {
    form.addTextItem().setTitle('Вопрос');
    return form;
  }

  test('a form made by create(title) after 30 June 2026 is unpublished and refuses answers', () => {
    const { FormApp, as } = setup('2026-07-01T00:00:00Z');
    const form = withQuestion(as(OWNER, () => FormApp.create('Анкета')));
    expect(form.isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(true);
    const ctx = formsCtxOf(FormApp);
    let error: unknown;
    try {
      submitResponse(ctx, form.getId(), ANSWERS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormSubmitError);
    expect((error as FormSubmitError).problems).toEqual([
      'Форма «Анкета» не опубликована: её автор ещё не открыл доступ для ответов.',
    ]);
    expect(ctx.forms.forms[0].responses).toHaveLength(0);
    form.setPublished(true);
    expect(form.isPublished()).toBe(true);
    expect(submitResponse(ctx, form.getId(), ANSWERS).response.answers).toHaveLength(1);
  });

  test('before 1 July 2026 create(title) publishes; create(title, isPublished) decides at any date', () => {
    const early = setup('2026-06-30T23:59:59Z');
    expect(early.as(OWNER, () => early.FormApp.create('А')).isPublished()).toBe(true);
    expect(early.as(OWNER, () => early.FormApp.create('Б', false)).isPublished()).toBe(false);
    const late = setup('2027-01-10T10:00:00+03:00');
    expect(late.as(OWNER, () => late.FormApp.create('В', true)).isPublished()).toBe(true);
    expect(() => late.as(OWNER, () => late.FormApp.create('Г', 'да' as unknown as boolean))).toThrow(
      /don't match the method signature/,
    );
    expect(late.FormApp.create('Д').supportsAdvancedResponderPermissions()).toBe(true);
  });

  test('the form page says an unpublished form does not accept answers', () => {
    const { FormApp, forms, as } = setup('2026-09-01T09:00:00+03:00');
    withQuestion(as(OWNER, () => FormApp.create('Анкета')));
    const html = renderForm(forms.forms[0]);
    expect(html).toContain('не опубликована и пока не принимает ответы');
    expect(html).not.toContain('<form');
  });

  test('forms.json keeps the flag and the editors; an old file without them reads as published, unshared', () => {
    const { FormApp, forms, as } = setup('2026-09-01T09:00:00+03:00');
    as(OWNER, () => FormApp.create('Анкета').addEditor(STAFF));
    const again = formsModelFromJSON(JSON.parse(JSON.stringify(forms)));
    expect(again.forms[0]).toMatchObject({ published: false, editors: [STAFF] });
    const old = JSON.parse(JSON.stringify(forms));
    delete old.forms[0].published;
    delete old.forms[0].editors;
    expect(formsModelFromJSON(old).forms[0]).toMatchObject({ published: true, editors: [] });
  });
});
