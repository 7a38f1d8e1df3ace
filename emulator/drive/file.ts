/** File: a Drive file — a Google Doc, an uploaded blob, or a PDF made from a Doc. */
import { signatureError } from '../core/gasObject';
import { conversionNotSupported, PDF, PDF_BYTES_NOT_RENDERED, pdfBlobObject } from '../docs/pdfBlob';
import { wrap } from '../services/common';
import { newBlobObject } from '../services/utilities';
import type { DriveCtx } from './context';
import { DriveItemBase, folderArg, registerMakers, type GFile } from './item';
import { isGoogleType } from './mimeType';
import type { DriveFileNode } from './model';
import { addNode, countDocumentCreated, fileUrl } from './store';

type F = GoogleAppsScript.Drive.File;
type Members =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getMimeType'
  | 'makeCopy'
  | 'getAs'
  | 'getBlob'
  | 'moveTo'
  | 'getParents'
  | 'isTrashed'
  | 'setTrashed'
  | 'setSharing'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'getEditors'
  | 'getViewers'
  | 'getOwner'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getSize'
  | 'getDescription'
  | 'setDescription';

export class FileImpl extends DriveItemBase implements Pick<F, Members> {
  protected readonly apiName = 'DriveApp.File';
  readonly isFolderItem = false;

  getUrl(): string {
    return fileUrl(this.node());
  }

  getMimeType(): string {
    return this.node().mimeType;
  }

  /**
   * makeCopy(), (destination), (name), (name, destination). The copy is named "Copy of <name>" by
   * default and lands in the original's folder(s) unless a destination is given; it is the active
   * user's, not shared. A Doc's copy gets its own content and counts as a document created.
   */
  makeCopy(...args: unknown[]): GFile {
    const node = this.node();
    const [a, b] = args;
    const name = typeof a === 'string' ? a : `Copy of ${node.name}`;
    const destArg = typeof a === 'string' ? b : a;
    const dest = destArg === undefined || destArg === null ? null : folderArg(destArg);
    if (
      args.length > 2 ||
      (destArg !== undefined && destArg !== null && !dest) ||
      (args.length === 2 && typeof a !== 'string')
    )
      throw signatureError(this.env, 'DriveApp.File.makeCopy', args);
    dest?.writable();
    const drive = this.ctx.drive;
    const doc = drive.docs[node.id];
    if (doc) countDocumentCreated(drive, this.env);
    const copy = addNode(drive, this.env, {
      name,
      mimeType: node.mimeType,
      parentId: dest ? dest.id : (node.parents[0] ?? drive.rootId),
      ...(node.data !== undefined && { data: node.data }),
      ...(node.pdfOf !== undefined && { pdfOf: structuredClone(node.pdfOf) }),
    });
    if (!dest) copy.parents = [...node.parents];
    copy.description = node.description;
    if (doc) drive.docs[copy.id] = { ...structuredClone(doc), id: copy.id, name, revision: 0 };
    return fileObject(this.ctx, copy.id);
  }

  /** A Doc exports only to PDF; another file only "converts" to its own type. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const node = this.node();
    if (typeof contentType !== 'string') throw signatureError(this.env, 'DriveApp.File.getAs', [contentType]);
    const doc = this.ctx.drive.docs[node.id];
    if (doc) {
      if (contentType !== PDF) throw this.env.error(conversionNotSupported(node.mimeType, contentType));
      return pdfBlobObject(this.env, doc, `${node.name}.pdf`);
    }
    if (contentType !== node.mimeType) throw this.env.error(conversionNotSupported(node.mimeType, contentType));
    return this.getBlob();
  }

  /** The bytes (uploaded files), the PDF snapshot (PDFs of Docs), a Doc's PDF. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const node = this.node();
    if (this.ctx.drive.docs[node.id]) return pdfBlobObject(this.env, this.ctx.drive.docs[node.id], `${node.name}.pdf`);
    if (node.pdfOf) return pdfBlobObject(this.env, node.pdfOf, node.name);
    if (isGoogleType(node.mimeType))
      throw this.env.error(conversionNotSupported(node.mimeType, 'application/octet-stream'));
    return newBlobObject(this.env, Buffer.from(node.data ?? '', 'base64'), node.mimeType, node.name);
  }

  /** Bytes of an uploaded file; 0 for Google files; a PDF of a Doc has no bytes yet (throws). */
  getSize(): number {
    const node: DriveFileNode = this.node();
    if (node.pdfOf) throw this.env.error(PDF_BYTES_NOT_RENDERED);
    return node.data ? Buffer.from(node.data, 'base64').length : 0;
  }
}

export function fileObject(ctx: DriveCtx, id: string): GFile {
  return wrap(ctx.env, 'Drive.File', new FileImpl(ctx, id)) as unknown as GFile;
}

registerMakers({ file: fileObject });
