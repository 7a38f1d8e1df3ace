/**
 * The year's work end to end, as `npm start` serves it: the demo school lives in May, «Сводка» shows
 * its three charts drawn from the sheet, the «Итоги года» panel its figures, and the «Почта» tab the
 * letters the add-on sent (monitoring links, meeting-report links). Screenshots in test-artifacts/.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();

test('the dashboard with its charts, the «Итоги года» panel and the outbox', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-year-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server, { width: 1900, height: 1000 });

  await page.getByTestId('tab-Сводка').click();
  const charts = page.locator('[data-testid^="chart-"]');
  await charts.first().waitFor();
  expect(await charts.count()).toBe(3);
  await page.getByText('Выполнение по этапам, %').first().waitFor();
  await page.getByText('Мониторинг: средний балл (1–10)').first().waitFor();
  // Every chart is drawn (an SVG with shapes), not an empty frame.
  for (let i = 0; i < 3; i++) expect(await charts.nth(i).locator('svg rect, svg path').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-charts.png') });

  await clickAddonMenu(page, 'Итоги года');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByText('Методическая копилка').first().waitFor();
  await sidebar
    .getByText(/Не ответили: \d+/)
    .first()
    .waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'year-sidebar.png') });

  await page.getByTestId('view-mail').click();
  const items = page.getByTestId('mail-item');
  await items.first().waitFor();
  expect(await items.count()).toBeGreaterThan(3);
  await items.filter({ hasText: 'Мониторинг программы наставничества' }).first().click();
  const body = page.getByTestId('mail-body');
  await body
    .getByText(/Пара\/группа/)
    .first()
    .waitFor();
  // The personal link opens the local form with the pair already chosen.
  await page.screenshot({ path: path.join(ARTIFACTS, 'outbox.png') });
}, 240000);
