/**
 * How a Google Doc of the emulator looks on paper: the defaults and heading styles the .docx export
 * (docx.ts) writes and the workspace page's preview (web/DriveDoc.tsx) draws, so both agree. Plain
 * data, no imports: the page's bundle takes it as is.
 *
 * Defaults follow Russian official documents (ГОСТ Р 7.0.97): Times New Roman 14 pt, A4.
 */
import type { DocModel, HeadingName, TableNode } from '../docs/model';

export const DEFAULT_FONT = 'Times New Roman';
/** Points. */
export const DEFAULT_FONT_SIZE = 14;
export const DOC_LANGUAGE = 'ru-RU';

/** A4 in points (210 × 297 mm). */
export const PAGE_WIDTH_PT = 595.3;
export const PAGE_HEIGHT_PT = 841.9;

/** Inner padding of table cells, points (Google Docs' default). */
export const CELL_PADDING_PT = 5;

export interface HeadingLook {
  /** Points. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Points of space before/after the paragraph unless it sets its own. */
  before: number;
  after: number;
  /** The style's name in the .docx (Word's built-in ids). */
  styleId: string;
}

/** Heading styles: sizes in the spirit of Google Docs, in the document's font and black. */
export const HEADING_LOOK: Record<Exclude<HeadingName, 'NORMAL'>, HeadingLook> = {
  TITLE: { size: 18, bold: true, italic: false, before: 0, after: 6, styleId: 'Title' },
  SUBTITLE: { size: 15, bold: false, italic: true, before: 0, after: 6, styleId: 'Subtitle' },
  HEADING1: { size: 16, bold: true, italic: false, before: 12, after: 6, styleId: 'Heading1' },
  HEADING2: { size: 15, bold: true, italic: false, before: 10, after: 4, styleId: 'Heading2' },
  HEADING3: { size: 14, bold: true, italic: false, before: 8, after: 4, styleId: 'Heading3' },
  HEADING4: { size: 14, bold: true, italic: true, before: 8, after: 2, styleId: 'Heading4' },
  HEADING5: { size: 14, bold: false, italic: true, before: 6, after: 2, styleId: 'Heading5' },
  HEADING6: { size: 14, bold: false, italic: true, before: 6, after: 2, styleId: 'Heading6' },
};

/** Only web and mail links become links in exports and the preview; anything else stays plain text. */
export function safeLinkUrl(url: string | undefined): string | null {
  if (!url) return null;
  return /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(url.trim()) ? url.trim() : null;
}

/** A colour as `#rgb`/`#rrggbb`, or null when it is anything else. */
export function safeColor(color: string | undefined): string | null {
  if (!color) return null;
  const c = color.trim();
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? c.toLowerCase() : null;
}

/** A font family name safe to put in a style attribute or the .docx; null falls back to the default. */
export function safeFontFamily(family: string | undefined): string | null {
  if (!family) return null;
  const f = family.trim();
  return /^[\p{L}\p{N} _-]{1,64}$/u.test(f) ? f : null;
}

/** The width between the margins, points. */
export function contentWidth(doc: Pick<DocModel, 'margins'>): number {
  const m = doc.margins ?? { left: 72, right: 72 };
  return Math.max(72, PAGE_WIDTH_PT - m.left - m.right);
}

/** Column widths in points: the widest width given per column; the others share what is left. */
export function tableColumnWidths(table: TableNode, width: number): number[] {
  const columns = Math.max(1, ...table.rows.map((r) => r.cells.length));
  const given: (number | undefined)[] = Array.from({ length: columns }, () => undefined);
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      if (cell.width !== undefined && cell.width > 0) given[i] = Math.max(given[i] ?? 0, cell.width);
    });
  }
  const known = given.reduce<number>((s, w) => s + (w ?? 0), 0);
  const unknown = given.filter((w) => w === undefined).length;
  const share = unknown > 0 ? Math.max(24, (width - known) / unknown) : 0;
  return given.map((w) => w ?? share);
}
