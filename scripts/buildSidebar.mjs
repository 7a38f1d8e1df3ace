// Builds the sidebar (sidebar/index.tsx + sidebar/styles.css) into ONE self-contained HTML file:
// CSS inlined in <style>, JS inlined in <script>, no external references (HtmlService serves one file).
// Usage: node scripts/buildSidebar.mjs [--out dist/Sidebar.html] [--no-minify]
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Makes JS safe inside an inline <script>: no closing tag. */
export function escapeInlineScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

/** Makes CSS safe inside an inline <style>. */
export function escapeInlineStyle(css) {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

export async function buildSidebar({ outFile = 'dist/Sidebar.html', minify = true } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['sidebar/index.tsx', 'sidebar/styles.css'],
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  if (!js) throw new Error('buildSidebar: esbuild produced no JS');

  const html =
    '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<base target="_top">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<title>Наставничество</title>\n' +
    `<style>\n${escapeInlineStyle(css)}</style>\n</head>\n<body>\n<div id="app"></div>\n` +
    `<script>\n${escapeInlineScript(js)}</script>\n</body>\n</html>\n`;

  const target = path.resolve(root, outFile);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, html, 'utf8');
  return { outFile: target, bytes: Buffer.byteLength(html, 'utf8'), warnings: result.warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const outIdx = args.findIndex((a) => a === '--out' || a.startsWith('--out='));
  const outFile = outIdx < 0 ? undefined : args[outIdx].includes('=') ? args[outIdx].slice(6) : args[outIdx + 1];
  const minify = !args.includes('--no-minify');
  buildSidebar({ outFile: outFile ? path.resolve(process.cwd(), outFile) : undefined, minify }).then(
    (r) => console.log(`sidebar: ${path.relative(process.cwd(), r.outFile)} (${(r.bytes / 1024).toFixed(1)} KB)`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
