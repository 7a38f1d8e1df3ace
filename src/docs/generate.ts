/**
 * Making one document: a register row first (the number is taken before anything exists in Drive),
 * then a copy of the template named after that number, filled and saved, then its links. A run that
 * stops anywhere in between is repaired by the next one: the row is found by (kind, related), the
 * Doc by the row's link or by its name in the folder — never a second document, never a lost one.
 */
import type { DocumentKind } from '../domain/documents/types';
import { DRAFT, idFromUrl, type Register, SIGNED } from '../sheets/documentsSheet';
import type { DocumentItem } from './data';
import { copyFile, deleteFile, fileInFolder, liveFile, renameFile, savePdf, trashFile, type DriveItem } from './drive';
import { copyBody, fillDocument, type TemplateShape } from './merge';
import { takeNumber } from './state';

export interface GenerationContext {
  kind: DocumentKind;
  /** The number prefix for this kind (from «Настройки» or the kind's default). */
  prefix: string;
  template: { id: string; shape: TemplateShape };
  /** The Drive folder of this kind's documents. */
  folderId: string;
  register: Register;
  common: Record<string, string>;
  /** ISO day of the documents. */
  date: string;
  pdf: boolean;
  /** The replaced PDF is deleted for good instead of trashed (it names a person who withdrew consent). */
  purge?: boolean;
}

export type GenerationOutcome =
  { kind: 'made' | 'updated'; row: number } | { kind: 'skipped'; reason: string; row: number };

/** File name in Drive: the number makes it unique, so a half-made copy is found again by name. */
function fileName(number: string, title: string): string {
  return `${number} ${title}`.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
}

/** The Doc of a half-made document: by the register's link, else by its expected name. */
function findDoc(docUrl: string, folderId: string, name: string): DriveItem | null {
  return liveFile(idFromUrl(docUrl)) ?? fileInFolder(folderId, name);
}

export function generateOne(ctx: GenerationContext, item: DocumentItem): GenerationOutcome {
  const { kind, register } = ctx;
  let row = register.find(kind.shortTitle, item.related);
  const existing = row >= 0 ? register.entry(row) : null;
  if (existing && existing.status === SIGNED) {
    return { kind: 'skipped', row, reason: `№ ${existing.number} подписан — не изменён.` };
  }
  const number = existing?.number || takeNumber(ctx.prefix, Number(ctx.date.slice(0, 4)));
  const title = item.title;
  if (row < 0) {
    row = register.add({
      number,
      kindName: kind.shortTitle,
      date: ctx.date,
      title,
      docUrl: '',
      pdfUrl: '',
      status: DRAFT,
      related: item.related,
    });
  }
  const name = fileName(number, title);
  const found = findDoc(existing?.docUrl ?? '', ctx.folderId, name);
  let doc: GoogleAppsScript.Document.Document;
  if (found) {
    doc = DocumentApp.openById(found.id);
    copyBody(DocumentApp.openById(ctx.template.id).getBody(), doc.getBody());
    if (found.name !== name) renameFile(found.id, name);
  } else {
    doc = DocumentApp.openById(copyFile(ctx.template.id, name, ctx.folderId));
    // Linked at once: a stop before the end finds this Doc again instead of making another.
    register.update(row, { docUrl: doc.getUrl() });
  }
  const values = { ...ctx.common, ...item.values, номер: number, номер_приказа: number };
  fillDocument(doc.getBody(), ctx.template.shape, values, item.rows, item.tables);
  const docId = doc.getId();
  const docUrl = doc.getUrl();
  doc.saveAndClose();

  // A PDF shows the Doc as it is now: an older one goes to the trash.
  const oldPdf = liveFile(idFromUrl(existing?.pdfUrl ?? ''));
  if (oldPdf) (ctx.purge ? deleteFile : trashFile)(oldPdf.id);
  const pdfUrl = ctx.pdf ? savePdf(docId, `${name}.pdf`, ctx.folderId) : '';
  register.update(row, { date: ctx.date, title, docUrl, pdfUrl, status: DRAFT });
  return { kind: existing ? 'updated' : 'made', row };
}
