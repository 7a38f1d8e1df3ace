/**
 * Google Docs → .docx (persistence/docx.ts) and My Drive mirrored as files (persistence/driveExport.ts).
 * The .docx is unzipped and its XML read: what Word and LibreOffice will see.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { MIME, type DriveModel } from '../../emulator/drive/model';
import { docToDocx } from '../../emulator/persistence/docx';
import { cachedPdfPath, PDF_CACHE_DIR } from '../../emulator/persistence/pdf';
import {
  EXPORT_MANIFEST,
  exportDriveFiles,
  MAX_NAME_BYTES,
  safeFileName,
} from '../../emulator/persistence/driveExport';
import { node, orderDoc, para, sampleDrive } from './docFixtures';

async function docxParts(buf: Buffer): Promise<{ document: string; styles: string; rels: string; core: string }> {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => zip.file(name)!.async('string');
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    rels: await read('word/_rels/document.xml.rels'),
    core: await read('docProps/core.xml'),
  };
}

/** The w:p elements of document.xml whose text contains `text`. */
function paragraphsWith(xml: string, text: string): string[] {
  return (xml.match(/<w:p[ >].*?<\/w:p>/g) ?? []).filter((p) => p.includes(text));
}

describe('docToDocx', () => {
  let parts: Awaited<ReturnType<typeof docxParts>>;
  beforeAll(async () => {
    const buf = await docToDocx(orderDoc());
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    parts = await docxParts(buf);
  });

  test('the Russian text is there, as text', () => {
    for (const text of [
      'ПРИКАЗ',
      'О закреплении наставнических пар (групп)',
      'приказываю:',
      'Иванова Мария Петровна',
    ]) {
      expect(parts.document).toContain(text);
    }
    expect(parts.core).toContain('Приказ о закреплении наставнических пар');
  });

  test('headings use Word’s built-in styles; alignment, first-line indent and spacing in twips', () => {
    expect(paragraphsWith(parts.document, 'ПРИКАЗ')[0]).toMatch(/<w:pStyle w:val="Title"\/>.*<w:jc w:val="center"\/>/);
    expect(paragraphsWith(parts.document, 'О закреплении наставнических пар (групп)')[0]).toContain(
      '<w:pStyle w:val="Heading2"/>',
    );
    expect(paragraphsWith(parts.document, 'Приложение')[0]).toMatch(/Heading1.*<w:jc w:val="right"\/>/);
    const clause = paragraphsWith(parts.document, '1. Закрепить')[0];
    expect(clause).toContain('<w:ind w:firstLine="708"/>');
    expect(clause).toContain('<w:jc w:val="both"/>');
    expect(paragraphsWith(parts.document, 'школа № 2')[0]).toContain('<w:spacing w:after="360"/>');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Subtitle']) expect(parts.styles).toContain(`w:styleId="${id}"`);
  });

  test('runs keep bold, italic, underline and size (half-points); links are hyperlinks', () => {
    const bold = paragraphsWith(parts.document, 'приказываю:')[0];
    expect(bold).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">приказываю:<\/w:t><\/w:r>/);
    // «В соответствии с» has no attributes: no bold in its run.
    expect(bold).toMatch(/<w:r><w:t xml:space="preserve">В соответствии с <\/w:t><\/w:r>/);
    const sheet = paragraphsWith(parts.document, 'Лист ознакомления')[0];
    expect(sheet).toMatch(/<w:i\/>/);
    expect(sheet).toMatch(/<w:u w:val="single"\/>/);
    expect(sheet).toMatch(/<w:sz w:val="24"\/>/);
    expect(bold).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>.*Федеральным законом/);
    expect(parts.rels).toContain('Target="https://www.consultant.ru/"');
    expect(parts.rels).toContain('TargetMode="External"');
  });

  test('the table: its rows and cells, borders, widths, header background', () => {
    const table = /<w:tbl>.*<\/w:tbl>/.exec(parts.document)![0];
    expect(table.match(/<w:tr>/g)).toHaveLength(3);
    expect(table.match(/<w:tc>/g)).toHaveLength(12);
    expect(table).toContain('<w:top w:val="single" w:color="000000" w:sz="8"/>');
    expect(table).toContain('<w:gridCol w:w="600"/><w:gridCol w:w="3200"/><w:gridCol w:w="3200"/>');
    expect(table).toContain('w:fill="EEEEEE"');
    expect(table).toMatch(/Наставник.*Наставляемый.*Сидоров Олег Иванович/);
  });

  test('page: A4, the document’s margins, Times New Roman 14 pt and ru-RU by default; a page break', () => {
    expect(parts.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(parts.document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1700"/);
    expect(parts.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/);
    expect(parts.styles).toContain('<w:lang w:val="ru-RU"/>');
    // The empty page-break paragraph becomes "page break before" on «Приложение».
    expect(paragraphsWith(parts.document, 'Приложение')[0]).toContain('<w:pageBreakBefore/>');
  });

  test('hostile text stays text: XML is escaped, control characters dropped, unsafe links are not links', async () => {
    const doc = {
      ...orderDoc('hostile'),
      body: [
        para('<w:p>&amp; </w:body> \u0001\u0008 ok'),
        { ...para('click'), runs: [{ text: 'click', attrs: { linkUrl: 'javascript:alert(1)' } }] },
        para('tab\there\nnext line'),
      ],
    };
    const { document, rels } = await docxParts(await docToDocx(doc));
    expect(document).toContain('&lt;w:p&gt;&amp;amp; &lt;/w:body&gt;  ok');
    expect(document).not.toContain('\u0001');
    expect(rels).not.toContain('javascript');
    expect(paragraphsWith(document, 'tab')[0]).toMatch(
      /tab<\/w:t><w:tab\/><w:t xml:space="preserve">here.*<w:br\/>.*next line/,
    );
    // The body ends with a paragraph even when the Doc ends with a table.
    const endsWithTable = await docxParts(
      await docToDocx({ ...orderDoc('t'), body: [{ type: 'TABLE', rows: [{ cells: [{ paragraphs: [] }] }] }] }),
    );
    expect(endsWithTable.document).toMatch(/<\/w:tbl><w:p>.*<\/w:p><w:sectPr>/);
  });

  test('core properties stay well-formed XML for any name: characters XML 1.0 cannot hold are dropped', async () => {
    const name = 'Согласие \uFFFE\uFFFF\u0001\u0008\u000B\uD800 — <Иванов> & «О’Нил» "\uDC00x\u{1F600}';
    const { core } = await docxParts(await docToDocx({ ...orderDoc('core'), name }));
    const invalid =
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
    expect(core).not.toMatch(invalid);
    expect(/<dc:title>(.*?)<\/dc:title>/s.exec(core)?.[1]).toBe(
      'Согласие  — &lt;Иванов&gt; &amp; «О’Нил» &quot;x\u{1F600}',
    );
    expect(core).not.toContain('Un-named');
  });
});

// ---------------------------------------------------------------------------------------------

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'drive-export-'));
}

