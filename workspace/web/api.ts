/**
 * The page's HTTP client for workspace/server/protocol.ts. Every request is async and counted,
 * so the page shows a thin progress bar while one is in flight and never blocks.
 */
import type {
  ActionResult,
  EditRequest,
  JobState,
  MenuRequest,
  SheetView,
  UserRequest,
  WorkspaceState,
} from '../server/protocol';
import type { MailView } from '../server/mail';

/** A form or Drive file the add-on created (the shape the later capabilities will fill in). */
export interface ListedItem {
  id: string;
  title?: string;
  name?: string;
  mimeType?: string;
  url?: string;
}

/** Not in protocol.ts yet; the server may or may not have the route (a 404 is ignored). */
export interface CloseRequest {
  id: string;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

let inFlight = 0;
const listeners = new Set<(n: number) => void>();

/** Subscribes to the number of requests in flight; returns the unsubscribe function. */
export function onBusy(listener: (n: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setBusy(delta: number): void {
  inFlight += delta;
  for (const l of listeners) l(inFlight);
}

/** The server's message from an error body: `{ error: '…' }` or `{ error: { message } }`. */
function errorMessage(data: unknown): string {
  if (!data || typeof data !== 'object') return '';
  const e = (data as { error?: unknown }).error;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return '';
}

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  setBusy(1);
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new HttpError('Нет связи с сервером эмулятора. Он запущен?', 0);
    }
    const text = await res.text();
    let data: unknown = undefined;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    if (!res.ok) {
      const msg = errorMessage(data);
      // An ActionResult with ok:false may come with a 4xx status: hand it to the caller as data.
      if (data && typeof data === 'object' && (data as { ok?: unknown }).ok === false && 'dialogs' in data) {
        return data as T;
      }
      throw new HttpError(msg || `Ошибка сервера ${res.status}`, res.status);
    }
    return data as T;
  } finally {
    setBusy(-1);
  }
}

export const api = {
  state: () => request<WorkspaceState>('GET', '/api/state'),
  /** The page opens the file: onOpen runs (the add-on's menu, «Сводка» brought up to date). */
  open: () => request<ActionResult>('POST', '/api/open', {}),
  sheet: (name: string) => request<SheetView>('GET', `/api/sheet?name=${encodeURIComponent(name)}`),
  edit: (req: EditRequest) => request<ActionResult>('POST', '/api/edit', req),
  menu: (req: MenuRequest) => request<ActionResult>('POST', '/api/menu', req),
  user: (req: UserRequest) => request<ActionResult>('POST', '/api/user', req),
  reset: () => request<ActionResult>('POST', '/api/reset', {}),
  job: (id: string) => request<JobState>('GET', `/api/jobs/${encodeURIComponent(id)}`),
  forms: () => request<ListedItem[]>('GET', '/api/forms'),
  files: () => request<ListedItem[]>('GET', '/api/files'),
  /** The «Почта» tab: MailApp's outbox, newest first. */
  mail: () => request<MailView[]>('GET', '/api/mail'),
  /** Tells the server a dialog/sidebar was closed; a server without the route (404) is fine. */
  close: async (req: CloseRequest): Promise<void> => {
    try {
      await request<unknown>('POST', '/api/close', req);
    } catch (e) {
      if (!(e instanceof HttpError && (e.status === 404 || e.status === 405))) throw e;
    }
  },
};

/** Normalizes an ActionResult that may miss its arrays. */
export function normalizeAction(r: Partial<ActionResult> | undefined): ActionResult {
  return {
    ok: r?.ok !== false,
    error: r?.error,
    dialogs: r?.dialogs ?? [],
    messages: r?.messages ?? [],
    toasts: r?.toasts ?? [],
    jobId: r?.jobId,
  };
}
