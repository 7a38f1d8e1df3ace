/**
 * The local workspace in a real browser: Debian's Chromium driven by playwright-core against the
 * server `npm start` runs, with the real built add-on. Screenshots go to test-artifacts/ — look at
 * them: they are what a user sees.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ARTIFACTS, clickAddonMenu as clickMenu, openWorkspacePage, useBrowser, type RunningServer } from './browser';

const ROADMAP = 'Дорожная карта';
const session = useBrowser();

const openPage = (server: RunningServer): Promise<Page> =>
  openWorkspacePage(session.browser(), server, { width: 1400, height: 860 });

/** The A1 address of a roadmap cell by activity number and column header, read from the page. */
async function cellAddress(page: Page, no: string, header: string): Promise<string> {
  return page.evaluate(
    ({ no, header }) => {
      const text = (a1: string) => document.querySelector(`[data-testid="cell-${a1}"]`)?.textContent ?? '';
      const letters = Array.from({ length: 15 }, (_, i) => String.fromCharCode(65 + i));
      const col = letters.find((l) => text(`${l}1`) === header);
      for (let r = 2; r < 80; r++) if (text(`A${r}`) === no) return `${col}${r}`;
      throw new Error(`no cell for ${no} / ${header}`);
    },
    { no, header },
  );
}

async function background(page: Page, a1: string): Promise<string> {
  return page.getByTestId(`cell-${a1}`).evaluate((el) => getComputedStyle(el).backgroundColor);
}

test('setup from the menu, a status edit, the sidebar, and the edit kept across a restart', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-workspace-'));
  let server = await session.startServer({ dir, demo: false });
  let page = await openPage(server);

  // Setup from the menu: the dialog is the add-on's own sidebar bundle.
  await clickMenu(page, 'Настроить учебный год…');
  const dialog: FrameLocator = page.frameLocator('[data-testid="dialog-frame"]');
  await dialog.getByLabel(/Образовательная организация/).fill('МБОУ «СОШ № 7»');
  await dialog.getByRole('button', { name: /Создать дорожную карту/ }).click();
  await dialog.getByText(/Дорожная карта на .* учебный год создана/).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'setup-dialog.png') });
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await page.getByTestId(`tab-${ROADMAP}`).waitFor();
  await page.getByTestId('cell-C1').filter({ hasText: 'Мероприятие' }).waitFor();

  // 1.3 (the pedagogical council, in February) is overdue: red. The ▾ arrow opens the status list;
  // «Выполнено» without an evidence link is flagged yellow, and with one it turns grey.
  const status = await cellAddress(page, '1.3', 'Статус');
  const evidence = await cellAddress(page, '1.3', 'Подтверждение (ссылка)');
  const title = status.replace(/^[A-Z]+/, 'C');
  expect(await background(page, title)).toBe('rgb(244, 204, 204)');
  await page.getByTestId(`dropdown-${status}`).click();
  await page.getByTestId('dropdown-list').getByRole('option', { name: 'Выполнено' }).click();
  const turns = (a1: string, rgb: string) =>
    page.waitForFunction(
      ({ a1, rgb }) => {
        const el = document.querySelector(`[data-testid="cell-${a1}"]`);
        return el !== null && getComputedStyle(el).backgroundColor === rgb;
      },
      { a1, rgb },
    );
  await turns(title, 'rgb(255, 242, 204)');

  // Evidence that is not a link is refused with a Russian message naming the cell.
  await page.getByTestId(`cell-${evidence}`).click();
  await page.keyboard.type('протокол у завуча');
  await page.keyboard.press('Enter');
  await page.getByTestId('error').filter({ hasText: 'Недопустимое значение «протокол у завуча»' }).waitFor();
  await page.getByTestId(`cell-${evidence}`).click();
  await page.keyboard.type('https://school7.example/protokol-1.pdf');
  await page.keyboard.press('Enter');
  await turns(title, 'rgb(238, 238, 238)');
  await page.getByTestId(`cell-${evidence}`).locator('a[href="https://school7.example/protokol-1.pdf"]').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'spreadsheet.png') });

  // The sidebar «Ход реализации» shows the progress panel from the real server.
  await clickMenu(page, 'Ход реализации');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByText('Этапы').waitFor();
  await sidebar.getByText(/выполнено 1 из 22/).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar.png') });

  // Restart the server on the same folder: the edit is still there.
  await page.close();
  await server.close();
  server = await session.startServer({ dir, demo: false });
  page = await openPage(server);
  await page.getByTestId(`tab-${ROADMAP}`).click();
  await page.getByTestId(`cell-${status}`).filter({ hasText: 'Выполнено' }).waitFor();
  await page.close();
});

