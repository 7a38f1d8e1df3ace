import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { demoDateTime } from '../../workspace/demo/demoClock';
import type { RunningServer } from '../../workspace/server/server';
import type { ActionResult, RunResult, WorkspaceState } from '../../workspace/server/protocol';
import { a1, column, get, post, request, ROADMAP, sheetView, start } from './serverFixture';

const OVERDUE = '#f4cccc';
const DONE = '#eeeeee';

let server: RunningServer;
/** Real time before the server opened its workspace: its clock cannot have run longer than since then. */
let startedAt: number;

beforeAll(async () => {
  startedAt = Date.now();
  server = await start();
});

afterAll(async () => {
  await server.close();
});

describe('the page and file routes', () => {
  test('the page is served with its CSP and nosniff', async () => {
    const reply = await get(server, '/');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('fake page');
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['content-security-policy']).not.toContain("script-src 'self' 'unsafe-inline'");
    expect((await get(server, '/web/app.js')).text).toContain('fake app');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  test.each(['/web/other.js', '/web/../package.json', '/web/%2e%2e/package.json', '/package.json', '/index.html'])(
    'GET %s is 404, never a file of the repository',
    async (p) => {
      const reply = await get(server, p);
      expect(reply.status).toBe(404);
      expect(reply.text).not.toContain('"devDependencies"');
    },
  );

  test('file routes take no paths: a traversal attempt is just an unknown file', async () => {
    const reply = await get(server, '/files/..%2F..%2Fpackage.json');
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('Файл не найден');
    expect((await get(server, '/forms/abc')).text).toContain('Форма не найдена');
    // The demo's questionnaires are listed by id; a path in place of an id is just not found.
    expect((await get(server, '/api/forms')).json()).toHaveLength(9);
    expect((await get(server, '/forms/..%2F..%2Fpackage.json')).status).toBe(404);
    // The demo's Drive: the period folder tree with the orders; every id is a plain Drive id.
    const files = (await get(server, '/api/files')).json() as Array<{ id: string; name: string }>;
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['Наставничество 2026–2027', 'Приказы']));
    expect(files.every((f) => /^[A-Za-z0-9_-]+$/.test(f.id))).toBe(true);
  });
});

describe('security', () => {
  test('a foreign Host header (DNS rebinding) is refused', async () => {
    const evil = await request(server, 'GET', '/api/state', { headers: { Host: `evil.example:${server.port}` } });
    expect(evil.status).toBe(403);
    expect(evil.text).toMatch(/Доступ запрещён/);
    const otherPort = await request(server, 'GET', '/', { headers: { Host: `127.0.0.1:${server.port + 1}` } });
    expect(otherPort.status).toBe(403);
    const localhost = await request(server, 'GET', '/', { headers: { Host: `localhost:${server.port}` } });
    expect(localhost.status).toBe(200);
  });

  test('a POST from another origin is refused; the local origin is accepted', async () => {
    const body = JSON.stringify({ fn: 'getProgress', args: [] });
    const headers = { 'Content-Type': 'application/json', Origin: 'http://evil.example' };
    expect((await request(server, 'POST', '/api/run', { headers, body })).status).toBe(403);
    const local = { ...headers, Origin: `http://localhost:${server.port}` };
    expect((await request(server, 'POST', '/api/run', { headers: local, body })).status).toBe(200);
  });

  test('JSON POSTs must say so (a plain form cannot)', async () => {
    const reply = await request(server, 'POST', '/api/user', {
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ email: 'uchitel@school2.example' }),
    });
    expect(reply.status).toBe(415);
    expect((await post(server, '/api/user', 'not an object')).status).toBe(400);
    expect(
      (await request(server, 'POST', '/api/user', { headers: { 'Content-Type': 'application/json' }, body: '{' }))
        .status,
    ).toBe(400);
  });

  test('a body over 1 MB is refused with 413', async () => {
    const big = JSON.stringify({ fn: 'getProgress', args: ['x'.repeat(1024 * 1024 + 10)] });
    const reply = await request(server, 'POST', '/api/run', {
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect(reply.status).toBe(413);
  });

  test('a declared Content-Length over 1 MB is refused with 413 before the body arrives', async () => {
    const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/run',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'Content-Type': 'application/json',
          'Content-Length': String(512 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      // The socket is closed by the server once it has answered.
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
      req.flushHeaders();
      req.write('{"fn":"getProgress","args":["');
    });
    expect(reply).toEqual({ status: 413, text: 'Слишком большой запрос (больше 1 МБ). / Request body too large.' });
  });
});

