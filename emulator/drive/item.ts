/**
 * What File and Folder share: the node behind them (looked up by id on every call), name,
 * description, dates, trash, parents, moving, sharing. The root folder (My Drive) is not stored in
 * the model; it cannot be renamed, moved, trashed or shared.
 */
import { signatureError, unwrap } from '../core/gasObject';
import { enumKey, Wrapped } from '../services/common';
import { requireAuthorization } from '../services/authorization';
import { canRead, canWrite } from './access';
import {
  DRIVE_ACCESS_DENIED,
  DRIVE_SCOPE,
  invalidEmail,
  MOVE_INTO_ITSELF,
  NO_ITEM_WITH_ID,
  ROOT_IMMUTABLE,
  type DriveCtx,
} from './context';
import { Access, Permission } from './enums';
import { iteratorOf } from './iterators';
import { MIME, type DriveFileNode } from './model';
import { findNode, isTrashedDeep, isWithin, rootNode } from './store';
import { driveUser } from './user';

export type GFile = GoogleAppsScript.Drive.File;
export type GFolder = GoogleAppsScript.Drive.Folder;
export type GFileIterator = GoogleAppsScript.Drive.FileIterator;
export type GFolderIterator = GoogleAppsScript.Drive.FolderIterator;
/** Methods both classes return `this` from are typed for both (Pick<> checks each class). */
type Self = GFile & GFolder;

const makers: { file?: (ctx: DriveCtx, id: string) => GFile; folder?: (ctx: DriveCtx, id: string) => GFolder } = {};

/** file.ts and folder.ts register their factories (they and this base would otherwise import each other). */
export function registerMakers(m: typeof makers): void {
  Object.assign(makers, m);
}
export function fileObject(ctx: DriveCtx, id: string): GFile {
  return makers.file!(ctx, id);
}
export function folderObject(ctx: DriveCtx, id: string): GFolder {
  return makers.folder!(ctx, id);
}

export function driveAuth(ctx: DriveCtx, method: string): void {
  requireAuthorization(ctx.env, method, DRIVE_SCOPE);
}

/**
 * The node of an id, the root included; throws Drive's "No item with the given ID…" if unknown or
 * not shared with the active user (Drive does not tell the two apart).
 */
export function nodeById(ctx: DriveCtx, id: string): DriveFileNode {
  if (id === ctx.drive.rootId) return rootNode(ctx.drive, ctx.env.owner);
  const node = findNode(ctx.drive, id);
  if (!node || !canRead(ctx.drive, node, ctx.env.activeUser)) throw ctx.env.error(NO_ITEM_WITH_ID);
  return node;
}

/** Items of `nodes` the active user can see (listings). */
export function visible(ctx: DriveCtx, nodes: DriveFileNode[]): DriveFileNode[] {
  return nodes.filter((n) => canRead(ctx.drive, n, ctx.env.activeUser));
}

const EMAIL_RE = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/;

export abstract class DriveItemBase extends Wrapped {
  protected abstract readonly apiName: string;
  abstract readonly isFolderItem: boolean;

  constructor(
    readonly ctx: DriveCtx,
    readonly id: string,
  ) {
    super();
  }

  protected get env() {
    return this.ctx.env;
  }

  protected ret(): Self {
    return this._self as unknown as Self;
  }

  protected get isRoot(): boolean {
    return this.id === this.ctx.drive.rootId;
  }

  protected node(): DriveFileNode {
    return nodeById(this.ctx, this.id);
  }

  /**
   * The node, for a change: the root refuses, so do viewers and commenters; the last-updated time moves,
   * except for sharing, which changes who may open the file, not the file (emulator/RULES.md §6).
   */
  protected mutable(edit = true): DriveFileNode {
    if (this.isRoot) throw this.env.error(ROOT_IMMUTABLE);
    const node = this.node();
    if (!canWrite(this.ctx.drive, node, this.env.activeUser)) throw this.env.error(DRIVE_ACCESS_DENIED);
    if (edit) node.updatedMs = this.env.now();
    return node;
  }

  /** The node, to add to (new children, a copy's destination): owners and editors only. */
  writable(): DriveFileNode {
    const node = this.node();
    if (!this.isRoot && !canWrite(this.ctx.drive, node, this.env.activeUser)) throw this.env.error(DRIVE_ACCESS_DENIED);
    return node;
  }

  protected str(method: string, value: unknown): string {
    if (typeof value !== 'string') throw signatureError(this.env, `${this.apiName}.${method}`, [value]);
    return value;
  }

  getId(): string {
    this.node();
    return this.id;
  }
  getName(): string {
    return this.node().name;
  }
  setName(name: string): Self {
    const value = this.str('setName', name);
    const node = this.mutable();
    node.name = value;
    const doc = this.ctx.drive.docs[node.id];
    if (doc) {
      doc.name = value;
      doc.revision++;
    }
    return this.ret();
  }
  /** null when there is none (Drive has no description rather than an empty one). */
  getDescription(): string | null {
    return this.node().description || null;
  }
  setDescription(description: string): Self {
    const value = this.str('setDescription', description);
    this.mutable().description = value;
    return this.ret();
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return this.env.date(this.node().createdMs);
  }
  getLastUpdated(): GoogleAppsScript.Base.Date {
    return this.env.date(this.node().updatedMs);
  }

