import { DRAFT, idFromUrl, Register, REMOVED } from '../sheets/documentsSheet';
import { SHEETS } from '../sheets/schema';
import { liveFile, trashFile } from './drive';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Consent withdrawn: the person's draft documents (their consent statements) go to the trash and
 * their register rows lose the name. Signed documents stay: they are the school's record that the
 * consent was given, kept for the term the consent names.
 */
export function removeDraftsOf(ss: Spreadsheet, ids: readonly string[], replacement: string): number {
  if (ids.length === 0 || !ss.getSheetByName(SHEETS.documents)) return 0;
  const register = Register.open(ss);
  const wanted = new Set(ids);
  let removed = 0;
  for (const { entry, row } of register.rows()) {
    if (!wanted.has(entry.related) || entry.status !== DRAFT) continue;
    for (const url of [entry.docUrl, entry.pdfUrl]) {
      const file = liveFile(idFromUrl(url));
      if (file) trashFile(file.id);
    }
    register.update(row, { status: REMOVED, title: `${entry.kindName} — ${replacement}`, docUrl: '', pdfUrl: '' });
    removed++;
  }
  return removed;
}
