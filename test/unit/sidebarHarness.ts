/**
 * The harness of the sidebar render tests: the BUILT sidebar (what ships) run in node:vm with a tiny
 * fake DOM (only what Preact touches; the project has no jsdom) and a fake google.script.run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

export class FakeNode {
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
let bundle: string | undefined;

/** The sidebar's script as `npm run build` makes it, built once per test file. */
function builtBundle(): string {
  if (bundle === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sidebar-render-'));
    const out = path.join(dir, 'Sidebar.html');
    execFileSync(process.execPath, ['scripts/buildSidebar.mjs', '--out', out], { cwd: root, stdio: 'pipe' });
    const html = readFileSync(out, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    bundle = /<script>\n([\s\S]*)<\/script>/.exec(html)![1];
  }
  return bundle;
}

export type Server = Record<string, (...args: unknown[]) => unknown>;

/** The booted sidebar settle() watches: its body and its server replies still to come. */
const current = { body: null as FakeNode | null, pending: 0 };

/** `globals`: what the page defines before the bundle (the workspace's clock offset, sidebar/clock.ts). */
export function boot(view: string, server: Server, globals: Record<string, unknown> = {}) {
  const { doc, body } = makeDocument();
  current.body = body;
  current.pending = 0;
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
        current.pending++;
        setTimeout(() => {
          current.pending--;
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
    // Without it Preact runs effects on a 100 ms fallback timer, slower than settle() under load.
    requestAnimationFrame: (cb: (t: number) => void) => setTimeout(() => cb(Date.now()), 0),
    cancelAnimationFrame: clearTimeout,
    queueMicrotask,
    console,
    ...globals,
  });
  vm.runInContext(builtBundle(), ctx);
  return { body, doc, calls, closed: () => closed };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the sidebar is quiet: no server reply pending and the DOM unchanged over a few turns
 * of the event loop (renders and effects done). Not a fixed delay, so a loaded machine cannot make a
 * test read the page half-rendered.
 */
export async function settle(): Promise<void> {
  const signature = () => {
    const body = current.body;
    return body ? `${body.all().length}:${body.textContent}` : '';
  };
  let last = '';
  let stable = 0;
  for (let waited = 0; waited < 5000 && stable < 3; waited += 5) {
    await tick(5);
    const now = signature();
    stable = current.pending === 0 && now === last ? stable + 1 : 0;
    last = now;
  }
}
