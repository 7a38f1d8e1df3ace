/**
 * The workspace at small widths: at 800 px nothing in the top bar overlaps anything else or leaves
 * the window; at 420 px the «Настроить учебный год…» dialog fits the window and can be filled and sent.
 * Screenshots: test-artifacts/topbar-800.png, setup-420.png — look at them.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The visible boxes of the top bar's own pieces (logo, name, menu items, tabs, user, buttons). */
function topBarBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('header.topbar')!;
    const pieces = bar.querySelectorAll('.logo, .docname, .menubar > *, .views > *, .actions > *');
    return Array.from(pieces)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const label =
          (el.getAttribute('data-testid') ?? el.className) + ` «${(el.textContent ?? '').trim().slice(0, 20)}»`;
        return { what: label, x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.width > 0 && b.height > 0);
  });
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

test('at 800 px the top bar’s pieces neither overlap nor leave the window', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-layout-'));
  const server = await session.startServer({ dir, demo: false });
  const page = await openWorkspacePage(session.browser(), server, { width: 800, height: 600 });
  await page.getByTestId('menu-extensions').waitFor();
  await page.screenshot({
    path: path.join(ARTIFACTS, 'topbar-800.png'),
    clip: { x: 0, y: 0, width: 800, height: 160 },
  });
  const boxes = await topBarBoxes(page);
  expect(boxes.length).toBeGreaterThan(8);
  const clashes: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (overlap(a, b)) clashes.push(`${a.what} × ${b.what}`);
    }),
  );
  expect(clashes).toEqual([]);
  expect(boxes.filter((b) => b.x < 0 || b.x + b.width > 800).map((b) => b.what)).toEqual([]);
}, 60000);

test('at 420 px the setup dialog fits the window and sets up the year', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-layout-'));
  const server = await session.startServer({ dir, demo: false });
  const page = await openWorkspacePage(session.browser(), server, { width: 420, height: 800 });
  await clickAddonMenu(page, 'Настроить учебный год…');
  const frame = page.locator('[data-testid="dialog-frame"]');
  await frame.waitFor();
  const dialog = page.frameLocator('[data-testid="dialog-frame"]');
  const school = dialog.getByLabel(/Образовательная организация/);
  await school.waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'setup-420.png') });
  const box = (await frame.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(420);
  // Nothing inside is wider than the dialog: no sideways scrolling to reach a field.
  const inner = await dialog.locator('body').evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
  expect(inner.scroll).toBeLessThanOrEqual(inner.client);
  await school.fill('МБОУ «СОШ № 7»');
  await dialog.getByRole('button', { name: /Создать дорожную карту/ }).click();
  await dialog.getByText(/Дорожная карта на .* учебный год создана/).waitFor();
}, 60000);
