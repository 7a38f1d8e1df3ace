/**
 * Making one document: a register row first (the number is taken before anything exists in Drive),
 * then a copy of the template named after that number, filled and saved, then its links. A run that
 * stops anywhere in between is repaired by the next one: the row is found by (kind, related), the
 * Doc by the row's link or by its name in the folder — never a second document, never a lost one.
 *
 * A draft made again keeps its Doc (its link, sharing and comments): its body is rebuilt from the
 * template in place. When neither the template, nor the values, nor the Doc changed since the add-on
 * last filled it (fingerprints.ts), it already reads as it would be made, and is left as it is.
 */
import type { DocumentKind } from '../domain/documents/types';
import { DRAFT, docUrlOf, idFromUrl, type Register, SIGNED } from '../sheets/documentsSheet';
import type { DocumentItem } from '../domain/documents/types';
import { copyFile, deleteFile, fileInFolder, liveFile, renameFile, savePdf, trashFile, type DriveItem } from './drive';
import { fingerprint, inputHash, type Fingerprints } from './fingerprints';
import { copyBody, fillDocument, templateBlocks, type TemplateElement, type TemplateShape } from './merge';
import { takeNumber } from './state';

/** The kind's template Doc as a batch reads it once: its last change and its open body. */
export interface TemplateDoc {
  id: string;
  /** Drive's modifiedTime ('' when unknown): an edited template makes every draft again. */
  modifiedTime: string;
  body: GoogleAppsScript.Document.Body;
  /** Its top-level elements, typed, read on the first draft made again in this call. */
  blocks?: TemplateElement[];
}

export interface GenerationContext {
  kind: DocumentKind;
  /** The number prefix for this kind (from «Настройки» or the kind's default). */
  prefix: string;
  template: TemplateDoc;
  shape: TemplateShape;
  /** The Drive folder of this kind's documents. */
  folderId: string;
  /** Register writes wait for the caller's flush (one write per batch run). */
  register: Register;
  common: Record<string, string>;
  /** ISO day of the documents. */
  date: string;
  pdf: boolean;
  /** The replaced PDF is deleted for good instead of trashed (it names a person who withdrew consent). */
  purge?: boolean;
  /** What each draft was filled with; without it every draft is made again (and nothing is recorded). */
  fingerprints?: Fingerprints;
  /**
   * Register rows numbered ahead by this batch that no Doc carries yet (see documents.ts reserveAhead):
   * nothing to look for in Drive. A row leaves the set once its Doc is made.
   */
  fresh?: Set<number>;
}

export type GenerationOutcome =
  { kind: 'made' | 'updated'; row: number } | { kind: 'skipped'; reason: string; row: number };

/** File name in Drive: the number makes it unique, so a half-made copy is found again by name. */
function fileName(number: string, title: string): string {
  return `${number} ${title}`.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
}

/** The Doc of a half-made document: by the register's link, else by its expected name. */
function findDoc(docUrl: string, folderId: () => string, name: string): DriveItem | null {
  // The folder is asked for only when the link does not lead to the Doc (checking it is a Drive request).
  return liveFile(idFromUrl(docUrl)) ?? fileInFolder(folderId(), name);
}

export function generateOne(ctx: GenerationContext, item: DocumentItem): GenerationOutcome {
  const { kind, register } = ctx;
  let row = register.find(kind.shortTitle, item.related);
  const fresh = row >= 0 && ctx.fresh?.has(row) === true;
  // From here a Doc may exist for the row (a copy made before a failure): the next run looks for it.
  if (fresh) ctx.fresh!.delete(row);
  const existing = row >= 0 ? register.entry(row) : null;
  if (existing && existing.status === SIGNED) {
    return { kind: 'skipped', row, reason: `№ ${existing.number} подписан — не изменён.` };
  }
  const number = existing?.number || takeNumber(ctx.prefix, Number(ctx.date.slice(0, 4)));
  const title = item.title;
  if (row < 0) {
    // Written at once: the number is in the register before a Doc carries it.
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
  const values = { ...ctx.common, ...item.values, номер: number, номер_приказа: number };
  const hash = inputHash([ctx.template.id, ctx.template.modifiedTime, values, item.rows, item.tables ?? {}]);
  // A number taken just now (or numbered ahead by this batch) is on no Doc yet: nothing to look for.
  const found = existing && !fresh ? findDoc(existing.docUrl, () => ctx.folderId, name) : null;
  const unchanged =
    found !== null &&
    existing?.docUrl !== '' &&
    found.name === name &&
    !!found.modifiedTime &&
    !!ctx.template.modifiedTime &&
    ctx.fingerprints?.[found.id] === fingerprint(hash, found.modifiedTime);

  let docId: string;
  let docUrl: string;
  if (unchanged) {
    docId = found.id;
    docUrl = existing!.docUrl;
  } else {
    if (found) {
      if (found.name !== name) renameFile(found.id, name);
      docId = found.id;
    } else {
      // Named after its number in its folder: a run stopped before the register links it finds it by name.
      docId = copyFile(ctx.template.id, name, ctx.folderId);
    }
    const doc = DocumentApp.openById(docId);
    const body = doc.getBody();
    if (found) copyBody((ctx.template.blocks ??= templateBlocks(ctx.template.body)), body);
    fillDocument(body, ctx.shape, values, item.rows, item.tables);
    doc.saveAndClose();
    docUrl = docUrlOf(docId);
    if (ctx.fingerprints) {
      const saved = liveFile(docId);
      if (saved?.modifiedTime && ctx.template.modifiedTime) {
        ctx.fingerprints[docId] = fingerprint(hash, saved.modifiedTime);
      } else delete ctx.fingerprints[docId];
    }
  }

  // A PDF shows the Doc as it is now: an older one goes to the trash, unless the Doc is as it was.
  const oldPdf = liveFile(idFromUrl(existing?.pdfUrl ?? ''));
  let pdfUrl = '';
  if (unchanged && ctx.pdf && oldPdf) pdfUrl = existing!.pdfUrl;
  else {
    if (oldPdf) (ctx.purge ? deleteFile : trashFile)(oldPdf.id);
    if (ctx.pdf) pdfUrl = savePdf(docId, `${name}.pdf`, ctx.folderId);
  }
  register.stage(row, { date: ctx.date, title, docUrl, pdfUrl, status: DRAFT });
  return { kind: existing && !fresh ? 'updated' : 'made', row };
}
