/**
 * Tables of the generated documents as LibreOffice renders them (the Doc → .docx → PDF path of the
 * workspace's «Диск»): no header word is broken across lines («Выпол/нение»). Words are read with
 * `pdftotext -bbox` from a PDF of the template's tables alone: a broken word comes out as two pieces. Needs LibreOffice Writer and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderPdf } from '../../emulator/persistence/pdf';
import type { Workspace } from '../../workspace/workspace';
import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds';
import type { DocumentKindId, TemplateTable } from '../../src/domain/documents/types';
import { setUpWorkspace } from '../integration/workspace';
import { ARTIFACTS } from './browser';

/** Every word of the PDF, as pdftotext -bbox reads it (pieces of a broken word come separately). */
function pdfWords(pdf: Buffer, name: string): Set<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return new Set([...html.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1].replace(/&amp;/g, '&')));
}

/** The words of a kind's table headers, as a reader sees them («Наставляемый(-ые)» is one word). */
function headerWords(kind: DocumentKindId): string[] {
  const tables = DOCUMENT_KINDS[kind].blocks.filter((b): b is TemplateTable => b.type === 'table' && !!b.row);
  return [...new Set(tables.flatMap((t) => t.header.flat().flatMap((h) => h.split(/\s+/))))].filter((w) => w !== '');
}

/** The template's tables alone (same page and margins), so every word of the PDF is a table's. */
async function tablesPdf(ws: Workspace, kind: DocumentKindId): Promise<Buffer> {
  const file = ws.files().find((f) => f.name === DOCUMENT_KINDS[kind].templateName);
  if (!file) throw new Error(`no template of ${kind}`);
  const doc = ws.docModel(file.id)!;
  const tables = { ...doc, body: doc.body.filter((node) => node.type === 'TABLE') };
  return renderPdf(tables, mkdtempSync(path.join(os.tmpdir(), 'tables-pdf-')));
}

describe('document tables on paper', () => {
  test.each(['analyticalReport', 'pairsOrder', 'program'] as DocumentKindId[])(
    '%s: every table header word stays whole',
    async (kind) => {
      const ws = await setUpWorkspace();
      ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина Сергеевна' });
      const words = pdfWords(await tablesPdf(ws, kind), `table-headers-${kind}`);
      const broken = headerWords(kind).filter((w) => !words.has(w));
      expect(broken).toEqual([]);
    },
  );
});
