/**
 * The manifest's oauthScopes are enforced per method (services/authorization.ts, table generated from
 * Google's reference into core/methodScopes.json): a call none of whose accepted scopes is granted fails
 * with Apps Script's "Specified permissions are not sufficient to call …" (emulator/RULES.md §2).
 */
import { Env, type Manifest } from '../../emulator/core/env';
import { gasObject } from '../../emulator/core/gasObject';
import { createDocumentApp } from '../../emulator/docs/documentApp';
import { createDriveApp } from '../../emulator/drive/driveApp';
import { newDriveModel } from '../../emulator/drive/store';
import { AddonRuntime } from '../../emulator/runtime';
import { createUtilities } from '../../emulator/services/utilities';
import { newSpreadsheetModel } from '../../emulator/spreadsheet/model';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';

const AUTH = 'https://www.googleapis.com/auth/';
const NOW = '2026-11-25T12:00:00+03:00';

function manifest(...scopes: string[]): Manifest {
  return { oauthScopes: scopes.map((s) => AUTH + s), advancedServices: [] };
}

function services(granted: Manifest | null) {
  const env = new Env({ now: NOW });
  if (granted) env.manifest = granted;
  const drive = newDriveModel();
  return {
    env,
    DriveApp: createDriveApp(env, drive),
    DocumentApp: createDocumentApp(env, drive),
    SpreadsheetApp: createSpreadsheetApp(env, newSpreadsheetModel()),
    Utilities: createUtilities(env),
  };
}

/** The error `fn` throws (the test fails if it throws none). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to be refused');
}

describe('Drive under drive.file only: DriveApp never accepts it', () => {
  test('DriveApp.createFolder is refused with the scope it needs', () => {
    const { DriveApp } = services(manifest('drive.file', 'documents'));
    const error = thrown(() => DriveApp.createFolder('Наставничество'));
    expect(error.message).toBe(
      `Specified permissions are not sufficient to call DriveApp.createFolder. Required permissions: ${AUTH}drive`,
    );
    expect(error.name).toBe('Exception');
  });

  test('a method that accepts several scopes lists them in parentheses, joined by " || "', () => {
    const { DriveApp } = services(manifest('drive.file'));
    expect(() => DriveApp.getRootFolder()).toThrow(
      `Specified permissions are not sufficient to call DriveApp.getRootFolder. Required permissions: (${AUTH}drive.readonly || ${AUTH}drive)`,
    );
  });

  test('an instance method is named by its class alone, as Google prints Ui.showSidebar: File.makeCopy', () => {
    const { env, DriveApp } = services(null);
    const file = DriveApp.createFile('план.txt', 'текст');
    env.manifest = manifest('drive.file');
    expect(() => file.makeCopy()).toThrow(
      `Specified permissions are not sufficient to call File.makeCopy. Required permissions: ${AUTH}drive`,
    );
  });

  test('with the drive scope the same calls work', () => {
    const { DriveApp } = services(manifest('drive'));
    expect(DriveApp.createFolder('Наставничество').getName()).toBe('Наставничество');
    expect(DriveApp.getRootFolder().getName()).toBe('My Drive');
  });
});

describe('Spreadsheets', () => {
  test('Range.getValues accepts spreadsheets.currentonly or spreadsheets, either one', () => {
    for (const scope of ['spreadsheets.currentonly', 'spreadsheets']) {
      const { SpreadsheetApp } = services(manifest(scope));
      expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').getValues()).toEqual([['']]);
    }
  });

  test('without either, the active spreadsheet itself is refused', () => {
    const { SpreadsheetApp } = services(manifest('forms'));
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      `Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${AUTH}spreadsheets.currentonly || ${AUTH}spreadsheets)`,
    );
  });

  test('SpreadsheetApp.openById needs spreadsheets: currentonly is not enough', () => {
    const current = services(manifest('spreadsheets.currentonly'));
    const id = current.SpreadsheetApp.getActiveSpreadsheet().getId();
    expect(() => current.SpreadsheetApp.openById(id)).toThrow(
      `Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: ${AUTH}spreadsheets`,
    );
    const full = services(manifest('spreadsheets'));
    const fullId = full.SpreadsheetApp.getActiveSpreadsheet().getId();
    expect(full.SpreadsheetApp.openById(fullId).getId()).toBe(fullId);
  });
});

describe('what is not refused', () => {
  test('no oauthScopes in the manifest: nothing is refused', () => {
    const { DriveApp, SpreadsheetApp } = services({ oauthScopes: null, advancedServices: [] });
    expect(DriveApp.createFolder('Папка').getName()).toBe('Папка');
    const id = SpreadsheetApp.getActiveSpreadsheet().getId();
    expect(SpreadsheetApp.openById(id).getId()).toBe(id);
  });

  test('methods the reference gives no scope need none (Utilities), even with an empty list', () => {
    const { Utilities } = services(manifest());
    expect(Utilities.formatDate(new Date(0), 'UTC', 'yyyy')).toBe('1970');
  });

  test("the emulator's own calls inside a method are not checked: DocumentApp.create under documents alone", () => {
    const { DocumentApp } = services(manifest('documents'));
    expect(DocumentApp.create('Приказ').getName()).toBe('Приказ');
  });

  test('a class the reference does not know (an unqualified name, the Advanced Drive service) is not refused', () => {
    const env = new Env({ now: NOW });
    env.manifest = manifest();
    const files = gasObject(env, 'Files', { create: () => 'created' });
    expect(files.create()).toBe('created');
  });
});

test('a refusal inside the add-on is an Error of its realm, catchable by the script', () => {
  const env = new Env({ now: NOW });
  env.manifest = manifest('drive.file');
  const drive = newDriveModel();
  const code = `function tryFolder() {
    try { DriveApp.createFolder('x'); return 'created'; }
    catch (e) { return [e instanceof Error, e.message]; }
  }`;
  const rt = new AddonRuntime(env, code, { DriveApp: createDriveApp(env, drive) });
  expect(rt.call('tryFolder', [])).toEqual([
    true,
    `Specified permissions are not sufficient to call DriveApp.createFolder. Required permissions: ${AUTH}drive`,
  ]);
});

test('the call log keeps the class alone; calledMethods() keeps every qualified method across resets', () => {
  const { env, SpreadsheetApp } = services(manifest('spreadsheets'));
  SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').getValues();
  expect(env.calls.summary().byMethod['Range.getValues']).toBe(1);
  env.calls.reset();
  expect(env.calls.summary().total).toBe(0);
  expect(env.calls.calledMethods()).toEqual(
    expect.arrayContaining([
      'Spreadsheet.Range.getValues',
      'Spreadsheet.Sheet.getRange',
      'Spreadsheet.SpreadsheetApp.getActiveSpreadsheet',
    ]),
  );
});
