/**
 * AuthMode checks shared by the service fakes. In `AuthMode.NONE` (an add-on's onOpen in a document
 * where it has not been used yet) any service that needs authorization fails; menus can still be built.
 *
 * The message copies the shape Apps Script shows ("You do not have permission to call X. Required
 * permissions: <scope>"); the exact wording is not documented (see NOTES.md).
 */
import type { Env } from '../core/env';

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
