/**
 * Consent withdrawn (152-ФЗ art. 9 § 2, art. 21 § 5): the documents that name the person.
 *
 * - Drafts (status «черновик») are working copies, not records: the person's own ones (consent
 *   statements, the consent to the mentor's duties) are deleted for good with their PDF; the others
 *   (the pairs order, a pair's program, a mentor's duties consent listing the mentee, the analytical
 *   report, a news draft) are made again from the sheets, which no longer hold the name, in the same
 *   Doc with the same number; the replaced PDF is deleted for good. A draft that cannot be made again
 *   (its pair left the order, the template is broken) is deleted for good.
 * - Signed documents (status «подписан») are the school's records and keep their text: an order is an
 *   administrative record the school must keep (the list of standard administrative archival documents,
 *   приказ Росархива от 20.12.2019 № 236, keeps orders on the main activity permanently),
 *   and a signed consent or program proves that the processing before the withdrawal was lawful (the
 *   operator must be able to prove consent: 152-ФЗ art. 9 § 3); art. 21 § 5 lets the operator keep
 *   what a federal law requires. Their Drive names and register titles lose the name, and their numbers
 *   are listed for the curator, who decides what else the school's rules ask for.
 * - The trash of the document folders holds older versions of these documents (replaced PDFs, removed
 *   drafts) that may name the person: it is emptied for good.
 */
import { normalizeName } from '../domain/documents/names';
import { DOCUMENT_KINDS } from '../domain/documents/kinds';
import type { DocumentKind, DocumentKindId } from '../domain/documents/types';
import { mentions, spellingsOf, WITHDRAWN_NAME, type WithdrawnPerson } from '../domain/questionnaires';
import { idFromUrl, Register, REMOVED, SIGNED, type RegisterEntry } from '../sheets/documentsSheet';
import { currentPeriod } from '../sheets/roadmapSheet';
import { timeZoneOf, todayIso } from '../sheets/cells';
import { SHEETS } from '../sheets/schema';
import { isUserError } from '../domain/userError';
import { generationContext, prepare } from './documents';
import { deleteFile, liveFile, renameFile, trashedIn } from './drive';
import { generateOne } from './generate';
import { revokeAccess } from './access';
import { readDocumentsState } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Besides the people's own documents, which others concern them (decided by the caller from «Пары и группы»). */
export interface Concerned {
  /** Pairs and groups the people belonged to (their programs name them). */
  pairIds: readonly string[];
  /** Mentors whose consent to the duties lists a withdrawn mentee. */
  mentorIds: readonly string[];
}

/** What happened to the documents, in counts and register numbers (no names). */
export interface DocumentErasure {
  /** Drafts deleted for good with their PDF. */
  deleted: number;
  /** Drafts made again without the person. */
  regenerated: number;
  /** Files deleted for good from the trash of the document folders. */
  purged: number;
  /** Register numbers of signed documents that name the person, kept as the school's records. */
  signed: string[];
  /** Accesses to documents taken away from the people (docs/access.ts). */
  unshared: number;
}

const kindByName = new Map(Object.values(DOCUMENT_KINDS).map((k) => [k.shortTitle, k]));

/** The Doc's text, '' when it is gone. */
function docText(url: string): string {
  const file = liveFile(idFromUrl(url));
  return file ? DocumentApp.openById(file.id).getBody().getText() : '';
}

