/**
 * `clasp push` must upload exactly the Apps Script project: Code.js, Sidebar.html, appsscript.json.
 * Every .js pushed shares one global scope with Code.js, so the emulator's Node bundle (dist/lib) or the
 * workspace page (dist/web) pushed with it would break every execution at load. Runs clasp's own file
 * collection (scripts/claspFiles.mjs: initClaspInstance + collectLocalFiles), offline; needs `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface PushedFile {
  localPath: string;
  remotePath: string;
  type: string;
}

/** Jest runs CommonJS and clasp is ESM: ask a child node process. */
function claspPushFiles(projectDir: string): PushedFile[] {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/claspFiles.mjs'), projectDir], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as PushedFile[];
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** A project with the repository's .clasp.json and an empty copy of every file the build wrote. */
function projectLikeThisOne(withIgnoreFile: boolean): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clasp-push-'));
  copyFileSync(path.join(ROOT, '.clasp.json'), path.join(dir, '.clasp.json'));
  if (withIgnoreFile) copyFileSync(path.join(ROOT, '.claspignore'), path.join(dir, '.claspignore'));
  for (const file of filesUnder(path.join(ROOT, 'dist'))) {
    mkdirSync(path.dirname(path.join(dir, 'dist', file)), { recursive: true });
    writeFileSync(path.join(dir, 'dist', file), '');
  }
  return dir;
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist/Code.js'))) throw new Error('run `npm run build` first: dist/ is missing');
});

test('clasp push uploads exactly Code.js, Sidebar.html and appsscript.json', () => {
  expect(claspPushFiles(ROOT)).toEqual([
    { localPath: 'dist/appsscript.json', remotePath: 'appsscript', type: 'JSON' },
    { localPath: 'dist/Code.js', remotePath: 'Code', type: 'SERVER_JS' },
    { localPath: 'dist/Sidebar.html', remotePath: 'Sidebar', type: 'HTML' },
  ]);
});

test("without .claspignore, clasp's defaults would also push the emulator and the workspace page", () => {
  const bare = projectLikeThisOne(false);
  const ignored = projectLikeThisOne(true);
  temporary.push(bare, ignored);
  const pushedBare = claspPushFiles(bare).map((f) => f.remotePath);
  expect(pushedBare).toEqual(expect.arrayContaining(['Code', 'lib/index', 'web/app', 'web/shim', 'web/index']));
  expect(claspPushFiles(ignored).map((f) => f.remotePath)).toEqual(['appsscript', 'Code', 'Sidebar']);
});
