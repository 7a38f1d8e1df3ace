/**
 * A prefilled link made by the FormApp fake opens in the local workspace with its answers filled in,
 * and submitting that page lands in the response sheet.
 */
import { createFormApp } from '../../emulator/forms/formApp';
import type { RunningServer } from '../../workspace/server/server';
import { localHref } from '../../workspace/web/links';
import { openWorkspace } from '../../workspace/workspace';
import { get, request, sheetView, start, tempDir } from './serverFixture';

const SHEET = 'Ответы на форму (1)';
let server: RunningServer;
let formId: string;
let prefilled: string;
let ids: Record<'pair' | 'role' | 'topics' | 'tags' | 'mood' | 'fio', number>;

beforeAll(async () => {
  const dir = tempDir();
  const ws = await openWorkspace({ dir, demo: false });
  const FormApp = createFormApp(ws.env, ws.formsModel, ws.model);
  const form = FormApp.create('Запрос на наставничество', true).setCollectEmail(true);
  const pair = form.addListItem().setTitle('Пара').setChoiceValues(['П-0003 — Иванова А. П.', 'П-0004 — Петров & сын']);
  const role = form
    .addMultipleChoiceItem()
    .setTitle('Роль')
    .setChoiceValues(['Наставник', 'Наставляемый'])
    .setRequired(true);
  const topics = form.addTextItem().setTitle('Темы');
  const tags = form.addCheckboxItem().setTitle('Трудности').setChoiceValues(['дисциплина', 'оценивание', 'a&b']);
  const mood = form.addScaleItem().setTitle('Готовность').setBounds(1, 5);
  const fio = form.addTextItem().setTitle('ФИО').setRequired(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ws.model.id);
  ids = {
    pair: pair.getId(),
    role: role.getId(),
    topics: topics.getId(),
    tags: tags.getId(),
    mood: mood.getId(),
    fio: fio.getId(),
  };
  prefilled = form
    .createResponse()
    .withItemResponse(pair.createResponse('П-0004 — Петров & сын'))
    .withItemResponse(role.createResponse('Наставник'))
    .withItemResponse(topics.createResponse('Методика урока; Работа с родителями'))
    .withItemResponse(tags.createResponse(['дисциплина', 'a&b']))
    .withItemResponse(mood.createResponse(4))
    .toPrefilledUrl();
  formId = form.getId();
  await ws.save();
  server = await start(dir);
});

afterAll(async () => {
  await server.close();
});

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a browser would post for the page as it stands: filled inputs, checked boxes, selected options. */
function formFields(html: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of html.matchAll(/<input ([^>]*)>/g)) {
    const attrs = m[1];
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const type = /type="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    if ((type === 'radio' || type === 'checkbox') && !/ checked/.test(attrs)) continue;
    out.push([unescape(name), unescape(value)]);
  }
  for (const m of html.matchAll(/<select [^>]*name="([^"]*)"[^>]*>(.*?)<\/select>/gs)) {
    const selected = /<option value="([^"]*)" selected>/.exec(m[2]);
    out.push([unescape(m[1]), selected ? unescape(selected[1]) : '']);
  }
  for (const m of html.matchAll(/<textarea [^>]*name="([^"]*)"[^>]*>(.*?)<\/textarea>/gs)) {
    out.push([unescape(m[1]), unescape(m[2])]);
  }
  return out;
}

function postForm(p: string, body: string) {
  return request(server, 'POST', p, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://127.0.0.1:${server.port}` },
    body,
  });
}

