/** The sidebar builds into one self-contained, small HTML file. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
let dir: string;
let html: string;
let outFile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sidebar-build-'));
  outFile = path.join(dir, 'Sidebar.html');
  execFileSync(process.execPath, ['scripts/buildSidebar.mjs', '--out', outFile], { cwd: root, stdio: 'pipe' });
  html = readFileSync(outFile, 'utf8');
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('writes exactly one file', () => {
  expect(readdirSync(dir)).toEqual(['Sidebar.html']);
});

test('inlines CSS and JS', () => {
  expect(html.match(/<style>/g)).toHaveLength(1);
  expect(html.match(/<script>/g)).toHaveLength(1);
  expect(html.match(/<\/script>/gi)).toHaveLength(1);
  expect(html).toMatch(/<style>[\s\S]*\.btn-primary[\s\S]*<\/style>/);
  expect(html).toContain('<div id="app"></div>');
  expect(html).toContain('__SIDEBAR_VIEW__');
});

test('has no external references', () => {
  expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/<(img|iframe)\b/i);
  expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/@import/i);
  expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
});

test('contains the Russian titles and texts', () => {
  for (const text of [
    'Ход реализации',
    'Обновить',
    'Не удалось получить данные',
    'Настройка учебного года',
    'Образовательная организация',
    'Куратор наставничества',
    'Педагог-психолог',
    'Ответственный за сайт',
    'Укажите название образовательной организации',
    'Создать дорожную карту',
    'Обновить дорожную карту',
    'Настроить учебный год…',
    'Петропавловск-Камчатский',
    'Итоги года',
    'Методическая копилка',
  ]) {
    expect(html).toContain(text);
  }
});

test('the sidebar sources render server data as text only', () => {
  const dir = path.join(root, 'sidebar');
  for (const f of readdirSync(dir).filter((n) => /\.tsx?$/.test(n))) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    expect({ f, hit: /dangerouslySetInnerHTML|\.innerHTML\b|insertAdjacentHTML|document\.write/.test(src) }).toEqual({
      f,
      hit: false,
    });
  }
});

test('is small', () => {
  // 100 KB since «Итоги года», the seventh panel (seven panels and Preact came to ~90 KB); 120 KB since
  // issue 20's check-in, choice links and rollover notice in «Подбор пар» and the setup dialog (≈110 KB).
  expect(statSync(outFile).size).toBeLessThan(120 * 1024);
});
