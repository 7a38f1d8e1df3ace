/**
 * Renders the BUILT sidebar (what ships) in node:vm with a tiny fake DOM and a fake
 * google.script.run: the progress view shows server data as text (HTML in names stays text),
 * the no-roadmap error becomes a hint, and the setup view validates before calling the server.
 * (No jsdom in the project: the fake DOM implements only what Preact touches.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { ProgressReport } from '../../src/ui/contract';

class FakeNode {
  childNodes: FakeNode[] = [];
  parentNode: FakeNode | null = null;
  attributes: { name: string; value: string }[] = [];
  listeners: Record<string, ((e: unknown) => void)[]> = {};
  style: Record<string, unknown> & { setProperty: (k: string, v: unknown) => void };
  constructor(
    public nodeType: number,
    public localName: string | null,
    public data = '',
    public ownerDocument: unknown = null,
    public namespaceURI = 'http://www.w3.org/1999/xhtml',
  ) {
    const style: Record<string, unknown> = {};
    this.style = Object.assign(style, { setProperty: (k: string, v: unknown) => void (style[k] = v) });
  }
  get firstChild() {
    return this.childNodes[0] ?? null;
  }
  get nextSibling(): FakeNode | null {
    const p = this.parentNode;
    if (!p) return null;
    return p.childNodes[p.childNodes.indexOf(this) + 1] ?? null;
  }
  insertBefore(node: FakeNode, ref: FakeNode | null) {
    if (node.parentNode) node.remove();
    node.parentNode = this;
    const i = ref ? this.childNodes.indexOf(ref) : -1;
    if (i < 0) this.childNodes.push(node);
    else this.childNodes.splice(i, 0, node);
    return node;
  }
  appendChild(node: FakeNode) {
    return this.insertBefore(node, null);
  }
  remove() {
    if (!this.parentNode) return;
    const s = this.parentNode.childNodes;
    s.splice(s.indexOf(this), 1);
    this.parentNode = null;
  }
  setAttribute(name: string, value: unknown) {
    const a = this.attributes.find((x) => x.name === name);
    if (a) a.value = String(value);
    else this.attributes.push({ name, value: String(value) });
  }
  getAttribute(name: string) {
    return this.attributes.find((x) => x.name === name)?.value ?? null;
  }
  removeAttribute(name: string) {
    this.attributes = this.attributes.filter((x) => x.name !== name);
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  removeEventListener(type: string, fn: (e: unknown) => void) {
    this.listeners[type] = (this.listeners[type] ?? []).filter((f) => f !== fn);
  }
  focused = false;
  focus() {
    this.focused = true;
  }
  dispatch(type: string, extra: Record<string, unknown> = {}) {
    const e = { type, currentTarget: this, target: this, preventDefault() {}, ...extra };
    for (const fn of this.listeners[type] ?? []) fn.call(this, e);
  }
  get textContent(): string {
    return this.nodeType === 3 ? this.data : this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(v: string) {
    this.childNodes = [];
    if (v) this.appendChild(new FakeNode(3, null, v));
  }
  all(): FakeNode[] {
    return [this, ...this.childNodes.flatMap((c) => c.all())];
  }
  find(pred: (n: FakeNode) => boolean): FakeNode | undefined {
    return this.all().find(pred);
  }
}

function makeDocument() {
  const doc: Record<string, unknown> = {};
  const body = new FakeNode(1, 'body', '', doc);
  Object.assign(doc, {
    readyState: 'complete',
    title: '',
    body,
    createElement: (tag: string) => new FakeNode(1, tag, '', doc),
    createElementNS: (ns: string, tag: string) => new FakeNode(1, tag, '', doc, ns),
    createTextNode: (text: string) => new FakeNode(3, null, String(text), doc),
    getElementById: (id: string) => body.find((n) => n.getAttribute('id') === id) ?? null,
    addEventListener() {},
  });
  return { doc, body };
}

const root = path.resolve(__dirname, '../..');
let bundle: string;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sidebar-render-'));
  const out = path.join(dir, 'Sidebar.html');
  execFileSync(process.execPath, ['scripts/buildSidebar.mjs', '--out', out], { cwd: root, stdio: 'pipe' });
  const html = readFileSync(out, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  bundle = /<script>\n([\s\S]*)<\/script>/.exec(html)![1];
}, 60_000);

type Server = Record<string, (...args: unknown[]) => unknown>;

function boot(view: string, server: Server) {
  const { doc, body } = makeDocument();
  const calls: unknown[][] = [];
  let closed = 0;
  const runner = (h: { ok?: (v: unknown) => void; fail?: (e: unknown) => void }): unknown => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (ok: (v: unknown) => void) => runner({ ...h, ok }),
      withFailureHandler: (fail: (e: unknown) => void) => runner({ ...h, fail }),
    };
    for (const name of Object.keys(server)) {
      r[name] = (...args: unknown[]) => {
        calls.push([name, ...args]);
        setTimeout(() => {
          try {
            h.ok?.(server[name](...args));
          } catch (e) {
            h.fail?.(new Error(`Exception: ${(e as Error).message}`));
          }
        }, 0);
      };
    }
    return r;
  };
  const window: Record<string, unknown> = { __SIDEBAR_VIEW__: view };
  const ctx = vm.createContext({
    window,
    document: doc,
    google: { script: { run: runner({}), host: { close: () => void closed++ } } },
    setTimeout,
    clearTimeout,
    queueMicrotask,
    console,
  });
  vm.runInContext(bundle, ctx);
  return { body, doc, calls, closed: () => closed };
}

const settle = () => new Promise((r) => setTimeout(r, 60));

const report: ProgressReport = {
  period: '2026–2027',
  school: '<img src=x onerror=alert(1)> СОШ № 2',
  asOf: '2026-04-10',
  questionnaires: null,
  overall: { stage: '', title: 'Всего', total: 40, done: 10, inWork: 3, cancelled: 0, overdue: 2, percent: 25 },
  stages: [
    { stage: '1', title: 'Подготовительный', total: 8, done: 8, inWork: 0, cancelled: 0, overdue: 0, percent: 100 },
    { stage: '2', title: 'Банк наставляемых', total: 6, done: 2, inWork: 1, cancelled: 0, overdue: 2, percent: 33 },
  ],
  overdue: [
    {
      no: '2.1.1',
      title: 'Анкетирование <b>педагогов</b>',
      end: '2026-03-31',
      responsible: 'Иванова И. И.',
      status: 'В работе',
    },
  ],
  upcoming: [{ no: '3.1', title: 'Банк наставников', end: '2026-04-20', responsible: 'Петров П. П.', status: '' }],
};

test('progress view shows the report, with HTML in names as text', async () => {
  const { body, calls, doc } = boot('progress', { getProgress: () => report });
  await settle();
  expect(calls).toEqual([['getProgress']]);
  const text = body.textContent;
  expect(doc.title).toBe('Ход реализации');
  expect(text).toContain('Ход реализации');
  expect(text).toContain('<img src=x onerror=alert(1)> СОШ № 2');
  expect(text).toContain('Анкетирование <b>педагогов</b>');
  expect(text).toContain('31.03.2026');
  expect(text).toContain('Иванова И. И.');
  expect(text).toContain('Подготовительный');
  expect(text).toContain('25%');
  expect(text).toContain('20.04.2026');
  expect(body.find((n) => n.localName === 'img')).toBeUndefined();
  expect(body.find((n) => n.localName === 'b')).toBeUndefined();
  const bar = body.find((n) => n.getAttribute('role') === 'progressbar')!;
  expect(bar.getAttribute('aria-valuenow')).toBe('25');
});

test('an error shows a Russian banner with retry; retry reloads', async () => {
  let n = 0;
  const { body, calls } = boot('progress', {
    getProgress: () => {
      if (n++ === 0) throw new Error('Превышено время ожидания');
      return report;
    },
  });
  await settle();
  expect(body.textContent).toContain('Не удалось получить данные: Превышено время ожидания');
  const retry = body.find((n) => n.localName === 'button' && n.textContent === 'Повторить')!;
  retry.dispatch('click');
  await settle();
  expect(calls).toHaveLength(2);
  expect(body.textContent).not.toContain('Не удалось получить данные');
  expect(body.textContent).toContain('СОШ № 2');
});

test('a missing roadmap is a friendly hint, not an error', async () => {
  const { body } = boot('progress', {
    getProgress: () => {
      throw new Error('Дорожная карта ещё не создана. Выберите «Наставничество → Настроить учебный год…».');
    },
  });
  await settle();
  expect(body.textContent).toContain('Наставничество → Настроить учебный год…');
  expect(body.textContent).not.toContain('Не удалось получить данные');
});

const defaults = {
  school: '',
  director: 'Сидорова А. В.',
  curator: '',
  methodologist: '',
  psychologist: '',
  siteEditor: '',
  startYear: 2026,
  timeZone: 'Europe/Moscow',
  startYears: [2025, 2026, 2027],
  alreadySetUp: false,
};

function input(body: FakeNode, id: string, value: string) {
  const el = body.find((n) => n.getAttribute('id') === id)!;
  (el as unknown as { value: string }).value = value;
  el.dispatch('input');
}

test('setup view validates, trims, sends and shows the result', async () => {
  const sent: unknown[] = [];
  const { body, calls, closed, doc } = boot('setup', {
    getSetupDefaults: () => defaults,
    setupSchoolYear: (o: unknown) => {
      sent.push(o);
      return {
        period: '2026–2027',
        added: 40,
        kept: 0,
        restoredColumns: [],
        archivedSheet: null,
        message: 'Дорожная карта на 2026–2027 создана: 40 мероприятий.',
      };
    },
  });
  await settle();
  expect(doc.title).toBe('Настройка учебного года');
  const text = body.textContent;
  expect(text).toContain('Создать дорожную карту');
  expect(text).toContain('2026–2027');
  expect(text).toContain('Петропавловск-Камчатский (МСК+9)');
  const form = body.find((n) => n.localName === 'form')!;
  form.dispatch('submit');
  await settle();
  expect(body.textContent).toContain('Укажите название образовательной организации');
  expect(calls.map((c) => c[0])).toEqual(['getSetupDefaults']);
  expect(body.find((n) => n.getAttribute('id') === 'f-school')!.focused).toBe(true);

  input(body, 'f-school', '  МОУ «СОШ № 2»  ');
  await settle();
  form.dispatch('submit');
  await settle();
  expect(sent).toEqual([
    {
      school: 'МОУ «СОШ № 2»',
      director: 'Сидорова А. В.',
      curator: '',
      methodologist: '',
      psychologist: '',
      siteEditor: '',
      startYear: 2026,
      timeZone: 'Europe/Moscow',
    },
  ]);
  expect(body.textContent).toContain('Дорожная карта на 2026–2027 создана: 40 мероприятий.');
  body.find((n) => n.localName === 'button' && n.textContent === 'Закрыть')!.dispatch('click');
  expect(closed()).toBe(1);
});

test('setup errors keep the form; re-run says «обновить»', async () => {
  const { body } = boot('setup', {
    getSetupDefaults: () => ({ ...defaults, school: 'СОШ № 2', alreadySetUp: true }),
    setupSchoolYear: () => {
      throw new Error('Таблица занята другим пользователем, попробуйте через минуту');
    },
  });
  await settle();
  expect(body.textContent).toContain('Обновить дорожную карту');
  expect(body.textContent).toContain('а не удалена');
  input(body, 'f-curator', 'Кузнецова Е. Н.');
  await settle();
  body.find((n) => n.localName === 'form')!.dispatch('submit');
  await settle();
  expect(body.textContent).toContain('Таблица занята другим пользователем, попробуйте через минуту');
  const curator = body.find((n) => n.getAttribute('id') === 'f-curator') as unknown as { value: string };
  expect(curator.value).toBe('Кузнецова Е. Н.');
});
