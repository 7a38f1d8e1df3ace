/**
 * What the e2e suites share: Debian's Chromium through playwright-core, the workspace server the
 * README's `npm start` runs (the built library), and the add-on's menu clicked as a user does.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export type RunningServer = { url: string; port: number; close(): Promise<void> };
type ServerOptions = { port?: number; dir: string; demo?: boolean; driveSource?: unknown };
const library = require('../..') as { startServer(options: ServerOptions): Promise<RunningServer> };

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  browser(): Browser;
  /** Starts a workspace server on a free port; it is closed after the test, even when the test fails. */
  startServer(options: Omit<ServerOptions, 'port'>): Promise<RunningServer>;
}

/** One Chromium for the suite (launched in beforeAll, closed in afterAll) and per-test servers. */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let servers: RunningServer[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
    servers = [];
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => browser!,
    startServer: async (options) => {
      const server = await library.startServer({ port: 0, ...options });
      servers.push(server);
      return server;
    },
  };
}

/** A page on the workspace, failing the test on any page error. */
export async function openWorkspacePage(
  browser: Browser,
  server: RunningServer,
  viewport = { width: 1400, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(server.url);
  await page.getByTestId('menubar').waitFor();
  return page;
}

/** «Расширения → Наставничество → …submenus → caption». */
export async function clickAddonMenu(page: Page, caption: string, submenus: string[] = []): Promise<void> {
  await page.getByTestId('menu-extensions').click();
  for (const name of ['Наставничество', ...submenus]) {
    await page.getByTestId('menu-submenu').filter({ hasText: name }).last().hover();
  }
  await page.getByTestId('menu-item').filter({ hasText: caption }).click();
}
