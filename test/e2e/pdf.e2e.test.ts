/**
 * Google Docs as real PDF (LibreOffice headless, persistence/pdf.ts) and as the «Диск» tab's preview
 * (Chromium). Needs LibreOffice (libreoffice-writer-nogui), poppler-utils and Chromium, as `npm run
 * test:e2e` has. The first pages are rendered to PNG in test-artifacts/ — look at them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docToDocx } from '../../emulator/persistence/docx';
import { convertToPdf, renderPdf } from '../../emulator/persistence/pdf';
import { modelDriveSource } from '../../workspace/server/drive';
import { orderDoc, para, sampleDrive } from '../emulator/docFixtures';
import { ARTIFACTS, useBrowser } from './browser';

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** The first page as PNG: test-artifacts/<name>.png. */
function firstPagePng(pdf: string, name: string): string {
  const prefix = path.join(ARTIFACTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

describe('PDF through LibreOffice', () => {
  test('an order renders to PDF: Russian text, two pages, a PNG of the first page', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'pdf-cache-'));
    const doc = orderDoc('e2e-order', 1);
    const pdf = await renderPdf(doc, cache);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(ARTIFACTS, 'order.pdf');
    writeFileSync(file, pdf);

    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const part of [
      'ПРИКАЗ',
      'О закреплении наставнических пар (групп)',
      '«Средняя общеобразовательная школа № 2»',
      'Иванова Мария Петровна',
      'Наставляемый',
      'приказываю:',
      'Лист ознакомления',
    ]) {
      expect(text).toContain(part);
    }
    // The page break puts «Приложение» on page 2.
    expect(pageCount(file)).toBe(2);
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    expect(page2).toContain('Приложение');
    expect(page2).not.toContain('ПРИКАЗ');

    const png = firstPagePng(file, 'order-page1');
    expect(existsSync(png)).toBe(true);
    // 60 dpi A4 ≈ 496×702 px; a blank page compresses to a few hundred bytes.
    expect(statSync(png).size).toBeGreaterThan(8000);
    const header = readFileSync(png);
    expect(header.readUInt32BE(16)).toBeGreaterThan(480); // width
    expect(header.readUInt32BE(20)).toBeGreaterThan(690); // height

    // Cached by revision: the same document comes back without LibreOffice, a new revision is rendered.
    const again = await renderPdf(doc, cache);
    expect(again.equals(pdf)).toBe(true);
    const changed = await renderPdf(
      { ...doc, revision: 2, body: [...doc.body, para('4. Новый пункт появился.')] },
      cache,
    );
    writeFileSync(path.join(ARTIFACTS, 'order-r2.pdf'), changed);
    expect(pdfText(path.join(ARTIFACTS, 'order-r2.pdf'))).toContain('Новый пункт появился');
  });

  test('a batch of documents is one LibreOffice run', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'pdf-batch-'));
    const files = [];
    for (const name of ['первый', 'второй', 'третий']) {
      const file = path.join(work, `${name}.docx`);
      writeFileSync(
        file,
        await docToDocx({ ...orderDoc(name), body: [para(`Документ «${name}»`, { heading: 'HEADING1' })] }),
      );
      files.push(file);
    }
    const pdfs = await convertToPdf(files, path.join(work, 'out'));
    expect(pdfs.map((p) => path.basename(p))).toEqual(['первый.pdf', 'второй.pdf', 'третий.pdf']);
    expect(pdfText(pdfs[1])).toContain('Документ «второй»');
  });
});

describe('the «Диск» tab', () => {
  const session = useBrowser();

  test('lists the tree, previews the order as a page, links .docx and PDF', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drive-tab-'));
    const server = await session.startServer({ dir, demo: false, driveSource: modelDriveSource(sampleDrive(), dir) });
    const page = await session.browser().newPage({ viewport: { width: 1500, height: 1000 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(server.url);
    await page.getByTestId('view-files').click();
    await page.getByTestId('drive-tree').waitFor();
    const rows = page.getByTestId('drive-item');
    expect(await rows.count()).toBe(7);
    await page.getByRole('button', { name: 'Приказ о закреплении наставнических пар', exact: true }).click();
    const preview = page.getByTestId('drive-preview');
    await preview.getByTestId('doc-page').waitFor();
    expect(await preview.getByTestId('doc-page').innerText()).toContain('ПРИКАЗ');
    expect(await preview.locator('.doc-table tr').count()).toBe(3);
    expect(await preview.getByTestId('download-docx').getAttribute('href')).toBe('/files/doc-order.docx');
    expect(await preview.getByTestId('download-pdf').getAttribute('href')).toBe('/files/doc-order.pdf');
    await page.screenshot({ path: path.join(ARTIFACTS, 'drive-tab.png') });

    const download = page.waitForEvent('download');
    await preview.getByTestId('download-docx').click();
    expect((await download).suggestedFilename()).toBe('Приказ о закреплении наставнических пар.docx');
    await page.close();
  });
});
