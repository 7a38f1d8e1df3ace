/**
 * Building and placing block nodes: paragraphs and tables made from script arguments, child-list
 * bookkeeping shared by Body, TableCell, Table and TableRow (bounds, removal rules, Docs' "a body ends
 * with a paragraph").
 */
import type { Env } from '../core/env';
import { signatureError } from '../core/gasObject';
import { childIndexTooLarge, insertIndexTooLarge, LAST_PARAGRAPH, type DocSession } from './context';
import { elementArg, nodeToInsert, type Kind } from './element';
import {
  emptyParagraph,
  type BlockNode,
  type DocModel,
  type ParagraphNode,
  type TableCellNode,
  type TableNode,
} from './model';
import { attrsAt, normalizeRuns } from './runs';

/** A paragraph holding `text`; "\n" becomes a line break "\r" (paragraphs cannot hold newlines). */
export function paragraphNode(text: string): ParagraphNode {
  const p = emptyParagraph();
  p.runs = normalizeRuns([{ text: text.replace(/\n/g, '\r'), attrs: {} }]);
  return p;
}

/** A cell holding `text`: one paragraph per line. */
export function cellNode(text: string): TableCellNode {
  return { paragraphs: text.split('\n').map((line) => paragraphNode(line)) };
}

/** A table from string[][] (every row the same number of cells, our choice). */
export function tableFromCells(env: Env, method: string, cells: unknown): TableNode {
  const ok =
    Array.isArray(cells) && cells.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'));
  if (!ok) throw signatureError(env, method, [cells]);
  const grid = cells as string[][];
  if (grid.length === 0 || grid.some((row) => row.length !== grid[0].length || row.length === 0))
    throw env.error('Invalid argument: cells (every row of a table needs the same, non-zero number of cells)');
  return { type: 'TABLE', rows: grid.map((row) => ({ cells: row.map(cellNode) })) };
}

/** The paragraph node to insert for appendParagraph / insertParagraph (text or a detached Paragraph). */
export function paragraphArg(session: DocSession, method: string, arg: unknown): ParagraphNode {
  if (typeof arg === 'string') return paragraphNode(arg);
  const el = elementArg(arg);
  if (!el) throw signatureError(session.ctx.env, method, [arg]);
  return nodeToInsert<ParagraphNode>(el, 'PARAGRAPH', session);
}

/** The table node to insert for appendTable / insertTable: none (1×1 empty), string[][], or a detached Table. */
export function tableArg(session: DocSession, method: string, arg: unknown): TableNode {
  if (arg === undefined || arg === null) return tableFromCells(session.ctx.env, method, [['']]);
  const el = elementArg(arg);
  if (el) return nodeToInsert<TableNode>(el, 'TABLE', session);
  return tableFromCells(session.ctx.env, method, arg);
}

/** A detached element argument of `kind`, or null when the argument is absent. */
export function optionalElementArg<N>(session: DocSession, method: string, arg: unknown, kind: Kind): N | null {
  if (arg === undefined || arg === null) return null;
  const el = elementArg(arg);
  if (!el) throw signatureError(session.ctx.env, method, [arg]);
  return nodeToInsert(el, kind, session) as N;
}

export function checkIndex(env: Env, method: string, index: unknown, count: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) throw signatureError(env, method, [index]);
  if (index < 0 || index >= count) throw env.error(childIndexTooLarge(index, count));
  return index;
}

export function checkInsertIndex(env: Env, method: string, index: unknown, count: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) throw signatureError(env, method, [index]);
  if (index < 0 || index > count) throw env.error(insertIndexTooLarge(index, count));
  return index;
}

/**
 * Docs keeps a paragraph at the end of the body: a table put last gets an empty paragraph after it
 * (so appendTable then appendParagraph leaves an empty line between them, as in Docs).
 */
export function ensureBodyEndsWithParagraph(doc: DocModel): void {
  if (doc.body.length === 0 || doc.body[doc.body.length - 1].type !== 'PARAGRAPH') doc.body.push(emptyParagraph());
}

/**
 * Refuses to remove the child at `index` when that would leave a body not ending with a paragraph or a
 * cell without a paragraph: Apps Script's "Can't remove the last paragraph in a document section.".
 */
export function assertRemovable(
  env: Env,
  list: Array<BlockNode | ParagraphNode>,
  index: number,
  isBody: boolean,
): void {
  const rest = list.filter((_, i) => i !== index);
  const last = rest[rest.length - 1];
  if (!last || (isBody && last.type !== 'PARAGRAPH')) throw env.error(LAST_PARAGRAPH);
}

/**
 * Replaces the paragraphs of a body or cell with plain text, one paragraph per line; they take the
 * paragraph style and the first character's attributes of the first paragraph there was.
 */
export function replaceWithText(list: Array<BlockNode | ParagraphNode>, text: string): void {
  const first = list.find((b): b is ParagraphNode => b.type === 'PARAGRAPH');
  const attrs = first ? attrsAt(first, 0) : {};
  const paragraphs = text.split('\n').map((line) => {
    const p: ParagraphNode = first ? structuredClone(first) : emptyParagraph();
    delete p.pageBreak;
    p.runs = normalizeRuns([{ text: line, attrs }]);
    return p;
  });
  list.splice(0, list.length, ...paragraphs);
}
