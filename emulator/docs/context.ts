/**
 * What every fake Docs object shares: the Env, the Drive model holding the documents, the open
 * Document "session" its elements belong to; the error texts; the tree index (who is whose parent).
 */
import type { Env } from '../core/env';
import type { DriveModel } from '../drive/model';
import { findNode } from '../drive/store';
import type { BlockNode, DocModel, ParagraphNode, TableCellNode, TableNode, TableRowNode } from './model';

export const DOCUMENTS_SCOPE = 'https://www.googleapis.com/auth/documents';

/** Apps Script's texts. */
export const DOC_CLOSED = 'Document is closed, its contents cannot be updated.';
export const DOC_MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";
export const ELEMENT_MUST_BE_DETACHED = 'Element must be detached.';
export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
export const childIndexTooLarge = (index: number, count: number) =>
  `Child index (${index}) must be less than the number of child elements (${count}).`;

/** Our wordings (Apps Script's are not documented): see emulator/README.md. */
export const ELEMENT_REMOVED = 'Element does not exist: it was removed from the document.';
export const NOT_A_CHILD = 'Element is not a child of this element.';
export const insertIndexTooLarge = (index: number, count: number) =>
  `Child index (${index}) must be less than or equal to the number of child elements (${count}).`;
export const offsetOutOfRange = (offset: number, length: number) =>
  `Index (${offset}) must be less than the content length (${length}).`;
export const insertOffsetOutOfRange = (offset: number, length: number) =>
  `Index (${offset}) must be less than or equal to the content length (${length}).`;
export const invalidConversion = (type: string) => `Invalid conversion for element type: ${type}`;
export const notImplemented = (what: string) => `${what} is not implemented by the emulator`;

export interface DocsCtx {
  env: Env;
  /** A getter: the workspace may replace its model. */
  readonly drive: DriveModel;
}

/** One open Document (DocumentApp.create / openById): saveAndClose closes it and every element from it. */
export interface DocSession {
  ctx: DocsCtx;
  docId: string;
  closed: boolean;
}

export type ContainerNode = DocModel | TableNode | TableRowNode | TableCellNode;
export interface ParentRef {
  parent: ContainerNode;
  index: number;
}

/** The children array of a container node. */
export function childrenOf(node: ContainerNode): Array<BlockNode | TableRowNode | TableCellNode | ParagraphNode> {
  if ('body' in node) return node.body;
  if ('rows' in node) return node.rows;
  if ('cells' in node) return node.cells;
  return node.paragraphs;
}

const indexes = new WeakMap<DocModel, { revision: number; map: Map<object, ParentRef> }>();

/** node → parent and position, rebuilt when the revision moved (every change bumps it). */
export function parentIndex(doc: DocModel): Map<object, ParentRef> {
  const hit = indexes.get(doc);
  if (hit && hit.revision === doc.revision) return hit.map;
  const map = new Map<object, ParentRef>();
  const walk = (parent: ContainerNode) => {
    childrenOf(parent).forEach((child, index) => {
      map.set(child, { parent, index });
      if (!('type' in child) || child.type === 'TABLE') walk(child as ContainerNode);
    });
  };
  walk(doc);
  indexes.set(doc, { revision: doc.revision, map });
  return map;
}

/** The document of an open session; throws if it was closed or deleted. */
export function openDoc(session: DocSession): DocModel {
  const env = session.ctx.env;
  if (session.closed) throw env.error(DOC_CLOSED);
  const doc = session.ctx.drive.docs[session.docId];
  if (!doc) throw env.error(DOC_MISSING);
  return doc;
}

/** Records a change: bumps the revision (export caches key on it) and the file's last-updated time. */
export function changed(session: DocSession, doc: DocModel): void {
  doc.revision++;
  const node = findNode(session.ctx.drive, doc.id);
  if (node) node.updatedMs = session.ctx.env.now();
}
