import { createFormApp } from '../../emulator/forms/formApp';
import type { RunningServer } from '../../workspace/server/server';
import { openWorkspace } from '../../workspace/workspace';
import { get, request, sheetView, start, tempDir } from './serverFixture';

let server: RunningServer;
let formId: string;
const SHEET = 'Ответы на форму (1)';

/** A workspace folder holding one form (built through the FormApp fake), then the server over it. */
beforeAll(async () => {
  const dir = tempDir();
  const ws = await openWorkspace({ dir, demo: false });
  const FormApp = createFormApp(ws.env, ws.formsModel, ws.model);
  const form = FormApp.create('Анкета <script>alert(1)</script>', true)
    .setDescription('Строка 1\nСтрока "2" & <b>3</b>')
    .setCollectEmail(true)
    .setConfirmationMessage('Спасибо! Ответ <записан>.');
  form.addSectionHeaderItem().setTitle('Раздел <i>1</i>');
  form.addTextItem().setTitle('ФИО').setRequired(true).setHelpText('Полностью');
  form.addCheckboxItem().setTitle('Темы').setChoiceValues(['дисциплина', 'a"b<c>']).showOtherOption(true);
  form.addMultipleChoiceItem().setTitle('Формат').setChoiceValues(['очно', 'дистанционно']).setRequired(true);
  form.addListItem().setTitle('Категория').setChoiceValues(['первая', 'высшая']);
  form.addScaleItem().setTitle('Готовность').setBounds(1, 5).setLabels('мало', 'много');
  form.addParagraphTextItem().setTitle('Комментарий');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ws.model.id);
  formId = form.getId();
  await ws.save();
  server = await start(dir);
});

afterAll(async () => {
  await server.close();
});

function postForm(p: string, body: string, headers: Record<string, string> = {}) {
  return request(server, 'POST', p, {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: `http://127.0.0.1:${server.port}`,
      ...headers,
    },
    body,
  });
}

describe('form pages', () => {
  test('/api/forms lists the forms with their local pages', async () => {
    expect((await get(server, '/api/forms')).json()).toEqual([
      { id: formId, title: 'Анкета <script>alert(1)</script>', url: `/forms/${formId}` },
    ]);
  });

  test('GET /forms/:id renders an escaped, script-free page with every kind of input', async () => {
    const reply = await get(server, `/forms/${formId}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    const html = reply.text;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Анкета &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Строка 1<br>Строка &quot;2&quot; &amp; &lt;b&gt;3&lt;/b&gt;');
    expect(html).toContain('Раздел &lt;i&gt;1&lt;/i&gt;');
    expect(html).toContain(`<form method="post" action="/forms/${formId}">`);
    expect(html).toContain('type="email"');
    expect(html).toMatch(/<input type="text" id="q\d+" name="q\d+" value="" required>/);
    expect(html).toMatch(/type="checkbox"[^>]*value="a&quot;b&lt;c&gt;"/);
    expect(html).toContain('value="__other_option__"');
    expect(html).toContain('Другое:');
    expect(html).toMatch(/type="radio"[^>]*value="очно"[^>]*required/);
    expect(html).toContain('<select');
    expect(html).toContain('<textarea');
    expect(html.match(/type="radio" name="q\d+" value="[1-5]"/g)).toHaveLength(5);
    expect(html).toContain('<span class="req"');
    expect(html).toContain('Полностью');
  });

  test('POST submits: the confirmation page, and the row in the response sheet', async () => {
    const page = (await get(server, `/forms/${formId}`)).text;
    const names = [...page.matchAll(/name="(q\d+)"/g)].map((m) => m[1]);
    const [fio, topics, format, category, scale, comment] = [...new Set(names)];
    const body = new URLSearchParams([
      ['emailAddress', 'anna@school2.example'],
      [fio, '=1+1'],
      [topics, 'дисциплина'],
      [topics, '__other_option__'],
      [`${topics}.other`, 'своё'],
      [format, 'очно'],
      [category, 'высшая'],
      [scale, '5'],
      [comment, 'Многострочный\nкомментарий'],
    ]).toString();
    const reply = await postForm(`/forms/${formId}`, body);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Спасибо! Ответ &lt;записан&gt;.');
    const view = await sheetView(server, SHEET);
    expect(view.rows[0].map((c) => c.v)).toEqual([
      'Отметка времени',
      'Адрес электронной почты',
      'ФИО',
      'Темы',
      'Формат',
      'Категория',
      'Готовность',
      'Комментарий',
    ]);
    expect(view.rows[1].map((c) => c.v).slice(1)).toEqual([
      'anna@school2.example',
      '=1+1',
      'дисциплина, своё',
      'очно',
      'высшая',
      '5',
      'Многострочный\nкомментарий',
    ]);
    expect(view.rows[1][0].v).toMatch(/^\d\d\.\d\d\.\d{4} \d{1,2}:\d\d:\d\d$/);
  });

  test('a refused POST re-renders the form with the Russian errors and the answers kept', async () => {
    const page = (await get(server, `/forms/${formId}`)).text;
    const [fio] = [...page.matchAll(/name="(q\d+)"/g)].map((m) => m[1]);
    const before = (await sheetView(server, SHEET)).rows.length;
    const body = new URLSearchParams([
      ['emailAddress', 'not-an-email'],
      [fio, 'Пётр <Иванов>'],
    ]).toString();
    const reply = await postForm(`/forms/${formId}`, body);
    expect(reply.status).toBe(422);
    expect(reply.text).toContain('«Формат» — это обязательный вопрос.');
    expect(reply.text).toContain('Адрес электронной почты «not-an-email» указан неверно.');
    expect(reply.text).toContain('value="Пётр &lt;Иванов&gt;"');
    expect(reply.text).toContain('value="not-an-email"');
    expect((await sheetView(server, SHEET)).rows.length).toBe(before);
  });

  test('foreign origins, other content types and unknown forms are refused', async () => {
    expect((await postForm(`/forms/${formId}`, 'a=b', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await postForm(`/forms/${formId}`, '{}', { 'Content-Type': 'application/json' })).status).toBe(415);
    expect((await postForm('/forms/nope', 'a=b')).status).toBe(404);
    expect((await get(server, '/forms/nope')).status).toBe(404);
    expect((await get(server, '/forms/%E0%A4%A')).status).toBe(404);
    expect((await postForm(`/forms/${formId}`, 'x='.padEnd(1024 * 1024 + 10, 'a'))).status).toBe(413);
  });
});
