/**
 * My Drive of the emulator mirrored as ordinary files under `<dir>/drive/`, so a developer can open
 * what the add-on made in LibreOffice or Word:
 *
 *   - folders → folders; every non-trashed Google Doc → `<name>.docx` (docx.ts);
 *   - uploaded blobs (createFile) → their bytes under their name;
 *   - PDFs made from a Doc → the PDF when it has been rendered already (the page renders on demand
 *     into `<dir>/.cache/pdf`), else skipped (LibreOffice is slow: never run on save);
 *   - spreadsheets and forms have no content here → skipped;
 *   - files in the trash, or under a trashed folder, or outside My Drive → not mirrored.
 *
 * `<dir>/drive/.export.json` (the manifest) records what was written and from which revision, so an
 * unchanged document is not rewritten, and a file that was deleted, trashed, moved or renamed in Drive
 * is removed here. Only files the export wrote are ever deleted: anything else a person puts in the
 * folder stays.
 *
 * Names come from the add-on (and from whoever typed them), so they are sanitized: no path
 * separators, control characters, leading dots, trailing dots/spaces or Windows' reserved names
 * (CON, NUL, COM1…), at most MAX_NAME_BYTES bytes, unique in their folder (case-insensitively:
 * «Приказ (2).docx»). Every path is checked to stay inside `<dir>/drive` (symlinks included).
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, realpathSync, rmdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIME, type DriveFileNode, type DriveModel } from '../drive/model';
import { readJson, writeFileAtomic, writeJsonAtomic } from './atomicWrite';
import { docToDocx } from './docx';
import { cachedPdfPath, docCacheKey, PDF_CACHE_DIR } from './pdf';

export const DRIVE_DIR = 'drive';
export const EXPORT_MANIFEST = '.export.json';
/** Bytes (UTF-8) of one exported file name; file systems allow 255, Cyrillic takes 2 a letter. */
export const MAX_NAME_BYTES = 150;
const UNTITLED = 'Без названия';

interface ManifestFile {
  id: string;
  /** What the bytes were made from: a Doc's revision and content hash, a blob's hash. */
  key: string;
}

interface Manifest {
  format: 'gas-emulator-drive-export';
  version: 1;
  files: Record<string, ManifestFile>;
  dirs: string[];
  /** The saved generation (workspaceStore.ts) this mirror was made from. */
  generation?: string;
}

function emptyManifest(): Manifest {
  return { format: 'gas-emulator-drive-export', version: 1, files: {}, dirs: [] };
}

const RESERVED = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * A Drive name as one safe file name: `ext` (".docx") is appended unless the name has it already,
 * `suffix` (" (2)") goes before the extension. Never empty, never a path.
 */
