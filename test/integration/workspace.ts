import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../../workspace/workspace';
import type { BatchProgress, GenerateRequest } from '../../src/contract/serverApi';
import { api } from './api';
import { columnToLetters } from '../../emulator/spreadsheet/a1';

/** 25 November 2026, 10:00 in Moscow: period 2026–2027, stage 1–5.2 deadlines are past. */
export const NOW = '2026-11-25T10:00:00+03:00';
export const ROADMAP = 'Дорожная карта';
/** 14 May 2027, 10:00 in Moscow: the end of the year — events held, monitoring answered. */
export const MAY = '2027-05-14T10:00:00+03:00';

/** A fresh workspace running the built dist/Code.js, set up for the school year unless told not to. */
export async function setUpWorkspace(options: WorkspaceOptions & { setup?: boolean } = {}): Promise<Workspace> {
  const ws = await openWorkspace({ now: NOW, ...options });
  if (options.setup !== false) ws.run('setupSchoolYear', { school: 'МБОУ «СОШ № 2»', startYear: 2026 });
  ws.resetCalls();
  return ws;
}

/** Rows of a sheet as objects keyed by header, for readable assertions. */
export function records(ws: Workspace, sheet: string): Array<Record<string, string>> {
  const values = ws.values(sheet);
  if (!values) throw new Error(`no sheet ${sheet}`);
  const [header, ...rows] = values;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** The 1-based sheet row of an activity by its number. */
export function rowOf(ws: Workspace, no: string): number {
  const index = records(ws, ROADMAP).findIndex((r) => r['№'] === no);
  if (index < 0) throw new Error(`no activity ${no}`);
  return index + 2;
}

/** 0-based index of a column by its header (row 1) on the given sheet. */
export function columnIndex(ws: Workspace, sheet: string, header: string): number {
  const values = ws.values(sheet);
  if (!values) throw new Error(`no sheet ${sheet}`);
  const index = values[0].indexOf(header);
  if (index < 0) throw new Error(`no column ${header} on ${sheet}`);
  return index;
}

/** A1 letter of a column by header on the given sheet. */
export function columnOf(ws: Workspace, sheet: string, header: string): string {
  return columnToLetters(columnIndex(ws, sheet, header) + 1);
}

export function cellOf(ws: Workspace, header: string, no: string): string {
  return `${columnOf(ws, ROADMAP, header)}${rowOf(ws, no)}`;
}

/**
 * The demo school, seeded once per test file (in beforeAll) and saved; the returned function opens a
 * fresh copy of it for each test.
 */
export function useDemoSchool(name: string, now: string = NOW): () => Promise<Workspace> {
  let seeded = '';
  beforeAll(async () => {
    seeded = mkdtempSync(path.join(os.tmpdir(), `${name}-demo-`));
    await (await openWorkspace({ dir: seeded, demo: true, now })).save();
  }, 180000);
  return async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    cpSync(seeded, dir, { recursive: true });
    const ws = await openWorkspace({ dir, now });
    ws.resetCalls();
    return ws;
  };
}

/** Runs a batch of documents the way the sidebar does: generate, then continue until finished. */
export function generateDocuments(ws: Workspace, request: GenerateRequest): BatchProgress {
  let progress = api(ws, 'generateDocuments', request);
  for (let guard = 0; !progress.finished; guard++) {
    if (guard > 500) throw new Error('batch never finished');
    progress = api(ws, 'continueDocuments', progress.jobId);
  }
  return progress;
}
