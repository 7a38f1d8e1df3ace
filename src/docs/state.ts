/**
 * Where the documents live, kept with the add-on's state (src/state): the period's Drive folders, the
 * template Docs (ids, so a template staff renamed or moved is still found) and the number counters.
 */
import type { DocumentFolder, DocumentKindId } from '../domain/documents/types';
import { readJsonProperty, writeJsonProperty } from '../state/store';

export interface DocumentsState {
  /** «2026–2027»: a new period gets a new folder tree. */
  period: string;
  folderId: string;
  folders: Partial<Record<DocumentFolder, string>>;
  templates: Partial<Record<DocumentKindId, string>>;
}

const STATE = 'documents';
const COUNTERS = 'documentCounters';

/** Null when missing or damaged: the folders are then looked up again, nothing is lost in Drive. */
export function readDocumentsState(): DocumentsState | null {
  return readJsonProperty<DocumentsState | null>(STATE, null);
}

export function writeDocumentsState(state: DocumentsState): void {
  writeJsonProperty(STATE, state);
}

/**
 * The next register number of a series («Н-2026-001»): one counter per prefix and year, stored before
 * the document is made, so a number is never given twice even if a run stops halfway.
 */
export function takeNumber(prefix: string, year: number): string {
  return takeNumbers(prefix, year, 1)[0];
}

/** The next `count` numbers of a series, in order, stored with one write (a batch numbers a block at once). */
export function takeNumbers(prefix: string, year: number, count: number): string[] {
  const counters = readJsonProperty<Record<string, number>>(COUNTERS, {});
  const key = `${prefix}-${year}`;
  const first = (counters[key] ?? 0) + 1;
  counters[key] = first + count - 1;
  writeJsonProperty(COUNTERS, counters);
  return Array.from({ length: count }, (_, k) => `${key}-${String(first + k).padStart(3, '0')}`);
}
