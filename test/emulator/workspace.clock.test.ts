/**
 * An editor add-on's time-driven run has no document (emulator/RULES.md §4), and one user may use the
 * add-on in several spreadsheets whose triggers ScriptApp tells apart (§5): a tiny fake add-on in a
 * workspace with a second spreadsheet (ws.openOtherSpreadsheet).
 */
import { DEMO_USERS, openWorkspace, type Workspace } from '../../workspace/workspace';
import { oneTriggerPerType } from '../../emulator/services/script';
import { fakeAddonDist, seenInLog } from './formsFixture';

const NOW = '2026-11-25T09:00:00+03:00';

const CODE = `
// Module state does not outlive an execution (as in Apps Script): what handlers saw goes to the log.
function remember(entry) { console.log('seen ' + JSON.stringify(entry)); }
function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Пункт', 'menuItem').addToUi(); }
function menuItem() {}
function install(hours) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var t = ScriptApp.newTrigger('tick').timeBased().everyHours(hours || 1).create();
  PropertiesService.getUserProperties().setProperty('clock:' + t.getUniqueId(), ss.getId());
  PropertiesService.getDocumentProperties().setProperty('name', ss.getName());
  return t.getUniqueId();
}
function tick(e) {
  var ui;
  try { SpreadsheetApp.getUi(); ui = 'ui'; } catch (err) { ui = err.message; }
  var id = PropertiesService.getUserProperties().getProperty('clock:' + e.triggerUid);
  var ss = SpreadsheetApp.openById(id);
  ss.getSheets()[0].getRange('A1').setValue('tick');
  remember({
    uid: e.triggerUid,
    activeSpreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    active: SpreadsheetApp.getActive(),
    activeSheet: SpreadsheetApp.getActiveSheet(),
    documentProperties: PropertiesService.getDocumentProperties(),
    documentLock: LockService.getDocumentLock(),
    documentCache: CacheService.getDocumentCache(),
    scriptLock: LockService.getScriptLock().tryLock(1000),
    ui: ui,
    opened: ss.getName(),
    project: ScriptApp.getProjectTriggers().length,
    mine: ScriptApp.getUserTriggers(ss).map(function (t) { return t.getUniqueId(); }),
  });
}
function replaceFromClock(e) {
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getUniqueId() === e.triggerUid) ScriptApp.deleteTrigger(t);
  });
  ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(7).create();
}
function installReplacing() { ScriptApp.newTrigger('replaceFromClock').timeBased().everyHours(1).create(); }
function here() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    name: ss.getName(),
    property: PropertiesService.getDocumentProperties().getProperty('name'),
    lock: LockService.getDocumentLock().tryLock(1000),
    project: ScriptApp.getProjectTriggers().length,
    mine: ScriptApp.getUserTriggers(ss).length,
  };
}
function deleteAllProjectTriggers() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function deleteMyTriggersHere() {
  ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function takeDocumentLock() { return LockService.getDocumentLock().tryLock(0); }
function openName(id) { return SpreadsheetApp.openById(id).getName(); }
function openNameByUrl(url) { return SpreadsheetApp.openByUrl(url).getName(); }
function urlOf() { return SpreadsheetApp.getActiveSpreadsheet().getUrl(); }
`;

async function twoFiles(): Promise<{ first: Workspace; second: Workspace }> {
  const first = await openWorkspace({ distDir: fakeAddonDist(CODE), now: NOW, user: DEMO_USERS.methodologist });
  const second = first.openOtherSpreadsheet('Школа № 5');
  return { first, second };
}

const recorded = (ws: Workspace) => seenInLog<Record<string, unknown>>(ws);

