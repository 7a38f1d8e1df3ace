// Builds the local workspace page (workspace/web/) into dist/web/:
//   app.js + app.css  from workspace/web/main.tsx (+ workspace/web/styles.css)
//   shim.js           from workspace/web/shimEntry.ts (google.script for sidebar/dialog iframes)
//   index.html        links /web/app.css and /web/app.js; no inline script (CSP default-src 'self')
// Usage: node scripts/buildWeb.mjs [--out dist/web] [--no-minify]
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const INDEX_HTML =
  '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
  '<title>Таблицы — локальное рабочее пространство</title>\n' +
  '<link rel="stylesheet" href="/web/app.css">\n' +
  '<script defer src="/web/app.js"></script>\n' +
  '</head>\n<body>\n<div id="app"></div>\n</body>\n</html>\n';

const common = {
  absWorkingDir: root,
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2019',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
};

export async function buildWeb({ outDir = 'dist/web', minify = true } = {}) {
  const target = path.resolve(root, outDir);
  const [app, shim] = await Promise.all([
    build({
      ...common,
      minify,
      entryPoints: { app: 'workspace/web/main.tsx', 'app-styles': 'workspace/web/styles.css' },
      outdir: 'out',
    }),
    build({ ...common, minify, entryPoints: ['workspace/web/shimEntry.ts'], outdir: 'out' }),
  ]);
  const pick = (result, ext) => {
    const files = result.outputFiles.filter((f) => f.path.endsWith(ext));
    return files.map((f) => f.text).join('\n');
  };
  const appJs = pick(app, '.js');
  const appCss = pick(app, '.css');
  const shimJs = pick(shim, '.js');
  if (!appJs || !shimJs || !appCss) throw new Error('buildWeb: esbuild produced no output');

  await mkdir(target, { recursive: true });
  const files = {
    'app.js': appJs,
    'app.css': appCss,
    'shim.js': shimJs,
    'index.html': INDEX_HTML,
  };
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(target, name), text, 'utf8')));
  const bytes = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  return { outDir: target, files: Object.keys(files), bytes, warnings: [...app.warnings, ...shim.warnings] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const outIdx = args.findIndex((a) => a === '--out' || a.startsWith('--out='));
  const outDir = outIdx < 0 ? undefined : args[outIdx].includes('=') ? args[outIdx].slice(6) : args[outIdx + 1];
  buildWeb({
    outDir: outDir ? path.resolve(process.cwd(), outDir) : undefined,
    minify: !args.includes('--no-minify'),
  }).then(
    (r) =>
      console.log(
        `web: ${path.relative(process.cwd(), r.outDir)}/{${r.files.join(',')}} (${(r.bytes / 1024).toFixed(1)} KB)`,
      ),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
