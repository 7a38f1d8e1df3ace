/**
 * Checking what the sidebar sends against the contract's schemas (valibot, bundled: import only
 * what is used). Each schema carries its own Russian message naming the field; the first problem
 * is the one the user sees.
 */
import * as v from 'valibot';
import { UserError } from '../domain/userError';

const SHOWN_MAX = 60;

/**
 * A value the sidebar sent, as a message may quote it: text and numbers as they are (cut), '' for
 * anything else (null, a list, an object), which a message must not print as «undefined» or
 * «[object Object]».
 */
export function shownValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return '';
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}

/** A JSON object: not a list, not null. */
export const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** A JSON object with these fields (valibot's object() alone would take a list). */
export function jsonObject<const E extends v.ObjectEntries>(entries: E, message: string) {
  return v.pipe(v.custom<object>(isPlainObject, message), v.object(entries, message));
}

/** Missing or null: undefined, so the output has the contract's optional fields. */
export function optional<S extends v.GenericSchema>(schema: S) {
  return v.pipe(
    v.nullish(schema),
    v.transform((x) => x ?? undefined),
  );
}

/** The checked request, or the schema's Russian message as a UserError. */
export function parseRequest<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  throw new UserError(result.issues[0].message);
}

/** The schema accepts every value of the contract's type T and gives one (compile-time check). */
export type Matches<S extends v.GenericSchema, T> = [v.InferOutput<S>] extends [T]
  ? [T] extends [v.InferInput<S>]
    ? true
    : false
  : false;
