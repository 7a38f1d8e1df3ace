/**
 * Where the documents live, kept in the document's properties: the period's Drive folders, the
 * template Docs (ids, so a template staff renamed or moved is still found) and the number counters.
 */
import type { DocumentFolder, DocumentKindId } from '../domain/documents/types';

export interface DocumentsState {
  /** «2026–2027»: a new period gets a new folder tree. */
  period: string;
  folderId: string;
  folders: Partial<Record<DocumentFolder, string>>;
  templates: Partial<Record<DocumentKindId, string>>;
}

const STATE = 'documents';
const COUNTERS = 'documentCounters';

function readJson<T>(key: string, fallback: T): T {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    // A damaged value: the folders are looked up again, nothing is lost in Drive.
    return fallback;
  }
}

export function readDocumentsState(): DocumentsState | null {
  return readJson<DocumentsState | null>(STATE, null);
}

export function writeDocumentsState(state: DocumentsState): void {
  PropertiesService.getDocumentProperties().setProperty(STATE, JSON.stringify(state));
}

/**
 * The next register number of a series («Н-2026-001»): one counter per prefix and year, stored before
 * the document is made, so a number is never given twice even if a run stops halfway.
 */
export function takeNumber(prefix: string, year: number): string {
  const props = PropertiesService.getDocumentProperties();
  const counters = readJson<Record<string, number>>(COUNTERS, {});
  const key = `${prefix}-${year}`;
  const next = (counters[key] ?? 0) + 1;
  counters[key] = next;
  props.setProperty(COUNTERS, JSON.stringify(counters));
  return `${key}-${String(next).padStart(3, '0')}`;
}
