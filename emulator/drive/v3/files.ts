/**
 * Drive.Files of the Advanced Drive service (Drive API v3): create, copy, get, update, list, remove —
 * what the add-on needs. Folders, Google Docs (an empty Doc, or a copy with its content) and uploaded
 * blobs (a Doc's PDF keeps its snapshot, as DriveApp's createFile does).
 * https://developers.google.com/drive/api/reference/rest/v3/files
 */
import { unwrap } from '../../core/gasObject';
import { DocPdfBlob } from '../../docs/pdfBlob';
import { fromSignedBytes } from '../../services/common';
import { FakeBlob } from '../../services/utilities';
import type { DriveCtx } from '../context';
import { isGoogleType } from '../mimeType';
import { MIME, type DriveFileNode } from '../model';
import { addNode, countDocumentCreated, createDocFile, rootNode } from '../store';
import { badRequest, insufficientFilePermissions, notImplemented } from './errors';
import { matches, parseQuery, QueryError } from './query';
import { inReach, readable, targetFolder, writable } from './reach';
import { fileJson, itemSelection, parseFields, selectFile, type FileJson } from './resource';
import { requireScope } from './scopes';

type FC = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type Args = Record<string, unknown>;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

/** Drive's answer to a second parent (one parent per item since 2020). */
export const SINGLE_PARENT = 'Increasing the number of parents is not allowed. Use shortcuts instead.';
/** Drive's name for an item created without one (our reading of the Drive UI). */
export const UNTITLED = 'Untitled';
/** files.list page size: default 100, at most 1000 (the reference's pageSize). */
const PAGE_DEFAULT = 100;
const PAGE_MAX = 1000;

function args(value: unknown): Args {
  return value && typeof value === 'object' ? (value as Args) : {};
}

function resourceOf(value: unknown): FileJson {
  return value && typeof value === 'object' ? (value as FileJson) : {};
}

function blobOf(value: unknown): FakeBlob | null {
  let raw = unwrap(value) as unknown;
  if (!(raw instanceof FakeBlob) && raw && typeof (raw as { getBlob?: unknown }).getBlob === 'function')
    raw = unwrap((raw as { getBlob: () => unknown }).getBlob());
  return raw instanceof FakeBlob ? raw : null;
}

export class FilesImpl implements Pick<FC, 'create' | 'copy' | 'get' | 'update' | 'list' | 'remove'> {
  constructor(readonly ctx: DriveCtx) {}

  private get env() {
    return this.ctx.env;
  }
  private get user() {
    return this.ctx.env.activeUser;
  }

  private out(node: DriveFileNode, optionalArgs: unknown): FileJson {
    return selectFile(fileJson(this.ctx.drive, node, this.user), parseFields(args(optionalArgs).fields));
  }

  /** The one parent a new item goes into: `parents` of the resource, else My Drive. */
  private parentOf(call: string, parents: unknown): string {
    if (parents === undefined || parents === null) return this.ctx.drive.rootId;
    if (!Array.isArray(parents)) throw badRequest(this.env, call, 'Invalid Value', 'parents');
    if (parents.length > 1) throw badRequest(this.env, call, SINGLE_PARENT, 'parents');
    return parents.length === 0 ? this.ctx.drive.rootId : targetFolder(this.ctx, call, parents[0]);
  }

