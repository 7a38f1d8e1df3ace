/**
 * The base of every fake Docs element: which node it stands for, whether it is still in the document
 * (an element removed from the document throws on use), the open Document it came from (closed by
 * saveAndClose), and the members every Element has (getType, getParent, asX, siblings…).
 */
import { unwrap } from '../core/gasObject';
import { Wrapped, wrap } from '../services/common';
import {
  changed,
  DOC_CLOSED,
  ELEMENT_MUST_BE_DETACHED,
  ELEMENT_REMOVED,
  invalidConversion,
  openDoc,
  parentIndex,
  type ContainerNode,
  type DocSession,
  type ParentRef,
} from './context';
import { ElementType, type ElementTypeName } from './enums';
import type { DocModel, ParagraphNode, TableCellNode, TableNode, TableRowNode } from './model';

export type GElement = GoogleAppsScript.Document.Element;
export type GContainer = GoogleAppsScript.Document.ContainerElement;
export type GBody = GoogleAppsScript.Document.Body;
export type GParagraph = GoogleAppsScript.Document.Paragraph;
export type GTable = GoogleAppsScript.Document.Table;
export type GTableRow = GoogleAppsScript.Document.TableRow;
export type GTableCell = GoogleAppsScript.Document.TableCell;
export type GText = GoogleAppsScript.Document.Text;
export type GPageBreak = GoogleAppsScript.Document.PageBreak;
export type GRangeElement = GoogleAppsScript.Document.RangeElement;

/** The element kinds the emulator has. */
export type Kind = Extract<
  ElementTypeName,
  'BODY_SECTION' | 'PARAGRAPH' | 'TABLE' | 'TABLE_ROW' | 'TABLE_CELL' | 'TEXT' | 'PAGE_BREAK'
>;
export type AnyNode = DocModel | ParagraphNode | TableNode | TableRowNode | TableCellNode;

/** Call-log class names. */
export const CLASS_NAMES: Record<Kind, string> = {
  BODY_SECTION: 'Body',
  PARAGRAPH: 'Paragraph',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
  PAGE_BREAK: 'PageBreak',
};

export function kindOfNode(n: AnyNode): Kind {
  if ('body' in n) return 'BODY_SECTION';
  if ('runs' in n) return 'PARAGRAPH';
  if ('rows' in n) return 'TABLE';
  if ('cells' in n) return 'TABLE_ROW';
  return 'TABLE_CELL';
}

type Ctor = new (session: DocSession, node: AnyNode, detached: boolean) => ElementBase;
const registry: Partial<Record<Kind, Ctor>> = {};

/** Each element module registers its class (avoids import cycles between the element modules). */
export function registerElement(kind: Kind, ctor: Ctor): void {
  registry[kind] = ctor;
}

/**
 * The script-facing (wrapped) element for `node`. TEXT and PAGE_BREAK stand for a paragraph's text and
 * page break (node = the paragraph). `detached`: a copy() or a removed element, outside any document.
 */
export function elementOf<T = GElement>(session: DocSession, node: AnyNode, kind: Kind, detached = false): T {
  const ctor = registry[kind];
  if (!ctor) throw new Error(`No element class registered for ${kind}`);
  return wrap(session.ctx.env, `Document.${CLASS_NAMES[kind]}`, new ctor(session, node, detached)) as unknown as T;
}

export abstract class ElementBase extends Wrapped {
  abstract readonly kind: Kind;

  constructor(
    readonly session: DocSession,
    readonly node: AnyNode,
    readonly detached: boolean,
  ) {
    super();
  }

  protected get env() {
    return this.session.ctx.env;
  }

  protected ret<T>(): T {
    return this._self as unknown as T;
  }

  /** The paragraph / table / row / cell / document behind the element. */
  protected get paragraphNode(): ParagraphNode {
    return this.node as ParagraphNode;
  }

