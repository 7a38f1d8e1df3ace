/**
 * The one place a panel's server calls get their loading state and their Russian error: a newer
 * request makes the answer of an older one ignored, a failure becomes «<what>: <reason>» with a
 * retry, and nothing is set after the panel is gone.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export const EMPTY_ANSWER = 'сервер вернул пустой ответ';

/** The server's plain message (sidebar/api.ts strips Apps Script's «Exception:»), never empty. */
export const reason = (e: unknown) => ((e as Error | null)?.message || '').trim() || 'неизвестная ошибка';

export interface ServerCall<T> {
  /** The call itself, e.g. () => call('getYearView'). */
  send: () => Promise<T>;
  /** The start of the Russian error, e.g. «Не удалось получить пары». */
  what: string;
  /** Shown as busy while the call runs (a panel with several buttons tells which one). Default 'load'. */
  key?: string;
  /** A usable answer; any other fails with «сервер вернул пустой ответ». */
  valid?: (answer: T) => boolean;
  done: (answer: T) => void;
  /** Besides the error shown: what the panel drops when this call fails. */
  failed?: (why: string) => void;
}

export interface ServerError {
  /** «<what>: <reason>», ready to show. */
  message: string;
  /** The reason alone (the server's message or «сервер вернул пустой ответ»). */
  reason: string;
  /** Sends the failed call again. */
  retry: () => void;
}

export interface ServerOptions {
  /**
   * true: while a call runs, another is refused (a double click, an action that must not overlap).
   * Otherwise the latest call wins and older answers are ignored.
   */
  exclusive?: boolean;
  /** The key shown as busy before the first call (a panel that loads on opening). */
  initial?: string;
}

export interface Server {
  /** The key of the call running, or null. */
  busy: string | null;
  error: ServerError | null;
  /** Resolves true when the call succeeded and its answer was used. */
  run: <T>(c: ServerCall<T>) => Promise<boolean>;
  /** Forgets the running call (its answer will be ignored) and the error. */
  cancel: () => void;
  /** Shows a failure the panel found itself, in the same banner. */
  fail: (what: string, why: string, retry: () => void) => void;
  /** Hides the error (another part of the panel shows a newer one). */
  clearError: () => void;
}

export function useServer(options: ServerOptions = {}): Server {
  const [busy, setBusyState] = useState<string | null>(options.initial ?? null);
  const [error, setError] = useState<ServerError | null>(null);
  const seq = useRef(0);
  /** The truth for `exclusive` (a double click reads it before Preact re-renders). */
  const busyRef = useRef<string | null>(null);
  const alive = useRef(true);
  // A layout effect runs as the panel is committed, so its clean-up is there even if the panel goes
  // before the browser paints (a plain effect waits for the next frame).
  useLayoutEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const setBusy = (key: string | null) => {
    busyRef.current = key;
    setBusyState(key);
  };

  const fail = (what: string, why: string, retry: () => void) =>
    setError({ message: `${what}: ${why}`, reason: why, retry });

  const run = <T>(c: ServerCall<T>): Promise<boolean> => {
    if (options.exclusive && busyRef.current !== null) return Promise.resolve(false);
    const id = ++seq.current;
    const current = () => alive.current && id === seq.current;
    const failed = (why: string) => {
      fail(c.what, why, () => void run(c));
      c.failed?.(why);
      return false;
    };
    setBusy(c.key ?? 'load');
    setError(null);
    return c.send().then(
      (answer) => {
        if (!current()) return false;
        setBusy(null);
        if (c.valid && !c.valid(answer)) return failed(EMPTY_ANSWER);
        c.done(answer);
        return true;
      },
      (e: unknown) => {
        if (!current()) return false;
        setBusy(null);
        return failed(reason(e));
      },
    );
  };

  const cancel = () => {
    ++seq.current;
    setBusy(null);
    setError(null);
  };

  return { busy, error, run, cancel, fail, clearError: () => setError(null) };
}
