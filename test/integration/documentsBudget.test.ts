/**
 * Service calls per document in a batch on the demo school (issue 18: ≤ 25), run the way the sidebar
 * runs it (generate, then continue by the clock's 20 s budget per call). A batch run again over
 * unchanged data leaves the drafts as they are; a draft staff edited is made again from the template;
 * a batch of new documents and a single order stay within the budget too.
 */
import type { Workspace } from '../../workspace/workspace';
import { generateDocuments, useDemoSchool } from './workspace';
import { api } from './api';

const demo = useDemoSchool('documentsBudget');
const BUDGET_PER_DOCUMENT = 25;
const docIdOf = (url: string) => /\/d\/([^/]+)/.exec(url)![1];

/** Rows of «Документы» as staff see them (header first). */
function register(ws: Workspace): string[][] {
  return ws.values('Документы')!;
}

describe('calls per document', () => {
  test('a batch of new consent statements (the register emptied first): ≤ 25 calls per statement', async () => {
    const ws = await demo();
    const before = new Set(register(ws).flatMap((row) => row.filter((cell) => cell.includes('/d/')).map(docIdOf)));
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName('Документы')!;
    sheet.deleteRows(2, sheet.getLastRow() - 1);
    ws.resetCalls();
    const progress = generateDocuments(ws, { kind: 'consentPersonalData' });
    expect(progress.total).toBeGreaterThan(50);
    expect(progress.skipped).toEqual([]);
    expect(ws.calls().total / progress.total).toBeLessThanOrEqual(BUDGET_PER_DOCUMENT);
    // Every statement is a new Doc with its own number, naming its person.
    const ids = progress.results.map((r) => docIdOf(r.docUrl));
    expect(progress.results).toHaveLength(progress.total);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.has(id))).toEqual([]);
    const numbers = register(ws)
      .slice(1)
      .map((row) => row[0]);
    expect(numbers).toHaveLength(progress.total);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const r of progress.results.slice(0, 3)) {
      expect(ws.docText(docIdOf(r.docUrl))).toContain(r.title.split(' — ')[1]);
      expect(ws.docText(docIdOf(r.docUrl))).toContain(r.number);
    }
  });

  test('a batch of new statements that fails halfway makes no second Doc and skips no number', async () => {
    const ws = await demo();
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName('Документы')!;
    sheet.deleteRows(2, sheet.getLastRow() - 1);
    // The third statement's Doc is copied, then opening it fails: its row was numbered ahead.
    ws.failAt('DocumentApp.openById', 3);
    expect(() => generateDocuments(ws, { kind: 'consentPersonalData' })).toThrow();
    const view = api(ws, 'getDocumentsView');
    let progress = api(ws, 'continueDocuments', view.job!.jobId);
    while (!progress.finished) progress = api(ws, 'continueDocuments', progress.jobId);
    const rows = register(ws).slice(1);
    const links = rows.map((row) => row[4]);
    expect(links.every((link) => link.includes('/d/'))).toBe(true);
    expect(new Set(links.map(docIdOf)).size).toBe(progress.total);
    const numbers = rows.map((row) => row[0]).sort();
    expect(numbers).toHaveLength(progress.total);
    expect(new Set(numbers).size).toBe(numbers.length);
    // The Doc copied before the failure is the one its row links, not a second copy.
    const third = ws.files().filter((f) => f.name.startsWith(`${rows[2][0]} `));
    expect(third.filter((f) => f.mimeType === 'application/vnd.google-apps.document')).toHaveLength(1);
  });

  test('one order (on the Regulation): ≤ 25 calls', async () => {
    const ws = await demo();
    const progress = generateDocuments(ws, { kind: 'regulationOrder' });
    expect(progress.total).toBe(1);
    expect(progress.finished).toBe(true);
    expect(ws.calls().total).toBeLessThanOrEqual(BUDGET_PER_DOCUMENT);
  });

  test('consent statements for every participant: ≤ 25 calls per statement', async () => {
    const ws = await demo();
    const progress = generateDocuments(ws, { kind: 'consentPersonalData' });
    expect(progress.total).toBeGreaterThan(50);
    expect(progress.skipped).toEqual([]);
    expect(ws.calls().total / progress.total).toBeLessThanOrEqual(BUDGET_PER_DOCUMENT);
    // Each statement still names its person, with its own number.
    const numbers = new Set(progress.results.map((r) => r.number));
    expect(numbers.size).toBe(progress.results.length);
    for (const r of progress.results.slice(0, 3)) {
      expect(ws.docText(docIdOf(r.docUrl))).toContain(r.title.split(' — ')[1]);
    }
  });

  test('a draft staff edited by hand is made again from the template, the others are left as they are', async () => {
    const ws = await demo();
    const first = generateDocuments(ws, { kind: 'consentPersonalData' });
    const edited = docIdOf(first.results[0].docUrl);
    const untouched = docIdOf(first.results[1].docUrl);
    const before = ws.docModel(untouched)!.revision;
    ws.documentApp().openById(edited).getBody().appendParagraph('Правка от руки');
    const second = generateDocuments(ws, { kind: 'consentPersonalData' });
    expect(second.results.map((r) => r.docUrl)).toEqual(first.results.map((r) => r.docUrl));
    expect(ws.docText(edited)).not.toContain('Правка от руки');
    expect(ws.docText(edited)).toContain(first.results[0].title.split(' — ')[1]);
    expect(ws.docModel(untouched)!.revision).toBe(before);
  });
});
