/**
 * Drive API v3 File and Permission resources as plain JSON (advanced services return plain objects,
 * not Apps Script classes), and the `fields` parameter.
 *
 * Without `fields` the API returns a default set — for files kind, id, name and mimeType
 * (https://developers.google.com/drive/api/guides/fields-parameter); the add-on must ask for more.
 */
import { canWrite, roleOf } from '../access';
import { MIME, type DriveFileNode, type DriveModel } from '../model';
import { fileUrl, isTrashedDeep } from '../store';

export type FileJson = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
export type PermissionJson = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

const DEFAULT_FILE_FIELDS = ['kind', 'id', 'name', 'mimeType'];

/** Every field the emulator knows of a file, for `user`. */
export function fileJson(drive: DriveModel, node: DriveFileNode, user: string): FileJson {
  const trashed = isTrashedDeep(drive, node);
  const writer = canWrite(drive, node, user);
  const shared =
    node.editors.length + node.viewers.length + (node.commenters?.length ?? 0) > 0 || node.sharing.access !== 'PRIVATE';
  return {
    kind: 'drive#file',
    id: node.id,
    name: node.name,
    mimeType: node.mimeType,
    ...(node.description && { description: node.description }),
    parents: [...node.parents],
    trashed,
    explicitlyTrashed: node.trashed,
    createdTime: new Date(node.createdMs).toISOString(),
    modifiedTime: new Date(node.updatedMs).toISOString(),
    webViewLink: fileUrl(node),
    owners: [
      { kind: 'drive#user', emailAddress: node.owner, displayName: node.owner.split('@')[0], me: node.owner === user },
    ],
    ownedByMe: node.owner === user,
    shared,
    ...(node.data !== undefined && { size: String(Buffer.from(node.data, 'base64').length) }),
    capabilities: {
      canEdit: writer,
      canRename: writer,
      canShare: writer,
      canTrash: node.owner === user,
      canAddChildren: writer && node.mimeType === MIME.folder,
      canCopy: node.mimeType !== MIME.folder && roleOf(drive, node, user) !== null,
    },
  };
}

/** Splits "a,b(c,d),e/f" at the top-level commas. */
function splitTop(spec: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of spec) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A parsed `fields` value: name → sub-selection (null: the whole value). '*' selects everything. */
export type Selection = Map<string, Selection | null> | '*';

export function parseFields(spec: unknown): Selection | null {
  if (typeof spec !== 'string' || spec.trim() === '') return null;
  if (spec.trim() === '*') return '*';
  const out = new Map<string, Selection | null>();
  for (const part of splitTop(spec)) {
    const m = /^([\w]+)(?:\((.*)\)|\/(.+))?$/s.exec(part);
    if (!m) continue;
    // "capabilities/canEdit" selects the whole object here (loosely).
    out.set(m[1], m[2] !== undefined ? parseFields(m[2]) : null);
  }
  return out;
}

export function select<T extends object>(
  value: T,
  selection: Selection | null,
  defaults: readonly string[],
): Partial<T> {
  if (selection === '*') return value;
  const keys = selection ? [...selection.keys()] : defaults;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in value) out[key] = (value as Record<string, unknown>)[key];
  return out as Partial<T>;
}

export function selectFile(file: FileJson, selection: Selection | null): FileJson {
  return select(file, selection, DEFAULT_FILE_FIELDS);
}

/** The sub-selection of a list's items ("files(id,name)"); the whole item when only "files" is named. */
export function itemSelection(selection: Selection | null, listKey: string): Selection | null {
  if (selection === null) return null;
  if (selection === '*') return '*';
  if (!selection.has(listKey)) return null;
  return selection.get(listKey) ?? '*';
}
