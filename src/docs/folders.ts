import { DOCUMENT_FOLDERS, type DocumentFolder } from '../domain/documents/types';
import { readDocumentsState, writeDocumentsState, type DocumentsState } from './state';

type Folder = GoogleAppsScript.Drive.Folder;

/** A folder by id, or null when it is gone or in the trash (staff may delete anything). */
export function liveFolder(id: string | undefined): Folder | null {
  if (!id) return null;
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

export function liveFile(id: string | undefined): GoogleAppsScript.Drive.File | null {
  if (!id) return null;
  try {
    const file = DriveApp.getFileById(id);
    return file.isTrashed() ? null : file;
  } catch {
    return null;
  }
}

export function periodFolderName(period: string): string {
  return `Наставничество ${period}`;
}

export interface DocumentFolders {
  state: DocumentsState;
  root: Folder;
  folders: Record<DocumentFolder, Folder>;
  /** Templates of the previous period, to copy into the new one (staff's edits carry over). */
  previousTemplates: DocumentsState['templates'];
}

/**
 * The period's folder tree («Наставничество 2026–2027» → «Шаблоны», «Приказы», …), created where
 * missing and re-created where staff deleted a folder; a new period starts a new tree (templates
 * are carried over by ensureTemplates).
 */
export function ensureFolders(period: string): DocumentFolders {
  const saved = readDocumentsState();
  const state: DocumentsState =
    saved && saved.period === period ? saved : { period, folderId: '', folders: {}, templates: {} };
  const previousTemplates = saved && saved.period !== period ? saved.templates : {};
  let changed = state !== saved;
  let root = liveFolder(state.folderId);
  if (!root) {
    root = DriveApp.createFolder(periodFolderName(period));
    state.folderId = root.getId();
    changed = true;
  }
  const folders = {} as Record<DocumentFolder, Folder>;
  for (const name of DOCUMENT_FOLDERS) {
    let folder = liveFolder(state.folders[name]);
    if (!folder) {
      folder = root.createFolder(name);
      state.folders[name] = folder.getId();
      changed = true;
    }
    folders[name] = folder;
  }
  if (changed) writeDocumentsState(state);
  return { state, root, folders, previousTemplates };
}
