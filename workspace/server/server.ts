/**
 * The local workspace server (`npm start`): the page, its JSON API (workspace/server/protocol.ts) and
 * the add-on's dialogs, over node:http on 127.0.0.1 only.
 */
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { demoDateTime } from '../demo/demoClock';
import {
  checkOrigin,
  HttpError,
  readBody,
  readForm,
  readJson,
  setSecurityHeaders,
  type ResponseKind,
} from './security';
import { defaultDistDir } from '../workspace';
import {
  driveSourceOf,
  listFiles,
  parseDriveRoute,
  planDownload,
  previewOf,
  produceDownload,
  type DriveSource,
} from './drive';
import { mailViews } from './mail';
import { DEFAULT_SAVE_TIMING, type SaveTiming } from './saveScheduler';
import { Session } from './session';

export interface ServerOptions {
  /** Default: PORT from the environment, else 8080; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The workspace folder. */
  dir: string;
  /** Seed the demo school when the folder is empty. */
  demo?: boolean;
  /**
   * The date-time a new demo school's clock starts at (then it runs with real time); default: 14 May
   * of the current school year, when the year's work has its figures. 'today' keeps real time.
   */
  demoNow?: string;
  /** The build output; the page is served from <distDir>/web/. Default: <repo>/dist. */
  distDir?: string;
  /** Where the «Диск» tab's files come from; default: the workspace's Drive (driveSourceOf). */
  driveSource?: DriveSource;
  /** When changes are saved (saveScheduler.ts); default DEFAULT_SAVE_TIMING. */
  saveTiming?: Partial<SaveTiming>;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Waits for requests in progress, saves, stops listening. */
  close(): Promise<void>;
  /** Saves now every change answered so far (requests answer before their changes are on disk). */
  flushSaves(): Promise<void>;
  /** Resolves once every change answered so far is on disk by the scheduled saves (nothing forced). */
  whenSaved(): Promise<void>;
}

/** The page's files: fixed names only, never a path taken from the request. */
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/web/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/web/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/web/shim.js': { file: 'shim.js', type: 'text/javascript; charset=utf-8' },
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOWNLOAD_NAME = 'Наставничество.xlsx';

