/**
 * The local workspace's shifted clock reaches the documents: a workspace living on 14 May 2027 (as the
 * demo does) serves its sidebar with the clock's lead, the panel's date defaults to that day, and the
 * order generated with it is dated «14 мая 2027 г.» with a number of 2027 — not the machine's date.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from '../../workspace/server/session';
import { openWorkspace } from '../../workspace/workspace';
import { CLOCK_OFFSET_GLOBAL } from '../../sidebar/clock';
import { todayIso } from '../../sidebar/documentsModel';
import type { BatchProgress } from '../../src/contract/serverApi';
import { MAY } from './workspace';

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CLOCK_OFFSET_GLOBAL];
});

/** What the page's injected script sets before the panel loads: the offset as the HTML carries it. */
function offsetIn(html: string): number {
  const m = new RegExp(`window\\.${CLOCK_OFFSET_GLOBAL}=(-?\\d+);`).exec(html);
  if (!m) throw new Error('the sidebar page does not carry the workspace clock');
  return Number(m[1]);
}

test('in a workspace shifted to 14 May 2027 the panel defaults to that day and the order carries it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workspace-clock-'));
  // As `npm start` keeps a workspace: real time running, shifted once to the demo's day, then saved.
  const first = await openWorkspace({ dir, realTime: true, shiftClockTo: MAY });
  first.run('setupSchoolYear', {
    school: 'МБОУ «СОШ № 2»',
    startYear: 2026,
    director: 'Петров Пётр Петрович',
    curator: 'Орлова Ирина Сергеевна',
  });
  await first.save();

  const session = await Session.open(dir, false);
  const opened = await session.menu('menuShowDocuments');
  expect(opened.ok).toBe(true);
  const html = await session.dialogHtml(opened.dialogs[0].id);
  (globalThis as Record<string, unknown>)[CLOCK_OFFSET_GLOBAL] = offsetIn(html!);
  const date = todayIso();
  expect(date).toBe('2027-05-14');

  const reply = await session.run('generateDocuments', [{ kind: 'regulationOrder', date }]);
  if (!reply.ok) throw new Error(reply.error.message);
  const progress = reply.result as BatchProgress;
  expect(progress.finished).toBe(true);
  const entry = progress.results[0];
  expect(entry.number).toMatch(/^Н-2027-\d{3}$/);
  const text = session.ws.docText(/\/d\/([^/]+)/.exec(entry.docUrl)![1]);
  expect(text).toContain('14 мая 2027 г.');
  expect(text).toContain(`№ ${entry.number}`);
  await session.flush();
}, 60000);
