/**
 * Every service method the built add-on calls is covered by the scopes appsscript.json asks for.
 * The demo school is seeded twice (November: documents, reminders; May: monitoring, news, the
 * analytical report), the sidebar and menu calls are made and the clock trigger runs; the bundle runs
 * from a copy of dist/ whose manifest has no scopes list (nothing refused), so one missing scope does
 * not hide the methods called after it. Then each method called (ws.calledMethods(), never reset) is
 * looked up in the table generated from Google's reference (emulator/core/methodScopes.json).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace, type Workspace } from '../../workspace/workspace';
import { MAY, NOW } from './workspace';
import { api } from './api';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const REFERENCE = JSON.parse(readFileSync(path.join(ROOT, 'emulator/core/methodScopes.json'), 'utf8')) as {
  globals: Record<string, string>;
  methods: Record<string, string[]>;
};
const MANIFEST = JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string }> };
};
const GRANTED = MANIFEST.oauthScopes;
/** Advanced services (Drive API v3 as `Drive`…) check their own scopes; their calls are named after them. */
const ADVANCED = (MANIFEST.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol);

/** dist/ as built, with the manifest's scopes list removed so that no call is refused. */
function distWithoutScopesList(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dist-unscoped-'));
  for (const file of ['Code.js', 'Sidebar.html']) copyFileSync(path.join(DIST, file), path.join(dir, file));
  const { oauthScopes: _dropped, ...rest } = MANIFEST;
  writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(rest));
  return dir;
}

/** What the staff do with the sidebar and the menu. */
function useSidebarAndMenu(ws: Workspace): void {
  ws.run('onInstall', {});
  for (const fn of [
    'getSetupDefaults',
    'getProgress',
    'getFormLinks',
    'getDocumentsView',
    'listProgramPairs',
    'getYearView',
    'getMyPair',
    'menuShowMyPair',
    'menuShowProgress',
    'menuShowPairing',
    'menuShowDocuments',
    'menuShowPrograms',
    'menuShowYear',
    'menuShowForms',
    'menuRefreshSummary',
    'menuReplayResponses',
  ]) {
    ws.run(fn);
  }
  ws.run('proposePairs', {});
  ws.run('previewDocuments', 'analyticalReport');
  const [pair] = api(ws, 'listProgramPairs');
  ws.run('getProgramDraft', pair.pairId);
  const settings = ws.values('Настройки')!;
  const row = settings.findIndex((r) => r[0] === 'Адреса для рассылки ссылок') + 1 || settings.length + 1;
  ws.edit('Настройки', `A${row}:B${row}`, [['Адреса для рассылки ссылок', 'zavuch@school2.example']]);
  ws.run('sendFormLinks');
}

let called: string[] = [];

beforeAll(async () => {
  const distDir = distWithoutScopesList();
  const november = await openWorkspace({ demo: true, now: NOW, distDir });
  useSidebarAndMenu(november);
  // A batch left for the hourly trigger, then the next morning's reminders. A new director first:
  // every statement is made again, so the batch spans several calls (unchanged drafts are left as they are).
  november.run('setupSchoolYear', { director: 'Сидорова Нина Ивановна' });
  november.run('generateDocuments', { kind: 'consentPersonalData' });
  const runs = november.advanceTo('2026-11-26T08:00:00+03:00');
  expect(runs.length).toBeGreaterThan(1);
  expect(runs.every((r) => r.ok)).toBe(true);
  const may = await openWorkspace({ demo: true, now: MAY, distDir });
  useSidebarAndMenu(may);
  may.advanceTo('2027-05-15T08:00:00+03:00');
  called = [...new Set([...november.calledMethods(), ...may.calledMethods()])].sort();
}, 300000);

/** An advanced service's call ("advanced:Drive.Files.copy"): its fake checks the API's own scopes. */
function isAdvanced(method: string): boolean {
  const m = /^advanced:(\w+)\./.exec(method);
  return m !== null && ADVANCED.includes(m[1]);
}

/** "File.makeCopy" as Apps Script names it in its messages. */
function shortName(method: string): string {
  return method.split('.').slice(-2).join('.');
}

test('the walk reaches every service the add-on uses', () => {
  expect(called).toEqual(
    expect.arrayContaining([
      'Spreadsheet.Range.getValues',
      'Spreadsheet.SpreadsheetApp.getActiveSpreadsheet',
      'Forms.FormApp.create',
      'Document.Body.replaceText',
      'Mail.MailApp.sendEmail',
      'Script.ScriptApp.newTrigger',
      'Base.Ui.showSidebar',
      'Lock.LockService.getDocumentLock',
      'Properties.PropertiesService.getDocumentProperties',
    ]),
  );
});

test("every method called is in Google's reference (or belongs to an advanced service)", () => {
  const unknown = called.filter((m) => !(m in REFERENCE.methods) && !isAdvanced(m));
  expect(unknown).toEqual([]);
});

test('the manifest grants a scope every method called accepts', () => {
  const rows = called
    .filter((m) => m in REFERENCE.methods)
    .map((m) => {
      const accepted = REFERENCE.methods[m];
      const grantedBy = accepted.filter((s) => GRANTED.includes(s));
      const status = accepted.length === 0 ? 'no scope' : grantedBy.length ? 'granted' : 'MISSING';
      return { method: m, status, accepted: accepted.map((s) => s.replace('https://www.googleapis.com/auth/', '')) };
    });
  console.log(
    [`${called.length} methods called; scopes accepted (any one suffices):`]
      .concat(rows.map((r) => `${r.status.padEnd(8)} ${r.method.padEnd(58)} ${r.accepted.join(' | ')}`))
      .join('\n'),
  );
  const missing = rows
    .filter((r) => r.status === 'MISSING')
    .map((r) => `${shortName(r.method)} needs ${r.accepted.join(' or ')}`);
  expect(missing).toEqual([]);
});

test('every Apps Script global the bundle calls a method of is covered (static scan of dist/Code.js)', () => {
  const code = readFileSync(path.join(DIST, 'Code.js'), 'utf8');
  const missing: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const [global, className] of Object.entries(REFERENCE.globals)) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w.$])${global}\\.(\\w+)\\s*\\(`, 'g'))) {
      const method = `${className}.${m[1]}`;
      seen.add(global);
      const accepted = REFERENCE.methods[method];
      if (!accepted) unknown.push(`${global}.${m[1]}`);
      else if (accepted.length && !accepted.some((s) => GRANTED.includes(s))) missing.push(`${global}.${m[1]}`);
    }
  }
  expect([...seen].sort()).toEqual(expect.arrayContaining(['DocumentApp', 'FormApp', 'MailApp', 'ScriptApp']));
  expect(unknown).toEqual([]);
  expect([...new Set(missing)].sort()).toEqual([]);
});
