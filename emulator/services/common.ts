/** Small helpers shared by the service fakes: Apps Script enums, self-wrapping objects, sizes. */
import type { Env } from '../core/env';
import { gasObject } from '../core/gasObject';

/**
 * One value of an Apps Script enum. Real enum values are Java enum objects: `String(v)` and
 * `v.toString()` give the name, `v.name()` / `v.ordinal()` exist, and identity comparison
 * (`e.authMode === ScriptApp.AuthMode.NONE`) is how scripts test them.
 */
export interface GasEnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type GasEnum<K extends string> = Readonly<Record<K, GasEnumValue>>;

/**
 * The document a service is used in: a fixed id, or a getter (the workspace answers per execution).
 * null means none: an editor add-on's time-driven trigger runs outside any document.
 */
export type DocumentIdOption = string | null | (() => string | null);

/** The option as a getter; unset means the single default document "document". */
export function documentIdGetter(option: DocumentIdOption | undefined): () => string | null {
  const doc = option === undefined ? 'document' : option;
  return typeof doc === 'function' ? doc : () => doc;
}

const ENUM_OF = new WeakMap<object, string>();

export function makeEnum<K extends string>(enumName: string, keys: readonly K[]): GasEnum<K> {
  const out = {} as Record<K, GasEnumValue>;
  keys.forEach((key, i) => {
    const value: GasEnumValue = Object.freeze({
      name: () => key,
      ordinal: () => i,
      toString: () => key,
      toJSON: () => key,
    });
    ENUM_OF.set(value, enumName);
    out[key] = value;
  });
  return Object.freeze(out);
}

/** The key of an enum value of `enumObj`, or undefined if `value` is not one of them. */
export function enumKey<K extends string>(enumObj: GasEnum<K>, value: unknown): K | undefined {
  for (const key of Object.keys(enumObj) as K[]) if (enumObj[key] === value) return key;
  return undefined;
}

/**
 * Base for fakes whose methods return `this` for chaining: they must return the wrapped proxy, not
 * the raw object, or chained calls would escape counting and the unknown-member check.
 */
export abstract class Wrapped {
  /** Set by `wrap`: the proxy the add-on holds. */
  protected _self: this = this;
}

export function wrap<T extends Wrapped>(env: Env, className: string, obj: T): T {
  const proxy = gasObject(env, className, obj);
  (obj as unknown as { _self: T })._self = proxy;
  return proxy;
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Apps Script bytes are Java bytes: signed, -128…127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function fromSignedBytes(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
