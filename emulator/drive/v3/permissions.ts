/**
 * Drive.Permissions of the Advanced Drive service: share a file or folder with a person (reader,
 * commenter, writer) or by link (anyone / a domain), list and remove those permissions. Stored on the
 * node as DriveApp's sharing is (editors, commenters, viewers, sharing), so both services agree.
 * https://developers.google.com/drive/api/reference/rest/v3/permissions
 * No notification mail is sent whatever `sendNotificationEmail` says (the emulator's mail outbox is
 * MailApp's alone). A permission is no edit of the file: its modifiedTime stays (emulator/RULES.md §6).
 */
import { createHash } from 'node:crypto';
import type { DriveCtx } from '../context';
import type { DriveFileNode } from '../model';
import { apiError, badRequest, insufficientFilePermissions, notImplemented } from './errors';
import { readable, writable } from './reach';
import { itemSelection, parseFields, select, type PermissionJson } from './resource';
import { requireScope } from './scopes';

type PC = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;
type PermissionList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;

const ROLES = ['reader', 'commenter', 'writer'] as const;
type ShareRole = (typeof ROLES)[number];
const LINK_PERMISSION: Record<ShareRole, string> = { reader: 'VIEW', commenter: 'COMMENT', writer: 'EDIT' };
const DEFAULT_FIELDS = ['kind', 'id', 'type', 'role'];
const EMAIL_RE = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/;

/** Our ids: a user's is a stable 20-digit number from the address (Drive's are numeric too). */
export function userPermissionId(email: string): string {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex');
  return BigInt(`0x${hex.slice(0, 16)}`)
    .toString()
    .padStart(20, '0')
    .slice(0, 20);
}
export const ANYONE_ID = 'anyoneWithLink';
export const DOMAIN_ID = 'domainWithLink';