export function safeFileName(name: string, ext = '', suffix = ''): string {
  let stem = String(name ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  if (ext && stem.toLowerCase().endsWith(ext.toLowerCase())) stem = stem.slice(0, -ext.length);
  const tidy = (s: string) => s.replace(/^\.+/, (dots) => '_'.repeat(dots.length)).replace(/[. ]+$/, '');
  stem = tidy(stem);
  if (stem === '') stem = UNTITLED;
  if (RESERVED.test(stem.split('.')[0])) stem = `_${stem}`;
  const room = MAX_NAME_BYTES - utf8Length(suffix + ext);
  if (utf8Length(stem) > room) {
    const chars = Array.from(stem);
    while (chars.length > 1 && utf8Length(chars.join('')) > room) chars.pop();
    stem = tidy(chars.join('')) || '_';
  }
  return stem + suffix + ext;
}

/** A name not yet taken in the folder (names compared case-insensitively, as Windows and macOS do). */
function uniqueName(taken: Set<string>, name: string, ext: string): string {
  for (let n = 1; ; n++) {
    const candidate = safeFileName(name, ext, n === 1 ? '' : ` (${n})`);
    const folded = candidate.toLowerCase();
    if (!taken.has(folded)) {
      taken.add(folded);
      return candidate;
    }
  }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** What one Drive file becomes on disk; null when it is not mirrored. */
function exportOf(
  node: DriveFileNode,
  drive: DriveModel,
  pdfCache: string,
): { ext: string; key: string; bytes: (() => Promise<Buffer>) | null } | null {
  if (node.mimeType === MIME.document) {
    const doc = drive.docs[node.id];
    if (!doc) return null;
    return { ext: '.docx', key: `doc-${docCacheKey(doc)}`, bytes: () => docToDocx(doc) };
  }
  if (node.data !== undefined) {
    const data = node.data;
    const ext = node.mimeType === MIME.pdf ? '.pdf' : node.mimeType === MIME.docx ? '.docx' : '';
    return { ext, key: `blob-${hashOf(data)}`, bytes: () => Promise.resolve(Buffer.from(data, 'base64')) };
  }
  if (node.mimeType === MIME.pdf && node.pdfOf) {
    // Not in the cache (never rendered, or pruned since): a copy mirrored earlier is kept as it is.
    const cached = cachedPdfPath(node.pdfOf, pdfCache);
    const bytes = existsSync(cached) ? () => readFile(cached) : null;
    return { ext: '.pdf', key: `pdf-${docCacheKey(node.pdfOf)}`, bytes };
  }
  // A spreadsheet, a form: nothing to write.
  return null;
}

interface Planned {
  rel: string;
  id: string;
  key: string;
  /** null: nothing to write now; an earlier copy with the same key is kept. */
  bytes: (() => Promise<Buffer>) | null;
}

/** The tree under My Drive: folders (relative paths) and files to write, names made safe and unique. */
function plan(drive: DriveModel, pdfCache: string): { dirs: string[]; files: Planned[] } {
  const children = new Map<string, DriveFileNode[]>();
  for (const node of drive.files) {
    if (node.trashed || node.id === drive.rootId) continue;
    const parent = node.parents[0];
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const dirs: string[] = [];
  const files: Planned[] = [];
  const visited = new Set<string>([drive.rootId]);
  const walk = (folderId: string, rel: string) => {
    const taken = new Set<string>();
    const list = [...(children.get(folderId) ?? [])].sort(
      (a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const node of list) {
      if (visited.has(node.id)) continue;
      visited.add(node.id);
      if (node.mimeType === MIME.folder) {
        const sub = path.posix.join(rel, uniqueName(taken, node.name, ''));
        dirs.push(sub);
        walk(node.id, sub);
        continue;
      }
      const out = exportOf(node, drive, pdfCache);
      if (!out) continue;
      files.push({ rel: path.posix.join(rel, uniqueName(taken, node.name, out.ext)), id: node.id, ...out });
    }
  };
  walk(drive.rootId, '');
  return { dirs, files };
}

function readManifest(file: string): Manifest {
  const value = readJson<Partial<Manifest> | null>(file, null);
  if (!value || value.format !== 'gas-emulator-drive-export' || typeof value.files !== 'object' || !value.files) {
    return emptyManifest();
  }
  return {
    ...emptyManifest(),
    files: value.files,
    dirs: Array.isArray(value.dirs) ? value.dirs : [],
    ...(typeof value.generation === 'string' && { generation: value.generation }),
  };
}

/** The generation `<dir>/drive/` was last mirrored from; null when unknown (never, or before generations). */
export function exportedGeneration(dir: string): string | null {
  try {
    return readManifest(path.join(dir, DRIVE_DIR, EXPORT_MANIFEST)).generation ?? null;
  } catch {
    return null; // a damaged manifest: the next export starts afresh
  }
}

/** The absolute path of `rel` under root, or null if it would leave root (symlinks resolved). */
function inside(root: string, realRoot: string, rel: string): string | null {
  const abs = path.resolve(root, ...rel.split('/'));
  const relative = path.relative(root, abs);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  // The deepest part that exists must resolve inside the real root (no symlink out).
  let probe = abs;
  while (!existsSync(probe)) probe = path.dirname(probe);
  const real = realpathSync(probe);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  return abs;
}

function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Mirrors My Drive under `<dir>/drive/` (see the file comment); `generation` is recorded in the manifest. */
export async function exportDriveFiles(dir: string, drive: DriveModel, generation?: string): Promise<void> {
  const root = path.resolve(dir, DRIVE_DIR);
  mkdirSync(root, { recursive: true });
  if (lstatSync(root).isSymbolicLink()) throw new Error(`${root}: папка диска не может быть ссылкой / is a symlink`);
  const realRoot = realpathSync(root);
  const manifestFile = path.join(root, EXPORT_MANIFEST);
  const old = readManifest(manifestFile);
  const { dirs, files } = plan(drive, path.join(dir, PDF_CACHE_DIR));
  const next: Manifest = { ...emptyManifest(), ...(generation !== undefined && { generation }) };
  const wanted = new Set(files.map((f) => f.rel));
  const wantedDirs = new Set(dirs);

  // First what the export wrote before and Drive no longer has (deleted, trashed, moved, renamed)…
  for (const rel of Object.keys(old.files)) {
    if (wanted.has(rel)) continue;
    const abs = inside(root, realRoot, rel);
    if (abs && existsSync(abs) && lstatSync(abs).isFile()) rmSync(abs, { force: true });
  }
  for (const rel of [...old.dirs].sort((a, b) => b.length - a.length)) {
    if (wantedDirs.has(rel)) continue;
    const abs = inside(root, realRoot, rel);
    if (!abs || !isDir(abs)) continue;
    try {
      rmdirSync(abs);
    } catch {
      /* not empty: a person's files are in it */
    }
  }

  // …then the folders and files Drive has now.
  for (const rel of dirs) {
    const abs = inside(root, realRoot, rel);
    if (!abs || (existsSync(abs) && !isDir(abs))) continue; // someone else's file has the name
    mkdirSync(abs, { recursive: true });
    next.dirs.push(rel);
  }
  for (const file of files) {
    const abs = inside(root, realRoot, file.rel);
    if (!abs || !isDir(path.dirname(abs))) continue;
    const before = old.files[file.rel];
    const present = existsSync(abs);
    // A folder, or a person's own file with that name: never overwritten.
    if (present && (isDir(abs) || !before)) continue;
    if (!(present && before && before.id === file.id && before.key === file.key)) {
      if (!file.bytes) continue;
      writeFileAtomic(abs, await file.bytes());
    }
    next.files[file.rel] = { id: file.id, key: file.key };
  }
  writeJsonAtomic(manifestFile, next);
}