  create(resource: unknown, mediaData?: unknown, optionalArgs?: unknown): FileJson {
    const call = 'drive.files.create';
    requireScope(this.env, call, 'Drive.Files.create');
    const res = resourceOf(resource);
    const parentId = this.parentOf(call, res.parents);
    const drive = this.ctx.drive;
    const blob = mediaData === undefined || mediaData === null ? null : blobOf(mediaData);
    if (mediaData !== undefined && mediaData !== null && !blob)
      throw badRequest(this.env, call, 'Invalid Value', 'mediaData');
    const name = typeof res.name === 'string' ? res.name : (blob?.getName() ?? UNTITLED);
    let node: DriveFileNode;
    if (!blob) {
      const mimeType = typeof res.mimeType === 'string' ? res.mimeType : 'application/octet-stream';
      if (mimeType === MIME.document) node = createDocFile(drive, this.env, name, parentId);
      else if (mimeType === MIME.folder || !isGoogleType(mimeType))
        node = addNode(drive, this.env, { name, mimeType, parentId, ...(mimeType !== MIME.folder && { data: '' }) });
      else throw notImplemented(this.env, `Drive.Files.create of an empty ${mimeType}`);
    } else {
      const mimeType =
        typeof res.mimeType === 'string' ? res.mimeType : (blob.getContentType() ?? 'application/octet-stream');
      if (isGoogleType(mimeType))
        throw notImplemented(this.env, 'Drive.Files.create converting an upload to a Google type');
      if (blob instanceof DocPdfBlob) {
        if (mimeType !== MIME.pdf) throw notImplemented(this.env, `Drive.Files.create of a Doc's PDF as ${mimeType}`);
        node = addNode(drive, this.env, { name, mimeType, parentId, pdfOf: blob.snapshot });
      } else {
        const data = fromSignedBytes(blob.getBytes()).toString('base64');
        node = addNode(drive, this.env, { name, mimeType, parentId, data });
      }
    }
    if (typeof res.description === 'string') node.description = res.description;
    return this.out(node, optionalArgs);
  }

  /**
   * A copy owned by the active user, named "Copy of <name>" unless the resource names it, in the
   * resource's parent or else the original's folder (My Drive when the user may not add there).
   * Folders cannot be copied (the reference says so).
   */
  copy(resource: unknown, fileId: unknown, optionalArgs?: unknown): FileJson {
    const call = 'drive.files.copy';
    requireScope(this.env, call, 'Drive.Files.copy');
    const source = readable(this.ctx, call, fileId);
    if (source.mimeType === MIME.folder) throw badRequest(this.env, call, 'Folders cannot be copied.', 'fileId');
    const res = resourceOf(resource);
    const drive = this.ctx.drive;
    let parentId: string;
    if (res.parents !== undefined && res.parents !== null) parentId = this.parentOf(call, res.parents);
    else {
      try {
        parentId = targetFolder(this.ctx, call, source.parents[0] ?? 'root');
      } catch {
        parentId = drive.rootId;
      }
    }
    const name = typeof res.name === 'string' ? res.name : `Copy of ${source.name}`;
    const doc = drive.docs[source.id];
    if (doc) countDocumentCreated(drive, this.env);
    const copy = addNode(drive, this.env, {
      name,
      mimeType: source.mimeType,
      parentId,
      ...(source.data !== undefined && { data: source.data }),
      ...(source.pdfOf !== undefined && { pdfOf: structuredClone(source.pdfOf) }),
    });
    copy.description = typeof res.description === 'string' ? res.description : source.description;
    if (doc) drive.docs[copy.id] = { ...structuredClone(doc), id: copy.id, name, revision: 0 };
    return this.out(copy, optionalArgs);
  }

  get(fileId: string): FileJson;
  get(fileId: string, optionalArgs: Args & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Args): FileJson;
  get(fileId: unknown, optionalArgs?: unknown): FileJson | string {
    const call = 'drive.files.get';
    requireScope(this.env, call, 'Drive.Files.get');
    if (args(optionalArgs).alt === 'media') throw notImplemented(this.env, "Drive.Files.get with alt: 'media'");
    if (fileId === 'root' || fileId === this.ctx.drive.rootId)
      return this.out(rootNode(this.ctx.drive, this.user), optionalArgs);
    return this.out(readable(this.ctx, call, fileId), optionalArgs);
  }

