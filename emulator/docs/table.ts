/** Table, TableRow, TableCell. A cell holds paragraphs (nested tables are not modelled). */
import { signatureError } from '../core/gasObject';
import { AttributeError, CELL_ATTRS, readAttributes, splitAttributes, TABLE_ATTRS } from './attributes';
import { cellNode, checkIndex, checkInsertIndex, optionalElementArg } from './blocks';
import { NOT_A_CHILD } from './context';
import { ContainerBase } from './container';
import {
  elementArg,
  elementOf,
  ElementBase,
  registerElement,
  type GElement,
  type GRangeElement,
  type GTable,
  type GTableCell,
  type GTableRow,
  type GText,
} from './element';
import { layoutOf } from './layout';
import type { ParagraphNode, TableCellNode, TableNode, TableRowNode } from './model';
import { findIn, replaceIn } from './search';

/** Search, text and copy/remove shared by Table and TableRow. */
abstract class TablePart<N extends TableNode | TableRowNode> extends ElementBase {
  protected abstract readonly apiName: string;

  protected get n(): N {
    return this.node as N;
  }

  getText(): string {
    this.use();
    return layoutOf(this.n).text;
  }
  editAsText(): GText {
    this.use();
    return this.child(this.n, 'TEXT');
  }
  findText(searchPattern: string, from?: GRangeElement | null): GRangeElement {
    this.use();
    return findIn(
      this.session,
      this.n,
      this.detached,
      `${this.apiName}.findText`,
      searchPattern,
      from,
    ) as GRangeElement;
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const doc = this.use();
    if (replaceIn(this.session, this.n, `${this.apiName}.replaceText`, searchPattern, replacement)) this.touch(doc);
    return this.ret();
  }

  /** Removes the node from its parent's list; returns the detached element. */
  protected detach<T>(): T {
    const doc = this.use();
    const ref = this.where(doc);
    if (doc && ref) {
      const p = ref.parent;
      const siblings: object[] = 'body' in p ? p.body : 'rows' in p ? p.rows : 'cells' in p ? p.cells : p.paragraphs;
      siblings.splice(ref.index, 1);
      this.touch(doc);
    }
    return elementOf<T>(this.session, this.n, this.kind, true);
  }
}

type TB = GoogleAppsScript.Document.Table;
type TableMembers =
  | 'getNumRows'
  | 'getRow'
  | 'getCell'
  | 'appendTableRow'
  | 'insertTableRow'
  | 'removeRow'
  | 'setBorderWidth'
  | 'getBorderWidth'
  | 'setColumnWidth'
  | 'getColumnWidth'
  | 'getText'
  | 'findText'
  | 'replaceText'
  | 'editAsText'
  | 'copy'
  | 'getParent'
  | 'removeFromParent'
  | 'getType'
  | 'asTable'
  | 'getNumChildren'
  | 'getChild'
  | 'getChildIndex'
  | 'removeChild'
  | 'getAttributes'
  | 'setAttributes';

export class TableImpl extends TablePart<TableNode> implements Pick<TB, TableMembers> {
  readonly kind = 'TABLE' as const;
  protected readonly apiName = 'DocumentApp.Table';

  getNumRows(): number {
    this.use();
    return this.n.rows.length;
  }
  getNumChildren(): number {
    return this.getNumRows();
  }

  getRow(rowIndex: number): GTableRow {
    this.use();
    const i = checkIndex(this.env, `${this.apiName}.getRow`, rowIndex, this.n.rows.length);
    return this.child(this.n.rows[i], 'TABLE_ROW');
  }
  getChild(childIndex: number): GElement {
    return this.getRow(childIndex) as unknown as GElement;
  }

  getCell(rowIndex: number, cellIndex: number): GTableCell {
    this.use();
    const row = this.n.rows[checkIndex(this.env, `${this.apiName}.getCell`, rowIndex, this.n.rows.length)];
    const c = checkIndex(this.env, `${this.apiName}.getCell`, cellIndex, row.cells.length);
    return this.child(row.cells[c], 'TABLE_CELL');
  }

  getChildIndex(child: GElement): number {
    this.use();
    const el = elementArg(child);
    if (!el) throw signatureError(this.env, `${this.apiName}.getChildIndex`, [child]);
    const i = this.n.rows.indexOf(el.node as TableRowNode);
    if (i < 0) throw this.env.error(NOT_A_CHILD);
    return i;
  }

  /** A new empty row (no cells), or a detached TableRow's copy. */
  appendTableRow(tableRow?: GTableRow): GTableRow {
    this.use();
    return this.putRow(this.n.rows.length, tableRow, 'appendTableRow');
  }

  insertTableRow(childIndex: number, tableRow?: GTableRow | null): GTableRow {
    this.use();
    const i = checkInsertIndex(this.env, `${this.apiName}.insertTableRow`, childIndex, this.n.rows.length);
    return this.putRow(i, tableRow, 'insertTableRow');
  }

