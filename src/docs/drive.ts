/**
 * Every Drive request of the add-on, through the Advanced Drive service (Drive API v3). Its
 * `drive.file` scope reaches only the files the add-on made, which is all it needs; the built-in Drive service would
 * require the full `drive` scope (restricted: a security assessment for a public listing).
 */
import { UserError } from '../domain/userError';

const FOLDER = 'application/vnd.google-apps.folder';
const DOC = 'application/vnd.google-apps.document';
const PDF = 'application/pdf';

/** A file or folder as the add-on knows it. */
export interface DriveItem {
  id: string;
  name: string;
  /** RFC 3339, when the request asked for it (live files do): any change to the file moves it. */
  modifiedTime?: string;
}

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserError(
      'Не подключена служба Google Диска (Drive API v3): документы и папки создавать нельзя. ' +
        'Сообщите администратору, что в манифесте дополнения (appsscript.json) пропала служба Drive.',
    );
  }
  return Drive;
}

/** Drive's query strings: single quotes and backslashes escaped. */
function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function item(file: DriveFile): DriveItem {
  return { id: file.id!, name: file.name ?? '', ...(file.modifiedTime && { modifiedTime: file.modifiedTime }) };
}

/**
 * The item by id when it still exists, is of the wanted kind and is not in the trash (itself or with
 * its folder); null otherwise — staff may delete anything, and a missing file is no error here.
 */
function live(id: string | undefined, folder: boolean): DriveItem | null {
  if (!id) return null;
  const service = drive();
  try {
    const file = service.Files.get(id, { fields: 'id,name,mimeType,trashed,modifiedTime' });
    if (file.trashed || (file.mimeType === FOLDER) !== folder) return null;
    return item(file);
  } catch {
    return null;
  }
}

export function liveFolder(id: string | undefined): DriveItem | null {
  return live(id, true);
}

export function liveFile(id: string | undefined): DriveItem | null {
  return live(id, false);
}

/** A new folder in `parentId`, or in My Drive. */
export function createFolder(name: string, parentId?: string): string {
  const resource: DriveFile = { name, mimeType: FOLDER, ...(parentId && { parents: [parentId] }) };
  return drive().Files.create(resource).id!;
}

/** A new, empty Google Doc right in its folder (no move afterwards). */
export function createDoc(name: string, folderId: string): string {
  return drive().Files.create({ name, mimeType: DOC, parents: [folderId] }).id!;
}

/** A file of that name directly in the folder, not in the trash; null when there is none. */
export function fileInFolder(folderId: string, name: string): DriveItem | null {
  const q = [`name = ${quoted(name)}`, `${quoted(folderId)} in parents`, 'trashed = false', `mimeType != '${FOLDER}'`];
  const found = drive().Files.list({ q: q.join(' and '), pageSize: 1, fields: 'files(id,name)' }).files ?? [];
  return found.length > 0 ? item(found[0]) : null;
}

/** A copy of the file (a Doc with its content) in the folder; its id. */
export function copyFile(fileId: string, name: string, folderId: string): string {
  return drive().Files.copy({ name, parents: [folderId] }, fileId).id!;
}

export function renameFile(id: string, name: string): void {
  drive().Files.update({ name }, id);
}

/** To the trash (staff can restore it from there). */
export function trashFile(id: string): void {
  drive().Files.update({ trashed: true }, id);
}

/**
 * Deleted for good, not to the trash: for what must not outlive a withdrawal of consent. Under
 * drive.file the add-on may delete the files it created (Drive API v3 files.delete; the owner alone).
 */
export function deleteFile(id: string): void {
  drive().Files.remove(id);
}

/** The add-on's files in the trash directly inside the folder (drive.file lists only those). */
export function trashedIn(folderId: string): DriveItem[] {
  const q = [`${quoted(folderId)} in parents`, 'trashed = true', `mimeType != '${FOLDER}'`].join(' and ');
  const out: DriveItem[] = [];
  let pageToken: string | undefined;
  do {
    const page = drive().Files.list({
      q,
      pageSize: 100,
      fields: 'nextPageToken,files(id,name)',
      ...(pageToken && { pageToken }),
    });
    out.push(...(page.files ?? []).map(item));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/** The Doc as it is now, as a PDF in the folder; the PDF's link. */
export function savePdf(docId: string, name: string, folderId: string): string {
  const blob = DocumentApp.openById(docId).getAs(PDF);
  const file = drive().Files.create({ name, mimeType: PDF, parents: [folderId] }, blob, { fields: 'id,webViewLink' });
  return file.webViewLink ?? `https://drive.google.com/file/d/${file.id}/view`;
}

/** The roles the add-on gives people on its documents (Drive API v3 permission roles). */
export type ShareRole = 'reader' | 'commenter';

/**
 * Shares the file with one person, without Drive's own notification: the add-on writes one Russian
 * letter per person for a whole batch instead (permissions.create accepts drive.file for the files the
 * add-on created: https://developers.google.com/drive/api/reference/rest/v3/permissions/create).
 */
export function shareFile(id: string, email: string, role: ShareRole): void {
  drive().Permissions.create({ type: 'user', role, emailAddress: email }, id, {
    sendNotificationEmail: false,
    fields: 'id',
  });
}

/**
 * Takes away every permission of these people on the file; how many went. One that staff removed by
 * hand since the list was read is gone already (Drive: «Permission not found»), which is what was wanted.
 */
export function unshareFile(id: string, emails: ReadonlySet<string>): number {
  const service = drive();
  const list = service.Permissions.list(id, { fields: 'permissions(id,type,role,emailAddress)' }).permissions ?? [];
  const theirs = list.filter(
    (p) => p.type === 'user' && p.role !== 'owner' && emails.has((p.emailAddress ?? '').toLowerCase()),
  );
  let removed = 0;
  for (const p of theirs) {
    try {
      service.Permissions.remove(id, p.id!);
      removed++;
    } catch (e) {
      if (!/Permission not found/i.test(e instanceof Error ? e.message : String(e))) throw e;
    }
  }
  return removed;
}
