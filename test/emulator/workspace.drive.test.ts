/**
 * DocumentApp, DriveApp and MimeType wired into a Workspace: a tiny fake add-on builds a template,
 * copies and fills it, exports a PDF; drive.json persistence; ws.files()/docText(); time-driven
 * triggers through ws.advanceTo(); fault injection with ws.failAt().
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOC_CLOSED } from '../../emulator/docs/context';
import { currentGeneration } from '../../emulator/persistence/workspaceStore';
import { DEMO_USERS, openWorkspace, type Workspace } from '../../workspace/workspace';
import { fakeAddonDist, seenInLog } from './formsFixture';

const NOW = '2026-11-25T09:00:00+03:00';
const PERIOD = 'Наставничество 2026–2027';

const CODE = `
// Module state does not outlive an execution (as in Apps Script): what handlers saw goes to the log.
function remember(entry) { console.log('seen ' + JSON.stringify(entry)); }
function onOpen(e) {}
function buildTemplate() {
  var period = DriveApp.createFolder('${PERIOD}');
  var templates = period.createFolder('Шаблоны');
  var orders = period.createFolder('Приказы');
  var doc = DocumentApp.create('Шаблон приказа');
  var body = doc.getBody();
  body.appendParagraph('ПРИКАЗ № {{номер}}').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph('Школа: {{школа}}');
  body.appendTable([['Наставник', 'Наставляемый'], ['{{наставник}}', '{{наставляемый}}']]);
  body.getChild(0).removeFromParent();
  var id = doc.getId();
  doc.saveAndClose();
  DriveApp.getFileById(id).moveTo(templates);
  PropertiesService.getScriptProperties().setProperties({ template: id, orders: orders.getId() });
  return id;
}
function makeOrder(number, pdf) {
  var props = PropertiesService.getScriptProperties();
  var folder = DriveApp.getFolderById(props.getProperty('orders'));
  var copy = DriveApp.getFileById(props.getProperty('template')).makeCopy('Приказ № ' + number, folder);
  var doc = DocumentApp.openById(copy.getId());
  var body = doc.getBody();
  body.replaceText('\\\\{\\\\{номер\\\\}\\\\}', number);
  body.replaceText('{{школа}}', 'МБОУ СОШ № 2');
  var table = body.getTables()[0];
  var row = table.insertTableRow(2, table.getRow(1).copy());
  row.replaceText('{{наставник}}', 'Иванова М. П.').replaceText('{{наставляемый}}', 'Петров А. А.');
  table.removeRow(1);
  doc.saveAndClose();
  if (pdf) folder.createFile(DriveApp.getFileById(copy.getId()).getAs(MimeType.PDF));
  return copy.getId();
}
function makeOrders(n) {
  var ids = [];
  for (var i = 1; i <= n; i++) ids.push(makeOrder(String(i), false));
  return ids;
}
function useAfterClose() {
  var doc = DocumentApp.openById(PropertiesService.getScriptProperties().getProperty('template'));
  var body = doc.getBody();
  doc.saveAndClose();
  return body.getText();
}
function installEvery2h() {
  ScriptApp.newTrigger('tick').timeBased().everyHours(2).create();
}
function installAfter3h() {
  ScriptApp.newTrigger('tick').timeBased().after(3 * 3600 * 1000).create();
}
function tick(e) {
  remember({
    keys: Object.keys(e).sort(),
    isFull: e.authMode === ScriptApp.AuthMode.FULL,
    uid: e.triggerUid,
    hour: e.hour,
    dow: e['day-of-week'],
    dom: e['day-of-month'],
    month: e.month,
    year: e.year,
    week: e['week-of-year'],
    tz: e.timezone,
    user: Session.getActiveUser().getEmail(),
    at: new Date().toISOString()
  });
  if (Session.getActiveUser().getEmail() === '${DEMO_USERS.teacher}') throw new Error('обработчик упал');
}
`;

async function workspace(dir?: string, distDir = fakeAddonDist(CODE)): Promise<Workspace> {
  return openWorkspace({ dir, distDir, now: NOW, user: DEMO_USERS.methodologist });
}

describe('the add-on builds, copies, fills and exports Docs', () => {
  test('files() lists the tree by path; docText() shows the filled copy; the template stays as it was', async () => {
    const ws = await workspace();
    const templateId = ws.run('buildTemplate') as string;
    const orderId = ws.run('makeOrder', '17', true) as string;
    expect(ws.files().map((f) => [f.path, f.name, f.mimeType])).toEqual([
      ['', PERIOD, 'application/vnd.google-apps.folder'],
      [PERIOD, 'Приказы', 'application/vnd.google-apps.folder'],
      [PERIOD, 'Шаблоны', 'application/vnd.google-apps.folder'],
      [`${PERIOD}/Приказы`, 'Приказ № 17', 'application/vnd.google-apps.document'],
      [`${PERIOD}/Приказы`, 'Приказ № 17.pdf', 'application/pdf'],
      [`${PERIOD}/Шаблоны`, 'Шаблон приказа', 'application/vnd.google-apps.document'],
    ]);
    const order = ws.files().find((f) => f.id === orderId)!;
    expect(order.url).toBe(`https://docs.google.com/document/d/${orderId}/edit?usp=drivesdk`);
    expect(ws.docText(orderId)).toBe(
      'ПРИКАЗ № 17\nШкола: МБОУ СОШ № 2\nНаставник\tНаставляемый\nИванова М. П.\tПетров А. А.\n',
    );
    expect(ws.docText(templateId)).toContain('{{наставник}}');
    expect(ws.docModel(orderId)!.body[0]).toMatchObject({ heading: 'HEADING1' });
    const pdf = ws.files().find((f) => f.mimeType === 'application/pdf')!;
    expect(ws.fileNode(pdf.id)!.pdfOf!.id).toBe(orderId);
    expect(ws.fileNode('nope')).toBeNull();
    expect(ws.docModel('nope')).toBeNull();
    expect(() => ws.docText('nope')).toThrow(/Нет документа Google с id «nope»/);
  });

  test('the add-on’s calls are counted, a person’s documentApp()/driveApp() calls are not', async () => {
    const ws = await workspace();
    ws.run('buildTemplate');
    ws.resetCalls();
    ws.run('makeOrder', '1', false);
    const byMethod = ws.calls().byMethod;
    expect(byMethod['File.makeCopy']).toBe(1);
    expect(byMethod['DocumentApp.openById']).toBe(1);
    expect(byMethod['Body.replaceText']).toBe(2);
    expect(byMethod['Document.saveAndClose']).toBe(1);
    ws.resetCalls();
    const id = ws.files().find((f) => f.name === 'Шаблон приказа')!.id;
    const doc = ws.documentApp().openById(id);
    doc.getBody().appendParagraph('Правка методиста').setHeading(ws.documentApp().ParagraphHeading.HEADING2);
    doc.saveAndClose();
    const root = ws.driveApp().getRootFolder();
    expect(root.getFolders().next().getName()).toBe(PERIOD);
    expect(ws.calls()).toEqual({ total: 0, byMethod: {}, simulatedMs: 0 });
    expect(ws.docText(id).endsWith('Правка методиста')).toBe(true);
    expect(() => doc.getBody()).toThrow(DOC_CLOSED);
  });

  test('a Document used after saveAndClose fails the script with Docs’ message', async () => {
    const ws = await workspace();
    ws.run('buildTemplate');
    expect(() => ws.run('useAfterClose')).toThrow(DOC_CLOSED);
  });

  test('drive.json: saved atomically with the workspace and loaded on open', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drive-ws-'));
    const dist = fakeAddonDist(CODE);
    const ws = await workspace(dir, dist);
    ws.run('buildTemplate');
    const orderId = ws.run('makeOrder', '5', true) as string;
    await ws.save();
    const file = path.join(currentGeneration(dir)!.path, 'drive.json');
    expect(existsSync(file)).toBe(true);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(saved.docs)).toHaveLength(2);
    const again = await workspace(dir, dist);
    expect(again.files()).toEqual(ws.files());
    expect(again.docText(orderId)).toBe(ws.docText(orderId));
    expect(again.drive.nextId).toBe(ws.drive.nextId);
    // The reopened drive keeps working: new ids do not collide, the add-on finds its folders.
    const next = again.run('makeOrder', '6', false) as string;
    expect(ws.files().some((f) => f.id === next)).toBe(false);
    expect(
      again
        .files()
        .filter((f) => f.path === `${PERIOD}/Приказы`)
        .map((f) => f.name),
    ).toEqual(['Приказ № 5', 'Приказ № 5.pdf', 'Приказ № 6']);
  });
});

describe('advanceTo runs time-driven triggers', () => {
  test('everyHours and after triggers fire in time order, each with the time-driven event object', async () => {
    const ws = await workspace();
    ws.run('installEvery2h'); // 11:00, 13:00, 15:00 … Moscow
    ws.setUser(DEMO_USERS.staff);
    ws.advance(30 * 60 * 1000);
    ws.run('installAfter3h'); // once, at 12:30 + charged latency
    ws.setUser(DEMO_USERS.methodologist);
    const [every, after] = ws.triggers();
    const runs = ws.advanceTo('2026-11-25T14:00:00+03:00');
    expect(runs.map((r) => [r.triggerId, r.handler, r.ok])).toEqual([
      [every.id, 'tick', true],
      [after.id, 'tick', true],
      [every.id, 'tick', true],
    ]);
    // Two hours after creation (09:00 plus a few ms of charged latency).
    const late = runs[0].atMs - Date.parse('2026-11-25T11:00:00+03:00');
    expect(late >= 0 && late < 1000).toBe(true);
    expect(runs.map((r) => r.atMs)).toEqual([...runs.map((r) => r.atMs)].sort((a, b) => a - b));
    expect(ws.env.now()).toBe(Date.parse('2026-11-25T14:00:00+03:00'));
    const ticks = seenInLog<Record<string, unknown>>(ws);
    expect(ticks).toHaveLength(3);
    expect(ticks[0]).toMatchObject({
      keys: [
        'authMode',
        'day-of-month',
        'day-of-week',
        'hour',
        'minute',
        'month',
        'second',
        'timezone',
        'triggerUid',
        'week-of-year',
        'year',
      ],
      isFull: true,
      uid: every.id,
      hour: 8,
      dow: 3,
      dom: 25,
      month: 11,
      year: 2026,
      week: 48,
      tz: 'UTC',
      user: DEMO_USERS.methodologist,
    });
    expect(ticks[1]).toMatchObject({ uid: after.id, user: DEMO_USERS.staff });
    // The one-off fired once; the next run of the other is due at 15:00.
    expect(ws.advanceTo('2026-11-25T14:30:00+03:00')).toEqual([]);
    expect(ws.advanceTo('2026-11-25T15:30:00+03:00').map((r) => r.triggerId)).toEqual([every.id]);
  });

  test('a failing handler is recorded, not thrown; the clock cannot go back', async () => {
    const ws = await workspace();
    ws.setUser(DEMO_USERS.teacher);
    ws.run('installEvery2h');
    ws.setUser(DEMO_USERS.methodologist);
    const runs = ws.advanceTo('2026-11-25T13:30:00+03:00');
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => !r.ok && r.error === 'обработчик упал')).toBe(true);
    expect(ws.logs.entries.filter((e) => e.level === 'error')).toHaveLength(2);
    expect(() => ws.advanceTo('2026-11-25T12:00:00+03:00')).toThrow(/cannot go back/);
  });
});

describe('failAt: a crash at the nth call', () => {
  test('the second File.makeCopy throws inside the script, once', async () => {
    const ws = await workspace();
    ws.run('buildTemplate');
    ws.failAt('File.makeCopy', 2);
    expect(() => ws.run('makeOrders', 3)).toThrow('Exceeded maximum execution time');
    const orders = () =>
      ws
        .files()
        .filter((f) => f.path === `${PERIOD}/Приказы`)
        .map((f) => f.name);
    expect(orders()).toEqual(['Приказ № 1']);
    expect((ws.run('makeOrders', 2) as string[]).length).toBe(2);
    expect(orders()).toEqual(['Приказ № 1', 'Приказ № 1', 'Приказ № 2']);
  });

  test('a custom message, counted from now, on Document.saveAndClose', async () => {
    const ws = await workspace();
    ws.run('buildTemplate');
    ws.run('makeOrder', '1', false);
    ws.failAt('Document.saveAndClose', 1, 'Сервис Документов недоступен');
    expect(() => ws.run('makeOrder', '2', false)).toThrow('Сервис Документов недоступен');
    // The copy exists and was filled up to the failing call, as in Docs (edits are not rolled back).
    const second = ws.files().find((f) => f.name === 'Приказ № 2')!;
    expect(ws.docText(second.id)).toContain('Иванова М. П.');
    expect(() => ws.run('makeOrder', '3', false)).not.toThrow();
  });
});