  private putRow(index: number, arg: unknown, method: string): GTableRow {
    const doc = this.use();
    const row = optionalElementArg<TableRowNode>(this.session, `${this.apiName}.${method}`, arg, 'TABLE_ROW') ?? {
      cells: [],
    };
    this.n.rows.splice(index, 0, row);
    this.touch(doc);
    return this.child(row, 'TABLE_ROW');
  }

  /** Removes row `rowIndex`; returns it, detached. */
  removeRow(rowIndex: number): GTableRow {
    const doc = this.use();
    const i = checkIndex(this.env, `${this.apiName}.removeRow`, rowIndex, this.n.rows.length);
    const [row] = this.n.rows.splice(i, 1);
    this.touch(doc);
    return elementOf(this.session, row, 'TABLE_ROW', true);
  }

  removeChild(child: GElement): GTable {
    this.removeRow(this.getChildIndex(child));
    return this.ret();
  }

  setBorderWidth(width: number): GTable {
    const doc = this.use();
    if (typeof width !== 'number' || !Number.isFinite(width) || width < 0)
      throw signatureError(this.env, `${this.apiName}.setBorderWidth`, [width]);
    this.n.borderWidth = width;
    this.touch(doc);
    return this.ret();
  }
  /** Docs' default border is 1 pt. */
  getBorderWidth(): number {
    this.use();
    return this.n.borderWidth ?? 1;
  }

  /** Sets the width of every cell in the column (points). */
  setColumnWidth(columnIndex: number, width: number): GTable {
    const doc = this.use();
    const columns = Math.max(0, ...this.n.rows.map((r) => r.cells.length));
    const c = checkIndex(this.env, `${this.apiName}.setColumnWidth`, columnIndex, columns);
    if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0)
      throw signatureError(this.env, `${this.apiName}.setColumnWidth`, [columnIndex, width]);
    for (const r of this.n.rows) if (r.cells[c]) r.cells[c].width = width;
    this.touch(doc);
    return this.ret();
  }
  /** null while the column is automatic. */
  getColumnWidth(columnIndex: number): number {
    this.use();
    const columns = Math.max(0, ...this.n.rows.map((r) => r.cells.length));
    const c = checkIndex(this.env, `${this.apiName}.getColumnWidth`, columnIndex, columns);
    return (this.n.rows.find((r) => r.cells[c])?.cells[c].width ?? null) as number;
  }

  copy(): GTable {
    this.use();
    return elementOf(this.session, structuredClone(this.n), 'TABLE', true);
  }

  removeFromParent(): GTable {
    return this.detach();
  }

  getAttributes(): Record<string, unknown> {
    this.use();
    return readAttributes(this.n, TABLE_ATTRS);
  }
  setAttributes(attributes: unknown): GTable {
    const doc = this.use();
    applyOwn(this, attributes, TABLE_ATTRS, this.n);
    this.touch(doc);
    return this.ret();
  }
}

function applyOwn<N>(
  el: ElementBase,
  attributes: unknown,
  own: Parameters<typeof splitAttributes<N>>[1],
  node: N,
): void {
  try {
    const { ownSets } = splitAttributes(attributes, own, false);
    for (const [spec, value] of ownSets) spec.set(node, value);
  } catch (e) {
    if (e instanceof AttributeError) throw el.session.ctx.env.error(e.message);
    throw e;
  }
}

type TR = GoogleAppsScript.Document.TableRow;
type RowMembers =
  | 'getNumCells'
  | 'getCell'
  | 'appendTableCell'
  | 'insertTableCell'
  | 'removeCell'
  | 'copy'
  | 'removeFromParent'
  | 'getParentTable'
  | 'getText'
  | 'findText'
  | 'replaceText'
  | 'editAsText'
  | 'getType'
  | 'asTableRow'
  | 'getChildIndex'
  | 'getNumChildren'
  | 'getChild'
  | 'getParent';

export class TableRowImpl extends TablePart<TableRowNode> implements Pick<TR, RowMembers> {
  readonly kind = 'TABLE_ROW' as const;
  protected readonly apiName = 'DocumentApp.TableRow';

  getNumCells(): number {
    this.use();
    return this.n.cells.length;
  }
  getNumChildren(): number {
    return this.getNumCells();
  }
  getCell(cellIndex: number): GTableCell {
    this.use();
    const i = checkIndex(this.env, `${this.apiName}.getCell`, cellIndex, this.n.cells.length);
    return this.child(this.n.cells[i], 'TABLE_CELL');
  }
  getChild(childIndex: number): GElement {
    return this.getCell(childIndex) as unknown as GElement;
  }
  getChildIndex(child: GElement): number {
    this.use();
    const el = elementArg(child);
    if (!el) throw signatureError(this.env, `${this.apiName}.getChildIndex`, [child]);
    const i = this.n.cells.indexOf(el.node as TableCellNode);
    if (i < 0) throw this.env.error(NOT_A_CHILD);
    return i;
  }

  private cellArg(method: string, arg: unknown): TableCellNode {
    if (arg === undefined || arg === null) return cellNode('');
    if (typeof arg === 'string') return cellNode(arg);
    const node = optionalElementArg<TableCellNode>(this.session, `${this.apiName}.${method}`, arg, 'TABLE_CELL');
    return node ?? cellNode('');
  }

