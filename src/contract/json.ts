/**
 * What google.script.run can carry. Google: "Legal parameters are JavaScript primitives like a
 * Number, Boolean, String, or null, as well as JavaScript objects and arrays that are composed of
 * primitives, objects, and arrays. […] Requests fail if you attempt to pass a Date, Function, DOM
 * element besides a form, or other prohibited type […] undefined fields within arrays become null."
 * Return values are "subject to the same restrictions as parameter types".
 * (developers.google.com/apps-script/guides/html/reference/run, myFunction(...)).
 */

export type JsonPrimitive = string | number | boolean | null;

export type Json = JsonPrimitive | Json[] | { [key: string]: Json };

/**
 * T with every part JSON cannot carry turned into never. An interface is not assignable to `Json`'s
 * index signature (TypeScript gives interfaces none), so the contract is checked field by field
 * instead. Optional fields may be missing (JSON drops undefined properties); undefined inside a list
 * may not (it would arrive as null).
 */
export type JsonShape<T> = T extends JsonPrimitive
  ? T
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer E)[]
      ? readonly JsonShape<E>[]
      : T extends object
        ? { [K in keyof T]: undefined extends T[K] ? JsonShape<Exclude<T[K], undefined>> | undefined : JsonShape<T[K]> }
        : never;

/** True when T travels through JSON unchanged (a Date, Map, function or undefined in a list does not). */
export type IsJson<T> = [T] extends [JsonShape<T>] ? true : false;
