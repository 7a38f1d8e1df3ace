/**
 * A mentor's way: the letter in «Почта» has a short named link to the meeting report; the form asks the
 * date with a date picker; the confirmation claims nothing before the add-on has checked the report.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();

test('the meeting report: named link in the letter, date picker, neutral confirmation', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-formdate-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server, { width: 1366, height: 768 });

  await page.getByTestId('view-mail').click();
  await page.getByTestId('mail-item').filter({ hasText: 'отчёт о встрече' }).first().click();
  const link = page.getByTestId('mail-body').getByRole('link', { name: 'Открыть форму отчёта' }).first();
  await link.waitFor();
  expect(await page.getByTestId('mail-body').innerText()).not.toMatch(/https?:\/\//);
  await page.screenshot({ path: path.join(ARTIFACTS, 'mail-named-links.png') });

  const href = (await link.getAttribute('href'))!;
  const form = await session.browser().newPage({ viewport: { width: 1366, height: 768 } });
  await form.goto(new URL(href, server.url).toString());
  const date = form.locator('input[type="date"]');
  await date.waitFor();
  await form.getByLabel('Адрес электронной почты').fill('nobody@school2.example');
  await date.fill('2027-05-13');
  await form.getByText('Очно', { exact: true }).click();
  await form.getByLabel('Тема встречи').fill('Разбор урока');
  await form.screenshot({ path: path.join(ARTIFACTS, 'meeting-report-date.png'), fullPage: true });
  await form.getByRole('button', { name: 'Отправить' }).click();
  const confirmation = form.getByTestId('confirmation');
  await confirmation.waitFor();
  expect(await confirmation.innerText()).toBe(
    'Отчёт получен. Если в нём найдётся ошибка, куратор наставничества свяжется с вами.',
  );
}, 240000);