  appendTableCell(textContentsOrCell?: string | GTableCell | null): GTableCell {
    return this.insertTableCell(this.getNumCells(), textContentsOrCell);
  }

  insertTableCell(childIndex: number, textContentsOrCell?: string | GTableCell | null): GTableCell {
    const doc = this.use();
    const i = checkInsertIndex(this.env, `${this.apiName}.insertTableCell`, childIndex, this.n.cells.length);
    const cell = this.cellArg('insertTableCell', textContentsOrCell);
    this.n.cells.splice(i, 0, cell);
    this.touch(doc);
    return this.child(cell, 'TABLE_CELL');
  }

  removeCell(cellIndex: number): GTableCell {
    const doc = this.use();
    const i = checkIndex(this.env, `${this.apiName}.removeCell`, cellIndex, this.n.cells.length);
    const [cell] = this.n.cells.splice(i, 1);
    this.touch(doc);
    return elementOf(this.session, cell, 'TABLE_CELL', true);
  }

  getParentTable(): GTable {
    const ref = this.where(this.use());
    return (ref ? this.child(ref.parent, 'TABLE') : null) as GTable;
  }

  /** A detached deep copy (to insert with Table.insertTableRow / appendTableRow). */
  copy(): GTableRow {
    this.use();
    return elementOf(this.session, structuredClone(this.n), 'TABLE_ROW', true);
  }

  removeFromParent(): GTableRow {
    return this.detach();
  }
}

type TC = GoogleAppsScript.Document.TableCell;
type CellMembers =
  | 'getText'
  | 'setText'
  | 'editAsText'
  | 'findText'
  | 'replaceText'
  | 'setWidth'
  | 'getWidth'
  | 'setBackgroundColor'
  | 'getBackgroundColor'
  | 'getNumChildren'
  | 'getChild'
  | 'getChildIndex'
  | 'appendParagraph'
  | 'insertParagraph'
  | 'removeChild'
  | 'getParentRow'
  | 'getParentTable'
  | 'getType'
  | 'asTableCell'
  | 'clear'
  | 'copy'
  | 'removeFromParent'
  | 'getParent'
  | 'getAttributes'
  | 'setAttributes';

export class TableCellImpl extends ContainerBase implements Pick<TC, CellMembers> {
  readonly kind = 'TABLE_CELL' as const;
  protected readonly apiName = 'DocumentApp.TableCell';
  protected readonly isBody = false;

  private get cell(): TableCellNode {
    return this.node as TableCellNode;
  }

  protected list(): ParagraphNode[] {
    return this.cell.paragraphs;
  }

  setWidth(width: number): GTableCell {
    const doc = this.use();
    if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0)
      throw signatureError(this.env, this.m('setWidth'), [width]);
    this.cell.width = width;
    this.touch(doc);
    return this.ret();
  }
  /** null while automatic. */
  getWidth(): number {
    this.use();
    return (this.cell.width ?? null) as number;
  }

  setBackgroundColor(color: string): GTableCell {
    const doc = this.use();
    if (typeof color !== 'string' && color !== null)
      throw signatureError(this.env, this.m('setBackgroundColor'), [color]);
    if (color) this.cell.backgroundColor = color;
    else delete this.cell.backgroundColor;
    this.touch(doc);
    return this.ret();
  }
  getBackgroundColor(): string {
    this.use();
    return (this.cell.backgroundColor ?? null) as string;
  }

  getParentRow(): GTableRow {
    const ref = this.where(this.use());
    return (ref ? this.child(ref.parent, 'TABLE_ROW') : null) as GTableRow;
  }

  getParentTable(): GTable {
    const doc = this.use();
    const ref = this.where(doc);
    if (!doc || !ref) return null as unknown as GTable;
    for (const b of doc.body)
      if (b.type === 'TABLE' && b.rows.includes(ref.parent as TableRowNode)) return this.child(b, 'TABLE');
    return null as unknown as GTable;
  }

  copy(): GTableCell {
    this.use();
    return elementOf(this.session, structuredClone(this.cell), 'TABLE_CELL', true);
  }

  removeFromParent(): GTableCell {
    const doc = this.use();
    const ref = this.where(doc);
    if (doc && ref && 'cells' in ref.parent) {
      ref.parent.cells.splice(ref.index, 1);
      this.touch(doc);
    }
    return elementOf(this.session, this.cell, 'TABLE_CELL', true);
  }

  getAttributes(): Record<string, unknown> {
    this.use();
    return readAttributes(this.cell, CELL_ATTRS);
  }
  setAttributes(attributes: unknown): GTableCell {
    const doc = this.use();
    applyOwn(this, attributes, CELL_ATTRS, this.cell);
    this.touch(doc);
    return this.ret();
  }
}

registerElement('TABLE', TableImpl as never);
registerElement('TABLE_ROW', TableRowImpl as never);
registerElement('TABLE_CELL', TableCellImpl as never);
