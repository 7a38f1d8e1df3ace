/**
 * «Сбросить демо» over the server: a new, empty workspace seeded again — the old Drive, forms, mail,
 * properties, triggers and quotas do not survive it, and a restart opens what it left.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ActionResult, JobState } from '../../workspace/server/protocol';
import { STATE_DIR } from '../../emulator/persistence/workspaceStore';
import { fakeDist, get, jobUntilDone, post, sheetView, start, tempDir } from './serverFixture';
import type { RunningServer } from '../../workspace/server/server';

async function resetDemo(server: RunningServer): Promise<JobState> {
  const started: ActionResult = (await post(server, '/api/reset', {})).json();
  return (await jobUntilDone(server, started.jobId!)).pop()!;
}

/** What the demo school has: rows of every sheet, Drive files (by path and name), forms, sent mail, .docx on disk. */
async function inventory(server: RunningServer, dir: string) {
  const files: Array<{ path: string; name: string }> = (await get(server, '/api/files')).json();
  const docx = (sub: string): number =>
    readdirSync(sub, { withFileTypes: true }).reduce(
      (n, e) => n + (e.isDirectory() ? docx(path.join(sub, e.name)) : e.name.endsWith('.docx') ? 1 : 0),
      0,
    );
  const sheets: Array<{ name: string }> = (await get(server, '/api/state')).json().sheets;
  const rows: Record<string, number> = {};
  for (const { name } of sheets) rows[name] = (await sheetView(server, name)).rows.length;
  return {
    rows,
    files: files.map((f) => `${f.path}/${f.name}`).sort(),
    forms: ((await get(server, '/api/forms')).json() as unknown[]).length,
    mail: ((await get(server, '/api/mail')).json() as unknown[]).length,
    docxOnDisk: docx(path.join(dir, 'drive')),
  };
}

test('resetting the demo three times gives the same demo each time, without a quota error; a restart opens it', async () => {
  const dir = tempDir();
  const dist = fakeDist();
  const server = await start(dir, dist);
  let seeded: Awaited<ReturnType<typeof inventory>>;
  try {
    seeded = await inventory(server, dir);
    expect(seeded.files.length).toBeGreaterThan(50);
    for (let i = 1; i <= 3; i++) {
      const job = await resetDemo(server);
      expect({ reset: i, error: job.error }).toEqual({ reset: i, error: undefined });
      expect(await inventory(server, dir)).toEqual(seeded);
    }
    expect(readdirSync(path.join(dir, STATE_DIR))).toHaveLength(2); // CURRENT and one generation
  } finally {
    await server.close();
  }

  const again = await start(dir, dist);
  try {
    expect((await get(again, '/api/state')).status).toBe(200);
    expect(await inventory(again, dir)).toEqual(seeded);
  } finally {
    await again.close();
  }
}, 240000);
