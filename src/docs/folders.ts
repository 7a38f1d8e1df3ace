import { DOCUMENT_FOLDERS, type DocumentFolder } from '../domain/documents/types';
import { requireManagement } from '../state/manager';
import { createFolder, liveFolder } from './drive';
import { readDocumentsState, writeDocumentsState, type DocumentsState } from './state';
import { ADDON_NAME } from '../domain/addon';

export function periodFolderName(period: string): string {
  return `${ADDON_NAME} ${period}`;
}

export interface DocumentFolders {
  state: DocumentsState;
  /** The period folder's id. */
  rootId: string;
  /** Sub-folder ids by name. */
  folders: Record<DocumentFolder, string>;
  /** Templates of the previous period, to copy into the new one (staff's edits carry over). */
  previousTemplates: DocumentsState['templates'];
}

/**
 * The period's folder tree («Наставничество 2026–2027» → «Шаблоны», «Приказы», …), created where
 * missing and re-created where staff deleted a folder; a new period starts a new tree (templates
 * are carried over by ensureTemplates).
 */
export function ensureFolders(period: string): DocumentFolders {
  // Another account cannot see the manager's folders (drive.file): it would build a second tree.
  requireManagement('Документы');
  const saved = readDocumentsState();
  const state: DocumentsState =
    saved && saved.period === period ? saved : { period, folderId: '', folders: {}, templates: {} };
  const previousTemplates = saved && saved.period !== period ? saved.templates : {};
  let changed = state !== saved;
  let rootId = liveFolder(state.folderId)?.id;
  if (!rootId) {
    rootId = createFolder(periodFolderName(period));
    state.folderId = rootId;
    changed = true;
  }
  const folders = {} as Record<DocumentFolder, string>;
  for (const name of DOCUMENT_FOLDERS) {
    let id = liveFolder(state.folders[name])?.id;
    if (!id) {
      id = createFolder(name, rootId);
      state.folders[name] = id;
      changed = true;
    }
    folders[name] = id;
  }
  if (changed) writeDocumentsState(state);
  return { state, rootId, folders, previousTemplates };
}
