/**
 * «Выбор наставника» in Chromium on the demo school (issue 20.2): «Подбор пар» shows the demo's choices
 * in its explanations (test-artifacts/screenshots/mentor-choice-pairing.png); the demo sent the
 * personal links in the autumn, so a second «Разослать…» has nobody new; a mentee opens their link
 * (code and suggested mentors with reasons filled in), picks a first choice and sends it. The form at
 * 1366×768 goes to test-artifacts/screenshots/mentor-choice-form.png.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, clickAddonMenu, openWorkspacePage, useBrowser } from './browser';

const session = useBrowser();
const SHOTS = path.join(ARTIFACTS, 'screenshots');

test('a mentee opens their personal «Выбор наставника» link, ranks a mentor and sends it', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-choice-'));
  const server = await session.startServer({ dir, demo: true });
  const page = await openWorkspacePage(session.browser(), server, { width: 1366, height: 768 });
  await clickAddonMenu(page, 'Подбор пар');
  const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
  // The methodologist sees the first choice that could not be given, and why, beside the pair.
  const missed = sidebar.getByText(/^первый выбор — .+ — не учтён: у наставника нет свободных мест; второй выбор/);
  await missed.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'mentor-choice-pairing.png') });
  await sidebar.getByRole('button', { name: 'Разослать ссылки на выбор наставника' }).click();
  await sidebar.getByText('Все участники уже получили ссылки на выбор наставника; новых адресатов нет.').waitFor();

  const mail = (await (await fetch(new URL('/api/mail', server.url))).json()) as {
    subject: string;
    body: string;
    to: string[];
  }[];
  // Any mentee's letter of the autumn: a new answer replaces their row on «Выбор наставника».
  const letter = mail.filter((m) => m.subject === 'Наставничество: выберите наставника').at(-1)!;
  const link = /https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s"<>]+/.exec(letter.body)![0];
  const local = new URL(link);
  const form = await session.browser().newPage({ viewport: { width: 1366, height: 768 } });
  await form.goto(new URL(local.pathname + local.search, server.url).toString());
  await form.getByText('Выбор наставника').first().waitFor();
  // The personal part came with the link: the code and the suggestions with their reasons.
  expect(await form.getByLabel(/Ваш код участника/).inputValue()).toMatch(/\S/);
  const suggested = await form.getByLabel(/Предложенные вам наставники/).inputValue();
  expect(suggested).toMatch(/^1\. .+ — /);
  // The mentee signs with their own address and takes the first suggested mentor.
  await form.getByLabel('Адрес электронной почты').fill(letter.to[0]);
  await form.getByLabel('Первый выбор').selectOption(/^1\. (.+?) — /.exec(suggested)![1]);
  await form.screenshot({ path: path.join(SHOTS, 'mentor-choice-form.png') });
  await form.screenshot({ path: path.join(SHOTS, 'mentor-choice-form-full.png'), fullPage: true });
  await form.getByRole('button', { name: 'Отправить' }).click();
  await form.getByText(/Спасибо! Ваш выбор получен/).waitFor();
  await form.close();
});
