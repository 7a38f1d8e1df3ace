/**
 * Programs end to end: in the demo school the methodologist opens «Программы наставничества», edits
 * a pair's program (a free activity added, a title changed), saves it with one click, and the sheet
 * «Программы» holds the new rows. Screenshots in test-artifacts/.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();

test('edit and save a program from the sidebar; the sheet «Программы» shows it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-programs-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server);

  await clickAddonMenu(page, 'Программы наставничества');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  await sidebar
    .getByText(/выполнено \d+%/)
    .first()
    .waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'programs-list.png') });

  await sidebar.getByRole('button', { name: 'Изменить программу' }).first().click();
  await sidebar.getByRole('button', { name: 'Добавить мероприятие' }).click();
  const titles = sidebar.getByLabel('Название');
  const added = titles.last();
  await added.fill('Круглый стол «Первые итоги» <b>для наставляемых</b>');
  await page.screenshot({ path: path.join(ARTIFACTS, 'program-editor.png') });
  await sidebar.getByRole('button', { name: 'Сохранить программу' }).click();
  await sidebar.getByText(/Программа ПР-.* сохранена/).waitFor();

  await page.getByTestId('tab-Программы').click();
  await page.getByText('Круглый стол «Первые итоги» <b>для наставляемых</b>').first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'programs-sheet.png') });
}, 180000);
