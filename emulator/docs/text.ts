/**
 * Text: a paragraph's characters (the paragraph's one Text element, node = the paragraph) or, from
 * editAsText() of a body, table, row or cell, a view over all the characters inside it laid out as
 * getText() shows them (layout.ts). In a paragraph "\n" becomes "\r" (a line break), as in Docs; in a
 * view an inserted "\n" starts a new paragraph.
 */
import { signatureError } from '../core/gasObject';
import { AttributeError, readTextAttributes, splitAttributes } from './attributes';
import { replaceWithText } from './blocks';
import { insertOffsetOutOfRange, notImplemented, offsetOutOfRange, type ContainerNode } from './context';
import {
  elementOf,
  ElementBase,
  kindOfNode,
  registerElement,
  type GContainer,
  type GElement,
  type GRangeElement,
  type GText,
} from './element';
import { layoutOf, type Layout, type LayoutNode } from './layout';
import { paragraphText, type BlockNode, type ParagraphNode, type TextAttrs } from './model';
import * as runs from './runs';
import { findIn, replaceIn } from './search';

type T = GoogleAppsScript.Document.Text;
type Members =
  | 'getText'
  | 'setText'
  | 'insertText'
  | 'appendText'
  | 'deleteText'
  | 'setBold'
  | 'setItalic'
  | 'setUnderline'
  | 'setFontSize'
  | 'setFontFamily'
  | 'setLinkUrl'
  | 'isBold'
  | 'isItalic'
  | 'isUnderline'
  | 'getFontSize'
  | 'getFontFamily'
  | 'getLinkUrl'
  | 'getAttributes'
  | 'setAttributes'
  | 'getTextAttributeIndices'
  | 'findText'
  | 'replaceText'
  | 'editAsText'
  | 'getParent'
  | 'getType'
  | 'removeFromParent';

/** Paragraph-level fields a paragraph split off another keeps (not the page break). */
function paragraphStyle(p: ParagraphNode): ParagraphNode {
  const copy = structuredClone(p);
  delete copy.pageBreak;
  copy.runs = [];
  return copy;
}

type Siblings = { list: Array<BlockNode | ParagraphNode>; index: number };

/** Where a paragraph sits among its siblings (the body's blocks or a cell's paragraphs). */
function siblingsOf(root: LayoutNode, p: ParagraphNode): Siblings {
  let found: Siblings | null = null;
  const visit = (n: LayoutNode): void => {
    if (found || 'runs' in n) return;
    if ('rows' in n) return n.rows.forEach(visit);
    if ('cells' in n) return n.cells.forEach(visit);
    const list: Array<BlockNode | ParagraphNode> = 'body' in n ? n.body : n.paragraphs;
    const index = list.indexOf(p);
    if (index >= 0) found = { list, index };
    else for (const b of list) if (b.type === 'TABLE') visit(b);
  };
  visit(root);
  if (!found) throw new Error('paragraph not found in its text view');
  return found;
}

export class TextImpl extends ElementBase implements Pick<T, Members> {
  readonly kind = 'TEXT' as const;

  /** A view over a container (editAsText of a body, table, row, cell), not a paragraph's own text. */
  private get isView(): boolean {
    return !('runs' in this.node);
  }

  private get root(): LayoutNode {
    return this.node as LayoutNode;
  }

  private layout(): Layout {
    return layoutOf(this.root);
  }

  private int(method: string, args: unknown[], ...values: unknown[]): void {
    if (!values.every((v) => typeof v === 'number' && Number.isInteger(v)))
      throw signatureError(this.env, `DocumentApp.Text.${method}`, args);
  }

  /** Checks start…endInclusive against the text length. */
  private range(method: string, args: unknown[], start: unknown, end: unknown, length: number): [number, number] {
    this.int(method, args, start, end);
    const s = start as number;
    const e = end as number;
    if (s < 0 || s >= length) throw this.env.error(offsetOutOfRange(s, length));
    if (e < s || e >= length) throw this.env.error(offsetOutOfRange(e, length));
    return [s, e];
  }