/** Every file and folder under `root`, relative, '/'-separated. */
function walk(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    out.push(r);
    if (lstatSync(path.join(root, r)).isDirectory()) out.push(...walk(root, r));
  }
  return out;
}

describe('safeFileName', () => {
  test.each([
    ['../../x', '.docx', '___.._x.docx'],
    ['a/b', '', 'a_b'],
    ['a\\b:c*d?e"f<g>h|i', '', 'a_b_c_d_e_f_g_h_i'],
    ['CON', '.docx', '_CON.docx'],
    ['nul.txt', '', '_nul.txt'],
    ['com1', '', '_com1'],
    ['..', '', '__'],
    ['.', '', '_'],
    ['', '.docx', 'Без названия.docx'],
    ['   ', '', 'Без названия'],
    ['.hidden', '', '_hidden'],
    ['trailing dots... ', '', 'trailing dots'],
    ['tab\there\nnewline\u0000', '', 'tab here newline'],
    ['Приказ.docx', '.docx', 'Приказ.docx'],
    ['Приказ', '.docx', 'Приказ.docx'],
  ])('%j + %j → %j', (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected);
  });

  test('long names are cut to MAX_NAME_BYTES on a character boundary, extension kept', () => {
    const name = safeFileName('Я'.repeat(400), '.docx', ' (2)');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.endsWith('Я (2).docx')).toBe(true);
    const emoji = safeFileName('😀'.repeat(100), '.docx');
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(emoji).toMatch(/^(😀)+\.docx$/u); // no half of a surrogate pair
  });
});

