/** The outbox: ws.mail() with send times, GET /api/mail for the «Почта» tab, and the tab's links. */
import { createMailApp } from '../../emulator/services/mail';
import { mailTime, type MailView } from '../../workspace/server/mail';
import type { RunningServer } from '../../workspace/server/server';
import { htmlAsText, htmlParts, linkify, localHref } from '../../workspace/web/links';
import { openWorkspace, type Workspace } from '../../workspace/workspace';
import { get, start, tempDir } from './serverFixture';

const NOW = '2026-11-25T09:00:00+03:00';
const FORM_LINK = 'https://docs.google.com/forms/d/e/form-0001/viewform?usp=pp_url&entry.123=%D0%90+%26+B';

/** A workspace whose outbox holds three messages sent a minute and an hour apart. */
async function withMail(dir?: string): Promise<Workspace> {
  const ws = await openWorkspace({ dir, demo: false, now: NOW });
  ws.env.chargeLatency = false;
  // Opening charged some latency; the first message goes at a round time.
  ws.advanceTo('2026-11-25T09:05:00+03:00');
  const MailApp = createMailApp(ws.env, ws.outbox);
  MailApp.sendEmail('uchitel@school2.example', 'Анкета наставника', `Заполните анкету: ${FORM_LINK}.\nСпасибо!`);
  ws.advance(60_000);
  MailApp.sendEmail('a@school2.example, b@school2.example', 'Встреча', 'Текст', {
    cc: 'zavuch@school2.example',
    name: 'Методист',
    htmlBody: '<p>Текст</p>',
  });
  ws.advance(3_600_000);
  MailApp.sendEmail({ to: 'c@school2.example', subject: 'Только HTML', htmlBody: '<p>Привет &amp; пока</p>' });
  return ws;
}

describe('ws.mail()', () => {
  test('every message has `at`: its simulated send time as an ISO date-time', async () => {
    const ws = await withMail();
    const mail = ws.mail();
    expect(mail.map((m) => m.at)).toEqual([
      '2026-11-25T06:05:00.000Z',
      '2026-11-25T06:06:00.000Z',
      '2026-11-25T07:06:00.000Z',
    ]);
    for (const m of mail) expect(Date.parse(m.at)).toBe(m.atMs);
    // The earlier fields stay: recipients as string[], sender, subject, body.
    expect(mail[1]).toMatchObject({
      to: ['a@school2.example', 'b@school2.example'],
      cc: ['zavuch@school2.example'],
      subject: 'Встреча',
      body: 'Текст',
      name: 'Методист',
      from: ws.user,
    });
    // A copy: changing it does not change the outbox.
    mail[0].to.push('x@y.ru');
    expect(ws.mail()[0].to).toEqual(['uchitel@school2.example']);
  });

  test('the time shown is the script time zone’s wall clock', () => {
    expect(mailTime(Date.parse('2026-11-25T06:05:59Z'), 'Europe/Moscow')).toBe('25.11.2026 09:05');
    expect(mailTime(Date.parse('2026-12-31T21:00:00Z'), 'Europe/Moscow')).toBe('01.01.2027 00:00');
    expect(mailTime(Date.parse('2026-12-31T21:00:00Z'), 'UTC')).toBe('31.12.2026 21:00');
  });
});

