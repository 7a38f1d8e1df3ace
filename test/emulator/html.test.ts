import { join } from 'node:path';
import { Env } from '../../emulator/core/env';
import { createHtmlService, htmlOutput } from '../../emulator/services/html';

const NOW = '2026-11-25T12:00:00+03:00';
const FILES = join(__dirname, 'fixtures', 'html');

function setup() {
  const env = new Env({ now: NOW });
  const globals: Record<string, unknown> = {};
  const HtmlService = createHtmlService(env, { filesDir: FILES, globals: () => globals });
  globals.include = (name: string) => HtmlService.createHtmlOutputFromFile(name).getContent();
  return { env, HtmlService };
}

describe('HtmlService', () => {
  it('loads <name>.html from the files directory', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutputFromFile('Static').getContent()).toBe('<p>static</p>\n');
  });

  it('reports a missing file with Apps Script text', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(() => HtmlService.createHtmlOutputFromFile('../html/Static')).toThrow(
      'No HTML file named ../html/Static was found.',
    );
    expect(() => HtmlService.createTemplateFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });

  it('evaluates templates: <?= ?> escaped, <?!= ?> raw, <? ?> code, globals visible', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplateFromFile('Sidebar');
    t.title = 'A & B <script>alert(1)</script>';
    t.rawHtml = '<b>bold</b>';
    t.items = ['x', '"q"'];
    // the fixture is prettier-formatted: compare without the whitespace between tags
    const html = t.evaluate().getContent().replace(/>\s+</g, '><');
    expect(html).toContain('<h1>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<div><b>bold</b></div>');
    expect(html).toContain('<ul><li>x</li><li>&quot;q&quot;</li></ul>');
    expect(html).toContain('<footer>f</footer>');
  });

  it('a template referencing an unset property fails like JavaScript does', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<?= missing ?>');
    expect(() => t.evaluate()).toThrow(/missing is not defined/);
  });

  it('HtmlOutput setters, getters, append and appendUntrusted', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput('<p>')
      .append('a</p>')
      .appendUntrusted('<i>')
      .setTitle('Наставничество')
      .setWidth(300)
      .setHeight(500)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width')
      .setFaviconUrl('https://example.com/f.png');
    expect(out.getContent()).toBe('<p>a</p>&lt;i&gt;');
    expect(out.getTitle()).toBe('Наставничество');
    expect(out.getWidth()).toBe(300);
    expect(out.getHeight()).toBe(500);
    expect(out.getMetaTags()[0].getName()).toBe('viewport');
    expect(out.getFaviconUrl()).toBe('https://example.com/f.png');
    expect(out.setContent('x').getContent()).toBe('x');
    expect(() => out.addMetaTag('description', 'x')).toThrow(/not allowed/);
    expect(String(HtmlService.SandboxMode.IFRAME)).toBe('IFRAME');
  });

  it('counts calls, including chained ones, and rejects unknown members', () => {
    const { env, HtmlService } = setup();
    const out = HtmlService.createHtmlOutputFromFile('Static').setTitle('t').setWidth(10);
    expect(env.calls.summary().byMethod).toEqual({
      'HtmlService.createHtmlOutputFromFile': 1,
      'HtmlOutput.setTitle': 1,
      'HtmlOutput.setWidth': 1,
    });
    expect(() => (out as unknown as { evaluate(): void }).evaluate()).toThrow(/not implemented/);
    expect(htmlOutput(env, 'x').getContent()).toBe('x');
  });
});