  /**
   * Checks the element may be used: its Document is open and it is still in it (or it is a detached
   * copy). Returns the document when attached, null when detached.
   */
  protected use(): DocModel | null {
    if (this.session.closed) throw this.env.error(DOC_CLOSED);
    if (this.detached) return null;
    const doc = openDoc(this.session);
    if (this.node !== doc && !parentIndex(doc).has(this.node)) throw this.env.error(ELEMENT_REMOVED);
    return doc;
  }

  /** Where the node sits (null when detached or the body). */
  protected where(doc: DocModel | null): ParentRef | null {
    if (!doc || this.node === doc) return null;
    return parentIndex(doc).get(this.node) ?? null;
  }

  /** Records a change of an attached element (revision, file's last update). */
  protected touch(doc: DocModel | null): void {
    if (doc) changed(this.session, doc);
  }

  /** An element of the same document/session; attached unless this one is detached. */
  protected child<T>(node: AnyNode, kind: Kind): T {
    return elementOf<T>(this.session, node, kind, this.detached);
  }

  getType(): GoogleAppsScript.Document.ElementType {
    this.use();
    return ElementType[this.kind] as unknown as GoogleAppsScript.Document.ElementType;
  }

  getParent(): GContainer {
    const doc = this.use();
    if (this.kind === 'TEXT' || this.kind === 'PAGE_BREAK') return this.child(this.node, 'PARAGRAPH');
    const ref = this.where(doc);
    if (!ref) return null as unknown as GContainer;
    return this.child(ref.parent, kindOfNode(ref.parent));
  }

  private sibling(step: number): GElement {
    const ref = this.where(this.use());
    if (!ref || this.kind === 'TEXT' || this.kind === 'PAGE_BREAK') return null as unknown as GElement;
    const siblings = childrenOfContainer(ref.parent);
    const next = siblings[ref.index + step];
    return next ? this.child(next, kindOfNode(next)) : (null as unknown as GElement);
  }
  getNextSibling(): GElement {
    return this.sibling(1);
  }
  getPreviousSibling(): GElement {
    return this.sibling(-1);
  }

  /** Whether the element is (in) the last paragraph of the body. */
  isAtDocumentEnd(): boolean {
    const doc = this.use();
    if (!doc) return false;
    return doc.body[doc.body.length - 1] === this.node;
  }

  private as<T>(kind: Kind): T {
    this.use();
    if (this.kind !== kind) throw this.env.error(invalidConversion(this.kind));
    return this.ret<T>();
  }
  asBody(): GBody {
    return this.as('BODY_SECTION');
  }
  asParagraph(): GParagraph {
    return this.as('PARAGRAPH');
  }
  asTable(): GTable {
    return this.as('TABLE');
  }
  asTableRow(): GTableRow {
    return this.as('TABLE_ROW');
  }
  asTableCell(): GTableCell {
    return this.as('TABLE_CELL');
  }
  asText(): GText {
    return this.as('TEXT');
  }
  asPageBreak(): GPageBreak {
    return this.as('PAGE_BREAK');
  }
}

function childrenOfContainer(parent: ContainerNode): AnyNode[] {
  if ('body' in parent) return parent.body;
  if ('rows' in parent) return parent.rows;
  if ('cells' in parent) return parent.cells;
  return parent.paragraphs;
}

/** The element object behind a script's argument, or null if it is not one of ours. */
export function elementArg(value: unknown): ElementBase | null {
  const raw = unwrap(value) as unknown;
  return raw instanceof ElementBase ? raw : null;
}

/**
 * The node to insert for an element argument: a deep copy of a detached element of the given kind
 * (inserting the same copy twice inserts two elements); an element still in a document is refused
 * with Apps Script's "Element must be detached.".
 */
export function nodeToInsert<N extends AnyNode>(el: ElementBase, kind: Kind, session: DocSession): N {
  if (el.kind !== kind) throw session.ctx.env.error(invalidConversion(el.kind));
  if (el.session.closed) throw session.ctx.env.error(DOC_CLOSED);
  if (!el.detached) throw session.ctx.env.error(ELEMENT_MUST_BE_DETACHED);
  return structuredClone(el.node) as N;
}