describe('exportDriveFiles', () => {
  test('mirrors My Drive: folders, Docs as .docx, uploaded blobs as they are; PDFs not rendered are skipped', async () => {
    const dir = tmp();
    await exportDriveFiles(dir, sampleDrive());
    const root = path.join(dir, 'drive');
    expect(walk(root).sort()).toEqual(
      [
        EXPORT_MANIFEST,
        'notes.html',
        'Наставничество 2026–2027',
        'Наставничество 2026–2027/Положение.pdf',
        'Наставничество 2026–2027/Приказы',
        'Наставничество 2026–2027/Приказы/Приказ о закреплении наставнических пар.docx',
      ].sort(),
    );
    const docx = readFileSync(
      path.join(root, 'Наставничество 2026–2027/Приказы/Приказ о закреплении наставнических пар.docx'),
    );
    expect((await docxParts(docx)).document).toContain('ПРИКАЗ');
    expect(readFileSync(path.join(root, 'Наставничество 2026–2027/Положение.pdf'), 'utf8')).toBe('%PDF-1.4 fake');
  });

  test('unchanged Docs are not rewritten; changed, renamed, trashed and deleted ones are', async () => {
    const dir = tmp();
    const drive = sampleDrive();
    await exportDriveFiles(dir, drive);
    const orders = path.join(dir, 'drive', 'Наставничество 2026–2027', 'Приказы');
    const file = path.join(orders, 'Приказ о закреплении наставнических пар.docx');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, old, old);

    await exportDriveFiles(dir, drive);
    expect(statSync(file).mtimeMs).toBe(old.getTime());

    const doc = drive.docs['doc-order'];
    doc.body.push(para('4. Новый пункт.'));
    doc.revision++;
    await exportDriveFiles(dir, drive);
    expect(statSync(file).mtimeMs).not.toBe(old.getTime());
    expect((await docxParts(readFileSync(file))).document).toContain('4. Новый пункт.');

    const orderNode = drive.files.find((f) => f.id === 'doc-order')!;
    orderNode.name = 'Приказ № 42';
    await exportDriveFiles(dir, drive);
    expect(readdirSync(orders)).toEqual(['Приказ № 42.docx']);

    orderNode.trashed = true;
    await exportDriveFiles(dir, drive);
    expect(readdirSync(orders)).toEqual([]);

    // A whole folder deleted from Drive: its mirrored files and folders go; a person's own file stays.
    writeFileSync(path.join(dir, 'drive', 'мои заметки.txt'), 'не трогать');
    drive.files = drive.files.filter((f) => f.id !== 'fold-period' && f.id !== 'pdf-blob');
    await exportDriveFiles(dir, drive);
    expect(existsSync(path.join(dir, 'drive', 'Наставничество 2026–2027'))).toBe(false);
    expect(readFileSync(path.join(dir, 'drive', 'мои заметки.txt'), 'utf8')).toBe('не трогать');
  });

  test('a PDF made from a Doc is mirrored once the page has rendered it, and kept after', async () => {
    const dir = tmp();
    const drive = sampleDrive();
    const orders = path.join(dir, 'drive', 'Наставничество 2026–2027', 'Приказы');
    const pdfName = 'Приказ о закреплении наставнических пар.pdf';
    await exportDriveFiles(dir, drive);
    expect(existsSync(path.join(orders, pdfName))).toBe(false);

    const snapshot = drive.files.find((f) => f.id === 'pdf-snap')!.pdfOf!;
    const cached = cachedPdfPath(snapshot, path.join(dir, PDF_CACHE_DIR));
    mkdirSync(path.dirname(cached), { recursive: true });
    writeFileSync(cached, '%PDF-1.7 rendered');
    await exportDriveFiles(dir, drive);
    expect(readFileSync(path.join(orders, pdfName), 'utf8')).toBe('%PDF-1.7 rendered');

    rmSync(cached);
    await exportDriveFiles(dir, drive);
    expect(readFileSync(path.join(orders, pdfName), 'utf8')).toBe('%PDF-1.7 rendered');

    drive.files.find((f) => f.id === 'pdf-snap')!.trashed = true;
    await exportDriveFiles(dir, drive);
    expect(existsSync(path.join(orders, pdfName))).toBe(false);
  });

  test('hostile names never leave <dir>/drive; duplicates get « (2)»', async () => {
    const parent = tmp();
    const dir = path.join(parent, 'ws');
    mkdirSync(dir);
    const hostile = ['../../x', '..', '.', '/etc/passwd', 'a/b', 'CON', 'nul', 'com1.docx', '\u0000', 'x'.repeat(1000)];
    const doc = orderDoc('d');
    const drive: DriveModel = {
      rootId: 'root',
      files: [
        { ...node('root', 'Мой диск', MIME.folder, ''), parents: [] },
        // Created first: they keep their names; later files named alike get « (2)».
        node('f1', '../..', MIME.folder, 'root', { createdMs: 1 }),
        node('f2', '..', MIME.folder, 'f1', { createdMs: 1 }),
        ...hostile.map((name, i) => node(`d${i}`, name, MIME.document, i % 2 ? 'f2' : 'root')),
        ...hostile.map((name, i) =>
          node(`b${i}`, name, 'text/plain', 'f1', { data: Buffer.from(name).toString('base64') }),
        ),
        node('dup1', 'Приказ', MIME.document, 'root'),
        node('dup2', 'приказ', MIME.document, 'root'),
        node('dup3', 'Приказ.docx', MIME.document, 'root'),
      ],
      docs: Object.fromEntries(
        [...hostile.map((_, i) => `d${i}`), 'dup1', 'dup2', 'dup3'].map((id) => [id, { ...doc, id }]),
      ),
    };
    await exportDriveFiles(dir, drive);

    // Nothing appeared next to the workspace folder or above it.
    expect(readdirSync(parent)).toEqual(['ws']);
    expect(readdirSync(dir)).toEqual(['drive']);
    const root = realpathSync(path.join(dir, 'drive'));
    const all = walk(root);
    for (const rel of all) {
      expect(realpathSync(path.join(root, rel)).startsWith(root + path.sep)).toBe(true);
      for (const part of rel.split('/')) {
        expect(part).not.toMatch(/^\.\.?$/);
        expect(Buffer.byteLength(part)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(part.split('.')[0]).not.toMatch(/^(con|nul|com1)$/i);
      }
    }
    // Folder «../..» → «___», its sub-folder «..» → «__».
    expect(all).toEqual(
      expect.arrayContaining([
        '___.._x.docx',
        'a_b.docx',
        '_nul.docx',
        '_.docx',
        'Без названия.docx',
        '___/__/_CON.docx',
        '___/__/_com1.docx',
        '___/_etc_passwd',
        '___/__ (2)',
        'Приказ.docx',
        'приказ (2).docx',
        'Приказ (3).docx',
      ]),
    );
    // 10 blobs + 10 docs + 3 duplicates + 2 folders, each one file or folder.
    expect(all.filter((r) => r !== EXPORT_MANIFEST)).toHaveLength(25);
    expect(readFileSync(path.join(root, '___', '_etc_passwd'), 'utf8')).toBe('/etc/passwd');
  });

  test('a symlink planted inside the mirror is never followed out of it', async () => {
    const dir = tmp();
    const outside = tmp();
    const drive = sampleDrive();
    await exportDriveFiles(dir, drive);
    const period = path.join(dir, 'drive', 'Наставничество 2026–2027');
    // Someone replaces the mirrored folder with a link to elsewhere.
    rmSync(period, { recursive: true });
    symlinkSync(outside, period);
    await exportDriveFiles(dir, drive);
    expect(readdirSync(outside)).toEqual([]);
  });
});