describe('a time-driven run of an add-on has no document', () => {
  test('no active spreadsheet or sheet, no document properties, lock or cache, no Ui; openById works', async () => {
    const { first, second } = await twoFiles();
    const uid = second.run('install') as string;
    const runs = first.advanceTo('2026-11-25T10:30:00+03:00');
    expect(runs).toEqual([expect.objectContaining({ triggerId: uid, ok: true })]);
    const [run] = recorded(first);
    expect(run).toEqual({
      uid,
      activeSpreadsheet: null,
      active: null,
      activeSheet: null,
      documentProperties: null,
      documentLock: null,
      documentCache: null,
      scriptLock: true,
      ui: 'Cannot call SpreadsheetApp.getUi() from this context.',
      opened: 'Школа № 5',
      project: 1,
      mine: [uid],
    });
    // It wrote into the file it opened by id, not into the first one.
    expect(second.values(second.sheetNames()[0])).toEqual([['tick']]);
    expect(first.values(first.sheetNames()[0])).toEqual([]);
  });

  test('a trigger it creates belongs to its trigger’s document (one clock trigger per document still)', async () => {
    const { first, second } = await twoFiles();
    second.run('installReplacing');
    expect(first.advanceTo('2026-11-25T10:30:00+03:00')[0].ok).toBe(true);
    expect(second.triggers()).toEqual([expect.objectContaining({ handler: 'tick', eventType: 'CLOCK' })]);
    expect(second.triggerRegistry.triggers[0].documentId).toBe(second.id);
    expect(() => second.run('install')).toThrow(oneTriggerPerType('CLOCK'));
  });
});

describe('two spreadsheets of one user', () => {
  test('menus, document properties and locks are per file; openById/openByUrl reach the other one', async () => {
    const { first, second } = await twoFiles();
    expect(second.menu()).toEqual([{ caption: 'Пункт', fn: 'menuItem' }]);
    expect(second.id).not.toBe(first.id);
    first.run('install');
    second.run('install');
    expect(first.run('here')).toEqual(expect.objectContaining({ name: first.model.name, property: first.model.name }));
    expect(second.run('here')).toEqual(expect.objectContaining({ name: 'Школа № 5', property: 'Школа № 5' }));
    expect(first.run('openName', second.id)).toBe('Школа № 5');
    expect(first.run('openNameByUrl', second.run('urlOf'))).toBe('Школа № 5');
    expect(() => first.run('openName', 'no-such-id')).toThrow(/openById/);
  });

  test('the document lock of one file does not block the other', async () => {
    const { first, second } = await twoFiles();
    // An unfinished execution in the first file holds its document lock.
    const holder = first.env.beginExecution('takeDocumentLock', { user: first.user });
    holder.documentId = first.id;
    first.env.switchTo(holder);
    expect(first.run('takeDocumentLock')).toBe(true);
    first.env.switchTo(null);
    expect(second.run('here')).toEqual(expect.objectContaining({ lock: true }));
    expect(first.run('here')).toEqual(expect.objectContaining({ lock: false }));
    first.env.endExecution(holder);
    expect(first.run('here')).toEqual(expect.objectContaining({ lock: true }));
  });

  test('one clock trigger per user per document; getProjectTriggers sees both files, getUserTriggers one', async () => {
    const { first, second } = await twoFiles();
    first.run('install');
    second.run('install');
    expect(() => first.run('install', 2)).toThrow(oneTriggerPerType('CLOCK'));
    expect(first.run('here')).toEqual(expect.objectContaining({ project: 2, mine: 1 }));
    expect(second.run('here')).toEqual(expect.objectContaining({ project: 2, mine: 1 }));
    // Clearing "my triggers here" keeps the other file's; clearing the project's removes both.
    first.run('deleteMyTriggersHere');
    expect(second.triggers().map((t) => t.id)).toHaveLength(1);
    expect(second.run('here')).toEqual(expect.objectContaining({ project: 1, mine: 1 }));
    second.run('deleteAllProjectTriggers');
    expect(first.triggers()).toEqual([]);
  });

  test('another user sees none of these triggers', async () => {
    const { first, second } = await twoFiles();
    first.run('install');
    second.run('install');
    first.setUser(DEMO_USERS.staff);
    expect(first.run('here')).toEqual(expect.objectContaining({ project: 0, mine: 0 }));
  });
});
