import { Env } from '../../emulator/core/env';
import {
  CACHE_BAD_EXPIRATION,
  CACHE_KEY_TOO_LARGE,
  CACHE_VALUE_TOO_LARGE,
  CacheStores,
  createCacheService,
} from '../../emulator/services/cache';

const NOW = '2026-11-25T12:00:00+03:00';

function setup() {
  const env = new Env({ now: NOW, user: 'a@school.example' });
  env.chargeLatency = false;
  const stores = new CacheStores();
  return { env, stores, CacheService: createCacheService(env, stores, { documentId: 'ss1' }) };
}

describe('CacheService', () => {
  it('expires after the default 600 s on the simulated clock', () => {
    const { env, CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('k', 'v');
    env.advance(599_999);
    expect(c.get('k')).toBe('v');
    env.advance(1);
    expect(c.get('k')).toBeNull();
  });

  it('honours an explicit expiration and re-put refreshes it', () => {
    const { env, CacheService } = setup();
    const c = CacheService.getUserCache();
    c.put('k', 'v', 10);
    env.advance(9_000);
    c.put('k', 'v2', 10);
    env.advance(9_000);
    expect(c.get('k')).toBe('v2');
    env.advance(1_000);
    expect(c.get('k')).toBeNull();
  });

  it('accepts expiration 1…21600 s and rejects others', () => {
    const { CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('a', '1', 1);
    c.put('b', '1', 21600);
    expect(() => c.put('c', '1', 0)).toThrow(CACHE_BAD_EXPIRATION);
    expect(() => c.put('c', '1', 21601)).toThrow(CACHE_BAD_EXPIRATION);
    expect(() => c.putAll({ d: '1' }, 30000)).toThrow(CACHE_BAD_EXPIRATION);
  });

  it('enforces key ≤ 250 chars and value ≤ 100 KB', () => {
    const { CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('k'.repeat(250), 'v');
    expect(() => c.put('k'.repeat(251), 'v')).toThrow(CACHE_KEY_TOO_LARGE);
    c.put('big', 'x'.repeat(100 * 1024));
    expect(() => c.put('big2', 'x'.repeat(100 * 1024 + 1))).toThrow(CACHE_VALUE_TOO_LARGE);
    expect(() => c.putAll({ ok: '1', bad: 'x'.repeat(100 * 1024 + 1) })).toThrow(CACHE_VALUE_TOO_LARGE);
    expect(c.get('ok')).toBeNull(); // putAll is all-or-nothing
  });

  it('keeps at most 1000 items, evicting the oldest', () => {
    const { CacheService } = setup();
    const c = CacheService.getScriptCache();
    for (let i = 0; i < 1000; i++) c.put(`k${i}`, String(i));
    c.put('k0', 'again'); // now the newest
    c.put('k1000', 'x');
    expect(c.get('k0')).toBe('again');
    expect(c.get('k1')).toBeNull();
    expect(c.get('k2')).toBe('2');
    expect(c.get('k1000')).toBe('x');
  });

  it('getAll, putAll, remove, removeAll', () => {
    const { CacheService } = setup();
    const c = CacheService.getDocumentCache()!;
    c.putAll({ a: '1', b: '2', c: '3' });
    expect(c.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    c.remove('a');
    c.removeAll(['b', 'c']);
    expect(c.getAll(['a', 'b', 'c'])).toEqual({});
  });

  it('separates script, document and per-user caches', () => {
    const { env, CacheService } = setup();
    CacheService.getUserCache().put('k', 'a');
    CacheService.getScriptCache().put('k', 's');
    env.activeUser = 'b@school.example';
    expect(CacheService.getUserCache().get('k')).toBeNull();
    expect(CacheService.getScriptCache().get('k')).toBe('s');
    expect(CacheService.getDocumentCache()!.get('k')).toBeNull();
  });

  it('round-trips through JSON and counts calls', () => {
    const { env, stores, CacheService } = setup();
    const c = CacheService.getScriptCache();
    c.put('k', 'v', 60);
    const copy = CacheStores.fromJSON(JSON.parse(JSON.stringify(stores)));
    const c2 = createCacheService(env, copy).getScriptCache();
    expect(c2.get('k')).toBe('v');
    expect(env.calls.summary().byMethod['Cache.put']).toBe(1);
    expect(() => (c as unknown as { clear(): void }).clear()).toThrow(/not implemented/);
  });
});
