/**
 * The Drive routes of the local server (the «Диск» tab):
 *
 *   GET /api/files              DriveListing[] — every file and folder of My Drive (not trashed)
 *   GET /api/files/:id/preview  the Doc model (DocModel JSON) of a Google Doc, or of the snapshot a
 *                               PDF was made from; the page draws it (never as HTML)
 *   GET /files/:id.docx         a Google Doc as .docx (docx.ts)
 *   GET /files/:id.pdf          a Doc as PDF (LibreOffice, cached by revision: pdf.ts), or a PDF file
 *                               (its bytes, or rendered from its snapshot); 503 without LibreOffice
 *   GET /files/:id              an uploaded file's bytes (a Doc: its .docx)
 *
 * Ids must match FILE_ID (no dots, slashes or percent signs) and are only ever looked up in the
 * model: nothing from the request becomes a path. Downloads are attachments; an uploaded file is
 * served as application/octet-stream unless it is a PDF, so nothing runs on the page's origin.
 *
 * The routes work against `DriveSource` (what the Workspace offers), not the Workspace itself.
 */
import path from 'node:path';
import type { DocModel } from '../../emulator/docs/model';
import { MIME, type DriveFileNode, type DriveFileSummary, type DriveModel } from '../../emulator/drive/model';
import { docToDocx } from '../../emulator/persistence/docx';
import { safeFileName } from '../../emulator/persistence/driveExport';
import { LibreOfficeMissingError, LIBREOFFICE_MISSING, PDF_CACHE_DIR, renderPdf } from '../../emulator/persistence/pdf';
import { mailTime } from './mail';
import { HttpError } from './security';

/** What the Drive routes need from a workspace. */
export interface DriveSource {
  /** My Drive's files and folders (not trashed). */
  files(): DriveFileSummary[];
  /** A Google Doc's content; null for an unknown id or another kind of file. */
  docModel(id: string): DocModel | null;
  fileNode(id: string): DriveFileNode | null;
  /** The workspace folder (PDFs are cached under it). */
  dir: string;
}

/** Drive ids: letters, digits, "_" and "-" (Google's own are 25–44 of those). */
export const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export type FileKind = 'folder' | 'document' | 'pdf' | 'spreadsheet' | 'form' | 'file';

/** One row of GET /api/files: the summary plus what the page needs to draw the tree. */
export interface DriveListing extends DriveFileSummary {
  kind: FileKind;
  /** The parent folder's id when that folder is listed too; null: at the top of My Drive. */
  parentId: string | null;
  /** Download links the file has ('/files/…'). */
  docx?: string;
  pdf?: string;
  download?: string;
  /** Whether /api/files/:id/preview has a document to show. */
  preview: boolean;
  /** The last change as the school reads it: dd.mm.yyyy hh:mm in the spreadsheet's time zone, as «Журнал». */
  updated: string;
}

export function kindOf(mimeType: string): FileKind {
  switch (mimeType) {
    case MIME.folder:
      return 'folder';
    case MIME.document:
      return 'document';
    case MIME.pdf:
      return 'pdf';
    case MIME.spreadsheet:
      return 'spreadsheet';
    case MIME.form:
      return 'form';
    default:
      return 'file';
  }
}

export type DriveRoute =
  { route: 'list' } | { route: 'preview'; id: string } | { route: 'download'; id: string; as: 'docx' | 'pdf' | 'raw' };

/**
 * The Drive route of a URL path (as the URL parser gives it, percent-escapes kept), null when the
 * path is not a Drive route. A Drive path with a malformed id is a 404 (HttpError).
 */
export function parseDriveRoute(p: string): DriveRoute | null {
  if (p === '/api/files') return { route: 'list' };
  const preview = /^\/api\/files\/([^/]*)\/preview$/.exec(p);
  if (preview) return { route: 'preview', id: checkedId(preview[1]) };
  const file = /^\/files\/([^/]*)$/.exec(p);
  if (file) {
    const m = /^(.*?)(?:\.(docx|pdf))?$/.exec(file[1]) as RegExpExecArray;
    return { route: 'download', id: checkedId(m[1]), as: (m[2] as 'docx' | 'pdf' | undefined) ?? 'raw' };
  }
  if (p.startsWith('/api/files/') || p.startsWith('/files/')) throw notFound();
  return null;
}

function notFound(): HttpError {
  return new HttpError(404, 'Файл не найден. / File not found.');
}

function checkedId(id: string): string {
  if (!FILE_ID.test(id)) throw notFound();
  return id;
}

