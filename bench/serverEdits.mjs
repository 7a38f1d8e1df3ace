// node bench/serverEdits.mjs (after npm run build): how fast the local server (npm start) answers
// a person typing. Starts the server on a new demo folder, sends 50 edits of different cells of
// «Дорожная карта» at once (POST /api/edit), and prints how long until every answer came, how long
// until everything was on disk, and how many saves (generations) that took (--json: one JSON line,
// which bench/run.mjs reads for its budget table).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { startServer, columnToLetters } = require('../dist/lib/index.js');

const ROADMAP = 'Дорожная карта';
const EDITS = Number(process.env.EDITS) || 50;

function generationNumber(dir) {
  return Number(/gen-(\d+)/.exec(readFileSync(path.join(dir, 'state', 'CURRENT'), 'utf8'))[1]);
}

function call(server, method, p, value) {
  const body = value === undefined ? undefined : JSON.stringify(value);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: p,
        headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${method} ${p}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-server-'));
const server = await startServer({ port: 0, dir });
try {
  const view = await call(server, 'GET', `/api/sheet?name=${encodeURIComponent(ROADMAP)}`);
  const col = view.rows[0].findIndex((c) => c.v === 'Комментарий');
  if (col < 0) throw new Error('no «Комментарий» column');
  const letter = columnToLetters(col + 1);
  const before = generationNumber(dir);
  const t0 = performance.now();
  const replies = await Promise.all(
    Array.from({ length: EDITS }, (_, i) =>
      call(server, 'POST', '/api/edit', { sheet: ROADMAP, a1: `${letter}${i + 3}`, values: [[`заметка ${i + 1}`]] }),
    ),
  );
  const answered = performance.now() - t0;
  const failed = replies.filter((r) => !r.ok).length;
  await server.whenSaved?.();
  const saved = performance.now() - t0;
  const generations = generationNumber(dir) - before;
  const figures = { edits: EDITS, failed, answeredS: answered / 1000, savedS: saved / 1000, saves: generations };
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else
    console.log(
      `${EDITS} одновременных правок: все ответы за ${figures.answeredS.toFixed(2)} с (ошибок: ${failed}), ` +
        `на диске через ${figures.savedS.toFixed(2)} с, сохранений: ${generations}`,
    );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