describe('the workspace', () => {
  test('/api/state: the menu from onOpen, the users, the sheets', async () => {
    const state: WorkspaceState = (await get(server, '/api/state')).json();
    expect(state.menus[0].items).toContainEqual({ kind: 'item', caption: 'Ход реализации', fn: 'menuShowProgress' });
    expect(state.users.map((u) => u.label)).toEqual(['Методист (владелец)', 'Сотрудник (завуч)', 'Учитель']);
    expect(state.user).toBe('metodist@school2.example');
    expect(state.sheets.map((s) => s.name)).toContain(ROADMAP);
    expect(state.loadProblems).toEqual([]);
    // A new demo school lives on 14 May of the school year, its clock running with real time from there.
    const demoStart = Date.parse(demoDateTime(Date.now()));
    expect(Date.parse(state.now) - demoStart).toBeGreaterThanOrEqual(0);
    expect(Date.parse(state.now) - demoStart).toBeLessThanOrEqual(Date.now() - startedAt);
  });

  test('/api/open: the page opening the file runs onOpen, which brings a stale «Сводка» up to date', async () => {
    const unpublished = async () => {
      const rows = (await sheetView(server, 'Сводка')).rows;
      const row = rows.find((r) => r[1]?.v === 'Проведённые мероприятия без публикации')!;
      return Number(row[2].v);
    };
    const before = await unpublished();
    expect(before).toBeGreaterThan(0);
    // «Сводка» names each held event without a publication: «М-004 | 18.11.2026 · Консультация… | нет публикации».
    const flagged = (await sheetView(server, 'Сводка')).rows.find((r) => r[2]?.v === 'нет публикации')!;
    const [id, date] = [flagged[0].v, String(flagged[1].v).slice(0, 10)];
    const next = (await sheetView(server, 'Публикации')).rows.length + 1;
    const edit = {
      sheet: 'Публикации',
      a1: `A${next}`,
      values: [[date, id, 'социальные сети', 'Новость', 'https://school2.example/1']],
    };
    expect((await post(server, '/api/edit', edit)).json()).toMatchObject({ ok: true });
    // An edit of «Публикации» only marks «Сводка» stale.
    expect(await unpublished()).toBe(before);
    const opened: ActionResult = (await post(server, '/api/open', {})).json();
    expect(opened.ok).toBe(true);
    expect(await unpublished()).toBe(before - 1);
  });

  test('/api/sheet: display values, highlights as seen, dropdowns, frozen header', async () => {
    const view = await sheetView(server);
    const end = column(view, 'Срок окончания');
    const status = column(view, 'Статус');
    expect(end).toBeGreaterThan(0);
    expect(view.rows[2][end].v).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    expect(view.rows.some((r) => r[end]?.v.startsWith('28.02.'))).toBe(true);
    expect(view.rows.some((r) => r.some((c) => c.bg === OVERDUE))).toBe(true);
    expect(view.rows[2][status].options).toEqual(expect.arrayContaining(['Выполнено', 'В работе']));
    expect(view.frozenRows).toBe(1);
    expect(view.widths).toHaveLength(view.colCount);
    // The data extent plus 20 empty rows to type into.
    const withValues = view.rows.map((r, i) => (r.some((c) => c.v !== '') ? i : -1));
    const lastValueRow = Math.max(...withValues);
    expect(view.rowCount).toBe(lastValueRow + 1 + 20);
    expect(view.rows).toHaveLength(view.rowCount);
    expect((await get(server, `/api/sheet?name=${encodeURIComponent('Нет такого')}`)).status).toBe(404);
  });

  test('an edit of a status goes through the emulator: the overdue row turns grey', async () => {
    let view = await sheetView(server);
    const status = column(view, 'Статус');
    const row = view.rows.findIndex((r) => r[status]?.bg === OVERDUE);
    expect(row).toBeGreaterThan(0);
    // «Выполнено» counts as done only with evidence (without it the row is highlighted yellow).
    const evidence = column(view, 'Подтверждение (ссылка)');
    const link = { sheet: ROADMAP, a1: a1(row, evidence), values: [['https://school2.example/protokol-1']] };
    expect((await post(server, '/api/edit', link)).json()).toMatchObject({ ok: true });
    const result: ActionResult = (
      await post(server, '/api/edit', { sheet: ROADMAP, a1: a1(row, status), values: [['Выполнено']] })
    ).json();
    expect(result).toMatchObject({ ok: true, dialogs: [], messages: [] });
    view = await sheetView(server);
    expect(view.rows[row][status].v).toBe('Выполнено');
    expect(view.rows[row][status].bg).toBe(DONE);
    // onEdit filled the completion date.
    expect(view.rows[row][column(view, 'Дата выполнения')].v).toMatch(/^\d\d\.\d\d\.\d{4}$/);
  });

  test('an invalid status is refused with the Russian message and changes nothing', async () => {
    const before = await sheetView(server);
    const status = column(before, 'Статус');
    const reply = await post(server, '/api/edit', { sheet: ROADMAP, a1: a1(2, status), values: [['Готово']] });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: false, error: expect.stringContaining('Недопустимое значение') });
    expect((await sheetView(server)).rows[2]).toEqual(before.rows[2]);
    expect((await post(server, '/api/edit', { sheet: ROADMAP, a1: '../x', values: [['1']] })).status).toBe(400);
    expect((await post(server, '/api/edit', { sheet: ROADMAP, a1: 'A2', values: 'x' })).status).toBe(400);
    const noSheet = (await post(server, '/api/edit', { sheet: 'Нет', a1: 'A2', values: [['1']] })).json();
    expect(noSheet).toMatchObject({ ok: false, error: 'Лист «Нет» не найден.' });
  });

  test('the menu opens the sidebar; /ui/:id serves it with the shim first; close() closes it', async () => {
    const result: ActionResult = (await post(server, '/api/menu', { fn: 'menuShowProgress' })).json();
    expect(result.ok).toBe(true);
    expect(result.dialogs).toHaveLength(1);
    const sidebar = result.dialogs[0];
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Наставничество' });
    expect(((await get(server, '/api/state')).json() as WorkspaceState).sidebar).toEqual(sidebar);

    const page = await get(server, `/ui/${sidebar.id}`);
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'self'");
    const html = page.text;
    const headAt = html.indexOf('<head>') + '<head>'.length;
    expect(html.slice(headAt)).toMatch(
      new RegExp(
        `^<script>window.__DIALOG_ID__="${sidebar.id}";window.__WORKSPACE_CLOCK_OFFSET_MS__=-?\\d+;</script><script src="/web/shim.js"></script>`,
      ),
    );
    const firstOther = Math.min(
      ...['<style', '<meta', '<script>window.__SIDEBAR'].map((t) => html.indexOf(t)).filter((i) => i >= 0),
    );
    expect(html.indexOf('/web/shim.js')).toBeLessThan(firstOther);
    // The real sidebar bundle, opened on the progress view.
    const bundle = readFileSync(path.join(__dirname, '..', '..', 'dist', 'Sidebar.html'), 'utf8');
    expect(html).toContain(bundle.slice(bundle.indexOf('<style>'), bundle.indexOf('<style>') + 200));
    expect(html).toContain('window.__SIDEBAR_VIEW__="progress"');

    expect((await get(server, '/ui/999')).status).toBe(404);
    expect((await get(server, '/ui/abc')).status).toBe(404);
    expect((await post(server, '/api/close', { id: sidebar.id })).json()).toMatchObject({ ok: true });
    expect(((await get(server, '/api/state')).json() as WorkspaceState).sidebar).toBeNull();
  });

  test('a menu function that is not in the menu is refused', async () => {
    const result = (await post(server, '/api/menu', { fn: 'getProgress' })).json();
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('getProgress') });
  });

  test('menu actions report their toasts', async () => {
    const result: ActionResult = (await post(server, '/api/menu', { fn: 'menuRefreshSummary' })).json();
    expect(result.ok).toBe(true);
    expect(result.toasts).toEqual([expect.objectContaining({ message: 'Сводка обновлена.' })]);
  });
});

