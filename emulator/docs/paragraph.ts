/**
 * Paragraph and PageBreak. A paragraph's characters are ONE Text element with per-character
 * attributes (as Docs has it after typing); a page break is a second child, first, in its own paragraph.
 */
import { signatureError } from '../core/gasObject';
import { enumKey } from '../services/common';
import { AttributeError, PARAGRAPH_ATTRS, readAttributes, readTextAttributes, splitAttributes } from './attributes';
import { assertRemovable, checkIndex } from './blocks';
import { childIndexTooLarge, NOT_A_CHILD } from './context';
import {
  elementArg,
  elementOf,
  ElementBase,
  registerElement,
  type GElement,
  type GPageBreak,
  type GParagraph,
  type GRangeElement,
  type GText,
} from './element';
import { HorizontalAlignment, ParagraphHeading } from './enums';
import { paragraphText, type AlignmentName, type BlockNode, type HeadingName, type ParagraphNode } from './model';
import * as runs from './runs';
import { findIn, replaceIn } from './search';

type P = GoogleAppsScript.Document.Paragraph;
type Members =
  | 'getText'
  | 'setText'
  | 'appendText'
  | 'clear'
  | 'setHeading'
  | 'getHeading'
  | 'setAlignment'
  | 'getAlignment'
  | 'setIndentFirstLine'
  | 'getIndentFirstLine'
  | 'setIndentStart'
  | 'getIndentStart'
  | 'setSpacingBefore'
  | 'getSpacingBefore'
  | 'setSpacingAfter'
  | 'getSpacingAfter'
  | 'setLineSpacing'
  | 'getLineSpacing'
  | 'setLinkUrl'
  | 'getLinkUrl'
  | 'editAsText'
  | 'setAttributes'
  | 'getAttributes'
  | 'findText'
  | 'replaceText'
  | 'getNumChildren'
  | 'getChild'
  | 'getChildIndex'
  | 'getParent'
  | 'removeFromParent'
  | 'copy'
  | 'getType'
  | 'asParagraph'
  | 'isAtDocumentEnd'
  | 'getNextSibling'
  | 'getPreviousSibling';

type NumberField = 'indentFirstLine' | 'indentStart' | 'spacingBefore' | 'spacingAfter' | 'lineSpacing';

export class ParagraphImpl extends ElementBase implements Pick<P, Members> {
  readonly kind = 'PARAGRAPH' as const;

  private get p(): ParagraphNode {
    return this.node as ParagraphNode;
  }

  private str(method: string, value: unknown): string {
    if (typeof value !== 'string') throw signatureError(this.env, `DocumentApp.Paragraph.${method}`, [value]);
    return value.replace(/\n/g, '\r');
  }

  getText(): string {
    this.use();
    return paragraphText(this.p);
  }

  /** Replaces the text; it keeps the attributes its first character had. */
  setText(text: string): void {
    const doc = this.use();
    runs.setText(this.p, this.str('setText', text));
    this.touch(doc);
  }

  /** Appends to the paragraph's one Text element (the new characters take the attributes before them). */
  appendText(text: string | GText): GText {
    const doc = this.use();
    const value = this.str('appendText', text);
    runs.insertText(this.p, paragraphText(this.p).length, value);
    this.touch(doc);
    return this.child(this.p, 'TEXT');
  }

