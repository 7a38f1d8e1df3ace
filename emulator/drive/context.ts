/** What every fake Drive object shares: the Env, the Drive model; scopes and error texts. */
import type { Env } from '../core/env';
import type { DriveModel } from './model';

/**
 * DriveApp's text for an id that is unknown or not shared with the user (the two are not told apart),
 * as scripts see it today; FormApp keeps its own older wording (forms/context.ts).
 */
export const NO_ITEM_WITH_ID =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';

/** Apps Script's text for next() past the end of a FileIterator / FolderIterator. */
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';
/** What DriveApp throws when the user may see an item but not change it (public scripts' reports). */
export const DRIVE_ACCESS_DENIED = 'Access denied: DriveApp.';

/** Our wordings (Apps Script's are not documented): see emulator/README.md. */
export const ROOT_IMMUTABLE = 'The root folder (My Drive) cannot be renamed, moved, trashed or shared.';
export const MOVE_INTO_ITSELF = 'Invalid argument: destination (a folder cannot be moved into itself)';
export const GOOGLE_TYPE_FROM_CONTENT =
  'Invalid argument: mimeType (a Google Docs/Sheets/Forms file cannot be created from content; use DocumentApp.create)';
export const invalidEmail = (address: string) => `Invalid email: ${address}`;

export interface DriveCtx {
  env: Env;
  /** A getter: the workspace may replace its model. */
  readonly drive: DriveModel;
}
