/**
 * Which files a Drive API call may touch for the active user: the ones they can see (drive/access.ts),
 * and under drive.file only those the add-on made (`createdByApp`). Whatever is out of reach reads as
 * "File not found", as Drive answers for a file the app may not see.
 */
import type { DriveCtx } from '../context';
import { canRead, canWrite } from '../access';
import { MIME, type DriveFileNode } from '../model';
import { findNode } from '../store';
import { badRequest, fileNotFound, insufficientFilePermissions } from './errors';
import { reachesAll } from './scopes';

export function inReach(ctx: DriveCtx, node: DriveFileNode, write: boolean): boolean {
  if (!canRead(ctx.drive, node, ctx.env.activeUser)) return false;
  return reachesAll(ctx.env, write) || node.createdByApp === true;
}

/** The node for a read, or "File not found". My Drive (the root) has no node here: not found either. */
export function readable(ctx: DriveCtx, call: string, id: unknown): DriveFileNode {
  const node = typeof id === 'string' ? findNode(ctx.drive, id) : undefined;
  if (!node || !inReach(ctx, node, false)) throw fileNotFound(ctx.env, call, String(id));
  return node;
}

/** The node for a change: out of reach → not found; seen but not editable → insufficient permissions. */
export function writable(ctx: DriveCtx, call: string, id: unknown): DriveFileNode {
  const node = readable(ctx, call, id);
  if (!inReach(ctx, node, true)) throw fileNotFound(ctx.env, call, node.id);
  if (!canWrite(ctx.drive, node, ctx.env.activeUser)) throw insufficientFilePermissions(ctx.env, call, node.id);
  return node;
}

/** A folder to put something in: My Drive ('root' or its id) or a folder the user may change. */
export function targetFolder(ctx: DriveCtx, call: string, id: unknown): string {
  if (id === 'root' || id === ctx.drive.rootId) return ctx.drive.rootId;
  const node = writable(ctx, call, id);
  // Our wording: the API's text for a file given as a parent is not documented.
  if (node.mimeType !== MIME.folder)
    throw badRequest(ctx.env, call, 'The specified parent is not a folder.', 'parents');
  return node.id;
}