describe('google.script.run', () => {
  const run = async (fn: string, args: unknown[] = []): Promise<RunResult> =>
    (await post(server, '/api/run', { fn, args })).json();

  test('getProgress returns the JSON report', async () => {
    const result = await run('getProgress');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const progress = result.result as { state: string; report: { overall: { total: number; done: number } } };
    expect(progress.state).toBe('ready');
    expect(progress.report.overall.total).toBeGreaterThan(10);
    expect(result.dialogs).toEqual([]);
  });

  test('concurrent calls are processed one at a time, each answered', async () => {
    const view = await sheetView(server);
    const comment = a1(3, column(view, 'Комментарий'));
    const calls = [
      post(server, '/api/run', { fn: 'getProgress', args: [] }),
      post(server, '/api/edit', { sheet: ROADMAP, a1: comment, values: [['одновременно']] }),
      post(server, '/api/run', { fn: 'getSetupDefaults', args: [] }),
      post(server, '/api/run', { fn: 'getProgress', args: [] }),
    ];
    const replies = await Promise.all(calls);
    expect(replies.map((r) => r.json().ok)).toEqual([true, true, true, true]);
    expect((await sheetView(server)).rows[3][column(view, 'Комментарий')].v).toBe('одновременно');
  });

  test('private, unknown and builtin functions are not found', async () => {
    expect(await run('getProgress_')).toEqual({
      ok: false,
      error: { name: 'Error', message: 'Script function not found: getProgress_' },
    });
    expect(await run('noSuchFunction')).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: noSuchFunction' },
    });
    for (const fn of ['eval', 'constructor', 'toString', 'Function', 'a.b']) {
      expect(await run(fn)).toMatchObject({ ok: false, error: { message: `Script function not found: ${fn}` } });
    }
  });

  test('trigger entry points are refused with 403 and a clear message, not run without their event', async () => {
    for (const fn of ['onEdit', 'onOpen', 'onFormSubmitTrigger', 'onClockTrigger']) {
      const reply = await post(server, '/api/run', { fn, args: [] });
      expect({ fn, status: reply.status }).toEqual({ fn, status: 403 });
      expect(reply.text).toBe(
        `Функцию ${fn} нельзя вызвать из боковой панели: это обработчик триггера, его запускает Google ` +
          `(при открытии или правке таблицы, ответе на форму, по расписанию). / ${fn} is a trigger entry point, ` +
          `not callable through google.script.run.`,
      );
    }
    // The menu's functions and the sidebar's API still run.
    expect((await run('menuShowProgress')).ok).toBe(true);
    expect((await run('getSetupDefaults')).ok).toBe(true);
  });

  test("the script's own error reaches the failure handler with its Russian message", async () => {
    const result = await run('setupSchoolYear', [{ startYear: 1999 }]);
    expect(result).toEqual({
      ok: false,
      error: {
        name: 'UserError',
        message: 'Учебный год указан неверно: «1999». Укажите год начала, например 2026 (для 2026–2027).',
      },
    });
  });
});

describe('users', () => {
  test('switching the user sets Session.getActiveUser(); an unknown e-mail is refused', async () => {
    const ok: ActionResult = (await post(server, '/api/user', { email: 'uchitel@school2.example' })).json();
    expect(ok.ok).toBe(true);
    expect(((await get(server, '/api/state')).json() as WorkspaceState).user).toBe('uchitel@school2.example');
    const bad = (await post(server, '/api/user', { email: 'hacker@evil.example' })).json();
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('Неизвестный пользователь') });
    await post(server, '/api/user', { email: 'metodist@school2.example' });
  });
});