  /** Converts a script string: in a paragraph's own text "\n" is a line break ("\r"). */
  private incoming(method: string, args: unknown[], text: unknown): string {
    if (typeof text !== 'string') throw signatureError(this.env, `DocumentApp.Text.${method}`, args);
    return this.isView ? text : text.replace(/\n/g, '\r');
  }

  getParent(): GContainer {
    this.use();
    if (this.isView) return elementOf(this.session, this.node, kindOfNode(this.node), this.detached);
    return super.getParent();
  }

  getText(): string {
    this.use();
    return this.layout().text;
  }

  setText(text: string): GText {
    const doc = this.use();
    const value = this.incoming('setText', [text], text);
    if (!this.isView) runs.setText(this.paragraphNode, value);
    else {
      const node = this.node as ContainerNode;
      const list: Array<BlockNode | ParagraphNode> | null =
        'body' in node ? node.body : 'paragraphs' in node ? node.paragraphs : null;
      if (!list) throw this.env.error(notImplemented('Text.setText on a table or table row'));
      replaceWithText(list, value);
    }
    this.touch(doc);
    return this.ret();
  }

  insertText(offset: number, text: string): GText {
    const doc = this.use();
    this.int('insertText', [offset, text], offset);
    const value = this.incoming('insertText', [offset, text], text);
    const layout = this.layout();
    if (offset < 0 || offset > layout.text.length)
      throw this.env.error(insertOffsetOutOfRange(offset, layout.text.length));
    this.insertAt(layout, offset, value);
    this.touch(doc);
    return this.ret();
  }

  appendText(text: string): GText {
    const doc = this.use();
    const value = this.incoming('appendText', [text], text);
    const layout = this.layout();
    this.insertAt(layout, layout.text.length, value);
    this.touch(doc);
    return this.ret();
  }

  private insertAt(layout: Layout, offset: number, value: string): void {
    const seg = layout.segs.find((s) => s.start <= offset && offset <= s.end);
    if (!seg) throw this.env.error(notImplemented('Text.insertText inside a table without paragraphs'));
    const local = offset - seg.start;
    const lines = value.split('\n');
    if (lines.length === 1) {
      runs.insertText(seg.p, local, value);
      return;
    }
    // A view: "\n" splits the paragraph; the tail goes to the last new paragraph.
    const attrs = runs.insertionAttrs(seg.p, local);
    const length = paragraphText(seg.p).length;
    const tail: ParagraphNode = { ...paragraphStyle(seg.p), runs: structuredClone(seg.p.runs) };
    if (local > 0) runs.deleteText(tail, 0, local - 1);
    if (local < length) runs.deleteText(seg.p, local, length - 1);
    runs.insertText(seg.p, local, lines[0], attrs);
    const added = lines.slice(1).map((line, i, all) => {
      const p = i === all.length - 1 ? tail : paragraphStyle(seg.p);
      runs.insertText(p, 0, line, attrs);
      return p;
    });
    const { list, index } = siblingsOf(this.root, seg.p);
    list.splice(index + 1, 0, ...added);
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    const doc = this.use();
    const layout = this.layout();
    const args = [startOffset, endOffsetInclusive];
    const [start, end] = this.range('deleteText', args, startOffset, endOffsetInclusive, layout.text.length);
    const firstIdx = layout.segs.findIndex((s) => s.start <= start && start <= s.end);
    let lastIdx = layout.segs.findIndex((s) => s.start <= end && end < s.end);
    let endLocal: number;
    if (lastIdx >= 0) endLocal = end - layout.segs[lastIdx].start;
    else {
      // `end` is a separator: the paragraph after it is joined to the first one.
      lastIdx = layout.segs.findIndex((s) => s.start > end);
      endLocal = -1;
    }
    const first = layout.segs[firstIdx];
    const startLocal = start - first.start;
    if (firstIdx === lastIdx) {
      runs.deleteText(first.p, startLocal, endLocal);
    } else {
      const placed = layout.segs.slice(firstIdx, lastIdx + 1).map((s) => siblingsOf(this.root, s.p));
      const sameList = placed.every((w, i) => w.list === placed[0].list && w.index === placed[0].index + i);
      if (firstIdx < 0 || lastIdx < 0 || !sameList)
        throw this.env.error(notImplemented('Text.deleteText across a table or between table cells'));
      const last = layout.segs[lastIdx].p;
      const firstLength = paragraphText(first.p).length;
      if (startLocal < firstLength) runs.deleteText(first.p, startLocal, firstLength - 1);
      if (endLocal >= 0) runs.deleteText(last, 0, endLocal);
      first.p.runs = runs.normalizeRuns([...first.p.runs, ...last.runs]);
      placed[0].list.splice(placed[0].index + 1, lastIdx - firstIdx);
    }
    this.touch(doc);
    return this.ret();
  }