  /** In the trash, itself or inside a trashed folder. */
  isTrashed(): boolean {
    return isTrashedDeep(this.ctx.drive, this.node());
  }
  setTrashed(trashed: boolean): Self {
    if (typeof trashed !== 'boolean') throw signatureError(this.env, `${this.apiName}.setTrashed`, [trashed]);
    // "Only the owner may trash the File." (the reference of File.setTrashed / Folder.setTrashed)
    if (!this.isRoot && this.node().owner !== this.env.activeUser) throw this.env.error(DRIVE_ACCESS_DENIED);
    this.mutable().trashed = trashed;
    return this.ret();
  }

  getParents(): GFolderIterator {
    const parents = this.node().parents;
    return iteratorOf(
      this.env,
      'FolderIterator',
      parents.map((id) => () => folderObject(this.ctx, id)),
    ) as unknown as GFolderIterator;
  }

  /** Into `destination` (its only parent from now on); a folder cannot go into itself or below. */
  moveTo(destination: GFolder): Self {
    const dest = unwrap(destination) as unknown;
    if (!(dest instanceof DriveItemBase) || !dest.isFolderItem)
      throw signatureError(this.env, `${this.apiName}.moveTo`, [destination]);
    dest.writable();
    if (this.isFolderItem && isWithin(this.ctx.drive, dest.id, this.id)) throw this.env.error(MOVE_INTO_ITSELF);
    this.mutable().parents = [dest.id];
    return this.ret();
  }

  // ------------------------------------------------------------ sharing

  setSharing(accessType: GoogleAppsScript.Drive.Access, permissionType: GoogleAppsScript.Drive.Permission): Self {
    const access = enumKey(Access, accessType);
    const permission = enumKey(Permission, permissionType);
    if (!access || !permission)
      throw signatureError(this.env, `${this.apiName}.setSharing`, [accessType, permissionType]);
    this.mutable(false).sharing = { access, permission };
    return this.ret();
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    const key = this.node().sharing.access as keyof typeof Access;
    return Access[key] as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    const key = this.node().sharing.permission as keyof typeof Permission;
    return Permission[key] as unknown as GoogleAppsScript.Drive.Permission;
  }

  private email(method: string, user: unknown): string {
    let email: unknown = user;
    if (user && typeof user === 'object' && typeof (user as { getEmail?: unknown }).getEmail === 'function')
      email = (user as { getEmail: () => unknown }).getEmail();
    if (typeof email !== 'string') throw signatureError(this.env, `${this.apiName}.${method}`, [user]);
    if (!EMAIL_RE.test(email)) throw this.env.error(invalidEmail(email));
    return email;
  }

  /** Editors: the owner is never listed; an editor is no longer a viewer. */
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Self {
    const email = this.email('addEditor', emailAddress);
    const node = this.mutable(false);
    if (email !== node.owner && !node.editors.includes(email)) node.editors.push(email);
    node.viewers = node.viewers.filter((v) => v !== email);
    return this.ret();
  }
  addEditors(emailAddresses: string[]): Self {
    if (!Array.isArray(emailAddresses)) throw signatureError(this.env, `${this.apiName}.addEditors`, [emailAddresses]);
    for (const e of emailAddresses) this.addEditor(e);
    return this.ret();
  }
  /** A viewer who already edits keeps editing (Drive keeps the higher role). */
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): Self {
    const email = this.email('addViewer', emailAddress);
    const node = this.mutable(false);
    if (email !== node.owner && !node.editors.includes(email) && !node.viewers.includes(email))
      node.viewers.push(email);
    return this.ret();
  }
  addViewers(emailAddresses: string[]): Self {
    if (!Array.isArray(emailAddresses)) throw signatureError(this.env, `${this.apiName}.addViewers`, [emailAddresses]);
    for (const e of emailAddresses) this.addViewer(e);
    return this.ret();
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): Self {
    const email = this.email('removeEditor', emailAddress);
    const node = this.mutable(false);
    node.editors = node.editors.filter((e) => e !== email);
    return this.ret();
  }
  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): Self {
    const email = this.email('removeViewer', emailAddress);
    const node = this.mutable(false);
    node.viewers = node.viewers.filter((e) => e !== email);
    return this.ret();
  }
  getEditors(): GoogleAppsScript.Drive.User[] {
    return this.node().editors.map((e) => driveUser(this.env, e));
  }
  getViewers(): GoogleAppsScript.Drive.User[] {
    return this.node().viewers.map((e) => driveUser(this.env, e));
  }
  getOwner(): GoogleAppsScript.Drive.User {
    return driveUser(this.env, this.node().owner);
  }
}

/** The folder object behind a script's argument, or null. */
export function folderArg(value: unknown): DriveItemBase | null {
  const raw = unwrap(value) as unknown;
  return raw instanceof DriveItemBase && raw.isFolderItem ? raw : null;
}

export function isFolderNode(node: DriveFileNode): boolean {
  return node.mimeType === MIME.folder;
}