function usable(node: DriveFileNode | null): node is DriveFileNode {
  return node !== null && !node.trashed;
}

/** GET /api/files; times in `timeZone` (the spreadsheet's), not the browser's. */
export function listFiles(source: DriveSource, timeZone: string): DriveListing[] {
  const summaries = source.files().filter((f) => FILE_ID.test(f.id));
  const nodes = new Map(summaries.map((f) => [f.id, source.fileNode(f.id)] as const));
  const folders = new Set(summaries.filter((f) => f.mimeType === MIME.folder).map((f) => f.id));
  const out: DriveListing[] = [];
  for (const f of summaries) {
    const node = nodes.get(f.id) ?? null;
    if (node?.trashed) continue;
    const kind = kindOf(f.mimeType);
    const parent = node?.parents.find((p) => folders.has(p) && p !== f.id) ?? null;
    const id = encodeURIComponent(f.id);
    const pdfSnapshot = kind === 'pdf' && node?.pdfOf !== undefined;
    out.push({
      id: f.id,
      name: f.name,
      path: f.path,
      mimeType: f.mimeType,
      url: f.url,
      updatedMs: f.updatedMs,
      kind,
      parentId: parent,
      ...(kind === 'document' && { docx: `/files/${id}.docx`, pdf: `/files/${id}.pdf` }),
      ...(kind === 'pdf' && { pdf: `/files/${id}.pdf` }),
      ...(kind === 'file' && node?.data !== undefined && { download: `/files/${id}` }),
      preview: kind === 'document' || pdfSnapshot,
      updated: Number.isFinite(f.updatedMs) ? mailTime(f.updatedMs, timeZone) : '',
    });
  }
  return out;
}

/** The document a file shows: a Doc's content, or the snapshot a PDF was made from. */
function documentOf(source: DriveSource, id: string): DocModel | null {
  const node = source.fileNode(id);
  if (!usable(node)) return null;
  if (node.mimeType === MIME.document) return source.docModel(id);
  if (node.mimeType === MIME.pdf && node.pdfOf) return node.pdfOf;
  return null;
}

/** GET /api/files/:id/preview: the model, named as the file is (a PDF's snapshot keeps its own id). */
export function previewOf(source: DriveSource, id: string): DocModel {
  const node = source.fileNode(id);
  const doc = documentOf(source, id);
  if (!usable(node) || !doc) throw notFound();
  return { ...doc, name: node.name };
}

/** What a download needs, taken from the model at once (the work itself may run outside the queue). */
export type DownloadPlan =
  | { kind: 'bytes'; body: Buffer; type: string; name: string }
  | { kind: 'docx'; doc: DocModel; name: string }
  | { kind: 'pdf'; doc: DocModel; name: string };

export function planDownload(source: DriveSource, id: string, as: 'docx' | 'pdf' | 'raw'): DownloadPlan {
  const node = source.fileNode(id);
  if (!usable(node) || node.mimeType === MIME.folder) throw notFound();
  if (node.mimeType === MIME.document) {
    const doc = source.docModel(id);
    if (!doc) throw notFound();
    // A structured clone: the document may change while LibreOffice works.
    return { kind: as === 'pdf' ? 'pdf' : 'docx', doc: structuredClone(doc), name: node.name };
  }
  if (node.mimeType === MIME.pdf) {
    if (as === 'docx') throw notFound();
    if (node.data !== undefined) {
      return { kind: 'bytes', body: Buffer.from(node.data, 'base64'), type: MIME.pdf, name: node.name };
    }
    if (node.pdfOf) return { kind: 'pdf', doc: structuredClone(node.pdfOf), name: node.name };
    throw notFound();
  }
  if (as !== 'raw' || node.data === undefined) throw notFound();
  return {
    kind: 'bytes',
    body: Buffer.from(node.data, 'base64'),
    type: node.mimeType === MIME.docx ? MIME.docx : 'application/octet-stream',
    name: node.name,
  };
}

export interface FileReply {
  body: Buffer;
  type: string;
  /** Content-Disposition: an attachment with the Drive name (ASCII fallback + RFC 5987 UTF-8). */
  disposition: string;
}

