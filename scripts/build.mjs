// npm run build: the Apps Script bundle (webpack), the sidebar (esbuild, one HTML file), the manifest,
// the local workspace page (dist/web) and the CommonJS library build of the emulator that
// package.json "main" points at (workspace/index.ts: the emulator configured for this add-on).
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import esbuild from 'esbuild';
import webpack from 'webpack';
import { buildSidebar } from './buildSidebar.mjs';
import { buildWeb } from './buildWeb.mjs';

const require = createRequire(import.meta.url);

function runWebpack() {
  return new Promise((resolve, reject) => {
    webpack(require('../webpack.config.js'), (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

export async function build() {
  await mkdir('dist', { recursive: true });
  await Promise.all([
    runWebpack(),
    buildSidebar({ outFile: 'dist/Sidebar.html' }),
    buildWeb({ outDir: 'dist/web' }),
    copyFile('appsscript.json', 'dist/appsscript.json'),
    esbuild.build({
      entryPoints: ['workspace/index.ts'],
      outfile: 'dist/lib/index.js',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['exceljs', 'playwright-core', 'docx'],
      logLevel: 'warning',
    }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  build().then(
    () =>
      console.log(
        `Built dist/Code.js, dist/Sidebar.html, dist/appsscript.json, dist/web/, dist/lib/index.js in ${Date.now() - started} ms`,
      ),
    (err) => {
      console.error(err.message ?? err);
      process.exit(1);
    },
  );
}