function permissionsOf(node: DriveFileNode): PermissionJson[] {
  const user = (email: string, role: string): PermissionJson => ({
    kind: 'drive#permission',
    id: userPermissionId(email),
    type: 'user',
    role,
    emailAddress: email,
    displayName: email.split('@')[0],
  });
  const out = [
    user(node.owner, 'owner'),
    ...node.editors.map((e) => user(e, 'writer')),
    ...(node.commenters ?? []).map((e) => user(e, 'commenter')),
    ...node.viewers.map((e) => user(e, 'reader')),
  ];
  const { access, permission } = node.sharing;
  const role = Object.entries(LINK_PERMISSION).find(([, p]) => p === permission)?.[0];
  if (role && (access === 'ANYONE' || access === 'ANYONE_WITH_LINK'))
    out.push({
      kind: 'drive#permission',
      id: ANYONE_ID,
      type: 'anyone',
      role,
      allowFileDiscovery: access === 'ANYONE',
    });
  if (role && (access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK'))
    out.push({
      kind: 'drive#permission',
      id: DOMAIN_ID,
      type: 'domain',
      role,
      domain: node.owner.split('@')[1] ?? '',
      allowFileDiscovery: access === 'DOMAIN',
    });
  return out;
}

/**
 * Drive's refusal to share silently with an address that has no Google account: such a person can only be
 * invited by Google's own e-mail. Wording as Drive's sharing dialog and API give it
 * (http://sitesguide.pjrprojects.co.uk/new-in-googleverse/sites-news/known/googlesitessharingissue quotes it).
 */
const noAccountMessage = (email: string) =>
  `You are trying to invite ${email}. Since there is no Google account associated with this email address, you must check the "Notify people" box to invite this recipient.`;

export class PermissionsImpl implements Pick<PC, 'create' | 'list' | 'remove'> {
  constructor(readonly ctx: DriveCtx) {}

  private get env() {
    return this.ctx.env;
  }

  /** Owners and writers share (Drive lets writers share unless the owner forbade it — not modelled). */
  create(resource: unknown, fileId: unknown, optionalArgs?: unknown): PermissionJson {
    const call = 'drive.permissions.create';
    requireScope(this.env, call, 'Drive.Permissions.create');
    const node = writable(this.ctx, call, fileId);
    const res = (resource && typeof resource === 'object' ? resource : {}) as PermissionJson;
    const role = res.role as ShareRole;
    if (res.role === 'owner' || res.role === 'organizer' || res.role === 'fileOrganizer')
      throw notImplemented(this.env, `Drive.Permissions.create with role ${res.role}`);
    if (!ROLES.includes(role)) throw badRequest(this.env, call, 'Invalid Value', 'permission.role');
    const fields = parseFields((optionalArgs as { fields?: unknown } | undefined)?.fields);
    const find = (id: string) => permissionsOf(node).find((p) => p.id === id)!;
    if (res.type === 'anyone' || res.type === 'domain') {
      node.sharing = {
        access: res.type === 'anyone' ? 'ANYONE_WITH_LINK' : 'DOMAIN_WITH_LINK',
        permission: LINK_PERMISSION[role],
      };
      return select(find(res.type === 'anyone' ? ANYONE_ID : DOMAIN_ID), fields, DEFAULT_FIELDS);
    }
    if (res.type !== 'user' && res.type !== 'group')
      throw badRequest(this.env, call, 'Invalid Value', 'permission.type');
    const email = typeof res.emailAddress === 'string' ? res.emailAddress.trim() : '';
    if (!EMAIL_RE.test(email)) throw badRequest(this.env, call, 'Invalid Value', 'permission.emailAddress');
    const notify = (optionalArgs as { sendNotificationEmail?: unknown } | undefined)?.sendNotificationEmail;
    if (notify === false && (this.ctx.drive.withoutGoogleAccount ?? []).includes(email.toLowerCase()))
      throw apiError(this.env, call, 400, 'invalidSharingRequest', noAccountMessage(email), 'sendNotificationEmail');
    // Sharing again returns the person's permission; a lower role leaves a higher one as it is
    // (upgrades apply): https://github.com/odeke-em/drive/issues/793.
    const had = ROLES.indexOf(permissionsOf(node).find((p) => p.id === userPermissionId(email))?.role as ShareRole);
    if (email !== node.owner && had < ROLES.indexOf(role)) {
      node.editors = node.editors.filter((e) => e !== email);
      node.commenters = (node.commenters ?? []).filter((e) => e !== email);
      node.viewers = node.viewers.filter((e) => e !== email);
      ({ writer: node.editors, commenter: node.commenters, reader: node.viewers })[role].push(email);
    }
    return select(find(userPermissionId(email)), fields, DEFAULT_FIELDS);
  }

  list(fileId: unknown, optionalArgs?: unknown): PermissionList {
    const call = 'drive.permissions.list';
    requireScope(this.env, call, 'Drive.Permissions.list');
    const node = readable(this.ctx, call, fileId);
    const fields = parseFields((optionalArgs as { fields?: unknown } | undefined)?.fields);
    const itemSel = itemSelection(fields, 'permissions');
    return {
      kind: 'drive#permissionList',
      permissions: permissionsOf(node).map((p) => select(p, itemSel, DEFAULT_FIELDS)),
    };
  }

  /** The owner's permission cannot go (our wording; Drive asks for an ownership transfer first). */
  remove(fileId: unknown, permissionId: unknown, _optionalArgs?: unknown): void {
    const call = 'drive.permissions.delete';
    requireScope(this.env, call, 'Drive.Permissions.remove');
    const node = writable(this.ctx, call, fileId);
    const permission = permissionsOf(node).find((p) => p.id === permissionId);
    if (!permission)
      throw apiError(this.env, call, 404, 'notFound', `Permission not found: ${String(permissionId)}.`, 'permissionId');
    if (permission.role === 'owner') throw insufficientFilePermissions(this.env, call, node.id);
    if (permission.type === 'anyone' || permission.type === 'domain') {
      node.sharing = { access: 'PRIVATE', permission: 'NONE' };
      return;
    }
    const email = permission.emailAddress!;
    node.editors = node.editors.filter((e) => e !== email);
    node.commenters = (node.commenters ?? []).filter((e) => e !== email);
    node.viewers = node.viewers.filter((e) => e !== email);
  }
}