function send(res: ServerResponse, status: number, kind: ResponseKind, type: string, body: string | Buffer): void {
  setSecurityHeaders(res, kind);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'data', 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'data', 'text/plain; charset=utf-8', text);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = options.port ?? (Number(process.env.PORT) || 8080);
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The workspace server binds to 127.0.0.1 only');
  const webDir = path.join(options.distDir ?? defaultDistDir(), 'web');
  const demoNow = options.demoNow === 'today' ? null : (options.demoNow ?? demoDateTime(Date.now()));
  const session = await Session.open(options.dir, options.demo ?? true, demoNow, {
    ...DEFAULT_SAVE_TIMING,
    ...options.saveTiming,
  });
  let actualPort = port;
  const drive = (): DriveSource => options.driveSource ?? driveSourceOf(session.ws);

  async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const value = await readJson(req);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new HttpError(400, 'Ожидался JSON-объект. / A JSON object was expected.');
    }
    return value as Record<string, unknown>;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    checkOrigin(req, actualPort);
    // The URL parser resolves dot segments ("/web/../x" → "/x"); file routes never join paths anyway.
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${actualPort}`);
    const p = url.pathname;
    const method = req.method ?? 'GET';
    const get = method === 'GET';
    const post = method === 'POST';

    const file = STATIC[p];
    if (file && get) {
      let content: Buffer;
      try {
        content = await readFile(path.join(webDir, file.file));
      } catch {
        throw new HttpError(404, 'Страница не собрана: выполните npm run build. / Page not built.');
      }
      return send(res, 200, 'page', file.type, content);
    }
    if (get && p === '/api/state') return sendJson(res, await session.state());
    if (get && p === '/api/sheet') return sendJson(res, await session.sheet(url.searchParams.get('name') ?? ''));
    if (post && p === '/api/edit') return sendJson(res, await session.edit(await body(req)));
    if (post && p === '/api/open') return sendJson(res, await session.openFile());
    if (post && p === '/api/menu') return sendJson(res, await session.menu((await body(req)).fn));
    if (post && p === '/api/run') {
      const b = await body(req);
      return sendJson(res, await session.run(b.fn, b.args));
    }
    if (post && p === '/api/user') return sendJson(res, await session.setUser((await body(req)).email));
    if (post && p === '/api/close') return sendJson(res, await session.close((await body(req)).id));
    if (post && p === '/api/reset') {
      // No request body is needed; whatever is sent is read (capped) and ignored.
      await readBody(req);
      return sendJson(res, session.reset());
    }
    if (get && p === '/api/download.xlsx') {
      const xlsx = await session.download();
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="Nastavnichestvo.xlsx"; filename*=UTF-8''${encodeURIComponent(DOWNLOAD_NAME)}`,
      );
      return send(res, 200, 'data', XLSX_TYPE, xlsx);
    }
    if (get && p === '/api/forms') return sendJson(res, await session.forms());
    if (get && p === '/api/mail') return sendJson(res, await session.serial(() => mailViews(session.ws)));
    const driveRoute = parseDriveRoute(p);
    if (driveRoute && get) {
      if (driveRoute.route === 'list')
        return sendJson(res, await session.serial(() => listFiles(drive(), session.ws.model.timeZone)));
      if (driveRoute.route === 'preview') {
        return sendJson(res, await session.serial(() => previewOf(drive(), driveRoute.id)));
      }
      // The model is read in the queue; the .docx / PDF is made outside it (LibreOffice takes seconds).
      const { plan, dir } = await session.serial(() => {
        const source = drive();
        return { plan: planDownload(source, driveRoute.id, driveRoute.as), dir: source.dir || options.dir };
      });
      const file = await produceDownload(plan, dir);
      res.setHeader('Content-Disposition', file.disposition);
      return send(res, 200, 'data', file.type, file.body);
    }

    const job = /^\/api\/jobs\/([\w-]{1,40})$/.exec(p);
    if (get && job) {
      // Not queued: it must answer while the job holds the queue.
      const state = session.job(job[1]);
      if (!state) throw new HttpError(404, 'Задача не найдена. / No such job.');
      return sendJson(res, state);
    }
    const dialog = /^\/ui\/([^/]+)$/.exec(p);
    if (get && dialog) {
      const html = await session.dialogHtml(dialog[1]);
      if (html === null) throw new HttpError(404, 'Окно не найдено. / No such dialog.');
      return send(res, 200, 'dialog', 'text/html; charset=utf-8', html);
    }
    // A published or prefilled link (https://docs.google.com/forms/d/e/<id>/viewform?…) opens here
    // with the origin swapped for this server's: the same page as /forms/<id>.
    const published = /^\/forms\/d\/e\/([^/]+)\/viewform$/.exec(p);
    const form = published ?? /^\/forms\/([^/]+)$/.exec(p);
    if (published && !get) throw new HttpError(405, 'Ответы отправляются на /forms/<id>. / Method not allowed.');
    if (form && (get || post)) {
      let id: string;
      try {
        id = decodeURIComponent(form[1]);
      } catch {
        throw new HttpError(404, 'Форма не найдена. / Form not found.');
      }
      if (get) {
        const html = await session.formPage(id, url.searchParams);
        if (html === null) throw new HttpError(404, 'Форма не найдена. / Form not found.');
        return send(res, 200, 'page', 'text/html; charset=utf-8', html);
      }
      const result = await session.submitFormPage(id, await readForm(req));
      if (result === null) throw new HttpError(404, 'Форма не найдена. / Form not found.');
      // A refused submission is the form again with its errors: 422, still a page.
      return send(res, result.ok ? 200 : 422, 'page', 'text/html; charset=utf-8', result.html);
    }
    throw new HttpError(404, 'Не найдено. / Not found.');
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (!(e instanceof HttpError)) console.error(e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (!req.complete) res.setHeader('Connection', 'close');
      const status = e instanceof HttpError ? e.status : 500;
      sendText(res, status, e instanceof HttpError ? e.message : `Ошибка сервера: ${(e as Error).message ?? e}`);
      // Whatever body was not read is drained, so the client gets the answer instead of a reset.
      req.resume();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;

  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    flushSaves: () => session.saves.flush(),
    whenSaved: () => session.saves.whenSaved(),
    close() {
      // Once, however often it is asked; the port is released even when the last save fails (the
      // failure still reaches the caller): a server left listening keeps the process alive.
      closing ??= (async () => {
        try {
          await session.flush();
        } finally {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
        }
      })();
      return closing;
    },
  };
}
