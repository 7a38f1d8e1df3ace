/**
 * Screenshots of what a methodologist reads, at a laptop's 1366×768 and at 1600×950, in the demo
 * school: the roadmap, «Сводка» with the sidebar open, the pairing panel and a generated order, saved
 * to test-artifacts/screenshots/ (git-ignored) — look at them. At 1366 with the sidebar open the charts must
 * sit beside the tables and inside the window, and text spilling into empty cells must show in full.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
const session = useBrowser();

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByTestId(`tab-${name}`).click();
  await page.locator(`[data-testid="grid"][data-sheet="${name}"]`).waitFor();
}

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1600, height: 950 },
];

test('roadmap, «Сводка» with the sidebar, pairing panel and a generated order at 1366×768 and 1600×950', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-shots-'));
  const server = await session.startServer({ dir, demo: true });
  let orderMade = false;
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    const page = await openWorkspacePage(session.browser(), server, viewport);

    await openTab(page, 'Дорожная карта');
    await page.getByTestId('cell-C1').filter({ hasText: 'Мероприятие' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, `roadmap-${size}.png`) });

    await openTab(page, 'Сводка');
    await clickAddonMenu(page, 'Ход реализации');
    await page.frameLocator('[data-testid="sidebar-frame"]').getByText('Этапы').waitFor();
    const charts = page.locator('.chart-panel');
    await charts.first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, `summary-sidebar-${size}.png`) });
    const grid = await box(page, '[data-testid="grid"]');
    const tableRight = (await box(page, '[data-testid="cell-H4"]')).right;
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const b = await charts.nth(i).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      // Beside the tables (A–H), never over them, and inside the visible grid, scrollbar excluded.
      expect(b.left).toBeGreaterThanOrEqual(tableRight);
      expect(b.right).toBeLessThanOrEqual(grid.right - 12);
    }
    // The title in A1 runs over the empty B1…: all of it is shown, none of it is cut.
    const title = await page
      .getByTestId('cell-A1')
      .locator('.c')
      .evaluate((el) => ({
        text: el.textContent,
        shown: el.clientWidth,
        needed: el.scrollWidth,
      }));
    expect(title.text).toBe('Ход реализации дорожной карты наставничества');
    expect(title.shown).toBeGreaterThan(100);
    expect(title.needed).toBeLessThanOrEqual(title.shown);
    // Bold one-word headers keep to one line: a word broken mid-way shows as two line boxes.
    const header = page
      .locator('[data-testid^="cell-D"] .c')
      .filter({ hasText: /^Ответственный$/ })
      .first();
    const lines = await header.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);

    await clickAddonMenu(page, 'Подбор пар');
    const pairing = page.frameLocator('[data-testid="sidebar-frame"]');
    await pairing
      .getByRole('button', { name: /Подобрать/ })
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(SHOTS, `pairing-${size}.png`) });

    if (!orderMade) {
      await clickAddonMenu(page, 'Документы');
      const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
      await sidebar.getByLabel(/О закреплении наставнических пар/).check();
      await sidebar.getByText('Что войдёт в документ').waitFor();
      await sidebar.getByRole('button', { name: 'Создать документы' }).click();
      await sidebar.getByText(/Документы готовы/).waitFor({ timeout: 60000 });
      orderMade = true;
    }
    // The order is read with the sidebar closed, as one reads a document.
    await page.getByTestId('sidebar').getByRole('button', { name: 'Закрыть' }).click();
    await page.getByTestId('sidebar').waitFor({ state: 'detached' });
    await page.getByTestId('view-files').click();
    const order = page
      .locator('[data-testid="drive-item"][data-kind="document"]')
      .filter({ hasText: /Приказ «О закреплении/ })
      .first();
    await order.locator('button.drive-open').click();
    await page.getByTestId('drive-preview').getByText('ПРИКАЗ', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, `order-${size}.png`) });
    await page.close();
  }
}, 240000);