test('questionnaires: created from the menu, filled in the Forms tab, filed into the bank', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-forms-'));
  const server = await session.startServer({ dir, demo: false });
  const page = await openPage(server);

  await clickMenu(page, 'Создать/обновить анкеты', ['Анкеты']);
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar.getByText('Анкета наставляемого').waitFor();
  await sidebar.getByText('Анкета наставника').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'forms-sidebar.png') });

  await page.getByTestId('view-forms').click();
  // «Мониторинг: анкета наставляемого» matches too: the questionnaire is the first form.
  const link = page.getByTestId('form-item').filter({ hasText: 'Анкета наставляемого' }).first();
  const href = (await link.getAttribute('href')) ?? (await link.locator('a').first().getAttribute('href'));
  const form = await session.browser().newPage();
  await form.goto(new URL(href!, server.url).toString());
  await form.getByLabel('Адрес электронной почты').fill('Petrova@School.example');
  await form.getByLabel('Фамилия, имя, отчество').fill('<b>Петрова</b> Анна Сергеевна');
  await form.getByLabel('Должность').selectOption('Учитель');
  await form.getByLabel('Математика').check();
  await form.getByLabel('Педагогический стаж (полных лет)').fill('2');
  await form.getByLabel('Без категории').check();
  await form.getByLabel('Оценивание образовательных результатов').check();
  await form.getByLabel('Индивидуальная (пара)').check();
  await form.getByLabel('Очно', { exact: true }).check();
  await form.getByLabel(/Даю согласие на обработку/).check();
  await form.screenshot({ path: path.join(ARTIFACTS, 'form-mentee.png'), fullPage: true });
  await form.getByRole('button', { name: 'Отправить' }).click();
  await form.waitForLoadState();
  await form.screenshot({ path: path.join(ARTIFACTS, 'form-sent.png'), fullPage: true });
  await form.getByText(/Спасибо/).waitFor();
  await form.close();

  await page.getByTestId('view-sheet').click();
  await page.reload();
  await page.getByTestId('tab-Наставляемые').click();
  await page.getByTestId('cell-B2').filter({ hasText: 'petrova@school.example' }).waitFor();
  // HTML in an answer is shown as text, never rendered.
  await page.getByTestId('cell-C2').filter({ hasText: '<b>Петрова</b> Анна Сергеевна' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'bank.png') });
  await page.close();
});

test('pairing: «Подобрать», lock a pair, re-run, save, and see «Пары и группы»', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-pairing-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openPage(server);

  await clickMenu(page, 'Подбор пар');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  const lockButton = sidebar.getByRole('button', { name: 'Закрепить' }).first();
  await lockButton.waitFor();
  await lockButton.click();
  await sidebar.getByRole('button', { name: 'Подобрать', exact: true }).click();
  await sidebar.getByRole('button', { name: 'Закреплено' }).first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'pairing-sidebar.png') });
  await sidebar.getByRole('button', { name: 'Сохранить' }).click();
  await sidebar.getByText(/Сохранено пар и групп/).waitFor();

  await page.getByTestId('tab-Пары и группы').click();
  await page.getByTestId('cell-A1').filter({ hasText: 'ID' }).waitFor();
  await page
    .getByTestId('cell-L2')
    .filter({ hasText: /утверждено|предложено/ })
    .waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'pairs.png') });
  await page.close();
});
