/** scripts/buildWeb.mjs: the workspace page bundle and the google.script shim for iframes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';

let outDir = '';

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'web-build-'));
  // Jest runs CommonJS without ESM support; call the exported buildWeb() from a child node process.
  const url = pathToFileURL(path.resolve(__dirname, '../../scripts/buildWeb.mjs')).href;
  const script = `import { buildWeb } from ${JSON.stringify(url)}; await buildWeb({ outDir: process.argv[1] });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script, outDir], { stdio: 'pipe' });
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('writes index.html, app.js, app.css and shim.js', () => {
  for (const f of ['index.html', 'app.js', 'app.css', 'shim.js']) {
    expect(existsSync(path.join(outDir, f))).toBe(true);
  }
});

test('index.html links the bundle and has no inline script or style (CSP default-src self)', () => {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  expect(html).toContain('src="/web/app.js"');
  expect(html).toContain('href="/web/app.css"');
  expect(html).toMatch(/<html lang="ru">/);
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    expect(m[1]).toMatch(/\bsrc=/);
    expect(m[2].trim()).toBe('');
  }
  expect(html).not.toMatch(/<style\b/);
  expect(html).not.toMatch(/\son\w+=/);
});

test('the page source never injects HTML (sheet data is rendered as text)', () => {
  const dir = path.resolve(__dirname, '../../workspace/web');
  for (const f of readdirSync(dir).filter((n) => /\.tsx?$/.test(n))) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    expect(`${f}: ${/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(src)}`).toBe(
      `${f}: false`,
    );
  }
});

test('shim.js defines google.script.run in a window; a call reaches fetch with the JSON body', async () => {
  const code = readFileSync(path.join(outDir, 'shim.js'), 'utf8');
  const requests: { url: string; init: { method: string; body: string; headers: Record<string, string> } }[] = [];
  const posted: unknown[][] = [];
  let messaged: () => void = () => undefined;
  const message = new Promise<void>((resolve) => (messaged = resolve));
  const sandbox: Record<string, unknown> = {
    __DIALOG_ID__: 'dlg-7',
    location: { origin: 'http://127.0.0.1:8080' },
    parent: {
      postMessage: (...a: unknown[]) => {
        posted.push(a);
        messaged();
      },
    },
    fetch: (url: string, init: { method: string; body: string; headers: Record<string, string> }) => {
      requests.push({ url, init });
      return Promise.resolve({
        status: 200,
        text: () =>
          Promise.resolve(JSON.stringify({ ok: true, result: { done: true }, dialogs: [], messages: [], toasts: [] })),
      });
    },
    setTimeout,
    console,
  };
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox);

  const google = sandbox.google as {
    script: { run: Record<string, (...a: unknown[]) => unknown>; host: { origin: string } };
  };
  expect(typeof google.script.run.withSuccessHandler).toBe('function');
  expect(google.script.host.origin).toBe('http://127.0.0.1:8080');

  const result = await new Promise((resolve, reject) => {
    const runner = (google.script.run.withSuccessHandler(resolve) as typeof google.script.run).withFailureHandler(
      reject,
    ) as typeof google.script.run;
    runner.getProgress('2026', [1, undefined], { a: 'б' });
  });
  expect(result).toEqual({ done: true });
  expect(requests).toHaveLength(1);
  expect(requests[0].url).toBe('/api/run');
  expect(requests[0].init.method).toBe('POST');
  expect(JSON.parse(requests[0].init.body)).toEqual({ fn: 'getProgress', args: ['2026', [1, null], { a: 'б' }] });
  // The page hears of the call once it has run: wait for that message, not for a fixed time.
  await message;
  expect(posted).toEqual([
    [
      {
        type: 'workspace:changed',
        dialogId: 'dlg-7',
        fn: 'getProgress',
        ok: true,
        result: { dialogs: [], messages: [], toasts: [] },
      },
      'http://127.0.0.1:8080',
    ],
  ]);
});
