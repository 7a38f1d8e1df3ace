/**
 * The `google.script` shim injected into every sidebar/dialog iframe (served at /ui/:id).
 * Pure TypeScript with an injectable transport, scheduler and message poster, so its semantics
 * are unit-tested in node (test/unit/shim.test.ts); shimEntry.ts wires it to the browser.
 *
 * Semantics copied from Apps Script (developers.google.com/apps-script/guides/html/reference/run):
 * - `with…` return a NEW runner; the original keeps its handlers.
 * - `runner.anyName(...args)` returns undefined at once; the result arrives later.
 * - Arguments travel as emulator/services/scriptRunValues.ts says (JSON-like values; an illegal or
 *   circular one fails the call); a `<form>` element, the only other, as { name: value }.
 * - At most 10 calls run at once; the rest wait in order.
 */
import { transported } from '../../emulator/services/scriptRunValues';
import type { DialogView, MessageView, RunRequest, RunResult, ToastView } from '../server/protocol';

/** The part of `fetch` the shim needs. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; credentials?: 'same-origin' },
) => Promise<{ status: number; text(): Promise<string> }>;

/** Messages the shim posts to the workspace page (window.parent). */
export type ShimMessage =
  | { type: 'workspace:close'; dialogId: unknown }
  | { type: 'workspace:setHeight'; dialogId: unknown; height: number }
  | { type: 'workspace:setWidth'; dialogId: unknown; width: number }
  | { type: 'workspace:focus'; dialogId: unknown }
  | {
      type: 'workspace:changed';
      dialogId: unknown;
      fn: string;
      ok: boolean;
      result: { dialogs: DialogView[]; messages: MessageView[]; toasts: ToastView[] };
    };

export interface ShimOptions {
  fetch: FetchLike;
  /** Posts a message to the page that holds the iframe. */
  post: (message: ShimMessage) => void;
  /** Runs a callback later (setTimeout 0 in the browser). */
  schedule?: (fn: () => void) => void;
  /** Where failures without a failure handler (and throwing handlers) are reported. */
  logError?: (...args: unknown[]) => void;
  dialogId?: unknown;
  origin?: string;
  /** The run endpoint; default /api/run. */
  url?: string;
  /** Calls running at once; default 10 (Apps Script's limit). */
  maxInFlight?: number;
}

export type SuccessHandler = (result: unknown, userObject?: unknown) => void;
export type FailureHandler = (error: Error, userObject?: unknown) => void;

export interface RunnerMethods {
  withSuccessHandler(handler: SuccessHandler): Runner;
  withFailureHandler(handler: FailureHandler): Runner;
  withUserObject(userObject: unknown): Runner;
}

/** A runner: `with…` return a new runner; any other member calls the server global of that name. */
export type Runner = RunnerMethods & { [serverFunction: string]: (...args: unknown[]) => void };

export interface GoogleScript {
  run: Runner;
  host: {
    close(): void;
    setHeight(height: number): void;
    setWidth(width: number): void;
    readonly origin: string;
    editor: { focus(): void };
  };
}

interface RunnerOptions {
  success?: SuccessHandler;
  failure?: FailureHandler;
  userObject?: unknown;
}

/** An argument Apps Script refuses; carries the message the failure handler receives. */
class IllegalArgument extends Error {}

const EMPTY_RESULT = { dialogs: [] as DialogView[], messages: [] as MessageView[], toasts: [] as ToastView[] };

/** A `<form>` element: Apps Script sends it as { name: value } (the one non-JSON value it accepts). */
function formToObject(v: unknown): Record<string, string> | null {
  const el = v as {
    tagName?: unknown;
    elements?: ArrayLike<{ name?: string; value?: string; type?: string; checked?: boolean }>;
  };
  if (!el || typeof el !== 'object' || el.tagName !== 'FORM' || !el.elements) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < el.elements.length; i++) {
    const f = el.elements[i];
    if (!f.name || ((f.type === 'checkbox' || f.type === 'radio') && !f.checked)) continue;
    out[f.name] = String(f.value ?? '');
  }
  return out;
}

/** The arguments as they will be sent, or throws IllegalArgument. */
export function sanitizeArgs(args: unknown[]): unknown[] {
  return args.map((arg, i) => {
    const form = formToObject(arg);
    if (form) return form;
    const sent = transported(arg, 'argument', i);
    if (!sent.ok) throw new IllegalArgument(sent.message);
    return sent.value;
  });
}

function toError(raw: unknown): Error {
  if (raw instanceof Error) return raw;
  const e = raw as { name?: unknown; message?: unknown } | null;
  const err = new Error(e && typeof e === 'object' && e.message !== undefined ? String(e.message) : String(raw));
  if (e && typeof e === 'object' && typeof e.name === 'string' && e.name) err.name = e.name;
  return err;
}

