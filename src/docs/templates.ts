import { DOCUMENT_KINDS } from '../domain/documents/kinds';
import type { DocumentKind, TemplateBlock, TemplateParagraph } from '../domain/documents/types';
import { copyFile, createDoc, liveFile } from './drive';
import type { DocumentFolders } from './folders';
import { writeDocumentsState } from './state';

type Body = GoogleAppsScript.Document.Body;

/** Official documents: Times New Roman 14, margins 3 / 1.5 / 2 / 2 cm (ГОСТ Р 7.0.97-2016), in points. */
const FONT = 'Times New Roman';
const FONT_SIZE = 14;
const MARGINS = { left: 85, right: 43, top: 57, bottom: 57 };
const FIRST_LINE_INDENT = 35;

/**
 * Every kind's template Doc in «Шаблоны»: kept as it is when it exists (staff may have edited it),
 * copied from the previous period's template when a new period starts, built from the default
 * blocks otherwise. Returns the ids.
 */
export function ensureTemplates(f: DocumentFolders): Record<string, string> {
  const folderId = f.folders['Шаблоны'];
  let changed = false;
  for (const kind of Object.values(DOCUMENT_KINDS)) {
    if (liveFile(f.state.templates[kind.id])) continue;
    const previous = liveFile(f.previousTemplates[kind.id]);
    f.state.templates[kind.id] = previous
      ? copyFile(previous.id, kind.templateName, folderId)
      : buildTemplate(kind, folderId);
    changed = true;
  }
  if (changed) writeDocumentsState(f.state);
  return { ...f.state.templates };
}

/** Builds the default template of a kind as a real Google Doc in the folder; returns its id. */
export function buildTemplate(kind: DocumentKind, folderId: string): string {
  // Made in its folder by Drive, then filled: no move afterwards.
  const id = createDoc(kind.templateName, folderId);
  const doc = DocumentApp.openById(id);
  const body = doc.getBody();
  body
    .setMarginLeft(MARGINS.left)
    .setMarginRight(MARGINS.right)
    .setMarginTop(MARGINS.top)
    .setMarginBottom(MARGINS.bottom);
  const sized: Array<{ text: GoogleAppsScript.Document.Text; size: number }> = [];
  for (const block of kind.blocks) appendBlock(body, block, sized);
  // A new Doc starts with one empty paragraph; the blocks follow it.
  body.getChild(0).removeFromParent();
  // Font for everything at the end (attributes set on an empty body do not reach appended text),
  // then the sizes blocks ask for.
  body.editAsText().setFontFamily(FONT).setFontSize(FONT_SIZE);
  for (const { text, size } of sized) text.setFontSize(size);
  doc.saveAndClose();
  return id;
}

function appendBlock(
  body: Body,
  block: TemplateBlock,
  sized: Array<{ text: GoogleAppsScript.Document.Text; size: number }>,
): void {
  if (block.type === 'paragraph') {
    const p = body.appendParagraph(block.text);
    styleParagraph(p, block, sized);
    return;
  }
  const cells = [...block.header, ...(block.row ? [block.row] : [])];
  const table = body.appendTable(cells);
  table.setBorderWidth(1);
  (block.widths ?? []).forEach((w, i) => table.setColumnWidth(i, w));
  if (block.boldHeader) block.header.forEach((_, r) => table.getRow(r).editAsText().setBold(true));
  if (block.fontSize) sized.push({ text: table.editAsText(), size: block.fontSize });
}

function styleParagraph(
  p: GoogleAppsScript.Document.Paragraph,
  block: TemplateParagraph,
  sized: Array<{ text: GoogleAppsScript.Document.Text; size: number }>,
): void {
  if (block.heading && block.heading !== 'NORMAL') p.setHeading(DocumentApp.ParagraphHeading[block.heading]);
  if (block.align) p.setAlignment(DocumentApp.HorizontalAlignment[block.align]);
  if (block.indent) p.setIndentFirstLine(FIRST_LINE_INDENT);
  if (block.spaceAfter !== undefined) p.setSpacingAfter(block.spaceAfter);
  if (block.text === '') return;
  if (block.bold || block.italic || block.fontSize) {
    const text = p.editAsText();
    if (block.bold) text.setBold(true);
    if (block.italic) text.setItalic(true);
    if (block.fontSize) sized.push({ text, size: block.fontSize });
  }
}
