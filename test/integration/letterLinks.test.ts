/**
 * Letters the add-on sends carry short named links in their HTML body («Открыть форму отчёта»), not
 * hundreds of percent-encoded characters, and keep a plain-text body with each address on its own line.
 */
import { MAY, useDemoSchool } from './workspace';

const URL = /https?:\/\/\S+/g;
const HAS_URL = /https?:\/\/\S+/;

describe('letters', () => {
  const demo = useDemoSchool('letters', MAY);

  test('every letter with a link has an HTML body with named links and a plain body with the address alone on its line', async () => {
    const ws = await demo();
    // A reminder run too, so digests are among the letters.
    ws.advanceTo('2027-05-15T10:00:00+03:00');
    const letters = ws.mail().filter((m) => HAS_URL.test(m.body));
    const subjects = new Set(letters.map((m) => m.subject.split(':')[0]));
    expect(subjects).toContain('Наставничество');
    expect(letters.some((m) => m.subject === 'Мониторинг программы наставничества: ваша анкета')).toBe(true);
    for (const m of letters) {
      expect(m.htmlBody).toBeDefined();
      const html = m.htmlBody!;
      const visible = html.replace(/<[^>]*>/g, '');
      // What a reader sees has no raw address and no percent-encoding.
      expect(visible).not.toMatch(/https?:\/\//);
      expect(visible).not.toMatch(/%[0-9A-F]{2}/);
      const anchors = [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)];
      expect(anchors.length).toBeGreaterThan(0);
      for (const [, href, label] of anchors) {
        expect(href).toMatch(/^https:\/\//);
        expect(label).toMatch(/^Открыть /);
      }
      for (const line of m.body.split('\n')) {
        const urls = line.match(URL) ?? [];
        if (urls.length > 0) expect(line.trim()).toBe(urls[0]);
      }
    }
    const meeting = letters.find((m) => m.subject === 'Наставничество: отчёт о встрече')!;
    expect(meeting.htmlBody).toMatch(
      /Пара\/группа [^:]+: <a href="https:\/\/docs\.google\.com\/forms\/[^"]+">Открыть форму отчёта<\/a>/,
    );
  });
});
