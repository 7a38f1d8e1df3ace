/**
 * The plain text of an element and where each paragraph's characters sit in it. Separators follow
 * docPlainText (model.ts): body blocks and a cell's paragraphs by "\n", table rows by "\n", a row's
 * cells by "\t". Text views (editAsText) and getText() of every element use this layout.
 */
import type { ContainerNode } from './context';
import { paragraphText, type ParagraphNode } from './model';

export interface Segment {
  p: ParagraphNode;
  /** Offset of the paragraph's first character in the layout text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

export interface Layout {
  text: string;
  segs: Segment[];
}

export type LayoutNode = ContainerNode | ParagraphNode;

/** The paragraphs inside `node`, in document order. */
export function paragraphsIn(node: LayoutNode): ParagraphNode[] {
  return layoutOf(node).segs.map((s) => s.p);
}

export function layoutOf(node: LayoutNode): Layout {
  let text = '';
  const segs: Segment[] = [];
  const para = (p: ParagraphNode) => {
    const t = paragraphText(p);
    segs.push({ p, start: text.length, end: text.length + t.length });
    text += t;
  };
  const join = <T>(items: T[], sep: string, each: (x: T) => void) =>
    items.forEach((x, i) => {
      if (i > 0) text += sep;
      each(x);
    });
  const visit = (n: LayoutNode): void => {
    if ('runs' in n) para(n);
    else if ('body' in n) join(n.body, '\n', visit);
    else if ('rows' in n) join(n.rows, '\n', visit);
    else if ('cells' in n) join(n.cells, '\t', visit);
    else join(n.paragraphs, '\n', visit);
  };
  visit(node);
  return { text, segs };
}