describe('GET /api/mail', () => {
  let server: RunningServer;
  let list: MailView[];

  beforeAll(async () => {
    const dir = tempDir();
    const ws = await withMail(dir);
    await ws.save();
    server = await start(dir);
    const reply = await get(server, '/api/mail');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    list = reply.json();
  });

  afterAll(async () => {
    await server.close();
  });

  test('the outbox, newest first, with the shown time', () => {
    expect(list.map((m) => [m.id, m.time, m.subject])).toEqual([
      ['2', '25.11.2026 10:06', 'Только HTML'],
      ['1', '25.11.2026 09:06', 'Встреча'],
      ['0', '25.11.2026 09:05', 'Анкета наставника'],
    ]);
    expect(list[2].at).toBe('2026-11-25T06:05:00.000Z');
  });

  test('each message carries what the tab shows: recipients, sender, body as text, HTML apart', () => {
    expect(list[1]).toEqual({
      id: '1',
      at: '2026-11-25T06:06:00.000Z',
      time: '25.11.2026 09:06',
      from: 'metodist@school2.example',
      name: 'Методист',
      to: ['a@school2.example', 'b@school2.example'],
      cc: ['zavuch@school2.example'],
      bcc: [],
      subject: 'Встреча',
      body: 'Текст',
      htmlBody: '<p>Текст</p>',
    });
    expect(list[0]).toMatchObject({ body: '', htmlBody: '<p>Привет &amp; пока</p>' });
    expect(list[0]).not.toHaveProperty('name');
    expect(list[2].body).toBe(`Заполните анкету: ${FORM_LINK}.\nСпасибо!`);
  });

  test('an empty outbox is an empty list', async () => {
    const dir = tempDir();
    await (await openWorkspace({ dir, demo: false })).save();
    const other = await start(dir);
    try {
      expect((await get(other, '/api/mail')).json()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('links in a message body', () => {
  test('http(s) URLs become links; trailing punctuation stays text', () => {
    const parts = linkify('См. https://example.org/a?b=1&c=2. И ещё (http://x.ru/путь), конец');
    expect(parts).toEqual([
      { text: 'См. ' },
      { text: 'https://example.org/a?b=1&c=2', href: 'https://example.org/a?b=1&c=2', local: false },
      { text: '. И ещё (' },
      { text: 'http://x.ru/путь', href: 'http://x.ru/путь', local: false },
      { text: '), конец' },
    ]);
  });

  test('a Google Forms link opens the local form page, its prefilled answers kept', () => {
    const [, link, rest] = linkify(`Анкета: ${FORM_LINK}.\nСпасибо!`);
    expect(link).toEqual({
      text: FORM_LINK,
      href: '/forms/d/e/form-0001/viewform?usp=pp_url&entry.123=%D0%90+%26+B',
      local: true,
    });
    expect(rest).toEqual({ text: '.\nСпасибо!' });
    expect(localHref('https://docs.google.com/forms/d/e/form-0002/viewform')).toEqual({
      href: '/forms/d/e/form-0002/viewform',
      local: true,
    });
    // The edit page and other Google pages are not local.
    expect(localHref('https://docs.google.com/forms/d/form-0002/edit').local).toBe(false);
    expect(localHref('https://docs.google.com/forms/d/e/form-0002/viewform.evil.example/x').local).toBe(false);
  });

  test('nothing but http(s) is ever a link', () => {
    expect(linkify('javascript:alert(1) data:text/html,x ftp://a.ru mailto:a@b.ru')).toEqual([
      { text: 'javascript:alert(1) data:text/html,x ftp://a.ru mailto:a@b.ru' },
    ]);
  });
});

describe('an HTML body in the «Почта» tab', () => {
  test('a named link shows its name and goes to its address (a form link to the local form page)', () => {
    const html = `<div style="x">\nЗдравствуйте!<br>\n<br>\n• Пара/группа ПГ-001: <a href="${FORM_LINK.replace(/&/g, '&amp;')}">Открыть форму</a><br>\nКонец\n</div>`;
    expect(htmlParts(html)).toEqual([
      { text: 'Здравствуйте!\n\n• Пара/группа ПГ-001: ' },
      { text: 'Открыть форму', ...localHref(FORM_LINK) },
      { text: '\nКонец' },
    ]);
  });

  test('only http(s) links become links; markup is never kept, text is decoded', () => {
    const parts = htmlParts('<p>a &lt;b&gt;</p><a href="javascript:alert(1)">жми</a> <script>x</script>http://x.ru');
    expect(parts).toEqual([
      { text: 'a <b>\n' },
      { text: 'жми' },
      { text: ' x' },
      { text: 'http://x.ru', href: 'http://x.ru', local: false },
    ]);
    expect(htmlAsText('<p>Привет &amp; пока</p>')).toBe('Привет & пока');
  });
});