const TRANSLIT: Record<string, string> = Object.fromEntries(
  'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** The ASCII fallback name for old clients: Russian transliterated, anything else "_". */
function asciiName(name: string): string {
  return Array.from(name)
    .map((ch) => {
      const lower = ch.toLowerCase();
      const t = TRANSLIT[lower];
      if (t === undefined) return /[\x20-\x7e]/.test(ch) ? ch : '_';
      return ch !== lower && t ? t[0].toUpperCase() + t.slice(1) : t;
    })
    .join('')
    .replace(/["%;\\]/g, '_');
}

function disposition(name: string): string {
  const safe = safeFileName(name);
  // RFC 5987: ' ( ) * are not attr-chars either.
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName(safe)}"; filename*=UTF-8''${encoded}`;
}

function withExt(name: string, ext: string): string {
  return name.toLowerCase().endsWith(ext) ? name : `${name}${ext}`;
}

/** Makes the file of a plan: the bytes, a .docx, or a PDF (cached under `<dir>/.cache/pdf`). */
export async function produceDownload(plan: DownloadPlan, dir: string): Promise<FileReply> {
  if (plan.kind === 'bytes') return { body: plan.body, type: plan.type, disposition: disposition(plan.name) };
  if (plan.kind === 'docx') {
    return { body: await docToDocx(plan.doc), type: MIME.docx, disposition: disposition(withExt(plan.name, '.docx')) };
  }
  try {
    const body = await renderPdf(plan.doc, path.join(dir, PDF_CACHE_DIR));
    return { body, type: MIME.pdf, disposition: disposition(withExt(plan.name, '.pdf')) };
  } catch (e) {
    if (e instanceof LibreOfficeMissingError) throw new HttpError(503, LIBREOFFICE_MISSING);
    throw new HttpError(500, `Не удалось сделать PDF. / PDF rendering failed.\n${(e as Error).message}`);
  }
}

function googleUrl(f: DriveFileNode): string {
  const id = encodeURIComponent(f.id);
  if (f.mimeType === MIME.folder) return `https://drive.google.com/drive/folders/${id}`;
  if (f.mimeType === MIME.document) return `https://docs.google.com/document/d/${id}/edit`;
  return `https://drive.google.com/file/d/${id}/view`;
}

/** A source over a DriveModel literal: for tests, and for a workspace that only has `drive`. */
export function modelDriveSource(drive: DriveModel, dir: string): DriveSource {
  const byId = (id: string) => drive.files.find((f) => f.id === id) ?? null;
  /** Folder names from My Drive down to the file's folder (its `path`), or null when it is not in My Drive. */
  const folderPath = (node: DriveFileNode): string[] | null => {
    const names: string[] = [];
    const seen = new Set<string>();
    let parent = node.parents[0];
    while (parent !== drive.rootId) {
      if (parent === undefined || seen.has(parent)) return null;
      seen.add(parent);
      const folder = byId(parent);
      if (!folder || folder.trashed) return null;
      names.unshift(folder.name);
      parent = folder.parents[0];
    }
    return names;
  };
  return {
    dir,
    files() {
      const out: DriveFileSummary[] = [];
      for (const f of drive.files) {
        if (f.trashed || f.id === drive.rootId) continue;
        const folders = folderPath(f);
        if (!folders) continue;
        out.push({
          id: f.id,
          name: f.name,
          path: folders.join('/'),
          mimeType: f.mimeType,
          url: googleUrl(f),
          updatedMs: f.updatedMs,
        });
      }
      return out;
    },
    docModel(id) {
      const node = byId(id);
      return node && node.mimeType === MIME.document ? (drive.docs[id] ?? null) : null;
    },
    fileNode: byId,
  };
}

/** A source with nothing in it (a workspace without Drive). */
export const EMPTY_DRIVE: DriveSource = { dir: '', files: () => [], docModel: () => null, fileNode: () => null };

/**
 * The Drive of a workspace: its own files()/docModel()/fileNode() when it has them, else its `drive`
 * model, else nothing (the Drive capability is optional to the server).
 */
export function driveSourceOf(ws: unknown): DriveSource {
  const w = ws as Partial<DriveSource> & { drive?: DriveModel; dir?: string };
  if (!w || typeof w !== 'object') return EMPTY_DRIVE;
  const dir = typeof w.dir === 'string' ? w.dir : '';
  if (typeof w.files === 'function' && typeof w.docModel === 'function' && typeof w.fileNode === 'function') {
    return {
      dir,
      files: () => w.files!.call(ws),
      docModel: (id) => w.docModel!.call(ws, id),
      fileNode: (id) => w.fileNode!.call(ws, id),
    };
  }
  if (w.drive && Array.isArray(w.drive.files)) return modelDriveSource(w.drive, dir);
  return EMPTY_DRIVE;
}
