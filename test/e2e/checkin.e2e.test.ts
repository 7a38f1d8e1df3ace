/**
 * The mid-year check-in in «Подбор пар» on the demo school (its January check-in flagged one pair):
 * the pair needing attention stands at the top with the reason and «Расформировать и подобрать заново».
 * Screenshot at 1366×768 in test-artifacts/screenshots.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();
const SHOTS = path.join(ARTIFACTS, 'screenshots');

test('the flagged pair is at the top of «Подбор пар»; dissolving it proposes new mentors', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-checkin-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server, { width: 1366, height: 768 });
  await clickAddonMenu(page, 'Подбор пар');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByText('требует внимания').first().waitFor();
  await sidebar.getByText('не хочет продолжать').first().waitFor();
  await sidebar.getByRole('button', { name: 'Подобрать', exact: true }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'checkin-flagged-pair-1366x768.png') });

  await sidebar.getByRole('button', { name: 'Расформировать и подобрать заново' }).click();
  await sidebar.getByText(/Наставляемые вернутся в банк/).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'checkin-confirm-1366x768.png') });
  await sidebar.getByRole('button', { name: 'Да, расформировать' }).click();
  await sidebar.getByText(/расформирована, история сохранена/).waitFor();
  expect(await sidebar.getByRole('button', { name: 'Расформировать и подобрать заново' }).count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'checkin-dissolved-1366x768.png') });
});