  /**
   * Metadata changes: name, description, trashed (the owner's alone — "Only the owner may trash a
   * file", the File resource's `trashed`), and moves with addParents / removeParents.
   */
  update(resource: unknown, fileId: unknown, mediaData?: unknown, optionalArgs?: unknown): FileJson {
    const call = 'drive.files.update';
    requireScope(this.env, call, 'Drive.Files.update');
    if (mediaData !== undefined && mediaData !== null)
      throw notImplemented(this.env, 'Drive.Files.update with new content');
    const node = writable(this.ctx, call, fileId);
    const res = resourceOf(resource);
    const opts = args(optionalArgs);
    const ids = (v: unknown) => (typeof v === 'string' && v ? v.split(',').map((s) => s.trim()) : []);
    const add = ids(opts.addParents).map((id) => targetFolder(this.ctx, call, id));
    const remove = new Set(ids(opts.removeParents).map((id) => (id === 'root' ? this.ctx.drive.rootId : id)));
    const parents = [...node.parents.filter((p) => !remove.has(p)), ...add.filter((p) => !node.parents.includes(p))];
    if (parents.length > 1) throw badRequest(this.env, call, SINGLE_PARENT, 'addParents');
    if (typeof res.trashed === 'boolean' && res.trashed !== node.trashed && node.owner !== this.user)
      throw insufficientFilePermissions(this.env, call, node.id);
    if (add.length || remove.size) node.parents = parents;
    if (typeof res.name === 'string') {
      node.name = res.name;
      const doc = this.ctx.drive.docs[node.id];
      if (doc) {
        doc.name = res.name;
        doc.revision++;
      }
    }
    if (typeof res.description === 'string') node.description = res.description;
    if (typeof res.trashed === 'boolean') node.trashed = res.trashed;
    node.updatedMs = this.env.now();
    return this.out(node, optionalArgs);
  }

  /**
   * Files the user can see and the add-on may reach, trashed ones included unless `q` says
   * `trashed = false` (as Drive lists them), in creation order (Drive's default order is not documented).
   */
  list(optionalArgs?: unknown): FileList {
    const call = 'drive.files.list';
    requireScope(this.env, call, 'Drive.Files.list');
    const opts = args(optionalArgs);
    let terms;
    try {
      terms = parseQuery(typeof opts.q === 'string' ? opts.q : '');
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      throw badRequest(this.env, call, 'Invalid Value', 'q');
    }
    const size = opts.pageSize === undefined ? PAGE_DEFAULT : Number(opts.pageSize);
    if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX)
      throw badRequest(this.env, call, 'Invalid Value', 'pageSize');
    const start = typeof opts.pageToken === 'string' ? pageStart(opts.pageToken) : 0;
    if (start === null) throw badRequest(this.env, call, 'Invalid Value', 'pageToken');
    const drive = this.ctx.drive;
    const found = drive.files.filter((f) => inReach(this.ctx, f, false) && matches(drive, f, terms));
    const page = found.slice(start, start + size);
    const selection = parseFields(opts.fields);
    const itemSel = itemSelection(selection, 'files');
    const result: FileList = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map((n) => selectFile(fileJson(drive, n, this.user), itemSel)),
      ...(start + size < found.length && { nextPageToken: pageToken(start + size) }),
    };
    if (selection === null || selection === '*') return result;
    const picked: Record<string, unknown> = {};
    for (const key of selection.keys()) if (key in result) picked[key] = (result as Record<string, unknown>)[key];
    return picked as FileList;
  }

  /** Deletes for good (no trash), the owner's alone; a folder takes what is inside it along. */
  remove(fileId: unknown, _optionalArgs?: unknown): void {
    const call = 'drive.files.delete';
    requireScope(this.env, call, 'Drive.Files.remove');
    const node = writable(this.ctx, call, fileId);
    if (node.owner !== this.user) throw insufficientFilePermissions(this.env, call, node.id);
    const drive = this.ctx.drive;
    const doomed = new Set([node.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const f of drive.files)
        if (!doomed.has(f.id) && f.parents.some((p) => doomed.has(p))) {
          doomed.add(f.id);
          grew = true;
        }
    }
    drive.files = drive.files.filter((f) => !doomed.has(f.id));
    for (const id of doomed) delete drive.docs[id];
  }
}

function pageToken(start: number): string {
  return Buffer.from(`start:${start}`).toString('base64url');
}
function pageStart(token: string): number | null {
  const m = /^start:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}
