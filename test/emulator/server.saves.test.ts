/**
 * The local server keeps up with a person typing: edits answer from memory and their saves coalesce
 * (workspace/server/saveScheduler.ts), and still every edit reaches the saved workspace and the
 * spreadsheet.xlsx beside it. Saves are counted by generation (persistence/workspaceStore.ts), not timed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ActionResult } from '../../workspace/server/protocol';
import { CURRENT_FILE, STATE_DIR } from '../../emulator/persistence/workspaceStore';
import { openWorkspace } from '../../workspace/workspace';
import { a1, column, post, ROADMAP, sheetView, start, tempDir } from './serverFixture';

const EDITS = 50;

function generationNumber(dir: string): number {
  const name = readFileSync(path.join(dir, STATE_DIR, CURRENT_FILE), 'utf8');
  return Number(/^gen-(\d+)/.exec(name)![1]);
}

test('50 edits sent at once all answer, and a few saves later every one is in the workspace and its .xlsx', async () => {
  const dir = tempDir();
  const server = await start(dir);
  const view = await sheetView(server);
  const col = column(view, 'Комментарий');
  const cells = Array.from({ length: EDITS }, (_, i) => a1(2 + i, col));
  try {
    const before = generationNumber(dir);

    const replies = await Promise.all(
      cells.map((cell, i) => post(server, '/api/edit', { sheet: ROADMAP, a1: cell, values: [[`заметка ${i + 1}`]] })),
    );
    expect(replies.map((r) => r.status)).toEqual(cells.map(() => 200));
    expect(replies.filter((r) => !(r.json() as ActionResult).ok)).toEqual([]);

    // Nothing forced: the scheduled saves alone bring every edit to disk.
    await server.whenSaved();
    expect(generationNumber(dir) - before).toBeGreaterThanOrEqual(1);
    expect(generationNumber(dir) - before).toBeLessThanOrEqual(5);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'spreadsheet.xlsx'));
    const sheet = book.getWorksheet(ROADMAP)!;
    expect(cells.map((_, i) => sheet.getRow(3 + i).getCell(col + 1).value)).toEqual(
      cells.map((_, i) => `заметка ${i + 1}`),
    );
  } finally {
    await server.close();
  }

  const reopened = await openWorkspace({ dir });
  const rows = reopened.values(ROADMAP)!;
  expect(cells.map((_, i) => rows[2 + i][col])).toEqual(cells.map((_, i) => `заметка ${i + 1}`));
}, 180_000);

test('an edit is answered before it is saved; flushSaves and closing the server put it on disk', async () => {
  const dir = tempDir();
  // Saves that would wait an hour: only flushSaves and close write the edits.
  const server = await start(dir, undefined, { delayMs: 3_600_000, maxDelayMs: 3_600_000 });
  const col = column(await sheetView(server), 'Комментарий');
  const cell = a1(2, col);
  try {
    const before = generationNumber(dir);
    expect((await post(server, '/api/edit', { sheet: ROADMAP, a1: cell, values: [['ещё не сохранено']] })).status).toBe(
      200,
    );
    expect(generationNumber(dir)).toBe(before);
    await server.flushSaves();
    expect(generationNumber(dir)).toBe(before + 1);
    await server.flushSaves();
    expect(generationNumber(dir)).toBe(before + 1);

    // Stopping the server (Ctrl+C or SIGTERM in npm start) writes what is still waiting.
    expect((await post(server, '/api/edit', { sheet: ROADMAP, a1: cell, values: [['перед остановкой']] })).status).toBe(
      200,
    );
    expect(generationNumber(dir)).toBe(before + 1);
  } finally {
    await server.close();
  }
  const reopened = await openWorkspace({ dir });
  expect(reopened.values(ROADMAP)![2][col]).toBe('перед остановкой');
}, 180_000);

test('a server closed twice does not save again: the edits of a server restarted on the same folder are kept', async () => {
  const dir = tempDir();
  const first = await start(dir);
  await first.close();
  const second = await start(dir);
  const col = column(await sheetView(second), 'Комментарий');
  expect(
    (await post(second, '/api/edit', { sheet: ROADMAP, a1: a1(2, col), values: [['после перезапуска']] })).status,
  ).toBe(200);
  await second.close();
  await expect(first.close()).resolves.toBeUndefined();
  expect((await openWorkspace({ dir })).values(ROADMAP)![2][col]).toBe('после перезапуска');
}, 180_000);
