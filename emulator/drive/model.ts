/**
 * The Drive behind the DriveApp fake: plain JSON persisted as drive.json. Google Docs keep their
 * content in `docs` (see ../docs/model.ts); a PDF made from a Doc keeps the snapshot it was made from
 * and is rendered to real PDF bytes only when someone opens it (LibreOffice is slow, scripts never
 * read those bytes back).
 */
import type { DocModel } from '../docs/model';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  form: 'application/vnd.google-apps.form',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface DriveFileNode {
  id: string;
  name: string;
  mimeType: string;
  /** Parent folder ids; My Drive's root folder has the id `DriveModel.rootId`. */
  parents: string[];
  trashed: boolean;
  createdMs: number;
  updatedMs: number;
  owner: string;
  description: string;
  /** setSharing(access, permission), by enum name: 'PRIVATE' / 'VIEW' … */
  sharing: { access: string; permission: string };
  editors: string[];
  viewers: string[];
  /** Drive API role «commenter» (Permissions.create); absent in older drive.json files. */
  commenters?: string[];
  /**
   * Made by the add-on's own calls (Drive.Files.create/copy, DocumentApp.create, DriveApp…), not by a
   * person in Drive: only such files are within reach of the drive.file scope (drive/access.ts).
   */
  createdByApp?: boolean;
  /** Bytes of an uploaded blob (createFile), base64. */
  data?: string;
  /** A PDF made from a Doc: the document as it was at getAs() time. */
  pdfOf?: DocModel;
}

export interface DriveModel {
  rootId: string;
  files: DriveFileNode[];
  /** Google Docs' content by file id. */
  docs: Record<string, DocModel>;
  /** Counter behind new ids (drive/store.ts); absent in a hand-made model: derived from files.length. */
  nextId?: number;
  /** Documents created today per user, for the daily quota (the day is yyyy-mm-dd in the script zone). */
  usage?: { day: string; docsCreated: Record<string, number> };
  /**
   * Addresses with no Google account behind them (a mail.ru or yandex.ru box, say): Drive shares with
   * them only by an invitation e-mail (drive/v3/permissions.ts). Every other address is an account.
   */
  withoutGoogleAccount?: string[];
}

/** One file as ws.files() lists it: the path is folder names from My Drive down, joined by «/». */
export interface DriveFileSummary {
  id: string;
  name: string;
  path: string;
  mimeType: string;
  url: string;
  updatedMs: number;
}