  // ------------------------------------------------------------ attributes

  /** Attributes per character of the layout text (undefined on separators). */
  private perChar(layout: Layout): Array<TextAttrs | undefined> {
    const out: Array<TextAttrs | undefined> = Array.from({ length: layout.text.length }, () => undefined);
    for (const s of layout.segs) for (let i = s.start; i < s.end; i++) out[i] = runs.attrsAt(s.p, i - s.start);
    return out;
  }

  private patch(start: number, end: number, patch: runs.AttrPatch): void {
    for (const s of this.layout().segs) {
      const a = Math.max(start, s.start);
      const b = Math.min(end, s.end - 1);
      if (a <= b) runs.patchAttrs(s.p, a - s.start, b - s.start, patch);
    }
  }

  /** The (value) and (start, endInclusive, value) overloads of the character setters. */
  private setter(method: string, key: runs.TextAttrKey, kind: 'boolean' | 'number' | 'string', args: unknown[]): GText {
    const doc = this.use();
    const value = args[args.length - 1];
    const okValue = (kind === 'string' && value === null) || typeof value === kind;
    if ((args.length !== 1 && args.length !== 3) || !okValue)
      throw signatureError(this.env, `DocumentApp.Text.${method}`, args);
    const length = this.layout().text.length;
    const [start, end] = args.length === 3 ? this.range(method, args, args[0], args[1], length) : [0, length - 1];
    this.patch(start, end, { [key]: value === '' && key === 'linkUrl' ? null : value });
    this.touch(doc);
    return this.ret();
  }

  /** A character attribute at `offset`, or for the whole text (null when characters differ). */
  private getter(method: string, key: runs.TextAttrKey, offset: unknown, fallback: unknown): unknown {
    this.use();
    const layout = this.layout();
    const per = this.perChar(layout);
    if (offset !== undefined && offset !== null) {
      this.int(method, [offset], offset);
      const o = offset as number;
      if (o < 0 || o >= per.length) throw this.env.error(offsetOutOfRange(o, per.length));
      const a = per[o];
      return a ? (a[key] ?? fallback) : null;
    }
    const values = new Set(per.filter((a): a is TextAttrs => !!a).map((a) => a[key] ?? fallback));
    return values.size === 1 ? [...values][0] : null;
  }

