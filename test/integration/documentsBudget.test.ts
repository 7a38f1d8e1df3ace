/**
 * Service calls per document in a batch on the demo school (issue 18: ≤ 25), run the way the sidebar
 * runs it (generate, then continue by the clock's 20 s budget per call). A batch run again over
 * unchanged data leaves the drafts as they are; a draft staff edited is made again from the template.
 */
import { generateDocuments, useDemoSchool } from './workspace';

const demo = useDemoSchool('documentsBudget');
const BUDGET_PER_DOCUMENT = 25;
const docIdOf = (url: string) => /\/d\/([^/]+)/.exec(url)![1];

describe('calls per document', () => {
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
