/**
 * Several staff accounts in one spreadsheet, on the built bundle: one account (the first to set the
 * add-on up) owns the forms, the Drive folders and the triggers; every other account is told who,
 * and nothing is made a second time.
 */
import { DEMO_USERS, type Workspace } from '../../workspace/workspace';
import { setUpWorkspace, useDemoSchool } from './workspace';
import { api } from './api';

const OWNER = DEMO_USERS.methodologist;
const STAFF = DEMO_USERS.staff;
const demo = useDemoSchool('accounts');

const snapshot = (ws: Workspace) => ({ files: ws.files(), forms: ws.forms(), triggers: ws.triggers() });

describe('one account manages the forms, the folders and the triggers', () => {
  test('a colleague opening «Документы» is told who manages them; no second folder tree is made', async () => {
    const ws = await demo();
    const before = snapshot(ws);
    ws.setUser(STAFF);
    expect(() => ws.run('getDocumentsView')).toThrow(
      `ведёт учётная запись ${OWNER}. Выполнить «Документы» может только она`,
    );
    expect(() => ws.run('generateDocuments', { kind: 'regulationOrder' })).toThrow(`ведёт учётная запись ${OWNER}`);
    expect(snapshot(ws)).toEqual(before);
  });

  test('a colleague sending monitoring links is refused before any form is touched or any letter sent', async () => {
    const ws = await demo();
    const before = { ...snapshot(ws), mail: ws.mail().length };
    ws.setUser(STAFF);
    expect(() => ws.run('sendMonitoringLinks')).toThrow(`ведёт учётная запись ${OWNER}`);
    expect({ ...snapshot(ws), mail: ws.mail().length }).toEqual(before);
  });

  test('a colleague opening «Итоги года» or re-running the year setup gets no clock trigger of their own', async () => {
    const ws = await demo();
    ws.setUser(STAFF);
    ws.run('getYearView');
    const setup = api(ws, 'setupSchoolYear', { school: 'МБОУ «СОШ № 2»', startYear: 2026 });
    expect(setup.message).toContain(`папки документов на Google Диске и напоминания ведёт учётная запись ${OWNER}`);
    expect(ws.triggers().filter((t) => t.user === STAFF)).toEqual([]);
    expect(ws.triggers().filter((t) => t.user === OWNER && t.eventType === 'CLOCK')).toHaveLength(1);
  });

  test('a form-submit trigger a colleague installed earlier removes itself; the answer is filed once', async () => {
    const ws = await demo();
    const mentees = ws.values('Наставляемые')!.length;
    const id = ws.model.id;
    ws.triggerRegistry.add({
      handler: 'onFormSubmitTrigger',
      user: STAFF,
      documentId: id,
      eventType: 'ON_FORM_SUBMIT',
      source: 'SPREADSHEETS',
      sourceId: id,
      createdAtMs: ws.env.now(),
    });
    const form = ws.forms().find((f) => f.title.startsWith('Анкета наставляемого'))!;
    // The first choice of every question, a list for checkboxes; a name for the text questions.
    const answers = Object.fromEntries(
      form.items.map((item) => {
        const first = item.choices[0] ?? (item.type === 'SCALE' ? '3' : '2');
        const value = item.title.startsWith('Фамилия') ? 'Иванова Ирина Петровна' : first;
        return [item.title, item.type === 'CHECKBOX' ? [value] : value];
      }),
    );
    const { triggerRuns } = ws.submitForm(form.id, answers, { email: 'ivanova.new@school2.example' });
    expect(triggerRuns.map((r) => r.ok)).toEqual([true, true]);
    expect(ws.values('Наставляемые')!.length).toBe(mentees + 1);
    expect(ws.triggers().filter((t) => t.user === STAFF)).toEqual([]);
  });

  test('whoever sets the add-on up first manages it; the methodologist is then told to ask them', async () => {
    const ws = await setUpWorkspace({ user: STAFF });
    ws.setUser(OWNER);
    expect(() => ws.run('setupQuestionnaires')).toThrow(`ведёт учётная запись ${STAFF}`);
    expect(ws.forms()).toEqual([]);
    ws.setUser(STAFF);
    ws.run('setupQuestionnaires');
    expect(ws.forms().every((f) => f.owner === STAFF)).toBe(true);
    expect(ws.triggers().map((t) => t.user)).toEqual(expect.arrayContaining([STAFF]));
    expect(ws.triggers().some((t) => t.user === OWNER)).toBe(false);
  });
});
