/**
 * Operations on the plain DriveModel shared by DriveApp, DocumentApp and the workspace: ids, new
 * nodes, the daily "documents created" quota, trash, paths, URLs, the ws.files() listing.
 */
import { createHash } from 'node:crypto';
import type { Env } from '../core/env';
import { wallClock } from '../core/timezone';
import { emptyParagraph, type DocModel } from '../docs/model';
import { MIME, type DriveFileNode, type DriveFileSummary, type DriveModel } from './model';

/** Documents created per day per user: 250 on a consumer account (1 500 on Workspace); see README. */
export const DOCS_CREATED_PER_DAY = 250;
/** Apps Script's text for the exhausted quota. */
export const DOCS_QUOTA_EXCEEDED = 'Service invoked too many times for one day: docs create.';
/** What Apps Script calls the root folder (its English name, whatever the user's language). */
export const ROOT_NAME = 'My Drive';

function hashId(seed: string): string {
  return createHash('sha256').update(seed).digest('base64url');
}

export function newDriveModel(): DriveModel {
  return { rootId: `0A${hashId('my-drive-root').slice(0, 13)}Uk9PVA`, files: [], docs: {}, nextId: 1 };
}

/** A loaded drive.json; its shape is checked, since people may edit the file. */
export function driveModelFromJSON(input: unknown): DriveModel {
  const json = input as Partial<DriveModel> | null;
  const ok =
    !!json &&
    typeof json.rootId === 'string' &&
    Array.isArray(json.files) &&
    !!json.docs &&
    typeof json.docs === 'object' &&
    json.files.every(
      (f) =>
        !!f &&
        typeof f.id === 'string' &&
        typeof f.name === 'string' &&
        typeof f.mimeType === 'string' &&
        Array.isArray(f.parents),
    ) &&
    Object.values(json.docs).every((d) => !!d && typeof d.id === 'string' && Array.isArray(d.body));
  if (!ok) throw new Error('drive.json: expected { rootId, files: DriveFileNode[], docs: { [id]: DocModel } }');
  return structuredClone(json as DriveModel);
}

/**
 * A new id that looks like Google's (url-safe, 44 characters for files, 33 for folders), derived
 * from a counter kept in the model so runs are reproducible.
 */
export function newId(drive: DriveModel, kind: 'file' | 'folder'): string {
  let n = drive.nextId ?? drive.files.length + 1;
  for (;;) {
    const id = `1${hashId(`drive-${n}`).slice(0, kind === 'folder' ? 32 : 43)}`;
    n++;
    if (id !== drive.rootId && !drive.files.some((f) => f.id === id)) {
      drive.nextId = n;
      return id;
    }
  }
}

export function findNode(drive: DriveModel, id: string): DriveFileNode | undefined {
  return drive.files.find((f) => f.id === id);
}

/** The root folder as a node (it is not stored in `files`). */
export function rootNode(drive: DriveModel, owner: string): DriveFileNode {
  return {
    id: drive.rootId,
    name: ROOT_NAME,
    mimeType: MIME.folder,
    parents: [],
    trashed: false,
    createdMs: 0,
    updatedMs: 0,
    owner,
    description: '',
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    editors: [],
    viewers: [],
  };
}

export function isFolder(node: DriveFileNode): boolean {
  return node.mimeType === MIME.folder;
}

/** Trashed itself or inside a trashed folder (Drive trashes a folder's contents with it). */
export function isTrashedDeep(drive: DriveModel, node: DriveFileNode): boolean {
  const seen = new Set<string>();
  for (let n: DriveFileNode | undefined = node; n && !seen.has(n.id); n = findNode(drive, n.parents[0] ?? '')) {
    if (n.trashed) return true;
    seen.add(n.id);
  }
  return false;
}

