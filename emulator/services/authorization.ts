/**
 * Authorization, the two ways Apps Script refuses a call:
 * - AuthMode.NONE (an add-on's onOpen in a document where it has not been used yet): any service that
 *   needs authorization fails; menus can still be built. "You do not have permission to call X.
 *   Required permissions: <scope>" (the shape users report).
 * - Scopes: when appsscript.json lists `oauthScopes`, a method whose scopes (Google's reference,
 *   generated into core/methodScopes.json) are all missing from it fails with "Specified permissions
 *   are not sufficient to call X. Required permissions: …" (emulator/RULES.md §2).
 */
import type { Env } from '../core/env';
import METHOD_SCOPES from '../core/methodScopes.json';

export const SCOPES = {
  storage: 'https://www.googleapis.com/auth/script.storage',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

export function permissionMessage(method: string, scope: string): string {
  return `You do not have permission to call ${method}. Required permissions: ${scope}`;
}

/** Throws, as Apps Script does, when `method` needs authorization and the execution has none. */
export function requireAuthorization(env: Env, method: string, scope: string): void {
  if (env.execution?.authMode === 'NONE') throw env.error(permissionMessage(method, scope));
}

const METHODS: Readonly<Record<string, readonly string[]>> = METHOD_SCOPES.methods;

/**
 * The scopes Google accepts for `qualifiedClass.method` ("Spreadsheet.Range", "getValues"), any one of
 * which suffices: [] when the reference names none; null when the reference does not know the method
 * (an unqualified class, or the Advanced Drive service, which checks its own scopes).
 */
export function scopesOf(qualifiedClass: string, method: string): readonly string[] | null {
  const key = `${qualifiedClass}.${method}`;
  return Object.prototype.hasOwnProperty.call(METHODS, key) ? METHODS[key] : null;
}

/** Apps Script's wording; several accepted scopes are shown as "(a || b)". */
export function insufficientScopesMessage(call: string, accepted: readonly string[]): string {
  const required = accepted.length === 1 ? accepted[0] : `(${accepted.join(' || ')})`;
  return `Specified permissions are not sufficient to call ${call}. Required permissions: ${required}`;
}

/**
 * Throws when the manifest has an explicit scopes list and it grants none of `accepted` (`call` as
 * Google prints it: "DriveApp.createFolder", "Range.getValues"). No list: nothing is refused.
 */
export function requireScopes(env: Env, call: string, accepted: readonly string[] | null): void {
  const granted = env.manifest.oauthScopes;
  if (!granted || !accepted || accepted.length === 0) return;
  if (!accepted.some((scope) => granted.includes(scope))) throw env.error(insufficientScopesMessage(call, accepted));
}
