import { requireScopes, scopesOf } from '../services/authorization';
import { shortClassName } from './calls';
import type { Env } from './env';

/** Names that JS runtimes, jest and util.inspect probe on any object; never "missing methods". */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  'toString',
  'valueOf',
  'length',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
]);

const WRAPPED = Symbol('gasWrapped');
/** The unwrapped object behind a proxy, for emulator internals. */
export const TARGET = Symbol('gasTarget');

export interface GasObjectOptions {
  /**
   * The script may set any property but a `_`-prefixed one: HtmlTemplate, whose properties are the
   * template's variables (developers.google.com/apps-script/reference/html/html-template).
   */
  openProperties?: boolean;
}

/**
 * Wraps a fake Apps Script object so that:
 * - every method call made by the add-on is counted as "Class.method" (calls made by the emulator
 *   itself, from inside another method, are not);
 * - such a call is refused when the manifest's scopes do not cover it (services/authorization.ts);
 * - reading a member the fake does not implement throws, so a fake never quietly returns undefined;
 * - the script can neither read a fake's private state (`_`-prefixed members) nor set properties on
 *   it: the objects Google hands a script are its own, not the script's to extend or patch;
 * - objects returned by methods (Range from Sheet…) are wrapped too, as they are created wrapped.
 * The guards copy gas-fakes' (github.com/brucemcpherson/gas-fakes, src/support/proxies.js: a service's
 * `set` throws «setting values directly in X.y is not allowed», `guard` throws on getting or setting a
 * non-existent property). The emulator's own code, inside a method (env.depth > 0), is not guarded.
 */
/**
 * `className` is the reference's namespace and class ("Spreadsheet.Range", "Drive.User", "Base.User"):
 * the same class name exists in several services, and the namespace decides its scopes. The call log,
 * latency and messages use the class alone ("Range.getValues"). An unqualified name is not checked.
 */
export function gasObject<T extends object>(env: Env, className: string, target: T, options: GasObjectOptions = {}): T {
  if ((target as Record<symbol, unknown>)[WRAPPED]) return target;
  const shortName = shortClassName(className);
  const methods = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === WRAPPED) return true;
      if (prop === TARGET) return obj;
      if (typeof prop === 'symbol' || INTROSPECTION.has(prop)) return Reflect.get(obj, prop, receiver);
      if (prop.startsWith('_')) {
        if (env.depth > 0) return Reflect.get(obj, prop, receiver);
        // A name the fake does not have reads as undefined, as any absent property in Google.
        if (!(prop in obj)) return undefined;
        throw env.error(privateMessage(shortName, prop));
      }
      if (!(prop in obj)) {
        throw env.error(`TypeError: ${shortName}.${prop} is not implemented by the emulator (or does not exist)`);
      }
      const value = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      let wrapped = methods.get(prop);
      if (!wrapped) {
        const fn = value as (...a: unknown[]) => unknown;
        const accepted = scopesOf(className, prop);
        const call = `${shortName}.${prop}`;
        wrapped = function (this: unknown, ...args: unknown[]) {
          const outer = env.depth === 0;
          if (outer) {
            env.record(className, prop);
            requireScopes(env, call, accepted);
          }
          env.depth++;
          try {
            return fn.apply(obj, args);
          } finally {
            env.depth--;
          }
        };
        methods.set(prop, wrapped);
      }
      return wrapped;
    },
    set(obj, prop, value) {
      if (env.depth > 0 || typeof prop === 'symbol') return Reflect.set(obj, prop, value);
      if (prop.startsWith('_')) throw env.error(privateMessage(shortName, prop));
      if (options.openProperties) return Reflect.set(obj, prop, value);
      // V8's own wording for an object that takes no new properties (and read-only ones).
      throw env.error(
        prop in obj
          ? `TypeError: Cannot assign to read only property '${prop}' of object '${shortName}'`
          : `TypeError: Cannot add property ${prop}, object is not extensible`,
      );
    },
  });
  return proxy;
}

function privateMessage(shortName: string, prop: string): string {
  return `TypeError: ${shortName}.${prop} is the emulator's private state, not part of Apps Script`;
}

/** The object behind a gasObject proxy (or the value itself). */
export function unwrap<T>(value: T): T {
  if (value && typeof value === 'object' && (value as Record<symbol, unknown>)[TARGET]) {
    return (value as Record<symbol, unknown>)[TARGET] as T;
  }
  return value;
}

/**
 * Apps Script's own signature error, for a call with arguments of the wrong kind:
 * "The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.setValues."
 */
export function signatureError(env: Env, method: string, args: unknown[]): Error {
  const kinds = args.map((a) => {
    if (a === null) return 'null';
    if (Array.isArray(a)) return 'number[]'.replace('number', typeof a[0] === 'object' ? 'Object[]' : typeof a[0]);
    if (typeof a === 'object') return Object.prototype.toString.call(a) === '[object Date]' ? 'Date' : 'Object';
    if (typeof a === 'string') return 'String';
    return typeof a;
  });
  return env.error(`The parameters (${kinds.join(',')}) don't match the method signature for ${method}.`);
}
