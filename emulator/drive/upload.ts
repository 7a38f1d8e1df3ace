/**
 * createFile in its overloads — (blob), (name, content), (name, content, mimeType) — shared by
 * DriveApp and Folder. A PDF blob made from a Doc keeps its snapshot (pdfOf) instead of bytes.
 */
import { signatureError, unwrap } from '../core/gasObject';
import { DocPdfBlob, PDF } from '../docs/pdfBlob';
import { fromSignedBytes } from '../services/common';
import { FakeBlob } from '../services/utilities';
import { GOOGLE_TYPE_FROM_CONTENT, type DriveCtx } from './context';
import { isGoogleType } from './mimeType';
import type { DriveFileNode } from './model';
import { addNode } from './store';

/** Drive's name for a blob without one (our choice). */
export const UNTITLED = 'Untitled';

export function createFileIn(ctx: DriveCtx, parentId: string, method: string, args: unknown[]): DriveFileNode {
  const env = ctx.env;
  if (args.length === 1) {
    let raw = unwrap(args[0]) as unknown;
    if (!(raw instanceof FakeBlob) && raw && typeof (raw as { getBlob?: unknown }).getBlob === 'function')
      raw = unwrap((raw as { getBlob: () => unknown }).getBlob());
    if (!(raw instanceof FakeBlob)) throw signatureError(env, method, args);
    const name = raw.getName() ?? UNTITLED;
    if (raw instanceof DocPdfBlob)
      return addNode(ctx.drive, env, { name, mimeType: PDF, parentId, pdfOf: raw.snapshot });
    const mimeType = raw.getContentType() ?? 'application/octet-stream';
    if (isGoogleType(mimeType)) throw env.error(GOOGLE_TYPE_FROM_CONTENT);
    const data = fromSignedBytes(raw.getBytes()).toString('base64');
    return addNode(ctx.drive, env, { name, mimeType, parentId, data });
  }
  const [name, content, mimeType = 'text/plain'] = args;
  if (
    (args.length !== 2 && args.length !== 3) ||
    typeof name !== 'string' ||
    typeof content !== 'string' ||
    typeof mimeType !== 'string'
  )
    throw signatureError(env, method, args);
  if (isGoogleType(mimeType)) throw env.error(GOOGLE_TYPE_FROM_CONTENT);
  return addNode(ctx.drive, env, { name, mimeType, parentId, data: Buffer.from(content, 'utf8').toString('base64') });
}
