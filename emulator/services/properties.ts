/**
 * PropertiesService: script, document and user stores, with Apps Script's quotas
 * (one value ≤ 9 KB, one store ≤ 500 KB). State lives in `PropertyStores`, plain JSON for persistence.
 */
import type { Env } from '../core/env';
import { gasObject, signatureError } from '../core/gasObject';
import { requireAuthorization, SCOPES } from './authorization';
import { documentIdGetter, utf8Bytes, wrap, Wrapped, type DocumentIdOption } from './common';

/** Quotas page: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store". */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
/** Error texts (not documented by Google: as Apps Script shows them). */
export const PROPERTY_VALUE_TOO_LARGE = 'Argument too large: value';
export const PROPERTY_STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

type Store = Record<string, string>;

export interface PropertyStoresJSON {
  script: Store;
  /** By document id. */
  documents: Record<string, Store>;
  /** By user e-mail. */
  users: Record<string, Store>;
}

/** All property stores of one script project. */
export class PropertyStores {
  script: Store = {};
  documents: Record<string, Store> = {};
  users: Record<string, Store> = {};

  documentStore(documentId: string): Store {
    return (this.documents[documentId] ??= {});
  }

  userStore(user: string): Store {
    return (this.users[user] ??= {});
  }

  toJSON(): PropertyStoresJSON {
    return structuredClone({ script: this.script, documents: this.documents, users: this.users });
  }

  /** Loads saved stores; `json` comes from disk, so its shape is checked (every value must be a string). */
  static fromJSON(json: unknown): PropertyStores {
    const bad = (what: string) => new Error(`PropertyStores.fromJSON: ${what} is not a string map`);
    const isMap = (v: unknown): v is Store =>
      !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
    const isMapOfMaps = (v: unknown): v is Record<string, Store> =>
      !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isMap);
    const j = (json ?? {}) as Partial<Record<keyof PropertyStoresJSON, unknown>>;
    const stores = new PropertyStores();
    if (j.script !== undefined && !isMap(j.script)) throw bad('script');
    if (j.documents !== undefined && !isMapOfMaps(j.documents)) throw bad('documents');
    if (j.users !== undefined && !isMapOfMaps(j.users)) throw bad('users');
    const copy = structuredClone(j) as Partial<PropertyStoresJSON>;
    stores.script = copy.script ?? {};
    stores.documents = copy.documents ?? {};
    stores.users = copy.users ?? {};
    return stores;
  }
}

/** Bytes a store uses: keys and values in UTF-8 (how Google counts is not documented). */
export function storeBytes(store: Store): number {
  let total = 0;
  for (const [k, v] of Object.entries(store)) total += utf8Bytes(k) + utf8Bytes(v);
  return total;
}

type P = GoogleAppsScript.Properties.Properties;

export class FakeProperties
  extends Wrapped
  implements
    Pick<
      P,
      | 'getProperty'
      | 'getProperties'
      | 'getKeys'
      | 'setProperty'
      | 'setProperties'
      | 'deleteProperty'
      | 'deleteAllProperties'
    >
{
  constructor(
    private readonly env: Env,
    /** Resolved at each call, so a store replaced by fromJSON is still seen. */
    private readonly store: () => Store,
  ) {
    super();
  }

  private ret(): P {
    return this._self as unknown as P;
  }

  private key(key: unknown, method: string, args: unknown[]): string {
    if (key === undefined || key === null)
      throw signatureError(this.env, `PropertiesService.Properties.${method}`, args);
    return String(key);
  }

  /** Checks the quotas against the store as it would be after the change, then commits it. */
  private commit(next: Store): void {
    for (const value of Object.values(next)) {
      if (utf8Bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw this.env.error(PROPERTY_VALUE_TOO_LARGE);
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw this.env.error(PROPERTY_STORE_FULL);
    const store = this.store();
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
  }

  getProperty(key: string): string | null {
    const k = this.key(key, 'getProperty', [key]);
    const store = this.store();
    return Object.prototype.hasOwnProperty.call(store, k) ? store[k] : null;
  }

  getProperties(): { [key: string]: string } {
    return { ...this.store() };
  }

  getKeys(): string[] {
    return Object.keys(this.store());
  }

  setProperty(key: string, value: string): P {
    const k = this.key(key, 'setProperty', [key, value]);
    if (value === undefined) throw signatureError(this.env, 'PropertiesService.Properties.setProperty', [key]);
    this.commit({ ...this.store(), [k]: String(value) });
    return this.ret();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): P {
    if (!properties || typeof properties !== 'object') {
      throw signatureError(this.env, 'PropertiesService.Properties.setProperties', [properties]);
    }
    const next: Store = deleteAllOthers ? {} : { ...this.store() };
    for (const [k, v] of Object.entries(properties)) next[k] = String(v);
    this.commit(next);
    return this.ret();
  }

  deleteProperty(key: string): P {
    const k = this.key(key, 'deleteProperty', [key]);
    delete this.store()[k];
    return this.ret();
  }

  deleteAllProperties(): P {
    this.commit({});
    return this.ret();
  }
}

type PS = GoogleAppsScript.Properties.PropertiesService;

class FakePropertiesService implements Pick<PS, 'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'> {
  constructor(
    private readonly env: Env,
    private readonly stores: () => PropertyStores,
    private readonly documentId: () => string | null,
  ) {}

  private open(className: string, store: () => Store): P {
    return wrap(this.env, `Properties.${className}`, new FakeProperties(this.env, store)) as unknown as P;
  }

  getScriptProperties(): P {
    requireAuthorization(this.env, 'PropertiesService.getScriptProperties', SCOPES.storage);
    return this.open('Properties', () => this.stores().script);
  }

  getDocumentProperties(): P {
    requireAuthorization(this.env, 'PropertiesService.getDocumentProperties', SCOPES.storage);
    const documentId = this.documentId();
    // Reference: "null if the script is not an add-on or bound to a Google Workspace file" — also an
    // add-on's time-driven run, which has no document.
    if (documentId === null) return null as unknown as P;
    return this.open('Properties', () => this.stores().documentStore(documentId));
  }

  getUserProperties(): P {
    requireAuthorization(this.env, 'PropertiesService.getUserProperties', SCOPES.storage);
    const user = this.env.activeUser;
    return this.open('Properties', () => this.stores().userStore(user));
  }
}

export interface PropertiesServiceOptions {
  /** The document the add-on runs in (document properties are per document). Default "document". */
  documentId?: DocumentIdOption;
}

/**
 * The `PropertiesService` global. `stores` may be a getter so the workspace can swap in a store
 * loaded from disk.
 */
export function createPropertiesService(
  env: Env,
  stores: PropertyStores | (() => PropertyStores) = new PropertyStores(),
  options: PropertiesServiceOptions = {},
): PS {
  const getStores = typeof stores === 'function' ? stores : () => stores;
  const service = new FakePropertiesService(env, getStores, documentIdGetter(options.documentId));
  return gasObject(env, 'Properties.PropertiesService', service) as unknown as PS;
}
