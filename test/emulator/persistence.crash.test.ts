/**
 * Workspace.save() killed at every step (a real child process, SIGKILL): the folder then opens as the
 * old state or the new one, never a mix — responses on the sheet match FormApp's, every register row's
 * Doc exists, and document numbers are not issued twice.
 */
import { fork } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import esbuild from 'esbuild';
import { exportedGeneration } from '../../emulator/persistence/driveExport';
import { currentGeneration, sha256OfFile, STATE_DIR } from '../../emulator/persistence/workspaceStore';
import { defaultDistDir, openWorkspace, SAVE_STEPS, type SaveStep } from '../../workspace/workspace';
import { addMentee, NOW, setUpBaseline, snapshot, type Snapshot } from './crashFixture';

const REPO = path.join(__dirname, '..', '..');
const COMMIT = SAVE_STEPS.indexOf('commit');

let childJs = '';
let baseline = '';
let before: Snapshot;
let after: Snapshot;

function copyOfBaseline(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crash-'));
  cpSync(baseline, dir, { recursive: true });
  return dir;
}

/** Runs crashChild.ts on `dir`; SIGKILL right after the step `killAfter` (null: let it finish). */
function runChild(dir: string, killAfter: SaveStep | null): Promise<{ steps: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = fork(childJs, [dir, defaultDistDir(), '3'], {
      env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const steps: string[] = [];
    child.on('message', (m: { step?: SaveStep; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      if (!m.step) return;
      steps.push(m.step);
      if (m.step === killAfter) child.kill('SIGKILL');
      else child.send('go');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ steps, killed: signal === 'SIGKILL' }));
  });
}

beforeAll(async () => {
  childJs = path.join(mkdtempSync(path.join(os.tmpdir(), 'crash-child-')), 'crashChild.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'crashChild.ts')],
    outfile: childJs,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs', 'docx', 'playwright-core'],
    logLevel: 'warning',
  });
  baseline = mkdtempSync(path.join(os.tmpdir(), 'crash-baseline-'));
  const ws = await openWorkspace({ dir: baseline, now: NOW });
  setUpBaseline(ws);
  await ws.save();
  before = snapshot(ws);
  const dir = copyOfBaseline();
  const run = await runChild(dir, null);
  expect(run).toEqual({ steps: [...SAVE_STEPS], killed: false });
  after = snapshot(await openWorkspace({ dir, now: NOW }));
}, 120000);

test('a save adds the response and the numbered document as one state', () => {
  expect(after.responses).toBe(before.responses + 1);
  expect(after.register.length).toBe(before.register.length + 1);
  expect(after.register.slice(0, -1)).toEqual(before.register);
});

test.each(SAVE_STEPS.map((step, i) => [step, i < COMMIT ? 'old' : 'new'] as const))(
  'killed right after «%s»: the folder opens with the %s state, whole',
  async (step, expected) => {
    const dir = copyOfBaseline();
    expect((await runChild(dir, step)).killed).toBe(true);

    const ws = await openWorkspace({ dir, now: NOW });
    const seen = snapshot(ws);
    expect(seen).toEqual(expected === 'old' ? before : after);
    expect(seen.responseRows).toBe(seen.responses);
    for (const row of seen.register) expect(ws.docModel(row.docId)).not.toBeNull();

    // One generation is left, and the copies for people are brought up to it.
    const gen = currentGeneration(dir)!;
    expect(readdirSync(path.join(dir, STATE_DIR)).sort()).toEqual(['CURRENT', gen.name]);
    expect(sha256OfFile(path.join(dir, 'spreadsheet.xlsx'))).toBe(gen.info.xlsxSha256);
    expect(exportedGeneration(dir)).toBe(gen.name);
    expect(existsSync(path.join(dir, 'forms.json'))).toBe(false);

    // The next document gets a number nobody has.
    addMentee(ws, 4);
    const numbers = snapshot(ws).register.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBe(seen.register.length + 1);
  },
  60000,
);
