/**
 * PDF from Google Docs of the emulator: the .docx export (docx.ts) converted by LibreOffice running
 * headless (`soffice --headless --convert-to pdf`). Debian: `apt-get install libreoffice-writer-nogui`.
 *
 * One soffice process converts a whole batch (starting LibreOffice costs seconds; converting a page
 * costs little). Each run gets its own throw-away profile (`-env:UserInstallation`), so parallel runs
 * and a LibreOffice the developer has open do not clash over the profile lock. A run that hangs is
 * killed (with everything it started) after a timeout.
 *
 * renderPdf caches the result in a folder by document id, revision and a hash of the content (ids may
 * come back after a reset, revisions start over: the hash keeps a stale PDF from being served); the
 * newest KEEP_PER_DOC PDFs of each document are kept.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocModel } from '../docs/model';
import { writeFileAtomic } from './atomicWrite';
import { docToDocx } from './docx';

export const LIBREOFFICE_MISSING =
  'Для PDF нужен LibreOffice: sudo apt-get install libreoffice-writer-nogui / ' +
  'PDF export needs LibreOffice: sudo apt-get install libreoffice-writer-nogui';

/** soffice is not installed (or not where SOFFICE_PATH says). */
export class LibreOfficeMissingError extends Error {
  constructor() {
    super(LIBREOFFICE_MISSING);
    this.name = 'LibreOfficeMissingError';
  }
}

/** soffice ran but did not produce every PDF, failed or timed out. */
export class PdfConversionError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'PdfConversionError';
  }
}

export interface ConvertOptions {
  /** The soffice binary; default: $SOFFICE_PATH, else the first soffice/libreoffice found. */
  soffice?: string;
  /** Milliseconds for the whole batch; default 120 000 (+ 5 s a document beyond the first). */
  timeoutMs?: number;
}

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/usr/local/bin/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice binary to run, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const configured = process.env.SOFFICE_PATH;
  if (configured) return executable(configured) ? configured : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice']) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  return CANDIDATES.find(executable) ?? null;
}

/**
 * Converts .docx files to PDF in one LibreOffice run; `<outDir>/<name>.pdf` for `<name>.docx`.
 * Returns the PDF paths in the order of `docxPaths`. Input names must differ (their PDFs would
 * overwrite each other).
 */
export async function convertToPdf(
  docxPaths: string[],
  outDir: string,
  options: ConvertOptions = {},
): Promise<string[]> {
  if (docxPaths.length === 0) return [];
  const soffice = options.soffice ?? findSoffice();
  if (!soffice || !executable(soffice)) throw new LibreOfficeMissingError();
  const inputs = docxPaths.map((p) => path.resolve(p));
  const outputs = inputs.map((p) => path.join(path.resolve(outDir), `${path.parse(p).name}.pdf`));
  if (new Set(outputs).size !== outputs.length) {
    throw new Error('convertToPdf: два файла с одним именем в одной пачке / two inputs with the same name');
  }
  for (const p of inputs) {
    if (!existsSync(p)) throw new Error(`convertToPdf: нет файла ${p} / no such file`);
  }
  mkdirSync(outDir, { recursive: true });
  // A PDF left from an earlier run must not pass for this run's output.
  for (const out of outputs) rmSync(out, { force: true });

  const profile = mkdtempSync(path.join(os.tmpdir(), 'soffice-profile-'));
  const timeoutMs = options.timeoutMs ?? 120_000 + 5_000 * (inputs.length - 1);
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--nodefault',
      '--nofirststartwizard',
      '--nolockcheck',
      '--norestore',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      path.resolve(outDir),
      ...inputs,
    ];
    const output = await run(soffice, args, timeoutMs, profile);
    const missing = outputs.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      throw new PdfConversionError(
        `LibreOffice не создал PDF: ${missing.map((p) => path.basename(p)).join(', ')} / ` +
          `LibreOffice produced no PDF for these files.\n${output.trim()}`,
        output,
      );
    }
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs soffice; resolves with its output, rejects on a non-zero exit or the timeout. */
function run(file: string, args: string[], timeoutMs: number, home: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      // Its own process group, so a timeout kills soffice.bin and whatever else it started.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: home, SAL_USE_VCLPLUGIN: 'svp' },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < 64 * 1024) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child.pid);
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' || e.code === 'EACCES' ? new LibreOfficeMissingError() : e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new PdfConversionError(
            `LibreOffice не успел за ${Math.round(timeoutMs / 1000)} с / LibreOffice timed out.\n${output.trim()}`,
            output,
          ),
        );
      } else if (code !== 0) {
        reject(
          new PdfConversionError(
            `LibreOffice завершился с ошибкой (${code ?? signal}) / LibreOffice failed.\n${output.trim()}`,
            output,
          ),
        );
      } else {
        resolve(output);
      }
    });
  });
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') process.kill(pid, 'SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** What a document's cached PDF is keyed by: id, revision and the content itself. */
export function docCacheKey(doc: DocModel): string {
  const hash = createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 16);
  return `r${Math.floor(doc.revision) || 0}-${hash}`;
}