/** Is `id` the folder `ancestorId` or inside it (any depth, first parents)? */
export function isWithin(drive: DriveModel, id: string, ancestorId: string): boolean {
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur && !seen.has(cur); cur = findNode(drive, cur)?.parents[0]) {
    if (cur === ancestorId) return true;
    seen.add(cur);
  }
  return false;
}

export function addNode(
  drive: DriveModel,
  env: Env,
  input: { name: string; mimeType: string; parentId: string; data?: string; pdfOf?: DocModel },
): DriveFileNode {
  const now = env.now();
  const node: DriveFileNode = {
    id: newId(drive, input.mimeType === MIME.folder ? 'folder' : 'file'),
    name: input.name,
    mimeType: input.mimeType,
    parents: [input.parentId],
    trashed: false,
    createdMs: now,
    updatedMs: now,
    owner: env.activeUser,
    description: '',
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    editors: [],
    viewers: [],
    // The add-on runs only inside an execution; a person in Drive or Docs (ws.driveApp()) acts outside one.
    ...(env.execution && { createdByApp: true }),
    ...(input.data !== undefined && { data: input.data }),
    ...(input.pdfOf !== undefined && { pdfOf: input.pdfOf }),
  };
  drive.files.push(node);
  return node;
}

/** Counts one document created by the active user today; throws Apps Script's quota error past the limit. */
export function countDocumentCreated(drive: DriveModel, env: Env, limit = DOCS_CREATED_PER_DAY): void {
  const w = wallClock(env.now(), env.scriptTimeZone);
  const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  if (!drive.usage || drive.usage.day !== day) drive.usage = { day, docsCreated: {} };
  const used = drive.usage.docsCreated[env.activeUser] ?? 0;
  if (used >= limit) throw env.error(DOCS_QUOTA_EXCEEDED);
  drive.usage.docsCreated[env.activeUser] = used + 1;
}

/** A new Google Doc: a file node in `parentId` and its content (one empty paragraph, as Docs starts). */
export function createDocFile(drive: DriveModel, env: Env, name: string, parentId: string): DriveFileNode {
  countDocumentCreated(drive, env);
  const node = addNode(drive, env, { name, mimeType: MIME.document, parentId });
  drive.docs[node.id] = {
    id: node.id,
    name,
    body: [emptyParagraph()],
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    revision: 0,
  };
  return node;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export function folderUrl(id: string): string {
  return `https://drive.google.com/drive/folders/${id}`;
}

/** File.getUrl(): the editor of a Google file, else Drive's viewer. */
export function fileUrl(node: DriveFileNode): string {
  switch (node.mimeType) {
    case MIME.folder:
      return folderUrl(node.id);
    case MIME.document:
      return `${docUrl(node.id)}?usp=drivesdk`;
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${node.id}/edit?usp=drivesdk`;
    case MIME.form:
      return `https://docs.google.com/forms/d/${node.id}/edit?usp=drivesdk`;
    default:
      return `https://drive.google.com/file/d/${node.id}/view?usp=drivesdk`;
  }
}

/** Folder names from My Drive (excluded) down to the node's parent, joined by «/»; '' in the root. */
export function pathOf(drive: DriveModel, node: DriveFileNode): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let p = findNode(drive, node.parents[0] ?? ''); p && !seen.has(p.id); p = findNode(drive, p.parents[0] ?? '')) {
    names.unshift(p.name);
    seen.add(p.id);
  }
  return names.join('/');
}

/** Every file and folder not in the trash, sorted by path, then name (Russian collation). */
export function summaries(drive: DriveModel): DriveFileSummary[] {
  return drive.files
    .filter((f) => !isTrashedDeep(drive, f))
    .map((f) => ({
      id: f.id,
      name: f.name,
      path: pathOf(drive, f),
      mimeType: f.mimeType,
      url: fileUrl(f),
      updatedMs: f.updatedMs,
    }))
    .sort((a, b) => a.path.localeCompare(b.path, 'ru') || a.name.localeCompare(b.name, 'ru'));
}
