/**
 * A Google Doc of the emulator (docs/model.ts) as a real .docx that opens in Word and LibreOffice,
 * written with the `docx` package (https://docx.js.org).
 *
 * Mapping: TITLE / SUBTITLE / HEADINGn → Word's built-in styles Title / Subtitle / Heading n (looks
 * from docLook.ts); alignment; indents and spacing in points → twips (×20); line spacing is Docs'
 * multiplier (1.15 → 276/240 "auto"); runs keep bold, italic, underline, size (points → half-points),
 * font and links (http, https and mailto only); page breaks; tables with borders (Docs' borderWidth in
 * points → eighths of a point), cell widths and backgrounds; page margins. A4 paper; runs without a
 * font or size get Times New Roman 14 pt; the language is ru-RU (spelling, hyphenation).
 *
 * Indents are Docs' absolute ones: indentStart is the left edge of the paragraph, indentFirstLine the
 * left edge of its first line (both from the margin); Word wants the first line relative to the left.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type IBaseParagraphStyleOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { xmlSafe } from './xmlText';
import type { AlignmentName, DocModel, HeadingName, ParagraphNode, TableNode, TextRun as DocRun } from '../docs/model';
import {
  CELL_PADDING_PT,
  contentWidth,
  DEFAULT_FONT,
  DEFAULT_FONT_SIZE,
  DOC_LANGUAGE,
  HEADING_LOOK,
  PAGE_HEIGHT_PT,
  PAGE_WIDTH_PT,
  safeColor,
  safeFontFamily,
  safeLinkUrl,
  tableColumnWidths,
  type HeadingLook,
} from './docLook';

/** Points → twentieths of a point. */
const twips = (pt: number): number => Math.round(pt * 20);

const ALIGNMENT: Record<AlignmentName, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

const HEADING_LEVEL: Partial<Record<HeadingName, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
};

/** Who the core properties name as the author (the docx library would write «Un-named»). */
const CREATOR = 'Эмулятор Google Workspace';

/** Strings, tabs and line breaks of one run's text (Docs' soft breaks are \n, \r or \v). */
function runChildren(text: string): { parts: (string | Tab)[]; breaks: number[] } {
  const parts: (string | Tab)[] = [];
  const breaks: number[] = [];
  const lines = text.split(/\r\n|[\n\r\v]/);
  lines.forEach((line, i) => {
    if (i > 0) breaks.push(parts.length);
    xmlSafe(line)
      .split('\t')
      .forEach((chunk, j) => {
        if (j > 0) parts.push(new Tab());
        if (chunk) parts.push(chunk);
      });
  });
  return { parts, breaks };
}

function runOptions(run: DocRun): IRunOptions {
  const a = run.attrs;
  const font = safeFontFamily(a.fontFamily);
  return {
    ...(a.bold !== undefined && { bold: a.bold }),
    ...(a.italic !== undefined && { italics: a.italic }),
    ...(a.underline && { underline: { type: UnderlineType.SINGLE } }),
    ...(a.fontSize !== undefined && a.fontSize > 0 && { size: Math.round(a.fontSize * 2) }),
    ...(font && { font }),
  };
}

/** One Docs run → Word runs (a new run after each line break). */
function textRuns(run: DocRun, extra: IRunOptions = {}): TextRun[] {
  const base = { ...runOptions(run), ...extra };
  const { parts, breaks } = runChildren(run.text);
  const out: TextRun[] = [];
  let from = 0;
  for (const at of [...breaks, parts.length]) {
    const children = parts.slice(from, at);
    out.push(new TextRun({ ...base, children, ...(out.length > 0 && { break: 1 }) }));
    from = at;
  }
  return out;
}

function paragraphChildren(p: ParagraphNode): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of p.runs) {
    if (run.text === '') continue;
    const link = safeLinkUrl(run.attrs.linkUrl);
    if (link) {
      out.push(new ExternalHyperlink({ link, children: textRuns(run, { style: 'Hyperlink' }) }));
    } else {
      out.push(...textRuns(run));
    }
  }
  return out;
}

function paragraphOptions(p: ParagraphNode): Omit<IParagraphOptions, 'children'> {
  const level = HEADING_LEVEL[p.heading];
  const start = p.indentStart ?? 0;
  const firstLine = p.indentFirstLine === undefined ? 0 : p.indentFirstLine - start;
  const indent = {
    ...(start !== 0 && { left: twips(start) }),
    ...(firstLine > 0 && { firstLine: twips(firstLine) }),
    ...(firstLine < 0 && { hanging: twips(-firstLine) }),
  };
  const spacing = {
    ...(p.spacingBefore !== undefined && { before: twips(p.spacingBefore) }),
    ...(p.spacingAfter !== undefined && { after: twips(p.spacingAfter) }),
    ...(p.lineSpacing !== undefined &&
      p.lineSpacing > 0 && { line: Math.round(p.lineSpacing * 240), lineRule: LineRuleType.AUTO }),
  };
  return {
    ...(level && { heading: level }),
    ...(p.heading === 'SUBTITLE' && { style: HEADING_LOOK.SUBTITLE.styleId }),
    ...(p.alignment && { alignment: ALIGNMENT[p.alignment] }),
    ...(Object.keys(indent).length > 0 && { indent }),
    ...(Object.keys(spacing).length > 0 && { spacing }),
  };
}