/** A file-name-safe stem for a document id (ids are ours, but never trusted as a path). */
function idStem(id: string): string {
  return /^[A-Za-z0-9_-]{1,80}$/.test(id)
    ? id
    : `id-${createHash('sha256').update(String(id)).digest('hex').slice(0, 24)}`;
}

/** Where a workspace keeps rendered PDFs, relative to its folder. */
export const PDF_CACHE_DIR = path.join('.cache', 'pdf');

/** The cache file of a document's PDF (it may not exist yet). */
export function cachedPdfPath(doc: DocModel, cacheDir: string): string {
  return path.join(path.resolve(cacheDir), `${idStem(doc.id)}.${docCacheKey(doc)}.pdf`);
}

/** PDFs kept per document (a Doc's latest revisions and the snapshots its PDF files were made from). */
const KEEP_PER_DOC = 4;

/** Drops the oldest cached PDFs of a document beyond KEEP_PER_DOC. */
function prune(cacheDir: string, stem: string): void {
  const mine = readdirSync(cacheDir)
    .filter((name) => name.startsWith(`${stem}.`) && name.endsWith('.pdf'))
    .map((name) => ({ file: path.join(cacheDir, name), at: statSync(path.join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of mine.slice(KEEP_PER_DOC)) rmSync(old.file, { force: true });
}

/** Renders already in progress, so two requests for one PDF start one LibreOffice. */
const inFlight = new Map<string, Promise<Buffer>>();

/**
 * The document as PDF bytes: from `<cacheDir>/<id>.<revision>-<hash>.pdf` when rendered before,
 * else rendered now (older revisions of the same document are removed from the cache).
 */
export function renderPdf(doc: DocModel, cacheDir: string, options: ConvertOptions = {}): Promise<Buffer> {
  const stem = idStem(doc.id);
  const cached = cachedPdfPath(doc, cacheDir);
  if (existsSync(cached)) return Promise.resolve(readFileSync(cached));
  const running = inFlight.get(cached);
  if (running) return running;
  const job = (async () => {
    let work: string | undefined;
    try {
      work = mkdtempSync(path.join(os.tmpdir(), 'docpdf-'));
      const docx = path.join(work, `${stem}.docx`);
      await writeFile(docx, await docToDocx(doc));
      const [pdfPath] = await convertToPdf([docx], work, options);
      const pdf = readFileSync(pdfPath);
      mkdirSync(cacheDir, { recursive: true });
      writeFileAtomic(cached, pdf);
      prune(cacheDir, stem);
      return pdf;
    } finally {
      if (work) rmSync(work, { recursive: true, force: true });
    }
  })();
  inFlight.set(cached, job);
  job.then(
    () => inFlight.delete(cached),
    () => inFlight.delete(cached),
  );
  return job;
}
