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

/**
 * Wraps a fake Apps Script object so that:
 * - every method call made by the add-on is counted as "Class.method" (calls made by the emulator
 *   itself, from inside another method, are not);
 * - reading a member the fake does not implement throws, so a fake never quietly returns undefined;
 * - objects returned by methods (Range from Sheet…) are wrapped too, as they are created wrapped.
 */
export function gasObject<T extends object>(env: Env, className: string, target: T): T {
  if ((target as Record<symbol, unknown>)[WRAPPED]) return target;
  const methods = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === WRAPPED) return true;
      if (prop === TARGET) return obj;
      if (typeof prop === 'symbol' || INTROSPECTION.has(prop)) return Reflect.get(obj, prop, receiver);
      if (!(prop in obj)) {
        if (prop.startsWith('_')) return undefined;
        throw env.error(`TypeError: ${className}.${prop} is not implemented by the emulator (or does not exist)`);
      }
      const value = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      let wrapped = methods.get(prop);
      if (!wrapped) {
        const fn = value as (...a: unknown[]) => unknown;
        wrapped = function (this: unknown, ...args: unknown[]) {
          const outer = env.depth === 0;
          if (outer) env.record(className, prop);
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
      return Reflect.set(obj, prop, value);
    },
  });
  return proxy;
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
