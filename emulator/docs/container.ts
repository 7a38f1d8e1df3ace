/**
 * What Body and TableCell share: a list of child blocks (paragraphs; tables too in the body), text,
 * search, child access and removal with Docs' rules.
 */
import { signatureError } from '../core/gasObject';
import { assertRemovable, checkIndex, checkInsertIndex, paragraphArg, replaceWithText } from './blocks';
import { NOT_A_CHILD } from './context';
import {
  elementArg,
  ElementBase,
  kindOfNode,
  type GBody,
  type GElement,
  type GParagraph,
  type GTableCell,
  type GRangeElement,
  type GText,
} from './element';
import { layoutOf, type LayoutNode } from './layout';
import { emptyParagraph, type BlockNode, type ParagraphNode } from './model';
import { findIn, replaceIn } from './search';

export abstract class ContainerBase extends ElementBase {
  /** Class name for signature errors: "DocumentApp.Body". */
  protected abstract readonly apiName: string;
  protected abstract list(): Array<BlockNode | ParagraphNode>;
  protected abstract readonly isBody: boolean;

  protected m(method: string): string {
    return `${this.apiName}.${method}`;
  }

  getText(): string {
    this.use();
    return layoutOf(this.node as LayoutNode).text;
  }

  getNumChildren(): number {
    this.use();
    return this.list().length;
  }

  getChild(childIndex: number): GElement {
    this.use();
    const list = this.list();
    const node = list[checkIndex(this.env, this.m('getChild'), childIndex, list.length)];
    return this.child(node, kindOfNode(node));
  }

  getChildIndex(child: GElement): number {
    this.use();
    const el = elementArg(child);
    if (!el) throw signatureError(this.env, this.m('getChildIndex'), [child]);
    const i = (this.list() as object[]).indexOf(el.node);
    if (i < 0) throw this.env.error(NOT_A_CHILD);
    return i;
  }

  /** Removes a child element; Docs' rule: a body ends with a paragraph, a cell keeps one. */
  removeChild(child: GElement): GBody & GTableCell {
    const doc = this.use();
    const el = elementArg(child);
    if (!el) throw signatureError(this.env, this.m('removeChild'), [child]);
    const list = this.list();
    const i = (list as object[]).indexOf(el.node);
    if (i < 0) throw this.env.error(NOT_A_CHILD);
    assertRemovable(this.env, list, i, this.isBody);
    list.splice(i, 1);
    this.touch(doc);
    return this.ret();
  }

  appendParagraph(paragraph: string | GParagraph): GParagraph {
    const doc = this.use();
    const p = paragraphArg(this.session, this.m('appendParagraph'), paragraph);
    this.list().push(p);
    this.touch(doc);
    return this.child(p, 'PARAGRAPH');
  }

  insertParagraph(childIndex: number, paragraph: string | GParagraph): GParagraph {
    const doc = this.use();
    const list = this.list();
    const i = checkInsertIndex(this.env, this.m('insertParagraph'), childIndex, list.length);
    const p = paragraphArg(this.session, this.m('insertParagraph'), paragraph);
    list.splice(i, 0, p);
    this.touch(doc);
    return this.child(p, 'PARAGRAPH');
  }

  /** Every child removed, one empty paragraph left (Docs never has an empty body or cell). */
  clear(): GBody & GTableCell {
    const doc = this.use();
    this.list().splice(0, this.list().length, emptyParagraph());
    this.touch(doc);
    return this.ret();
  }

  /** Plain text: one paragraph per line, in the style of the first paragraph. */
  setText(text: string): GBody & GTableCell {
    const doc = this.use();
    if (typeof text !== 'string') throw signatureError(this.env, this.m('setText'), [text]);
    replaceWithText(this.list(), text);
    this.touch(doc);
    return this.ret();
  }

  editAsText(): GText {
    this.use();
    return this.child(this.node, 'TEXT');
  }

  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    this.use();
    const root = this.node as LayoutNode;
    return findIn(this.session, root, this.detached, this.m('findText'), searchPattern, from) as GRangeElement;
  }

  replaceText(searchPattern: string, replacement: string): GElement {
    const doc = this.use();
    if (replaceIn(this.session, this.node as LayoutNode, this.m('replaceText'), searchPattern, replacement))
      this.touch(doc);
    return this.ret();
  }
}
