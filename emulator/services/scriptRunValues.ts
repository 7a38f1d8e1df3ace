/**
 * What a google.script.run call carries between the page and the script: the one place the rule lives,
 * for the arguments (the page's shim checks them before sending) and for the return value (the server
 * copies it for the success handler). Pure TypeScript: the workspace page's bundle imports it too.
 *
 * Google (developers.google.com/apps-script/guides/html/reference/run, myFunction(...) parameters):
 * «Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
 * JavaScript objects and arrays that are composed of primitives, objects and arrays. A form element
 * within the page is also legal as a parameter, but it must be the function's only parameter. Requests
 * fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type,
 * including prohibited types inside objects or arrays. Objects that create circular references will
 * also fail, and undefined fields within arrays become null.» Return values follow the same types
 * (developers.google.com/apps-script/guides/html/communication); what Google does with the others:
 * - an argument of another type fails the call: «Failed due to illegal value in property: <key>»;
 * - a return value holding a Date anywhere reaches the success handler as null as a whole; functions
 *   and undefined are dropped from objects and become null in arrays, as JSON does;
 * - a cycle fails either way: «Failed due to circular reference.»;
 * - numbers that JSON cannot hold (NaN, Infinity) become null.
 * The form element is the page's business (the shim turns it into { name: value } first).
 */

export const CIRCULAR = 'Failed due to circular reference.';

export type Direction = 'argument' | 'result';
export type Transported = { ok: true; value: unknown } | { ok: false; message: string };

class Refused extends Error {}

function isDate(v: unknown): boolean {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  // A plain object from another realm (an iframe, the script's vm context) has its own Object.prototype.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** A value inside an array: what is dropped from an object (undefined) becomes null there. */
function inArray(v: unknown): unknown {
  return v === undefined ? null : v;
}

/**
 * One value as it arrives on the other side. `key` is the property (or index) it sits in, `ancestors`
 * the objects being copied above it; undefined means "left out" (a property that does not travel).
 */
function copy(value: unknown, direction: Direction, key: string, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'undefined':
      return undefined;
    case 'object':
      break;
    default:
      // A function, symbol or bigint.
      if (direction === 'argument') throw new Refused(`Failed due to illegal value in property: ${key}`);
      return undefined;
  }
  if (value === null) return null;
  if (ancestors.has(value)) throw new Refused(CIRCULAR);
  if (direction === 'argument' && !Array.isArray(value) && !isPlainObject(value)) {
    throw new Refused(`Failed due to illegal value in property: ${key}`);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((v, i) => inArray(copy(v, direction, String(i), ancestors)));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = copy(v, direction, k, ancestors);
      if (c !== undefined) out[k] = c;
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

function containsDate(value: unknown, seen: Set<unknown>): boolean {
  if (isDate(value)) return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as object).some((v) => containsDate(v, seen));
}

/**
 * `value` as google.script.run carries it: an argument of the page's call (index `position`), or a
 * server function's return value. undefined (a function that returns nothing, an undefined argument)
 * travels as null.
 */
export function transported(value: unknown, direction: Direction, position = 0): Transported {
  try {
    const copied = copy(value, direction, String(position), new Set());
    if (direction === 'result' && containsDate(value, new Set())) return { ok: true, value: null };
    return { ok: true, value: inArray(copied) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, message: e.message };
    throw e;
  }
}