export function eraseFromDocuments(
  ss: Spreadsheet,
  people: readonly WithdrawnPerson[],
  concerned: Concerned,
): DocumentErasure {
  const result: DocumentErasure = { deleted: 0, regenerated: 0, purged: 0, signed: [], unshared: 0 };
  if (people.length === 0) return result;
  result.purged = purgeTrash();
  if (!ss.getSheetByName(SHEETS.documents)) return result;
  const register = Register.open(ss);
  const own = new Set(people.map((p) => p.id));
  const pairs = new Set(concerned.pairIds);
  // First: a program made again below keeps its Doc, and with it everyone it was shared with.
  result.unshared = revokeAccess(
    register,
    people.map((p) => p.email),
    (entry) => own.has(entry.related) || (kindByName.get(entry.kindName)?.scope === 'pair' && pairs.has(entry.related)),
  );
  register.flush();
  const mentors = new Set(concerned.mentorIds);
  const spellings = people.flatMap(spellingsOf);
  const again = new Map<string, Array<{ row: number; entry: RegisterEntry }>>();

  for (const { entry, row } of register.rows()) {
    const kind = kindByName.get(entry.kindName);
    if (!kind || entry.status === REMOVED || (!entry.number && !entry.title)) continue;
    const isOwn = own.has(entry.related);
    const names =
      isOwn ||
      (kind.scope === 'pair' && pairs.has(entry.related)) ||
      (kind.id === 'consentDuties' && mentors.has(entry.related)) ||
      mentions(entry.title, spellings) ||
      ((kind.scope === 'school' || kind.scope === 'event') && mentions(docText(entry.docUrl), spellings));
    if (!names) continue;
    if (entry.status === SIGNED) {
      keepSigned(register, row, entry, kind, people);
      result.signed.push(entry.number);
    } else if (isOwn) {
      remove(register, row, entry, kind);
      result.deleted++;
    } else {
      const key = `${kind.id}|${entry.date}`;
      again.set(key, [...(again.get(key) ?? []), { row, entry }]);
    }
  }

  const period = currentPeriod();
  for (const [key, list] of again) {
    const [kindId, date] = key.split('|') as [DocumentKindId, string];
    const kind = DOCUMENT_KINDS[kindId];
    const made = period ? regenerate(ss, register, kindId, period, date, list) : new Set<number>();
    for (const { row, entry } of list) {
      if (made.has(row)) result.regenerated++;
      else {
        remove(register, row, entry, kind);
        result.deleted++;
      }
    }
  }
  return result;
}

/** Makes the drafts of one kind and date again; the rows it made. */
function regenerate(
  ss: Spreadsheet,
  register: Register,
  kindId: DocumentKindId,
  period: string,
  date: string,
  list: ReadonlyArray<{ row: number; entry: RegisterEntry }>,
): Set<number> {
  const made = new Set<number>();
  let prepared;
  try {
    // A register row without a date is redone as of today in the school's zone (a UTC day is yesterday before 3:00 in Moscow).
    prepared = prepare(ss, kindId, period, date || todayIso(timeZoneOf(ss)));
  } catch (e) {
    if (isUserError(e)) return made;
    throw e;
  }
  if (prepared.shape.problems.length > 0 || prepared.data.problems.length > 0) return made;
  const items = new Map(prepared.data.items.map((i) => [i.related, i]));
  for (const { row, entry } of list) {
    const item = items.get(entry.related);
    if (!item) continue;
    const ctx = generationContext(prepared, entry.date || date, entry.pdfUrl !== '', register);
    generateOne({ ...ctx, purge: true }, item);
    made.add(row);
  }
  register.flush();
  return made;
}

/** A draft deleted for good, Doc and PDF; its register row stays (the number is never reused), without the name. */
function remove(register: Register, row: number, entry: RegisterEntry, kind: DocumentKind): void {
  for (const url of [entry.docUrl, entry.pdfUrl]) {
    const file = liveFile(idFromUrl(url));
    if (file) deleteFile(file.id);
  }
  register.update(row, { status: REMOVED, title: `${kind.title} — ${WITHDRAWN_NAME}`, docUrl: '', pdfUrl: '' });
}

/** A signed document keeps its text; its title and Drive names lose the people's names. */
function keepSigned(
  register: Register,
  row: number,
  entry: RegisterEntry,
  kind: DocumentKind,
  people: readonly WithdrawnPerson[],
): void {
  let title = entry.title;
  // Titles carry the name as documents write it (normalizeName), or as typed in older registers.
  for (const p of people) {
    for (const name of new Set([p.fullName.trim(), normalizeName(p.fullName)])) {
      if (name) title = title.split(name).join(WITHDRAWN_NAME);
    }
  }
  if (kind.scope === 'person') title = `${kind.title} — ${WITHDRAWN_NAME}`;
  if (title === entry.title) return;
  register.update(row, { title });
  const name = `${entry.number} ${title}`.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
  const doc = liveFile(idFromUrl(entry.docUrl));
  if (doc) renameFile(doc.id, name);
  const pdf = liveFile(idFromUrl(entry.pdfUrl));
  if (pdf) renameFile(pdf.id, `${name}.pdf`);
}

/** Every file in the trash of the period's document folders, deleted for good; how many. */
function purgeTrash(): number {
  const state = readDocumentsState();
  if (!state) return 0;
  let purged = 0;
  for (const [folder, id] of Object.entries(state.folders)) {
    if (!id || folder === 'Шаблоны') continue;
    for (const file of trashedIn(id)) {
      deleteFile(file.id);
      purged++;
    }
  }
  return purged;
}
