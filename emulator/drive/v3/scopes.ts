/**
 * The OAuth scopes each Drive API v3 method accepts ("Authorization scopes" of its reference page).
 * gas-types-detailed mirrors only the built-in services, so this small table is kept by hand:
 *   https://developers.google.com/drive/api/reference/rest/v3/files/create
 *   https://developers.google.com/drive/api/reference/rest/v3/files/copy
 *   https://developers.google.com/drive/api/reference/rest/v3/files/get
 *   https://developers.google.com/drive/api/reference/rest/v3/files/list
 *   https://developers.google.com/drive/api/reference/rest/v3/files/update
 *   https://developers.google.com/drive/api/reference/rest/v3/files/delete
 *   https://developers.google.com/drive/api/reference/rest/v3/permissions/create
 *   https://developers.google.com/drive/api/reference/rest/v3/permissions/list
 *   https://developers.google.com/drive/api/reference/rest/v3/permissions/delete
 */
import type { Env } from '../../core/env';
import { requireAuthorization } from '../../services/authorization';
import { insufficientScopes } from './errors';

const AUTH = 'https://www.googleapis.com/auth/';
export const DRIVE_FULL = `${AUTH}drive`;
export const DRIVE_FILE = `${AUTH}drive.file`;

const READ = [
  'drive',
  'drive.appdata',
  'drive.file',
  'drive.meet.readonly',
  'drive.metadata',
  'drive.metadata.readonly',
  'drive.photos.readonly',
  'drive.readonly',
];

export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'drive.files.create': ['drive', 'drive.appdata', 'drive.file'],
  'drive.files.copy': ['drive', 'drive.appdata', 'drive.file', 'drive.photos.readonly'],
  'drive.files.get': READ,
  'drive.files.list': READ,
  'drive.files.update': ['drive', 'drive.appdata', 'drive.file', 'drive.metadata', 'drive.scripts'],
  'drive.files.delete': ['drive', 'drive.appdata', 'drive.file'],
  'drive.permissions.create': ['drive', 'drive.file'],
  'drive.permissions.list': [
    'drive',
    'drive.file',
    'drive.meet.readonly',
    'drive.metadata',
    'drive.metadata.readonly',
    'drive.photos.readonly',
    'drive.readonly',
  ],
  'drive.permissions.delete': ['drive', 'drive.file'],
};

/** Scopes that reach every file the user can see, for reads / for changes (drive.file does not). */
const READ_ALL = ['drive', 'drive.readonly', 'drive.metadata', 'drive.metadata.readonly'].map((s) => AUTH + s);
const WRITE_ALL = [DRIVE_FULL];

/**
 * Refuses the call when none of its scopes is granted (an explicit oauthScopes list) or the execution
 * has no authorization at all (AuthMode.NONE).
 */
export function requireScope(env: Env, call: string, method: string): void {
  requireAuthorization(env, method, DRIVE_FILE);
  const granted = env.manifest.oauthScopes;
  if (!granted) return;
  if (!(METHOD_SCOPES[call] ?? []).some((s) => granted.includes(AUTH + s))) throw insufficientScopes(env, call);
}

/**
 * Whether the granted scopes reach every file the user can see (else only the files the add-on made,
 * drive.file's rule: https://developers.google.com/drive/api/guides/api-specific-auth).
 */
export function reachesAll(env: Env, write: boolean): boolean {
  const granted = env.manifest.oauthScopes;
  if (!granted) return true;
  return (write ? WRITE_ALL : READ_ALL).some((s) => granted.includes(s));
}
