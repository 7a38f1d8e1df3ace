/** A Workspace over a temporary dist folder holding a tiny fake add-on, for the Forms and Mail tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_USERS, openWorkspace, type Workspace } from '../../workspace/workspace';

export const NOW = '2026-11-25T09:05:03+03:00';

/** The fake add-on: installs the trigger, builds a form, records the events it receives. */
export const CODE = `
// Module state does not outlive an execution (as in Apps Script): what handlers saw goes to the log.
function remember(entry) { console.log('seen ' + JSON.stringify(entry)); }
function onOpen(e) {}
function installTrigger() {
  ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
}
function buildForm(title) {
  var form = FormApp.create(title || 'Анкета', true);
  form.setCollectEmail(true).setConfirmationMessage('Спасибо, <ответ> записан!');
  form.addTextItem().setTitle('ФИО').setRequired(true);
  form.addCheckboxItem().setTitle('Темы').setChoiceValues(['дисциплина', 'оценивание']).showOtherOption(true);
  form.addMultipleChoiceItem().setTitle('Формат').setChoiceValues(['очно', 'дистанционно']);
  form.addListItem().setTitle('Категория').setChoiceValues(['первая', 'высшая']);
  form.addScaleItem().setTitle('Готовность').setBounds(1, 5);
  form.addParagraphTextItem().setTitle('Комментарий').setHelpText('<b>не</b> обязательно');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
  return form.getId();
}
function onFormSubmit(e) {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  if (e.namedValues['ФИО'][0] === 'сбой') throw new Error('обработчик упал');
  remember({
    keys: Object.keys(e).sort(),
    authMode: String(e.authMode),
    isFull: e.authMode === ScriptApp.AuthMode.FULL,
    a1: e.range.getA1Notation(),
    sheet: e.range.getSheet().getName(),
    rowValues: e.range.getDisplayValues()[0],
    values: e.values,
    valuesIsArray: e.values instanceof Array,
    namedValues: e.namedValues,
    triggerUid: e.triggerUid,
    user: Session.getActiveUser().getEmail()
  });
}
function mailAll(to) {
  MailApp.sendEmail(to, 'Ссылки на анкеты', 'Текст', { htmlBody: '<p>Текст</p>', name: 'Методист' });
  return MailApp.getRemainingDailyQuota();
}
`;

export function fakeAddonDist(code = CODE): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'forms-dist-'));
  writeFileSync(path.join(dist, 'Code.js'), code);
  writeFileSync(path.join(dist, 'Sidebar.html'), '<!doctype html><p>fake sidebar</p>');
  return dist;
}

export interface Recorded {
  keys: string[];
  authMode: string;
  isFull: boolean;
  a1: string;
  sheet: string;
  rowValues: string[];
  values: string[];
  valuesIsArray: boolean;
  namedValues: Record<string, string[]>;
  triggerUid: string;
  user: string;
}

export async function formsWorkspace(dir?: string, distDir = fakeAddonDist()): Promise<Workspace> {
  return openWorkspace({ dir, distDir, now: NOW, user: DEMO_USERS.methodologist });
}

/** What the fixture scripts' handlers saw: they log it, as module state does not outlive an execution. */
export function seenInLog<T>(ws: Workspace): T[] {
  return ws.logs.entries.filter((e) => e.message.startsWith('seen ')).map((e) => JSON.parse(e.message.slice(5)) as T);
}

export function recorded(ws: Workspace): Recorded[] {
  return seenInLog<Recorded>(ws);
}

export const ANSWERS = {
  ФИО: 'Иванова Анна',
  Темы: ['дисциплина', 'кофе'],
  Формат: 'очно',
  Категория: 'высшая',
  Готовность: '4',
};
