import { Env } from '../../emulator/core/env';
import {
  AuthMode,
  createScriptApp,
  EVERY_HOURS_INVALID,
  HOUR_MS,
  oneTriggerPerType,
  TOO_MANY_TRIGGERS,
  TRIGGER_NOT_FOUND,
  TRIGGER_OTHER_DOCUMENT,
  TRIGGER_TOO_FREQUENT,
  TriggerRegistry,
} from '../../emulator/services/script';

const NOW = '2026-11-25T12:00:00+03:00';

function setup() {
  const env = new Env({ now: NOW, user: 'a@school.example' });
  env.chargeLatency = false;
  const registry = new TriggerRegistry();
  const ScriptApp = createScriptApp(env, registry, { documentId: 'ss1' });
  const ss = { getId: () => 'ss1' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const other = { getId: () => 'ss2' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return { env, registry, ScriptApp, ss, other };
}

describe('ScriptApp triggers', () => {
  it('creates a form-submit trigger with the documented getters', () => {
    const { ScriptApp, ss, registry } = setup();
    const t = ScriptApp.newTrigger('onFormSubmitHandler').forSpreadsheet(ss).onFormSubmit().create();
    expect(t.getHandlerFunction()).toBe('onFormSubmitHandler');
    expect(t.getEventType()).toBe(ScriptApp.EventType.ON_FORM_SUBMIT);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(t.getTriggerSourceId()).toBe('ss1');
    expect(t.getUniqueId()).toMatch(/^\d+$/);
    expect(registry.forEvent('ON_FORM_SUBMIT', 'ss1').map((r) => r.id)).toEqual([t.getUniqueId()]);
  });

  it('allows one trigger of each type per user per document; another user may have one', () => {
    const { env, ScriptApp, ss, registry } = setup();
    ScriptApp.newTrigger('a').forSpreadsheet(ss).onFormSubmit().create();
    expect(() => ScriptApp.newTrigger('b').forSpreadsheet(ss).onFormSubmit().create()).toThrow(
      oneTriggerPerType('ON_FORM_SUBMIT'),
    );
    ScriptApp.newTrigger('c').forSpreadsheet(ss).onEdit().create(); // another type is fine
    ScriptApp.newTrigger('d').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('e').timeBased().everyDays(1).atHour(8).create()).toThrow(
      oneTriggerPerType('CLOCK'),
    );
    env.activeUser = 'b@school.example';
    ScriptApp.newTrigger('a').forSpreadsheet(ss).onFormSubmit().create();
    expect(registry.forEvent('ON_FORM_SUBMIT', 'ss1').map((r) => r.user)).toEqual([
      'a@school.example',
      'b@school.example',
    ]);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  it('after deleting the trigger a new one of that type may be created', () => {
    const { ScriptApp, ss } = setup();
    const t = ScriptApp.newTrigger('a').forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.deleteTrigger(t);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    expect(() => ScriptApp.deleteTrigger(t)).toThrow(TRIGGER_NOT_FOUND);
    ScriptApp.newTrigger('a').forSpreadsheet(ss).onFormSubmit().create();
    expect(ScriptApp.getUserTriggers(ss)).toHaveLength(1);
  });

  it('refuses triggers for another document', () => {
    const { ScriptApp, other } = setup();
    expect(() => ScriptApp.newTrigger('a').forSpreadsheet(other)).toThrow(TRIGGER_OTHER_DOCUMENT);
    expect(() => ScriptApp.newTrigger('a').forSpreadsheet('ss2')).toThrow(TRIGGER_OTHER_DOCUMENT);
  });

  it('limits a user to 20 triggers per script', () => {
    const { registry, ScriptApp, ss } = setup();
    for (let i = 0; i < 20; i++) {
      registry.add({
        handler: 'x',
        user: 'a@school.example',
        documentId: `doc${i}`,
        eventType: 'ON_FORM_SUBMIT',
        source: 'SPREADSHEETS',
        sourceId: `doc${i}`,
        createdAtMs: 0,
      });
    }
    expect(() => ScriptApp.newTrigger('a').forSpreadsheet(ss).onFormSubmit().create()).toThrow(TOO_MANY_TRIGGERS);
  });

  it('time-driven: at most hourly, everyHours only 1/2/4/6/8/12', () => {
    const { ScriptApp } = setup();
    const b = () => ScriptApp.newTrigger('tick').timeBased();
    expect(() => b().everyMinutes(30)).toThrow(TRIGGER_TOO_FREQUENT);
    expect(() => b().everyHours(3)).toThrow(EVERY_HOURS_INVALID);
    expect(() => b().after(10 * 60 * 1000)).toThrow(TRIGGER_TOO_FREQUENT);
    for (const n of [1, 2, 4, 6, 8, 12]) expect(() => b().everyHours(n)).not.toThrow();
    expect(() => b().atHour(8).create()).toThrow(/call everyHours, everyDays/);
    expect(() => b().everyHours(1).atHour(8).create()).toThrow(/atHour\/nearMinute need everyDays/);
  });

  it('schedules time-driven runs on the simulated clock', () => {
    const { env, registry, ScriptApp } = setup();
    // 12:00 Moscow; daily at 08:00 → first run tomorrow 08:00 Moscow.
    const t = ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).create();
    const rec = registry.get(t.getUniqueId())!;
    expect(new Date(rec.nextRunMs!).toISOString()).toBe('2026-11-26T05:00:00.000Z');
    expect(registry.due(env.now())).toEqual([]);
    env.advance(rec.nextRunMs! - env.now());
    expect(registry.due(env.now()).map((r) => r.handler)).toEqual(['daily']);
    registry.markFired(rec.id, env.now());
    expect(new Date(registry.get(rec.id)!.nextRunMs!).toISOString()).toBe('2026-11-27T05:00:00.000Z');
  });

  it('everyHours and one-off after(): next runs; a fired one-off stays until deleted', () => {
    const { env, registry, ScriptApp } = setup();
    const start = env.now();
    const t = ScriptApp.newTrigger('cont')
      .timeBased()
      .after(2 * HOUR_MS)
      .create();
    const rec = registry.get(t.getUniqueId())!;
    expect(rec.nextRunMs).toBe(start + 2 * HOUR_MS);
    registry.markFired(rec.id, start + 2 * HOUR_MS);
    expect(registry.get(rec.id)!.nextRunMs).toBeNull();
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);

    const env2 = new Env({ now: NOW });
    env2.chargeLatency = false;
    const reg2 = new TriggerRegistry();
    const t2 = createScriptApp(env2, reg2).newTrigger('h').timeBased().everyHours(4).create();
    expect(reg2.get(t2.getUniqueId())!.nextRunMs).toBe(env2.now() + 4 * HOUR_MS);
  });

  it('round-trips the registry through JSON', () => {
    const { env, registry, ScriptApp, ss } = setup();
    ScriptApp.newTrigger('a').forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.newTrigger('t').timeBased().everyDays(1).atHour(8).create();
    const copy = TriggerRegistry.fromJSON(JSON.parse(JSON.stringify(registry)));
    expect(copy.triggers).toEqual(registry.triggers);
    const ScriptApp2 = createScriptApp(env, copy, { documentId: 'ss1' });
    expect(() => ScriptApp2.newTrigger('b').forSpreadsheet(ss).onFormSubmit().create()).toThrow(/already has/);
    const t = ScriptApp2.newTrigger('c').forSpreadsheet(ss).onEdit().create();
    expect(registry.get(t.getUniqueId())).toBeUndefined(); // ids continue in the copy without clashing
    expect(new Set(copy.triggers.map((r) => r.id)).size).toBe(3);
  });

  it('fromJSON rejects malformed saved state', () => {
    expect(() => TriggerRegistry.fromJSON({ triggers: [] })).toThrow(/expected \{ nextId/);
    expect(() =>
      TriggerRegistry.fromJSON({ nextId: 1, triggers: [{ id: '1', handler: 'h', user: 'u', eventType: 'ON_FOO' }] }),
    ).toThrow(/malformed trigger/);
  });

  it('refuses trigger management in AuthMode.NONE; enums are readable', () => {
    const { env, ScriptApp } = setup();
    env.runExecution('onOpen', { authMode: 'NONE' }, () => {
      expect(() => ScriptApp.getProjectTriggers()).toThrow(
        'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
      expect(() => ScriptApp.newTrigger('x')).toThrow(/ScriptApp.newTrigger/);
      expect(ScriptApp.AuthMode.NONE).toBe(AuthMode.NONE);
    });
    expect(String(ScriptApp.AuthMode.FULL)).toBe('FULL');
  });

  it('counts calls through gasObject', () => {
    const { env, ScriptApp, ss } = setup();
    ScriptApp.newTrigger('a').forSpreadsheet(ss).onFormSubmit().create().getUniqueId();
    expect(env.calls.summary().byMethod).toEqual({
      'ScriptApp.newTrigger': 1,
      'TriggerBuilder.forSpreadsheet': 1,
      'SpreadsheetTriggerBuilder.onFormSubmit': 1,
      'SpreadsheetTriggerBuilder.create': 1,
      'Trigger.getUniqueId': 1,
    });
  });
});
