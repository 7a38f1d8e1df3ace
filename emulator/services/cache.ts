/**
 * CacheService: script, document and user caches with the documented limits (key ≤ 250 chars,
 * value ≤ 100 KB, ≤ 1000 items, expiry 1–21600 s, default 600 s), expiring on the simulated clock.
 */
import type { Env } from '../core/env';
import { gasObject, signatureError } from '../core/gasObject';
import { documentIdGetter, utf8Bytes, type DocumentIdOption } from './common';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_DEFAULT_EXPIRATION_S = 600;
export const CACHE_MAX_EXPIRATION_S = 21600;
/** Error texts (not documented by Google: as Apps Script shows them). */
export const CACHE_KEY_TOO_LARGE = 'Argument too large: key';
export const CACHE_VALUE_TOO_LARGE = 'Argument too large: value';
export const CACHE_BAD_EXPIRATION = 'Invalid argument: expirationInSeconds must be between 1 and 21600';

interface Entry {
  value: string;
  expiresAtMs: number;
}

export interface CacheStoresJSON {
  [cacheName: string]: Record<string, Entry>;
}

/** Every cache of one script, by name: "script", "document:<id>", "user:<email>". Insertion order = age. */
export class CacheStores {
  readonly caches = new Map<string, Map<string, Entry>>();

  cache(name: string): Map<string, Entry> {
    let c = this.caches.get(name);
    if (!c) this.caches.set(name, (c = new Map()));
    return c;
  }

  toJSON(): CacheStoresJSON {
    const out: CacheStoresJSON = {};
    for (const [name, c] of this.caches) out[name] = Object.fromEntries([...c].map(([k, e]) => [k, { ...e }]));
    return out;
  }

  /** Loads saved caches; `json` comes from disk, so its shape is checked. */
  static fromJSON(json: unknown): CacheStores {
    const stores = new CacheStores();
    if (!json || typeof json !== 'object') throw new Error('CacheStores.fromJSON: expected an object');
    for (const [name, entries] of Object.entries(json as Record<string, unknown>)) {
      const c = stores.cache(name);
      for (const [k, e] of Object.entries((entries ?? {}) as Record<string, Partial<Entry>>)) {
        if (typeof e?.value !== 'string' || typeof e.expiresAtMs !== 'number') {
          throw new Error(`CacheStores.fromJSON: malformed entry ${name}/${k}`);
        }
        c.set(k, { value: e.value, expiresAtMs: e.expiresAtMs });
      }
    }
    return stores;
  }
}

type C = GoogleAppsScript.Cache.Cache;

export class FakeCache implements Pick<C, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(
    private readonly env: Env,
    private readonly entries: Map<string, Entry>,
  ) {}

  private checkKey(key: unknown, method: string, args: unknown[]): string {
    if (typeof key !== 'string') throw signatureError(this.env, `CacheService.Cache.${method}`, args);
    if (key.length > CACHE_KEY_MAX_CHARS) throw this.env.error(CACHE_KEY_TOO_LARGE);
    return key;
  }

  private expiration(seconds: unknown, method: string, args: unknown[]): number {
    if (seconds === undefined) return CACHE_DEFAULT_EXPIRATION_S;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      throw signatureError(this.env, `CacheService.Cache.${method}`, args);
    }
    if (seconds < 1 || seconds > CACHE_MAX_EXPIRATION_S) throw this.env.error(CACHE_BAD_EXPIRATION);
    return Math.floor(seconds);
  }

  private checkValue(value: unknown, method: string, args: unknown[]): string {
    if (value === undefined || value === null) throw signatureError(this.env, `CacheService.Cache.${method}`, args);
    const v = String(value);
    if (utf8Bytes(v) > CACHE_VALUE_MAX_BYTES) throw this.env.error(CACHE_VALUE_TOO_LARGE);
    return v;
  }

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.env.now() >= e.expiresAtMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private store(items: Array<[string, string]>, seconds: number): void {
    const expiresAtMs = this.env.now() + seconds * 1000;
    for (const [k, v] of items) {
      this.entries.delete(k); // re-insert: a re-put item becomes the newest
      this.entries.set(k, { value: v, expiresAtMs });
    }
    if (this.entries.size > CACHE_MAX_ITEMS) {
      const now = this.env.now();
      for (const [k, e] of [...this.entries]) if (now >= e.expiresAtMs) this.entries.delete(k);
    }
    while (this.entries.size > CACHE_MAX_ITEMS) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get(key: string): string | null {
    const k = this.checkKey(key, 'get', [key]);
    return this.live(k)?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    if (!Array.isArray(keys)) throw signatureError(this.env, 'CacheService.Cache.getAll', [keys]);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const e = this.live(this.checkKey(key, 'getAll', [keys]));
      if (e) out[key] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const args = [key, value, expirationInSeconds].filter((a) => a !== undefined);
    const k = this.checkKey(key, 'put', args);
    const v = this.checkValue(value, 'put', args);
    this.store([[k, v]], this.expiration(expirationInSeconds, 'put', args));
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const args = [values, expirationInSeconds].filter((a) => a !== undefined);
    if (!values || typeof values !== 'object') throw signatureError(this.env, 'CacheService.Cache.putAll', args);
    const seconds = this.expiration(expirationInSeconds, 'putAll', args);
    const items = Object.entries(values).map(
      ([k, v]) => [this.checkKey(k, 'putAll', args), this.checkValue(v, 'putAll', args)] as [string, string],
    );
    this.store(items, seconds);
  }

  remove(key: string): void {
    this.entries.delete(this.checkKey(key, 'remove', [key]));
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw signatureError(this.env, 'CacheService.Cache.removeAll', [keys]);
    for (const key of keys) this.entries.delete(this.checkKey(key, 'removeAll', [keys]));
  }
}

type CS = GoogleAppsScript.Cache.CacheService;

class FakeCacheService implements Pick<CS, 'getScriptCache' | 'getDocumentCache' | 'getUserCache'> {
  constructor(
    private readonly env: Env,
    private readonly stores: CacheStores,
    private readonly documentId: () => string | null,
  ) {}

  private open(name: string): C {
    return gasObject(this.env, 'Cache.Cache', new FakeCache(this.env, this.stores.cache(name))) as unknown as C;
  }

  getScriptCache(): C {
    return this.open('script');
  }

  /** null outside a document (reference: "null if there is no containing document"). */
  getDocumentCache(): C {
    const id = this.documentId();
    return id === null ? (null as unknown as C) : this.open(`document:${id}`);
  }

  getUserCache(): C {
    return this.open(`user:${this.env.activeUser}`);
  }
}

export interface CacheServiceOptions {
  documentId?: DocumentIdOption;
}

/** The `CacheService` global. */
export function createCacheService(
  env: Env,
  stores: CacheStores = new CacheStores(),
  options: CacheServiceOptions = {},
): CS {
  return gasObject(
    env,
    'Cache.CacheService',
    new FakeCacheService(env, stores, documentIdGetter(options.documentId)),
  ) as unknown as CS;
}
