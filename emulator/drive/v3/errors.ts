/**
 * How a failed Drive API call reads in Apps Script: a GoogleJsonResponseException whose message is
 * "API call to drive.files.get failed with error: File not found: <id>." (the REST method's name, then
 * the API's own message). Seen in public reports, e.g.
 * https://github.com/ericyd/gdrive-copy/issues/138 ("API call to drive.files.insert failed with
 * error: File not found:"); the API's messages are from
 * https://developers.google.com/drive/api/guides/handle-errors.
 */
import type { Env } from '../../core/env';

export interface ApiErrorDetails {
  code: number;
  message: string;
  errors: Array<{ domain: string; reason: string; message: string; location?: string; locationType?: string }>;
}

/** `call` is the REST method as Apps Script names it: "drive.files.get", "drive.permissions.delete"… */
export function apiError(
  env: Env,
  call: string,
  code: number,
  reason: string,
  message: string,
  location?: string,
): Error {
  const err = env.error(`API call to ${call} failed with error: ${message}`);
  err.name = 'GoogleJsonResponseException';
  const details: ApiErrorDetails = {
    code,
    message,
    errors: [{ domain: 'global', reason, message, ...(location && { location, locationType: 'parameter' }) }],
  };
  Object.defineProperty(err, 'details', { value: details, enumerable: false });
  return err;
}

/** 404: unknown, not shared with the user, or out of the app's reach under drive.file — Drive does not say which. */
export const fileNotFound = (env: Env, call: string, id: string) =>
  apiError(env, call, 404, 'notFound', `File not found: ${id}.`, 'fileId');

/** 403: the user sees the file but may not change it (reader, commenter; trashing is the owner's). */
export const insufficientFilePermissions = (env: Env, call: string, id: string) =>
  apiError(
    env,
    call,
    403,
    'insufficientFilePermissions',
    `The user does not have sufficient permissions for file ${id}.`,
  );

/** 403: none of the method's scopes is in the manifest (our reading: the API's own message, wrapped). */
export const insufficientScopes = (env: Env, call: string) =>
  apiError(env, call, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');

/** 400: a request the emulated API does not accept (bad q, bad role…). */
export const badRequest = (env: Env, call: string, message: string, location?: string) =>
  apiError(env, call, 400, 'badRequest', message, location);

export const notImplemented = (env: Env, what: string) => env.error(`${what} is not implemented by the emulator`);