  setBold(...args: unknown[]): GText {
    return this.setter('setBold', 'bold', 'boolean', args);
  }
  setItalic(...args: unknown[]): GText {
    return this.setter('setItalic', 'italic', 'boolean', args);
  }
  setUnderline(...args: unknown[]): GText {
    return this.setter('setUnderline', 'underline', 'boolean', args);
  }
  setFontSize(...args: unknown[]): GText {
    return this.setter('setFontSize', 'fontSize', 'number', args);
  }
  setFontFamily(...args: unknown[]): GText {
    return this.setter('setFontFamily', 'fontFamily', 'string', args);
  }
  setLinkUrl(...args: unknown[]): GText {
    return this.setter('setLinkUrl', 'linkUrl', 'string', args);
  }
  /** Unset reads as false (not bold); mixed text without an offset reads as null. */
  isBold(offset?: number | null): boolean {
    return this.getter('isBold', 'bold', offset, false) as boolean;
  }
  isItalic(offset?: number | null): boolean {
    return this.getter('isItalic', 'italic', offset, false) as boolean;
  }
  isUnderline(offset?: number | null): boolean {
    return this.getter('isUnderline', 'underline', offset, false) as boolean;
  }
  /** null when the size comes from the paragraph style (never set). */
  getFontSize(offset?: number | null): number {
    return this.getter('getFontSize', 'fontSize', offset, null) as number;
  }
  getFontFamily(offset?: number | null): string {
    return this.getter('getFontFamily', 'fontFamily', offset, null) as string;
  }
  getLinkUrl(offset?: number | null): string {
    return this.getter('getLinkUrl', 'linkUrl', offset, null) as string;
  }

  getAttributes(offset?: number | null): Record<string, unknown> {
    this.use();
    const per = this.perChar(this.layout());
    if (offset !== undefined && offset !== null) {
      this.int('getAttributes', [offset], offset);
      if (offset < 0 || offset >= per.length) throw this.env.error(offsetOutOfRange(offset, per.length));
      return readTextAttributes([per[offset] ?? {}]);
    }
    return readTextAttributes(per.filter((a): a is TextAttrs => !!a));
  }

  setAttributes(...args: unknown[]): GText {
    const doc = this.use();
    if (args.length !== 1 && args.length !== 3) throw signatureError(this.env, 'DocumentApp.Text.setAttributes', args);
    const length = this.layout().text.length;
    const [start, end] =
      args.length === 3 ? this.range('setAttributes', args, args[0], args[1], length) : [0, length - 1];
    let patch: runs.AttrPatch;
    try {
      patch = splitAttributes(args[args.length - 1], {}, true).text;
    } catch (e) {
      if (e instanceof AttributeError) throw this.env.error(e.message);
      throw e;
    }
    this.patch(start, end, patch);
    this.touch(doc);
    return this.ret();
  }

  getTextAttributeIndices(): number[] {
    this.use();
    const layout = this.layout();
    const out = new Set<number>();
    for (const s of layout.segs)
      for (const i of runs.attributeIndices(s.p)) if (s.start + i < s.end) out.add(s.start + i);
    if (!out.size) out.add(0);
    return [...out].sort((a, b) => a - b);
  }

  // ------------------------------------------------------------ search

  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    this.use();
    return findIn(
      this.session,
      this.root,
      this.detached,
      'DocumentApp.Text.findText',
      searchPattern,
      from,
    ) as GRangeElement;
  }

  replaceText(searchPattern: string, replacement: string): GElement {
    const doc = this.use();
    if (replaceIn(this.session, this.root, 'DocumentApp.Text.replaceText', searchPattern, replacement)) this.touch(doc);
    return this.ret();
  }

  editAsText(): GText {
    this.use();
    return this.ret();
  }

  /** A paragraph's text: the paragraph becomes empty; returns the removed text, detached. */
  removeFromParent(): GText {
    const doc = this.use();
    if (this.isView) throw this.env.error(notImplemented('Text.removeFromParent of an editAsText() view'));
    const removed: ParagraphNode = { ...paragraphStyle(this.paragraphNode), runs: this.paragraphNode.runs };
    this.paragraphNode.runs = [];
    this.touch(doc);
    return elementOf(this.session, removed, 'TEXT', true);
  }
}

registerElement('TEXT', TextImpl as never);

/** The Text view of a container or paragraph (editAsText). */
export function textOf(base: ElementBase, node: LayoutNode): GText {
  return elementOf(base.session, node, 'TEXT', base.detached);
}
