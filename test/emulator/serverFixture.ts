/** Shared setup for the local workspace server's tests: a server on a free port, raw HTTP requests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../workspace/server/server';
import type { JobState, SheetView } from '../../workspace/server/protocol';
import { columnToLetters } from '../../emulator/spreadsheet/a1';

export const ROADMAP = 'Дорожная карта';

/** Minimal stand-ins for the page's build (dist/web/), so these tests do not depend on it. */
export function fakeDist(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'server-dist-'));
  mkdirSync(path.join(dist, 'web'));
  writeFileSync(path.join(dist, 'web', 'index.html'), '<!doctype html><title>fake page</title>');
  writeFileSync(path.join(dist, 'web', 'app.js'), 'console.log("fake app")');
  writeFileSync(path.join(dist, 'web', 'app.css'), 'body{}');
  writeFileSync(path.join(dist, 'web', 'shim.js'), '/* fake shim */');
  return dist;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'server-ws-'));
}

export function start(
  dir = tempDir(),
  distDir = fakeDist(),
  saveTiming?: ServerOptions['saveTiming'],
): Promise<RunningServer> {
  return startServer({ port: 0, dir, distDir, saveTiming });
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One request with full control of the path (no normalisation) and headers (Host included). */
export function request(
  server: RunningServer,
  method: string,
  rawPath: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: rawPath,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function get(server: RunningServer, p: string): Promise<Reply> {
  return request(server, 'GET', p);
}

export function post(server: RunningServer, p: string, value: unknown): Promise<Reply> {
  return request(server, 'POST', p, {
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` },
    body: JSON.stringify(value),
  });
}

export async function sheetView(server: RunningServer, name = ROADMAP): Promise<SheetView> {
  const reply = await get(server, `/api/sheet?name=${encodeURIComponent(name)}`);
  if (reply.status !== 200) throw new Error(`GET /api/sheet: ${reply.status} ${reply.text}`);
  return reply.json();
}

/**
 * Every state GET /api/jobs/:id answered until the job was done (the last one is done). Asks again as soon
 * as each answer arrives: no fixed wait, so a slow machine only makes it ask more often.
 */
export async function jobUntilDone(server: RunningServer, jobId: string): Promise<JobState[]> {
  const seen: JobState[] = [];
  for (;;) {
    const job: JobState = (await get(server, `/api/jobs/${jobId}`)).json();
    seen.push(job);
    if (job.done) return seen;
  }
}

/** 0-based column of a header in row 1. */
export function column(view: SheetView, header: string): number {
  return view.rows[0].findIndex((c) => c.v === header);
}

/** A1 of the cell at 0-based row/col. */
export function a1(row: number, col: number): string {
  return `${columnToLetters(col + 1)}${row + 1}`;
}
