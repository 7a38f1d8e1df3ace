/**
 * Who may see and change a Drive item: its owner, the people it (or a folder above it) is shared
 * with, and anyone its link sharing covers. Shared by DriveApp, DocumentApp and the Drive API (v3/).
 *
 * Drive's rules: https://developers.google.com/drive/api/guides/ref-roles (roles and what they
 * allow) and https://support.google.com/drive/answer/2494822 (a folder's sharing reaches its files).
 */
import type { DriveFileNode, DriveModel } from './model';
import { findNode } from './store';

export type Role = 'owner' | 'writer' | 'commenter' | 'reader';

const RANK: Record<Role, number> = { reader: 1, commenter: 2, writer: 3, owner: 4 };

function higher(a: Role | null, b: Role | null): Role | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

const domainOf = (email: string) => email.split('@')[1]?.toLowerCase() ?? '';

/** The role link sharing (DriveApp.setSharing / a Drive "anyone" or "domain" permission) gives `user`. */
function linkRole(node: DriveFileNode, user: string): Role | null {
  const { access, permission } = node.sharing;
  const everyone = access === 'ANYONE' || access === 'ANYONE_WITH_LINK';
  const domain = (access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK') && domainOf(node.owner) === domainOf(user);
  if (!everyone && !domain) return null;
  if (permission === 'EDIT') return 'writer';
  if (permission === 'COMMENT') return 'commenter';
  if (permission === 'VIEW') return 'reader';
  return null;
}

/** The role `user` holds on this node itself (not inherited). */
function ownRole(node: DriveFileNode, user: string): Role | null {
  if (node.owner === user) return 'owner';
  let role: Role | null = null;
  if (node.editors.includes(user)) role = 'writer';
  else if (node.commenters?.includes(user)) role = 'commenter';
  else if (node.viewers.includes(user)) role = 'reader';
  return higher(role, linkRole(node, user));
}

/**
 * The highest role `user` has on `node`: its own, or one inherited from a folder above it (the owner
 * of a folder edits what others put in it). Null: the user cannot even see it. My Drive (the root,
 * not a stored node) is every user's own.
 */
export function roleOf(drive: DriveModel, node: DriveFileNode, user: string): Role | null {
  if (node.id === drive.rootId) return 'owner';
  let best = ownRole(node, user);
  const seen = new Set<string>([node.id]);
  for (let p = findNode(drive, node.parents[0] ?? ''); p && !seen.has(p.id); p = findNode(drive, p.parents[0] ?? '')) {
    seen.add(p.id);
    const inherited = ownRole(p, user);
    best = higher(best, inherited === 'owner' ? 'writer' : inherited);
  }
  return best;
}

export function canRead(drive: DriveModel, node: DriveFileNode, user: string): boolean {
  return roleOf(drive, node, user) !== null;
}

/** Owner or editor: renaming, trashing, moving, sharing, new children. Commenters and viewers may not. */
export function canWrite(drive: DriveModel, node: DriveFileNode, user: string): boolean {
  const role = roleOf(drive, node, user);
  return role === 'owner' || role === 'writer';
}
