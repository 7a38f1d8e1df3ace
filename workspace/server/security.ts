/**
 * The local server's defences. It binds to 127.0.0.1, but a web page the user visits can still
 * reach it: through DNS rebinding (a foreign Host header) or a cross-site form/fetch POST (a foreign
 * Origin). Both are refused, bodies are capped, and every response carries headers that keep the
 * page and the add-on's dialogs from being framed or sniffed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An error that becomes an HTTP status with a short bilingual text. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function localHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Throws 403 when the request does not come from the local page: a Host other than our own
 * (DNS rebinding), or a POST whose Origin (when the browser sends one) is another site.
 */
export function checkOrigin(req: IncomingMessage, port: number): void {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!localHosts(port).includes(host)) {
    throw new HttpError(403, 'Доступ запрещён: чужой адрес сервера. / Forbidden: unexpected Host header.');
  }
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const origin = req.headers.origin;
  if (origin !== undefined && !localHosts(port).some((h) => origin.toLowerCase() === `http://${h}`)) {
    throw new HttpError(403, 'Доступ запрещён: запрос с другого сайта. / Forbidden: cross-origin request.');
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    throw new HttpError(403, 'Доступ запрещён: запрос с другого сайта. / Forbidden: cross-site request.');
  }
}

const TOO_LARGE = 'Слишком большой запрос (больше 1 МБ). / Request body too large.';

/** Reads the body as text, refusing more than `limit` bytes (413). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  // Declared too large: refused at once, before the body arrives (the answer closes the connection).
  if (declared > limit) return Promise.reject(new HttpError(413, TOO_LARGE));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) tooLarge = true;
      // Keep draining a moderately large body so the client reads our 413; drop a flood.
      if (total > limit * 8) req.destroy();
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new HttpError(413, TOO_LARGE));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
    // A destroyed or aborted request never ends: settle anyway (no-op after 'end').
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(tooLarge ? 413 : 400, 'Запрос прерван. / Request aborted.'));
    });
  });
}

/** The JSON body of a POST; the Content-Type must say JSON (a plain HTML form cannot send that). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError(415, 'Нужен Content-Type: application/json. / Content-Type must be application/json.');
  }
  const text = await readBody(req);
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Некорректный JSON. / Malformed JSON.');
  }
}

/** The body of a plain HTML form post (application/x-www-form-urlencoded), capped like every body. */
export async function readForm(req: IncomingMessage): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    throw new HttpError(
      415,
      'Нужен Content-Type: application/x-www-form-urlencoded. / Content-Type must be application/x-www-form-urlencoded.',
    );
  }
  return readBody(req);
}

/** The workspace page: its own scripts and styles only (inline styles allowed for rendered cells). */
const PAGE_CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** An add-on sidebar/dialog: one self-contained HTML file with inline JS and CSS, framed by the page. */
const DIALOG_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

export type ResponseKind = 'page' | 'dialog' | 'data';

/** Headers every response gets; pages and dialogs also get their Content-Security-Policy. */
export function setSecurityHeaders(res: ServerResponse, kind: ResponseKind): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // 'same-origin', not 'no-referrer': with no-referrer Chromium sends "Origin: null" on form posts,
  // which the origin check (rightly) refuses.
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  if (kind === 'page') res.setHeader('Content-Security-Policy', PAGE_CSP);
  if (kind === 'dialog') res.setHeader('Content-Security-Policy', DIALOG_CSP);
  if (kind === 'data') res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
}
