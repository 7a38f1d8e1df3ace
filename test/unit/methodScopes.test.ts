/**
 * emulator/core/methodScopes.json is generated from Google's reference (gas-types-detailed) by
 * scripts/generateScopes.mjs: regenerating must give the committed file byte for byte, so nobody edits it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const committed = readFileSync(path.join(ROOT, 'emulator/core/methodScopes.json'), 'utf8');
const table = (JSON.parse(committed) as { methods: Record<string, string[]> }).methods;
const AUTH = 'https://www.googleapis.com/auth/';

test('the committed table is what the generator writes today', () => {
  // Jest runs CommonJS; the generator is an ES module.
  const regenerated = execFileSync(process.execPath, [path.join(ROOT, 'scripts/generateScopes.mjs'), '--stdout'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(regenerated === committed).toBe(true);
});

test('methods carry the scopes of their «Authorization» section, in the reference order', () => {
  expect(table['Drive.DriveApp.createFolder']).toEqual([`${AUTH}drive`]);
  expect(table['Drive.DriveApp.getFileById']).toEqual([`${AUTH}drive.readonly`, `${AUTH}drive`]);
  expect(table['Spreadsheet.Range.getValues']).toEqual([`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`]);
  expect(table['Spreadsheet.SpreadsheetApp.openById']).toEqual([`${AUTH}spreadsheets`]);
  expect(table['Base.Ui.showSidebar']).toEqual([`${AUTH}script.container.ui`]);
  expect(table['Mail.MailApp.sendEmail']).toEqual([`${AUTH}script.send_mail`]);
});

test('methods without an «Authorization» section need no scope; advanced services are left out', () => {
  expect(table['Utilities.Utilities.formatDate']).toEqual([]);
  expect(table['Base.Ui.createAddonMenu']).toEqual([]);
  expect(Object.keys(table).some((key) => key.startsWith('Drive_v3.') || key.startsWith('Drive.Files.'))).toBe(false);
});

test('overloads are merged and inherited members are listed on the subclass (Body extends Element)', () => {
  // appendParagraph(String) and appendParagraph(Paragraph): one entry.
  expect(table['Document.Body.appendParagraph']).toEqual([`${AUTH}documents.currentonly`, `${AUTH}documents`]);
  expect(table['Document.Body.asParagraph']).toEqual(table['Document.Element.asParagraph']);
});

test('the globals a script sees are listed with their class', () => {
  const globals = (JSON.parse(committed) as { globals: Record<string, string> }).globals;
  expect(globals.DriveApp).toBe('Drive.DriveApp');
  expect(globals.SpreadsheetApp).toBe('Spreadsheet.SpreadsheetApp');
  expect(globals.Session).toBe('Base.Session');
});
