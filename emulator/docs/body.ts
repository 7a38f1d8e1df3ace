/** Body: the document's blocks (paragraphs and tables), margins, page breaks. */
import { signatureError } from '../core/gasObject';
import { AttributeError, BODY_ATTRS, readAttributes, splitAttributes } from './attributes';
import { checkInsertIndex, ensureBodyEndsWithParagraph, tableArg } from './blocks';
import { notImplemented } from './context';
import { ContainerBase } from './container';
import { registerElement, type GBody, type GPageBreak, type GParagraph, type GTable } from './element';
import { paragraphsIn } from './layout';
import { emptyParagraph, type BlockNode, type DocModel, type TableNode } from './model';

type B = GoogleAppsScript.Document.Body;
type Members =
  | 'appendParagraph'
  | 'insertParagraph'
  | 'appendTable'
  | 'insertTable'
  | 'appendPageBreak'
  | 'insertPageBreak'
  | 'clear'
  | 'getText'
  | 'setText'
  | 'getNumChildren'
  | 'getChild'
  | 'getChildIndex'
  | 'removeChild'
  | 'getParagraphs'
  | 'getTables'
  | 'findText'
  | 'replaceText'
  | 'editAsText'
  | 'setMarginTop'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'getMarginTop'
  | 'getMarginBottom'
  | 'getMarginLeft'
  | 'getMarginRight'
  | 'getAttributes'
  | 'setAttributes'
  | 'getType'
  | 'getParent';

type Side = 'top' | 'bottom' | 'left' | 'right';

export class BodyImpl extends ContainerBase implements Pick<B, Members> {
  readonly kind = 'BODY_SECTION' as const;
  protected readonly apiName = 'DocumentApp.Body';
  protected readonly isBody = true;

  private get doc(): DocModel {
    return this.node as DocModel;
  }

  protected list(): BlockNode[] {
    return this.doc.body;
  }

  appendTable(cells?: string[][] | GTable | null): GTable {
    this.use();
    return this.putTable(this.doc.body.length, tableArg(this.session, this.m('appendTable'), cells));
  }

  insertTable(childIndex: number, cellsOrTable?: string[][] | GTable | null): GTable {
    this.use();
    const i = checkInsertIndex(this.env, this.m('insertTable'), childIndex, this.doc.body.length);
    return this.putTable(i, tableArg(this.session, this.m('insertTable'), cellsOrTable));
  }

  private putTable(index: number, table: TableNode): GTable {
    this.doc.body.splice(index, 0, table);
    ensureBodyEndsWithParagraph(this.doc);
    this.touch(this.doc);
    return this.child(table, 'TABLE');
  }

  /** A page break in a paragraph of its own, appended. */
  appendPageBreak(pageBreak?: GPageBreak): GPageBreak {
    this.use();
    if (pageBreak !== undefined) throw this.env.error(notImplemented('Body.appendPageBreak(pageBreak)'));
    return this.putPageBreak(this.doc.body.length);
  }

  insertPageBreak(childIndex: number, pageBreak?: GPageBreak | null): GPageBreak {
    this.use();
    if (pageBreak !== undefined && pageBreak !== null)
      throw this.env.error(notImplemented('Body.insertPageBreak(index, pageBreak)'));
    return this.putPageBreak(checkInsertIndex(this.env, this.m('insertPageBreak'), childIndex, this.doc.body.length));
  }

  private putPageBreak(index: number): GPageBreak {
    const p = { ...emptyParagraph(), pageBreak: true };
    this.doc.body.splice(index, 0, p);
    this.touch(this.doc);
    return this.child(p, 'PAGE_BREAK');
  }

  /** Every paragraph, those inside table cells included (as Docs returns them). */
  getParagraphs(): GParagraph[] {
    this.use();
    return paragraphsIn(this.doc).map((p) => this.child<GParagraph>(p, 'PARAGRAPH'));
  }

  getTables(): GTable[] {
    this.use();
    return this.doc.body.filter((b): b is TableNode => b.type === 'TABLE').map((t) => this.child<GTable>(t, 'TABLE'));
  }

  private setMargin(method: string, side: Side, value: unknown): GBody {
    this.use();
    if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(this.env, this.m(method), [value]);
    this.doc.margins[side] = value;
    this.touch(this.doc);
    return this.ret();
  }
  setMarginTop(marginTop: number): GBody {
    return this.setMargin('setMarginTop', 'top', marginTop);
  }
  setMarginBottom(marginBottom: number): GBody {
    return this.setMargin('setMarginBottom', 'bottom', marginBottom);
  }
  setMarginLeft(marginLeft: number): GBody {
    return this.setMargin('setMarginLeft', 'left', marginLeft);
  }
  setMarginRight(marginRight: number): GBody {
    return this.setMargin('setMarginRight', 'right', marginRight);
  }
  getMarginTop(): number {
    this.use();
    return this.doc.margins.top;
  }
  getMarginBottom(): number {
    this.use();
    return this.doc.margins.bottom;
  }
  getMarginLeft(): number {
    this.use();
    return this.doc.margins.left;
  }
  getMarginRight(): number {
    this.use();
    return this.doc.margins.right;
  }

  getAttributes(): Record<string, unknown> {
    this.use();
    return readAttributes(this.doc, BODY_ATTRS);
  }

  setAttributes(attributes: unknown): GBody {
    this.use();
    try {
      const { ownSets } = splitAttributes(attributes, BODY_ATTRS, false);
      for (const [spec, value] of ownSets) spec.set(this.doc, value);
    } catch (e) {
      if (e instanceof AttributeError) throw this.env.error(e.message);
      throw e;
    }
    this.touch(this.doc);
    return this.ret();
  }
}

registerElement('BODY_SECTION', BodyImpl as never);