  clear(): GParagraph {
    const doc = this.use();
    this.p.runs = [];
    delete this.p.pageBreak;
    this.touch(doc);
    return this.ret();
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GParagraph {
    const doc = this.use();
    const key = enumKey(ParagraphHeading, heading);
    if (!key) throw signatureError(this.env, 'DocumentApp.Paragraph.setHeading', [heading]);
    this.p.heading = key as HeadingName;
    this.touch(doc);
    return this.ret();
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.use();
    return ParagraphHeading[this.p.heading] as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GParagraph {
    const doc = this.use();
    const key = enumKey(HorizontalAlignment, alignment);
    if (!key) throw signatureError(this.env, 'DocumentApp.Paragraph.setAlignment', [alignment]);
    this.p.alignment = key as AlignmentName;
    this.touch(doc);
    return this.ret();
  }
  /** null until an alignment was set (the paragraph style decides; our reading). */
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    this.use();
    const a = this.p.alignment;
    return (a ? HorizontalAlignment[a] : null) as unknown as GoogleAppsScript.Document.HorizontalAlignment;
  }

  private setNumber(method: string, field: NumberField, value: unknown): GParagraph {
    const doc = this.use();
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw signatureError(this.env, `DocumentApp.Paragraph.${method}`, [value]);
    this.p[field] = value;
    this.touch(doc);
    return this.ret();
  }
  private getNumber(field: NumberField): number {
    this.use();
    return (this.p[field] ?? null) as number;
  }
  setIndentFirstLine(indentFirstLine: number): GParagraph {
    return this.setNumber('setIndentFirstLine', 'indentFirstLine', indentFirstLine);
  }
  getIndentFirstLine(): number {
    return this.getNumber('indentFirstLine');
  }
  setIndentStart(indentStart: number): GParagraph {
    return this.setNumber('setIndentStart', 'indentStart', indentStart);
  }
  getIndentStart(): number {
    return this.getNumber('indentStart');
  }
  setSpacingBefore(spacingBefore: number): GParagraph {
    return this.setNumber('setSpacingBefore', 'spacingBefore', spacingBefore);
  }
  getSpacingBefore(): number {
    return this.getNumber('spacingBefore');
  }
  setSpacingAfter(spacingAfter: number): GParagraph {
    return this.setNumber('setSpacingAfter', 'spacingAfter', spacingAfter);
  }
  getSpacingAfter(): number {
    return this.getNumber('spacingAfter');
  }
  setLineSpacing(multiplier: number): GParagraph {
    return this.setNumber('setLineSpacing', 'lineSpacing', multiplier);
  }
  getLineSpacing(): number {
    return this.getNumber('lineSpacing');
  }

  setLinkUrl(url: string): GParagraph {
    const doc = this.use();
    if (typeof url !== 'string' && url !== null)
      throw signatureError(this.env, 'DocumentApp.Paragraph.setLinkUrl', [url]);
    const length = paragraphText(this.p).length;
    if (length) runs.patchAttrs(this.p, 0, length - 1, { linkUrl: url || null });
    this.touch(doc);
    return this.ret();
  }
  getLinkUrl(): string {
    this.use();
    return readTextAttributes(this.perChar()).LINK_URL as string;
  }

  private perChar() {
    const length = paragraphText(this.p).length;
    return Array.from({ length }, (_, i) => runs.attrsAt(this.p, i));
  }

  editAsText(): GText {
    this.use();
    return this.child(this.p, 'TEXT');
  }

  /** Paragraph attributes and, where every character agrees, character attributes (else null). */
  getAttributes(): Record<string, unknown> {
    this.use();
    return { ...readAttributes(this.p, PARAGRAPH_ATTRS), ...readTextAttributes(this.perChar()) };
  }

  setAttributes(attributes: unknown): GParagraph {
    const doc = this.use();
    try {
      const { ownSets, text } = splitAttributes(attributes, PARAGRAPH_ATTRS, true);
      for (const [spec, value] of ownSets) spec.set(this.p, value);
      const length = paragraphText(this.p).length;
      if (length && Object.keys(text).length) runs.patchAttrs(this.p, 0, length - 1, text);
    } catch (e) {
      if (e instanceof AttributeError) throw this.env.error(e.message);
      throw e;
    }
    this.touch(doc);
    return this.ret();
  }

  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    this.use();
    return findIn(
      this.session,
      this.p,
      this.detached,
      'DocumentApp.Paragraph.findText',
      searchPattern,
      from,
    ) as GRangeElement;
  }

  replaceText(searchPattern: string, replacement: string): GElement {
    const doc = this.use();
    if (replaceIn(this.session, this.p, 'DocumentApp.Paragraph.replaceText', searchPattern, replacement))
      this.touch(doc);
    return this.ret();
  }

  /** The page break (if any), then the one Text element (if there is text). */
  private children(): Array<'PAGE_BREAK' | 'TEXT'> {
    const out: Array<'PAGE_BREAK' | 'TEXT'> = [];
    if (this.p.pageBreak) out.push('PAGE_BREAK');
    if (paragraphText(this.p) !== '') out.push('TEXT');
    return out;
  }

  getNumChildren(): number {
    this.use();
    return this.children().length;
  }

  getChild(childIndex: number): GElement {
    this.use();
    const kids = this.children();
    checkIndex(this.env, 'DocumentApp.Paragraph.getChild', childIndex, kids.length);
    return this.child(this.p, kids[childIndex]);
  }

  getChildIndex(child: GElement): number {
    this.use();
    const el = elementArg(child);
    if (!el) throw signatureError(this.env, 'DocumentApp.Paragraph.getChildIndex', [child]);
    const i = this.children().indexOf(el.kind as 'TEXT');
    if (el.node !== this.p || i < 0) throw this.env.error(NOT_A_CHILD);
    return i;
  }

  removeFromParent(): GParagraph {
    const doc = this.use();
    const ref = this.where(doc);
    if (ref) {
      const isBody = 'body' in ref.parent;
      const list = (
        isBody ? (ref.parent as { body: BlockNode[] }).body : (ref.parent as { paragraphs: ParagraphNode[] }).paragraphs
      ) as Array<BlockNode | ParagraphNode>;
      assertRemovable(this.env, list, ref.index, isBody);
      list.splice(ref.index, 1);
      this.touch(doc);
    }
    return elementOf(this.session, this.p, 'PARAGRAPH', true);
  }

  /** A detached deep copy, to insert elsewhere (appendParagraph(p.copy())). */
  copy(): GParagraph {
    this.use();
    return elementOf(this.session, structuredClone(this.p), 'PARAGRAPH', true);
  }
}

type PB = GoogleAppsScript.Document.PageBreak;

export class PageBreakImpl
  extends ElementBase
  implements Pick<PB, 'getType' | 'getParent' | 'removeFromParent' | 'copy' | 'isAtDocumentEnd'>
{
  readonly kind = 'PAGE_BREAK' as const;

  removeFromParent(): GPageBreak {
    const doc = this.use();
    const p = this.node as ParagraphNode;
    if (!p.pageBreak) throw this.env.error(childIndexTooLarge(0, 0));
    delete p.pageBreak;
    this.touch(doc);
    return elementOf(this.session, { ...structuredClone(p), runs: [], pageBreak: true }, 'PAGE_BREAK', true);
  }

  copy(): GPageBreak {
    this.use();
    return elementOf(this.session, { ...structuredClone(this.node as ParagraphNode), runs: [] }, 'PAGE_BREAK', true);
  }
}

registerElement('PARAGRAPH', ParagraphImpl as never);
registerElement('PAGE_BREAK', PageBreakImpl as never);
