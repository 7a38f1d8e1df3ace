/**
 * The «Диск» routes of the local server (workspace/server/drive.ts) over a Drive given as a plain
 * model: the listing, a Doc's preview model, .docx / PDF / blob downloads, and what is refused.
 */
import JSZip from 'jszip';
import { MIME } from '../../emulator/drive/model';
import {
  driveSourceOf,
  EMPTY_DRIVE,
  modelDriveSource,
  parseDriveRoute,
  type DriveListing,
} from '../../workspace/server/drive';
import { startServer, type RunningServer } from '../../workspace/server/server';
import { sampleDrive } from './docFixtures';
import { fakeDist, get, request, tempDir } from './serverFixture';

let server: RunningServer;
const savedSoffice = process.env.SOFFICE_PATH;

beforeAll(async () => {
  const dir = tempDir();
  server = await startServer({
    port: 0,
    dir,
    distDir: fakeDist(),
    demo: false,
    driveSource: modelDriveSource(sampleDrive(), dir),
  });
});

afterAll(async () => {
  await server.close();
  if (savedSoffice === undefined) delete process.env.SOFFICE_PATH;
  else process.env.SOFFICE_PATH = savedSoffice;
});

describe('GET /api/files', () => {
  test('lists My Drive (trashed files left out) with kinds, parents and download links', async () => {
    const reply = await get(server, '/api/files');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const list: DriveListing[] = reply.json();
    const byId = Object.fromEntries(list.map((f) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual(
      ['blob-html', 'doc-order', 'fold-orders', 'fold-period', 'pdf-blob', 'pdf-snap', 'sheet-1'].sort(),
    );
    expect(byId['doc-order']).toMatchObject({
      name: 'Приказ о закреплении наставнических пар',
      path: 'Наставничество 2026–2027/Приказы',
      kind: 'document',
      parentId: 'fold-orders',
      docx: '/files/doc-order.docx',
      pdf: '/files/doc-order.pdf',
      preview: true,
    });
    expect(byId['fold-period']).toMatchObject({ kind: 'folder', parentId: null, path: '', preview: false });
    expect(byId['pdf-snap']).toMatchObject({ kind: 'pdf', pdf: '/files/pdf-snap.pdf', preview: true });
    expect(byId['pdf-blob']).toMatchObject({ kind: 'pdf', pdf: '/files/pdf-blob.pdf', preview: false });
    expect(byId['blob-html']).toMatchObject({ kind: 'file', download: '/files/blob-html', parentId: null });
    expect(byId['sheet-1']).toMatchObject({ kind: 'spreadsheet', preview: false });
    expect(byId['sheet-1'].docx).toBeUndefined();
  });

  test('the time of the last change is the spreadsheet zone’s wall clock (as «Журнал»), not UTC', async () => {
    const list: DriveListing[] = (await get(server, '/api/files')).json();
    const order = list.find((f) => f.id === 'doc-order')!;
    // 2026-05-28T20:26:40Z is 23:26 in Moscow (the browser on a UTC machine would show 20:26).
    expect(order.updatedMs).toBe(Date.UTC(2026, 4, 28, 20, 26, 40));
    expect(order.updated).toBe('28.05.2026 23:26');
  });

  test('a foreign Host is refused here too', async () => {
    const reply = await request(server, 'GET', '/api/files', { headers: { Host: `evil.example:${server.port}` } });
    expect(reply.status).toBe(403);
  });
});

describe('GET /api/files/:id/preview', () => {
  test('a Doc’s model as JSON, for the page to draw', async () => {
    const reply = await get(server, '/api/files/doc-order/preview');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    const doc = reply.json();
    expect(doc.id).toBe('doc-order');
    expect(doc.name).toBe('Приказ о закреплении наставнических пар');
    expect(doc.body.find((b: { heading?: string }) => b.heading === 'TITLE').runs[0].text).toBe('ПРИКАЗ');
    expect(doc.body.some((b: { type: string }) => b.type === 'TABLE')).toBe(true);
  });

  test('a PDF made from a Doc previews its snapshot under the PDF’s name', async () => {
    const doc = (await get(server, '/api/files/pdf-snap/preview')).json();
    expect(doc.name).toBe('Приказ о закреплении наставнических пар.pdf');
    expect(doc.body.length).toBeGreaterThan(5);
  });

  test.each(['pdf-blob', 'blob-html', 'fold-period', 'sheet-1', 'doc-trashed', 'nope'])(
    '%s has no preview: 404',
    async (id) => {
      const reply = await get(server, `/api/files/${id}/preview`);
      expect(reply.status).toBe(404);
      expect(reply.text).toContain('Файл не найден');
    },
  );
});

describe('downloads', () => {
  test('/files/:id.docx is the Doc as a .docx attachment named after it', async () => {
    const reply = await get(server, '/files/doc-order.docx');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(MIME.docx);
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="Prikaz o zakreplenii nastavnicheskikh par.docx"; filename*=UTF-8''${encodeURIComponent('Приказ о закреплении наставнических пар.docx')}`,
    );
    const zip = await JSZip.loadAsync(reply.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('ПРИКАЗ');
    expect(xml).toContain('Иванова Мария Петровна');
  });

  test('an uploaded PDF is served as it is', async () => {
    const reply = await get(server, '/files/pdf-blob.pdf');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.text).toBe('%PDF-1.4 fake');
    expect(reply.headers['content-disposition']).toMatch(/^attachment; /);
  });

  test('an uploaded HTML file is a download, never a page of ours', async () => {
    const reply = await get(server, '/files/blob-html');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="notes.html"/);
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.text).toBe('<script>alert(1)</script>');
  });

  test('without LibreOffice a PDF is 503 with the Russian instruction', async () => {
    process.env.SOFFICE_PATH = '/nonexistent/soffice';
    try {
      for (const p of ['/files/doc-order.pdf', '/files/pdf-snap.pdf']) {
        const reply = await get(server, p);
        expect(reply.status).toBe(503);
        expect(reply.text).toContain('Для PDF нужен LibreOffice: sudo apt-get install libreoffice-writer-nogui');
      }
    } finally {
      delete process.env.SOFFICE_PATH;
    }
  });
});

describe('what is refused', () => {
  test.each([
    '/files/nope.docx',
    '/files/doc-trashed.docx',
    '/files/fold-period',
    '/files/fold-period.docx',
    '/files/sheet-1.pdf',
    '/files/pdf-blob.docx',
    '/files/doc-order.exe',
    '/files/doc-order.docx.docx',
    '/files/',
    '/files/..%2F..%2Fpackage.json',
    '/files/..%2F..%2Fpackage.json.docx',
    '/files/%2e%2e.docx',
    '/files/doc-order%00.docx',
    `/files/${'a'.repeat(129)}.docx`,
    '/api/files/..%2F..%2Fpackage.json/preview',
    '/api/files/doc-order/../../package.json',
    '/api/files/doc-order',
    '/api/files//preview',
  ])('GET %s is 404', async (p) => {
    const reply = await get(server, p);
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('"devDependencies"');
    expect(reply.text).not.toContain('PK');
  });

  test('POST to a file route is not a download', async () => {
    const reply = await request(server, 'POST', '/files/doc-order.docx', {
      headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(404);
  });

  test('parseDriveRoute: only strict ids, never a path', () => {
    expect(parseDriveRoute('/api/files')).toEqual({ route: 'list' });
    expect(parseDriveRoute('/files/abc_D-1.pdf')).toEqual({ route: 'download', id: 'abc_D-1', as: 'pdf' });
    expect(parseDriveRoute('/files/abc')).toEqual({ route: 'download', id: 'abc', as: 'raw' });
    expect(parseDriveRoute('/api/files/abc/preview')).toEqual({ route: 'preview', id: 'abc' });
    expect(parseDriveRoute('/api/forms')).toBeNull();
    expect(() => parseDriveRoute('/files/a%2Fb.docx')).toThrow('Файл не найден');
    expect(() => parseDriveRoute('/files/a/b')).toThrow('Файл не найден');
  });
});

describe('driveSourceOf', () => {
  test('a workspace with files()/docModel()/fileNode() is used as is', () => {
    const drive = sampleDrive();
    const inner = modelDriveSource(drive, '/ws');
    const ws = { dir: '/ws', files: () => inner.files(), docModel: inner.docModel, fileNode: inner.fileNode };
    const source = driveSourceOf(ws);
    expect(source.dir).toBe('/ws');
    expect(source.files().map((f) => f.id)).toContain('doc-order');
    expect(source.docModel('doc-order')?.name).toBe('Приказ о закреплении наставнических пар');
  });

  test('a workspace with only a drive model, or none', () => {
    const source = driveSourceOf({ dir: '/ws', drive: sampleDrive() });
    expect(source.files().find((f) => f.id === 'doc-order')?.path).toBe('Наставничество 2026–2027/Приказы');
    expect(source.docModel('pdf-snap')).toBeNull();
    expect(driveSourceOf({ dir: '/ws' })).toBe(EMPTY_DRIVE);
    expect(driveSourceOf(null)).toBe(EMPTY_DRIVE);
  });
});
