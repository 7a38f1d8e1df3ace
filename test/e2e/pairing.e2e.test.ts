/**
 * «Подбор пар» in Chromium on the demo school (issue 17.3): confirmed pairs show as confirmed with
 * their IDs and «Подобрать» right after opening warns about nothing; an exclusion survives a page
 * reload until «Отменить изменения». Screenshots at 1366×768 and 1600×950 go to test-artifacts/.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();

test('confirmed pairs are shown as confirmed; an exclusion survives a reload until «Отменить изменения»', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-pairing-draft-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server, { width: 1366, height: 768 });
  await clickAddonMenu(page, 'Подбор пар');
  let sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByRole('button', { name: 'Подобрать', exact: true }).waitFor();
  await sidebar.getByText('утверждена').first().waitFor();
  await sidebar.getByText('ПГ-001').waitFor();
  await sidebar.getByRole('button', { name: 'Подобрать', exact: true }).click();
  await sidebar.getByRole('button', { name: 'Подбираем…' }).waitFor({ state: 'detached' });
  expect(await sidebar.getByText('Не удалось учесть закрепления').count()).toBe(0);
  // Nothing was changed: no unsaved draft to discard.
  expect(await sidebar.getByText('Отменить изменения').count()).toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'pairing-1366x768.png') });

  // The edit is kept on the server at once: wait for that call before the page goes away.
  const kept = page.waitForResponse((r) => /keepPairingDraft/.test(r.request().postData() ?? ''));
  await sidebar.getByRole('button', { name: 'Исключить пару' }).first().click();
  await sidebar.getByText('Исключённые пары').waitFor();
  expect((await kept).ok()).toBe(true);

  await page.setViewportSize({ width: 1600, height: 950 });
  await page.reload();
  await page.getByTestId('menubar').waitFor();
  await clickAddonMenu(page, 'Подбор пар');
  sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByText('Исключённые пары').waitFor();
  await sidebar.getByText('Есть несохранённые изменения подбора').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'pairing-1600x950.png') });

  await sidebar.getByRole('button', { name: 'Отменить изменения' }).click();
  // Back to the saved settings: the exclusion and the button are gone.
  await sidebar.getByText('Исключённые пары').waitFor({ state: 'detached' });
  await sidebar.getByRole('button', { name: 'Отменить изменения' }).waitFor({ state: 'detached' });
  await page.close();
});