/** Names a runner never treats as server functions (so it is not mistaken for a promise, etc.). */
const NOT_FUNCTIONS = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString']);

export function createGoogleScript(options: ShimOptions): GoogleScript {
  const schedule = options.schedule ?? ((fn: () => void) => setTimeout(fn, 0));
  const logError = options.logError ?? ((...a: unknown[]) => console.error(...a));
  const url = options.url ?? '/api/run';
  const maxInFlight = options.maxInFlight ?? 10;
  const dialogId = options.dialogId;
  let inFlight = 0;
  const queue: Array<() => void> = [];

  function post(message: ShimMessage): void {
    try {
      options.post(message);
    } catch (e) {
      logError('google.script: cannot notify the workspace', e);
    }
  }

  function deliver(opts: RunnerOptions, fn: string, ok: boolean, payload: unknown): void {
    try {
      if (ok) opts.success?.(payload, opts.userObject);
      else if (opts.failure) opts.failure(payload as Error, opts.userObject);
      else logError(`google.script.run.${fn} failed:`, payload);
    } catch (e) {
      logError(`google.script.run.${fn}: a handler threw`, e);
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight++;
      queue.shift()!();
    }
  }

  async function send(fn: string, args: unknown[]): Promise<RunResult> {
    const body: RunRequest = { fn, args };
    let status: number;
    let text: string;
    try {
      const res = await options.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      return {
        ok: false,
        error: { name: 'NetworkError', message: `Нет связи с сервером эмулятора: ${toError(e).message}` },
      };
    }
    try {
      const parsed = JSON.parse(text) as RunResult;
      if (parsed && typeof parsed === 'object' && typeof parsed.ok === 'boolean') return parsed;
    } catch {
      /* fall through */
    }
    return {
      ok: false,
      error: { name: 'Error', message: `Сервер эмулятора ответил ${status}: ${text.slice(0, 200)}` },
    };
  }

  function call(opts: RunnerOptions, fn: string, rawArgs: unknown[]): void {
    let args: unknown[];
    try {
      args = sanitizeArgs(rawArgs);
    } catch (e) {
      const err = e instanceof IllegalArgument ? new Error(e.message) : toError(e);
      schedule(() => deliver(opts, fn, false, err));
      return;
    }
    queue.push(() => {
      void send(fn, args).then((res) => {
        inFlight--;
        schedule(pump);
        if (res.ok) {
          post({
            type: 'workspace:changed',
            dialogId,
            fn,
            ok: true,
            result: { dialogs: res.dialogs ?? [], messages: res.messages ?? [], toasts: res.toasts ?? [] },
          });
          deliver(opts, fn, true, res.result === undefined ? null : res.result);
        } else {
          post({ type: 'workspace:changed', dialogId, fn, ok: false, result: EMPTY_RESULT });
          deliver(opts, fn, false, toError(res.error));
        }
      });
    });
    pump();
  }

  function makeRunner(opts: RunnerOptions): Runner {
    const methods = {
      withSuccessHandler: (handler: SuccessHandler) => makeRunner({ ...opts, success: handler }),
      withFailureHandler: (handler: FailureHandler) => makeRunner({ ...opts, failure: handler }),
      withUserObject: (userObject: unknown) => makeRunner({ ...opts, userObject }),
    };
    const cache = new Map<string, (...args: unknown[]) => void>();
    return new Proxy(methods, {
      get(target, prop) {
        if (typeof prop !== 'string' || NOT_FUNCTIONS.has(prop)) return undefined;
        if (Object.prototype.hasOwnProperty.call(target, prop)) return target[prop as keyof typeof target];
        let f = cache.get(prop);
        if (!f) {
          f = (...args: unknown[]) => {
            call(opts, prop, args);
          };
          cache.set(prop, f);
        }
        return f;
      },
      has(_target, prop) {
        return typeof prop === 'string' && !NOT_FUNCTIONS.has(prop);
      },
      set() {
        return false;
      },
    }) as unknown as Runner;
  }

  return {
    run: makeRunner({}),
    host: {
      close: () => post({ type: 'workspace:close', dialogId }),
      setHeight: (height: number) => post({ type: 'workspace:setHeight', dialogId, height: Number(height) }),
      setWidth: (width: number) => post({ type: 'workspace:setWidth', dialogId, width: Number(width) }),
      origin: options.origin ?? '',
      editor: { focus: () => post({ type: 'workspace:focus', dialogId }) },
    },
  };
}
