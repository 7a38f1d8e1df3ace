/**
 * Documents end to end: in the demo school's workspace the methodologist opens «Документы», generates
 * the order on pairs with a PDF, finds it on the «Диск» tab, and the PDF (LibreOffice) is rendered to
 * PNG with pdftoppm — test-artifacts/generated-order.png: look at it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoDateTime } from '../../workspace/demo/demoClock';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();

test('generate the pairs order from the sidebar, see it on «Диск», render its PDF to PNG', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-documents-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server);

  await clickAddonMenu(page, 'Документы');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByLabel(/О закреплении наставнических пар/).check();
  // The preview lists the confirmed pairs that will go into the order.
  await sidebar.getByText('Что войдёт в документ').waitFor();
  await sidebar.getByText('Наставник', { exact: true }).first().waitFor();
  await sidebar.getByLabel('Сохранить также PDF').check();
  // The demo lives on 14 May: the date of the documents starts there, not at the machine's date.
  const demoDay = demoDateTime(Date.now()).slice(0, 10);
  expect(await sidebar.locator('#doc-date').inputValue()).toBe(demoDay);
  await sidebar.getByRole('button', { name: 'Создать документы' }).click();
  await sidebar.getByText(/Документы готовы/).waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-sidebar.png') });

  // «Диск»: the order is in «Приказы»; its preview shows the table of pairs.
  await page.getByTestId('view-files').click();
  const order = page
    .locator('[data-testid="drive-item"][data-kind="document"]')
    .filter({ hasText: /Н-20\d\d-\d+ Приказ «О закреплении/ })
    .first();
  await order.locator('button.drive-open').click();
  await page.getByTestId('drive-preview').getByText('ПРИКАЗ', { exact: true }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'drive-order.png') });

  // The PDF next to it, rendered by LibreOffice on request, then to PNG.
  const listing = (await (await page.request.get(`${server.url}api/files`)).json()) as Array<{
    id: string;
    name: string;
    mimeType: string;
    pdf?: string;
  }>;
  const pdfFile = listing.find((f) => f.mimeType === 'application/pdf' && /О закреплении/.test(f.name));
  expect(pdfFile).toBeDefined();
  const response = await page.request.get(`${server.url}files/${pdfFile!.id}.pdf`);
  expect(response.status()).toBe(200);
  const pdf = path.join(ARTIFACTS, 'generated-order.pdf');
  writeFileSync(pdf, await response.body());
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // The curator in the dative with initials, the director's signature with initials first.
  for (const part of ['ПРИКАЗ', 'О закреплении наставнических пар (групп)', 'Смирновой О. В.', 'М. П. Иванова']) {
    expect(text).toContain(part);
  }
  expect(text).toContain(`14 мая ${demoDay.slice(0, 4)} г.`);
  expect(text).toMatch(new RegExp(`Н-${demoDay.slice(0, 4)}-\\d{3}`));
  expect(text).not.toContain('{{');
  const prefix = path.join(ARTIFACTS, 'generated-order');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10000);
}, 180000);
