/**
 * HtmlService: HtmlOutput, files from a directory (`<filesDir>/<name>.html`), and templates with
 * `<?= ?>` (HTML-escaped), `<?!= ?>` (raw) and `<? ?>` scriptlets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Env } from '../core/env';
import { gasObject, signatureError, unwrap } from '../core/gasObject';
import { makeEnum, Wrapped, wrap } from './common';
import { newBlobObject } from './utilities';

export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);

/** Meta tags HtmlOutput.addMetaTag accepts (reference: "apple-mobile-web-app-capable", "mobile-web-app-capable", "viewport"). */
export const ALLOWED_META_TAGS = ['apple-mobile-web-app-capable', 'mobile-web-app-capable', 'viewport'];
/** Defaults when the add-on sets no size (not documented by Google). */
export const DEFAULT_WIDTH = 600;
export const DEFAULT_HEIGHT = 400;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type HO = GoogleAppsScript.HTML.HtmlOutput;
type HT = GoogleAppsScript.HTML.HtmlTemplate;

export class FakeHtmlOutput
  extends Wrapped
  implements
    Pick<
      HO,
      | 'getContent'
      | 'setContent'
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'setTitle'
      | 'getTitle'
      | 'setWidth'
      | 'getWidth'
      | 'setHeight'
      | 'getHeight'
      | 'setSandboxMode'
      | 'setXFrameOptionsMode'
      | 'addMetaTag'
      | 'getMetaTags'
      | 'setFaviconUrl'
      | 'getFaviconUrl'
      | 'getBlob'
      | 'asTemplate'
    >
{
  content: string;
  title = '';
  width = DEFAULT_WIDTH;
  height = DEFAULT_HEIGHT;
  /** Explicitly set sizes (the workspace may prefer its own defaults otherwise). */
  widthSet = false;
  heightSet = false;
  sandboxMode: string = 'IFRAME';
  xFrameOptionsMode: string = 'DEFAULT';
  metaTags: Array<{ name: string; content: string }> = [];
  faviconUrl = '';

  constructor(
    private readonly env: Env,
    content = '',
  ) {
    super();
    this.content = content;
  }

  private ret(): HO {
    return this._self as unknown as HO;
  }

  getContent(): string {
    return this.content;
  }
  setContent(content: string): HO {
    this.content = String(content);
    return this.ret();
  }
  append(addedContent: string): HO {
    this.content += String(addedContent);
    return this.ret();
  }
  appendUntrusted(addedContent: string): HO {
    this.content += escapeHtml(String(addedContent));
    return this.ret();
  }
  clear(): HO {
    this.content = '';
    return this.ret();
  }
  setTitle(title: string): HO {
    this.title = String(title);
    return this.ret();
  }
  getTitle(): string {
    return this.title;
  }
  private size(n: unknown, method: string): number {
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw signatureError(this.env, `HtmlService.HtmlOutput.${method}`, [n]);
    if (n < 0) throw this.env.error(`Invalid argument: ${method === 'setWidth' ? 'width' : 'height'}`);
    return Math.floor(n);
  }
  setWidth(width: number): HO {
    this.width = this.size(width, 'setWidth');
    this.widthSet = true;
    return this.ret();
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): HO {
    this.height = this.size(height, 'setHeight');
    this.heightSet = true;
    return this.ret();
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HO {
    const name = String(mode);
    if (!(name in SandboxMode)) throw signatureError(this.env, 'HtmlService.HtmlOutput.setSandboxMode', [mode]);
    this.sandboxMode = name;
    return this.ret();
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HO {
    const name = String(mode);
    if (!(name in XFrameOptionsMode))
      throw signatureError(this.env, 'HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    this.xFrameOptionsMode = name;
    return this.ret();
  }
  addMetaTag(name: string, content: string): HO {
    if (!ALLOWED_META_TAGS.includes(String(name))) {
      throw this.env.error(
        `Invalid argument: name. Meta tag "${String(name)}" is not allowed (allowed: ${ALLOWED_META_TAGS.join(', ')})`,
      );
    }
    this.metaTags.push({ name: String(name), content: String(content) });
    return this.ret();
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.metaTags.map(
      (t) =>
        gasObject(this.env, 'HTML.HtmlOutputMetaTag', {
          getName: () => t.name,
          getContent: () => t.content,
        }) as GoogleAppsScript.HTML.HtmlOutputMetaTag,
    );
  }
  setFaviconUrl(iconUrl: string): HO {
    this.faviconUrl = String(iconUrl);
    return this.ret();
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return newBlobObject(this.env, Buffer.from(this.content, 'utf8'), 'text/html', null);
  }
  asTemplate(): HT {
    return templateObject(this.env, this.content, () => ({}));
  }
}

/** The FakeHtmlOutput behind an HtmlOutput the add-on passes back (Ui.showSidebar…), or null. */
export function asHtmlOutput(value: unknown): FakeHtmlOutput | null {
  const raw = unwrap(value);
  return raw instanceof FakeHtmlOutput ? raw : null;
}

export function htmlOutput(env: Env, content = ''): HO {
  return wrap(env, 'HTML.HtmlOutput', new FakeHtmlOutput(env, content)) as unknown as HO;
}

/** Compiles a template to the body of a function of (__data, __globals, __esc). */
export function compileTemplate(source: string): string {
  const lines: string[] = ["let __out = '';"];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    if (open < 0) {
      lines.push(`__out += ${JSON.stringify(source.slice(i))};`);
      break;
    }
    if (open > i) lines.push(`__out += ${JSON.stringify(source.slice(i, open))};`);
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new Error(`Unterminated scriptlet at offset ${open}`);
    let code = source.slice(open + 2, close);
    const strip = (s: string) => s.trim().replace(/;+\s*$/, '');
    if (code.startsWith('!=')) {
      code = strip(code.slice(2));
      lines.push(`__out += __str(${code});`);
    } else if (code.startsWith('=')) {
      code = strip(code.slice(1));
      lines.push(`__out += __esc(__str(${code}));`);
    } else {
      lines.push(code);
    }
    i = close + 2;
  }
  lines.push('return __out;');
  return `with (__globals) { with (__data) {\n${lines.join('\n')}\n} }`;
}

class FakeHtmlTemplate implements Pick<HT, 'evaluate' | 'getCode' | 'getRawContent'> {
  [propName: string]: unknown;

  constructor(env: Env, source: string, globals: () => Record<string, unknown>) {
    // Methods and the hidden state are non-enumerable, so only the add-on's assignments are data.
    Object.defineProperties(this, {
      _env: { value: env },
      _source: { value: source },
      _globals: { value: globals },
    });
  }

  evaluate(): HO {
    const env = this._env as Env;
    const data: Record<string, unknown> = {};
    for (const key of Object.keys(this)) data[key] = this[key];
    let body: string;
    try {
      body = compileTemplate(this._source as string);
    } catch (e) {
      throw env.error((e as Error).message);
    }
    const run = new Function('__data', '__globals', '__esc', '__str', body) as (
      d: object,
      g: object,
      esc: (s: string) => string,
      str: (v: unknown) => string,
    ) => string;
    const out = run(data, (this._globals as () => Record<string, unknown>)(), escapeHtml, (v) => String(v));
    return htmlOutput(env, out);
  }

  getCode(): string {
    return compileTemplate(this._source as string);
  }

  getRawContent(): string {
    return this._source as string;
  }
}

function templateObject(env: Env, source: string, globals: () => Record<string, unknown>): HT {
  return gasObject(env, 'HTML.HtmlTemplate', new FakeHtmlTemplate(env, source, globals), {
    openProperties: true,
  }) as unknown as HT;
}

type HS = GoogleAppsScript.HTML.HtmlService;

class FakeHtmlService implements Pick<
  HS,
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
> {
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  constructor(
    private readonly env: Env,
    private readonly filesDir: string,
    private readonly globals: () => Record<string, unknown>,
  ) {}

  private read(name: unknown, method: string): string {
    if (typeof name !== 'string') throw signatureError(this.env, `HtmlService.${method}`, [name]);
    const root = resolve(this.filesDir);
    const candidates = [`${name}.html`];
    if (name.endsWith('.html')) candidates.push(name);
    // Apps Script file names are flat names (maybe with "/"), never paths out of the project.
    const outside = name.split(/[\\/]/).some((seg) => seg === '..') || name.startsWith('/');
    for (const c of outside ? [] : candidates) {
      const path = resolve(join(root, c));
      if (!path.startsWith(root + sep)) continue;
      if (existsSync(path)) return readFileSync(path, 'utf8');
    }
    throw this.env.error(`No HTML file named ${name} was found.`);
  }

  private source(html: unknown, method: string): string {
    if (html === undefined) return '';
    if (typeof html === 'string') return html;
    const blob = html as { getDataAsString?: () => string; getBlob?: () => { getDataAsString(): string } };
    if (blob && typeof blob.getBlob === 'function') return blob.getBlob().getDataAsString();
    if (blob && typeof blob.getDataAsString === 'function') return blob.getDataAsString();
    throw signatureError(this.env, `HtmlService.${method}`, [html]);
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HO {
    return htmlOutput(this.env, this.source(html, 'createHtmlOutput'));
  }

  createHtmlOutputFromFile(filename: string): HO {
    return htmlOutput(this.env, this.read(filename, 'createHtmlOutputFromFile'));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HT {
    return templateObject(this.env, this.source(html, 'createTemplate'), this.globals);
  }

  createTemplateFromFile(filename: string): HT {
    return templateObject(this.env, this.read(filename, 'createTemplateFromFile'), this.globals);
  }
}

export interface HtmlServiceOptions {
  /** Directory of the project's .html files. */
  filesDir: string;
  /** The add-on's global scope, visible to scriptlets (e.g. an `include(name)` helper). */
  globals?: () => Record<string, unknown>;
}

/** The `HtmlService` global. */
export function createHtmlService(env: Env, options: HtmlServiceOptions): HS {
  const globals = options.globals ?? (() => ({}));
  return gasObject(env, 'HTML.HtmlService', new FakeHtmlService(env, options.filesDir, globals)) as unknown as HS;
}
