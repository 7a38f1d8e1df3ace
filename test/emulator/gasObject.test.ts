/**
 * The fakes' guard (emulator/core/gasObject.ts): a script can neither set properties on the objects the
 * services hand it nor read their private (`_`-prefixed) state, as gas-fakes guards its fakes.
 */
import { Env } from '../../emulator/core/env';
import { AddonRuntime } from '../../emulator/runtime';
import { createHtmlService } from '../../emulator/services/html';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';
import { newSpreadsheetModel } from '../../emulator/spreadsheet/model';

const CODE = `
function addToService() { SpreadsheetApp.cache = {}; return SpreadsheetApp.cache; }
function patchRange() {
  var range = SpreadsheetApp.getActiveSheet().getRange('A1');
  range.getValues = function () { return [['patched']]; };
  return range.getValues()[0][0];
}
function readTemplateSource() { return HtmlService.createTemplate('<p>hi</p>')._source; }
function moveClockThroughTemplate() { HtmlService.createTemplate('x')._env.clockMs = 0; return new Date().getTime(); }
function setPrivate() { HtmlService.createTemplate('x')._source = '<p>evil</p>'; }
function absentPrivate() { return typeof SpreadsheetApp.getActiveSheet()._whatever; }
function templateVariables() {
  var t = HtmlService.createTemplate('<p><?= name ?></p>');
  t.name = 'Аня';
  return t.evaluate().getContent();
}
`;

function runtime() {
  const env = new Env({ now: '2026-11-25T10:00:00+03:00' });
  const services = {
    SpreadsheetApp: createSpreadsheetApp(env, newSpreadsheetModel()),
    HtmlService: createHtmlService(env, { filesDir: __dirname }),
  };
  return new AddonRuntime(env, CODE, services);
}

describe('the script cannot change or look inside the fakes', () => {
  test('setting an unknown property on a service throws, as on an object that takes no new properties', () => {
    expect(() => runtime().call('addToService', [])).toThrow(
      'TypeError: Cannot add property cache, object is not extensible',
    );
  });

  test("replacing a fake's method throws", () => {
    expect(() => runtime().call('patchRange', [])).toThrow(
      "TypeError: Cannot assign to read only property 'getValues' of object 'Range'",
    );
  });

  test("reading a fake's private state throws", () => {
    const rt = runtime();
    const message = "TypeError: HtmlTemplate._source is the emulator's private state, not part of Apps Script";
    expect(() => rt.call('readTemplateSource', [])).toThrow(message);
    expect(() => rt.call('setPrivate', [])).toThrow(message);
    expect(() => rt.call('moveClockThroughTemplate', [])).toThrow('HtmlTemplate._env');
  });

  test('a `_` name the fake does not have reads as undefined; template variables are still set', () => {
    const rt = runtime();
    expect(rt.call('absentPrivate', [])).toBe('undefined');
    expect(rt.call('templateVariables', [])).toBe('<p>Аня</p>');
  });
});