describe('prefilled links in the local workspace', () => {
  test('the fake returns a Google-shaped link that maps onto a local page', () => {
    expect(prefilled).toMatch(
      new RegExp(`^https://docs\\.google\\.com/forms/d/e/${formId}/viewform\\?usp=pp_url(&entry\\.\\d+=[^&]*)+$`),
    );
    const { href, local } = localHref(prefilled);
    expect(local).toBe(true);
    expect(href).toBe(prefilled.replace('https://docs.google.com', ''));
  });

  test('GET of the prefilled link shows the answers selected and filled in', async () => {
    const reply = await get(server, localHref(prefilled).href);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    const html = reply.text;
    expect(html).toContain('<option value="П-0004 — Петров &amp; сын" selected>');
    expect(html).toMatch(new RegExp(`type="radio" name="q${ids.role}" value="Наставник" checked`));
    expect(html).toMatch(new RegExp(`type="radio" name="q${ids.role}" value="Наставляемый" required>`));
    expect(html).toContain(`name="q${ids.topics}" value="Методика урока; Работа с родителями"`);
    expect(html).toMatch(new RegExp(`type="checkbox" name="q${ids.tags}" value="дисциплина" checked`));
    expect(html).toMatch(new RegExp(`type="checkbox" name="q${ids.tags}" value="a&amp;b" checked`));
    expect(html).toMatch(new RegExp(`type="checkbox" name="q${ids.tags}" value="оценивание">`));
    expect(html).toMatch(new RegExp(`type="radio" name="q${ids.mood}" value="4" checked`));
    // Not prefilled: empty, still to be answered; the page posts to the form's own address.
    expect(html).toContain(`name="q${ids.fio}" value="" required`);
    expect(html).toContain(`<form method="post" action="/forms/${formId}">`);
  });

  test('the /forms/<id> page honours the same query; without one nothing is filled', async () => {
    const query = prefilled.slice(prefilled.indexOf('?'));
    const withQuery = (await get(server, `/forms/${formId}${query}`)).text;
    expect(withQuery).toContain('<option value="П-0004 — Петров &amp; сын" selected>');
    const plain = (await get(server, `/forms/${formId}`)).text;
    expect(plain).not.toContain(' selected>');
    expect(plain).not.toContain(' checked');
  });

  test('the respondent completes the prefilled page and submits: the row lands in the response sheet', async () => {
    const html = (await get(server, localHref(prefilled).href)).text;
    const fields = formFields(html).map(([k, v]): [string, string] => {
      if (k === 'emailAddress') return [k, 'uchitel@school2.example'];
      if (k === `q${ids.fio}`) return [k, 'Сидорова Е. В.'];
      // Still editable: the respondent changes a prefilled answer.
      if (k === `q${ids.mood}`) return [k, '5'];
      return [k, v];
    });
    const answered = (rows: Array<Array<{ v: string }>>) =>
      rows.filter((r) => (r[0]?.v ?? '') !== '' && r[0].v !== 'Отметка времени');
    const before = answered((await sheetView(server, SHEET)).rows).length;
    const reply = await postForm(`/forms/${formId}`, new URLSearchParams(fields).toString());
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Ответ записан.');
    const view = await sheetView(server, SHEET);
    const rows = answered(view.rows);
    expect(rows.length).toBe(before + 1);
    expect(view.rows[0].map((c) => c.v)).toEqual([
      'Отметка времени',
      'Адрес электронной почты',
      'Пара',
      'Роль',
      'Темы',
      'Трудности',
      'Готовность',
      'ФИО',
    ]);
    expect(rows[before].map((c) => c.v).slice(1)).toEqual([
      'uchitel@school2.example',
      'П-0004 — Петров & сын',
      'Наставник',
      'Методика урока; Работа с родителями',
      'дисциплина, a&b',
      '5',
      'Сидорова Е. В.',
    ]);
  });

  test('posting to the viewform address is refused; unknown forms are 404', async () => {
    expect((await postForm(`/forms/d/e/${formId}/viewform`, 'a=b')).status).toBe(405);
    expect((await get(server, '/forms/d/e/nope/viewform?usp=pp_url')).status).toBe(404);
    expect((await get(server, `/forms/d/${formId}/viewform`)).status).toBe(404);
  });
});
