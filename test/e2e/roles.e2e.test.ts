/**
 * Roles in the workspace: switched to «Учитель», the add-on's «Подбор пар» opens «Моя пара» with why
 * the curator's panels are closed (test-artifacts/roles-teacher.png: look at it); the curator's
 * account opens the pairing panel as before.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();

test('the teacher gets «Моя пара» instead of «Подбор пар»; the curator gets the pairing panel', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-roles-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server, { width: 1366, height: 768 });

  await page.getByTestId('user').selectOption('uchitel@school2.example');
  await clickAddonMenu(page, 'Подбор пар');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByRole('heading', { name: 'Моя пара' }).waitFor();
  await sidebar.getByText(/Подбор пар, программы, документы и рассылки ведут/).waitFor();
  await sidebar.getByText(/Адреса uchitel@school2\.example нет в столбце «Email»/).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'roles-teacher.png') });

  await page.getByTestId('user').selectOption('zavuch@school2.example');
  await clickAddonMenu(page, 'Подбор пар');
  await sidebar.getByRole('heading', { name: 'Подбор пар' }).waitFor();
});
