/**
 * The document model behind the DocumentApp fake: plain JSON (persisted in drive.json, cloned by
 * makeCopy, exported to .docx and PDF). Only what the add-on's templates use: paragraphs with
 * headings, alignment and character runs, tables of paragraphs, page breaks.
 */

export type HeadingName =
  'NORMAL' | 'TITLE' | 'SUBTITLE' | 'HEADING1' | 'HEADING2' | 'HEADING3' | 'HEADING4' | 'HEADING5' | 'HEADING6';
export type AlignmentName = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

/** Character attributes; absent means "inherited / default". */
export interface TextAttrs {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  fontFamily?: string;
  linkUrl?: string;
}

/** A run of characters sharing the same attributes. Adjacent runs with equal attributes are merged. */
export interface TextRun {
  text: string;
  attrs: TextAttrs;
}

export interface ParagraphNode {
  type: 'PARAGRAPH';
  runs: TextRun[];
  heading: HeadingName;
  alignment: AlignmentName | null;
  /** Points, as Paragraph.setIndentFirstLine / setSpacingAfter take them. */
  indentFirstLine?: number;
  indentStart?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  lineSpacing?: number;
  /** body.appendPageBreak(): in Docs a page break lives inside a paragraph of its own. */
  pageBreak?: boolean;
}

export interface TableCellNode {
  /** A cell always holds at least one paragraph. */
  paragraphs: ParagraphNode[];
  /** Points; undefined = automatic. */
  width?: number;
  backgroundColor?: string;
}

export interface TableRowNode {
  cells: TableCellNode[];
}

export interface TableNode {
  type: 'TABLE';
  rows: TableRowNode[];
  /** Points; Docs' default is 1. */
  borderWidth?: number;
}

export type BlockNode = ParagraphNode | TableNode;

export interface DocModel {
  id: string;
  name: string;
  /** The body; Docs keeps at least one paragraph in it. */
  body: BlockNode[];
  /** Points (Docs' defaults: 72). */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Bumped by every change: export caches (.docx, PDF) are keyed by it. */
  revision: number;
}

export function emptyParagraph(): ParagraphNode {
  return { type: 'PARAGRAPH', runs: [], heading: 'NORMAL', alignment: null };
}

export function paragraphText(p: ParagraphNode): string {
  return p.runs.map((r) => r.text).join('');
}

/** Plain text as Body.getText() gives it: paragraphs joined by "\n", table cells by "\t", rows by "\n". */
export function docPlainText(doc: DocModel): string {
  return doc.body
    .map((b) =>
      b.type === 'PARAGRAPH'
        ? paragraphText(b)
        : b.rows.map((r) => r.cells.map((c) => c.paragraphs.map(paragraphText).join('\n')).join('\t')).join('\n'),
    )
    .join('\n');
}
