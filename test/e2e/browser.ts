/**
 * What the e2e suites share: Debian's Chromium through playwright-core, the workspace server the
 * README's `npm start` runs (the built library), and the add-on's menu clicked as a user does.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export type RunningServer = { url: string; port: number; close(): Promise<void> };
export const { startServer } = require('../..') as {
  startServer(options: { port?: number; dir: string; demo?: boolean }): Promise<RunningServer>;
};

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync', '--no-first-run'],
  });
}

/** A page on the workspace, failing the test on any page error. */
export async function openWorkspacePage(browser: Browser, server: RunningServer): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(server.url);
  await page.getByTestId('menubar').waitFor();
  return page;
}

/** «Расширения → Наставничество → caption». */
export async function clickAddonMenu(page: Page, caption: string): Promise<void> {
  await page.getByTestId('menu-extensions').click();
  await page.getByTestId('menu-submenu').filter({ hasText: 'Наставничество' }).last().hover();
  await page.getByTestId('menu-item').filter({ hasText: caption }).click();
}
