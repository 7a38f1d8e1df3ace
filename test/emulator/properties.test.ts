import { Env } from '../../emulator/core/env';
import {
  createPropertiesService,
  PROPERTY_STORE_FULL,
  PROPERTY_VALUE_TOO_LARGE,
  PropertyStores,
} from '../../emulator/services/properties';

const NOW = '2026-11-25T12:00:00+03:00';

function setup() {
  const env = new Env({ now: NOW, user: 'a@school.example' });
  const stores = new PropertyStores();
  const service = createPropertiesService(env, stores, { documentId: 'ss1' });
  return { env, stores, service };
}

describe('PropertiesService', () => {
  it('getProperty returns null for a missing key and strings for stored values', () => {
    const { service } = setup();
    const p = service.getScriptProperties();
    expect(p.getProperty('missing')).toBeNull();
    p.setProperty('n', 42 as unknown as string);
    expect(p.getProperty('n')).toBe('42');
    expect(p.getKeys()).toEqual(['n']);
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { service } = setup();
    const p = service.getDocumentProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' });
    expect(p.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    p.setProperties({ d: '4' }, true);
    expect(p.getProperties()).toEqual({ d: '4' });
    p.deleteProperty('d');
    expect(p.getKeys()).toEqual([]);
    p.setProperty('x', 'y').setProperty('z', 'w');
    p.deleteAllProperties();
    expect(p.getProperties()).toEqual({});
  });

  it('getProperties returns a copy, not the store', () => {
    const { service } = setup();
    const p = service.getScriptProperties();
    p.setProperty('a', '1');
    const copy = p.getProperties();
    copy.a = 'changed';
    expect(p.getProperty('a')).toBe('1');
  });

  it('keeps user stores apart per active user, and document stores per document', () => {
    const { env, stores, service } = setup();
    service.getUserProperties().setProperty('k', 'from a');
    env.activeUser = 'b@school.example';
    expect(service.getUserProperties().getProperty('k')).toBeNull();
    service.getDocumentProperties().setProperty('shared', '1');
    expect(stores.users['a@school.example']).toEqual({ k: 'from a' });
    expect(stores.documents.ss1).toEqual({ shared: '1' });
  });

  it('rejects a value over 9 KB and leaves the store unchanged', () => {
    const { service } = setup();
    const p = service.getScriptProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(PROPERTY_VALUE_TOO_LARGE);
    // multi-byte characters count in UTF-8 bytes
    expect(() => p.setProperty('cyr', 'я'.repeat(5000))).toThrow(PROPERTY_VALUE_TOO_LARGE);
    expect(p.getKeys()).toEqual(['ok']);
  });

  it('rejects growing a store past 500 KB, also through setProperties', () => {
    const { service } = setup();
    const p = service.getScriptProperties();
    const value = 'x'.repeat(9000);
    // 56 × (key + 9 000 bytes) ≈ 504 200 bytes ≤ 512 000; a 57th goes over.
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, value);
    expect(() => p.setProperty('k56', value)).toThrow(PROPERTY_STORE_FULL);
    expect(p.getProperty('k56')).toBeNull();
    const before = p.getKeys().length;
    const batch: Record<string, string> = {};
    for (let i = 100; i < 110; i++) batch[`k${i}`] = value;
    expect(() => p.setProperties(batch)).toThrow(PROPERTY_STORE_FULL);
    expect(p.getKeys().length).toBe(before);
  });

  it('errors are realm Errors named Exception', () => {
    const { service } = setup();
    try {
      service.getScriptProperties().setProperty('big', 'x'.repeat(10000));
      throw new Error('no throw');
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
      expect((e as Error).message).toBe(PROPERTY_VALUE_TOO_LARGE);
    }
  });

  it('exports and imports plain JSON', () => {
    const { service, stores } = setup();
    service.getScriptProperties().setProperty('a', '1');
    service.getDocumentProperties().setProperty('b', '2');
    service.getUserProperties().setProperty('c', '3');
    const json = JSON.parse(JSON.stringify(stores));
    expect(json).toEqual({
      script: { a: '1' },
      documents: { ss1: { b: '2' } },
      users: { 'a@school.example': { c: '3' } },
    });
    const env2 = new Env({ now: NOW, user: 'a@school.example' });
    const service2 = createPropertiesService(env2, PropertyStores.fromJSON(json), { documentId: 'ss1' });
    expect(service2.getUserProperties().getProperty('c')).toBe('3');
    expect(service2.getDocumentProperties().getProperty('b')).toBe('2');
  });

  it('refuses every store in AuthMode.NONE with the permission message', () => {
    const { env, service } = setup();
    env.runExecution('onOpen', { authMode: 'NONE' }, () => {
      expect(() => service.getDocumentProperties()).toThrow(
        'You do not have permission to call PropertiesService.getDocumentProperties. Required permissions: https://www.googleapis.com/auth/script.storage',
      );
      expect(() => service.getScriptProperties()).toThrow(/PropertiesService.getScriptProperties/);
      expect(() => service.getUserProperties()).toThrow(/PropertiesService.getUserProperties/);
    });
    env.runExecution('onOpen', { authMode: 'LIMITED' }, () => {
      expect(service.getDocumentProperties().getProperty('x')).toBeNull();
    });
  });

  it('counts calls through gasObject and rejects unknown methods', () => {
    const { env, service } = setup();
    const p = service.getScriptProperties();
    p.setProperty('a', '1').setProperty('b', '2');
    p.getProperty('a');
    const s = env.calls.summary();
    expect(s.byMethod['PropertiesService.getScriptProperties']).toBe(1);
    expect(s.byMethod['Properties.setProperty']).toBe(2);
    expect(s.byMethod['Properties.getProperty']).toBe(1);
    expect(() => (p as unknown as { getValue(): void }).getValue()).toThrow(/not implemented/);
  });
});

describe('PropertyStores.fromJSON', () => {
  it('rejects malformed saved state', () => {
    expect(() => PropertyStores.fromJSON({ script: { a: 1 } })).toThrow(/script is not a string map/);
    expect(() => PropertyStores.fromJSON({ users: { u: 'x' } })).toThrow(/users is not a string map/);
    expect(PropertyStores.fromJSON(undefined).toJSON()).toEqual({ script: {}, documents: {}, users: {} });
  });
});
