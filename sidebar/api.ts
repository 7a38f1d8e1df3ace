/**
 * The one typed wrapper over google.script.run: a renamed or re-typed server function in the
 * contract breaks the sidebar's build, not the user's click.
 */
import type { ServerApi } from '../src/contract/serverApi';

/** Apps Script prefixes the server's message («Exception: …»); the user needs only the message. */
const PREFIX = /^\s*(?:Exception|Error|ScriptError|TypeError|ReferenceError)\s*:\s*/;

/** Turns whatever the failure handler received into an Error carrying the server's plain message. */
export function toError(raw: unknown): Error {
  let message = '';
  if (raw instanceof Error || (raw && typeof raw === 'object' && 'message' in raw)) {
    message = String((raw as { message: unknown }).message ?? '');
  } else if (raw !== undefined && raw !== null) {
    message = String(raw);
  }
  message = message.replace(PREFIX, '').trim();
  return new Error(message || 'Неизвестная ошибка сервера');
}

/** Calls a server global through google.script.run and returns its result as a promise. */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    let runner: google.script.Runner;
    try {
      runner = google.script.run
        .withSuccessHandler((result: unknown) => resolve(result as ReturnType<ServerApi[K]>))
        .withFailureHandler((error: unknown) => reject(toError(error)));
      const fn = runner[name];
      if (typeof fn !== 'function') throw new Error(`Функция сервера «${name}» недоступна`);
      fn.apply(runner, args);
    } catch (e) {
      reject(toError(e));
    }
  });
}

/** Closes the dialog or sidebar the page is shown in. */
export function closeHost(): void {
  google.script.host.close();
}