function paragraph(p: ParagraphNode, options: { breakBefore?: boolean; inCell?: boolean } = {}): Paragraph {
  const children = paragraphChildren(p);
  // A page break inside a table cell is not possible in Word (nor in Docs): dropped there.
  if (p.pageBreak && !options.inCell) children.unshift(new PageBreak());
  return new Paragraph({
    ...paragraphOptions(p),
    ...(options.breakBefore && { pageBreakBefore: true }),
    children,
  });
}

function hexFill(color: string): string {
  const c = color.slice(1);
  return (c.length === 3 ? c.replace(/./g, (x) => x + x) : c).toUpperCase();
}

function table(t: TableNode, width: number): Table {
  const widths = tableColumnWidths(t, width);
  const columns = widths.length;
  const borderWidth = t.borderWidth ?? 1;
  const side =
    borderWidth > 0
      ? { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(borderWidth * 8)), color: '000000' }
      : { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = {
    top: side,
    bottom: side,
    left: side,
    right: side,
    insideHorizontal: side,
    insideVertical: side,
  };
  const rows = (t.rows.length > 0 ? t.rows : [{ cells: [] }]).map(
    (row) =>
      new TableRow({
        children: Array.from({ length: columns }, (_, i) => {
          const cell = row.cells[i];
          const paragraphs = cell && cell.paragraphs.length > 0 ? cell.paragraphs : [];
          const fill = safeColor(cell?.backgroundColor);
          return new TableCell({
            width: { size: twips(widths[i]), type: WidthType.DXA },
            ...(fill && { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hexFill(fill) } }),
            children:
              paragraphs.length > 0
                ? paragraphs.map((p) => paragraph(p, { inCell: true }))
                : [new Paragraph({ children: [] })],
          });
        }),
      }),
  );
  return new Table({
    rows,
    width: { size: twips(widths.reduce((s, w) => s + w, 0)), type: WidthType.DXA },
    columnWidths: widths.map(twips),
    layout: TableLayoutType.FIXED,
    borders,
    margins: {
      top: twips(CELL_PADDING_PT / 2),
      bottom: twips(CELL_PADDING_PT / 2),
      left: twips(CELL_PADDING_PT),
      right: twips(CELL_PADDING_PT),
    },
  });
}

function isEmptyParagraph(p: ParagraphNode): boolean {
  return p.runs.every((r) => r.text === '');
}

function headingStyle(look: HeadingLook): IBaseParagraphStyleOptions {
  return {
    run: { font: DEFAULT_FONT, size: look.size * 2, bold: look.bold, italics: look.italic, color: '000000' },
    paragraph: { spacing: { before: twips(look.before), after: twips(look.after) }, keepNext: true, keepLines: true },
  };
}

/** The document as the bytes of a .docx file. */
export async function docToDocx(doc: DocModel): Promise<Buffer> {
  const margins = doc.margins ?? { top: 72, bottom: 72, left: 72, right: 72 };
  const width = contentWidth(doc);
  const children: (Paragraph | Table)[] = [];
  const body = doc.body ?? [];
  body.forEach((block, i) => {
    if (block.type === 'TABLE') {
      children.push(table(block, width));
      return;
    }
    const prev = body[i - 1];
    // An empty paragraph holding only a page break (body.appendPageBreak()) followed by a paragraph
    // becomes "page break before" on that paragraph: no stray empty line at the top of the page.
    if (block.pageBreak && isEmptyParagraph(block) && body[i + 1]?.type === 'PARAGRAPH') return;
    const breakBefore = prev?.type === 'PARAGRAPH' && prev.pageBreak === true && isEmptyParagraph(prev);
    children.push(paragraph(block, { breakBefore }));
  });
  // Word wants the body to end with a paragraph (Docs always has one there too).
  if (children.length === 0 || body[body.length - 1]?.type === 'TABLE') {
    children.push(new Paragraph({ children: [], spacing: { before: 0, after: 0 } }));
  }

  const document = new Document({
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    // docProps/core.xml is XML 1.0 too: one U+FFFE in a name would make Word refuse the file.
    title: xmlSafe(doc.name),
    revision: Math.max(1, Math.floor(doc.revision) || 1),
    styles: {
      default: {
        document: {
          run: { font: DEFAULT_FONT, size: DEFAULT_FONT_SIZE * 2, language: { value: DOC_LANGUAGE } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        title: headingStyle(HEADING_LOOK.TITLE),
        heading1: headingStyle(HEADING_LOOK.HEADING1),
        heading2: headingStyle(HEADING_LOOK.HEADING2),
        heading3: headingStyle(HEADING_LOOK.HEADING3),
        heading4: headingStyle(HEADING_LOOK.HEADING4),
        heading5: headingStyle(HEADING_LOOK.HEADING5),
        heading6: headingStyle(HEADING_LOOK.HEADING6),
        hyperlink: { run: { color: '1155CC', underline: { type: UnderlineType.SINGLE } } },
      },
      paragraphStyles: [
        {
          id: HEADING_LOOK.SUBTITLE.styleId,
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          ...headingStyle(HEADING_LOOK.SUBTITLE),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE_WIDTH_PT), height: twips(PAGE_HEIGHT_PT) },
            margin: {
              top: twips(margins.top),
              bottom: twips(margins.bottom),
              left: twips(margins.left),
              right: twips(margins.right),
              header: twips(36),
              footer: twips(36),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
