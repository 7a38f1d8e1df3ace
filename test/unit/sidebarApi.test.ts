/**
 * The sidebar's typed wrapper over google.script.run, against a fake runner that behaves like the
 * real one: each with… returns a new runner, calls are asynchronous, failures arrive as an Error
 * whose message Apps Script prefixes with «Exception: ».
 */
import { call, closeHost, toError } from '../../sidebar/api';

type Handler = (value: unknown, userObject?: unknown) => void;
interface FakeState {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

function makeRunner(
  server: Record<string, (...args: unknown[]) => unknown>,
  calls: unknown[][],
  state: FakeState = {},
): unknown {
  const runner: Record<string, unknown> = {
    withSuccessHandler: (fn: Handler) => makeRunner(server, calls, { ...state, success: fn }),
    withFailureHandler: (fn: Handler) => makeRunner(server, calls, { ...state, failure: fn }),
    withUserObject: (o: unknown) => makeRunner(server, calls, { ...state, userObject: o }),
  };
  for (const name of Object.keys(server)) {
    runner[name] = (...args: unknown[]) => {
      calls.push([name, ...args]);
      // JSON round trip, like the real transport.
      const sent = JSON.parse(JSON.stringify(args)) as unknown[];
      setTimeout(() => {
        try {
          const result = server[name](...sent);
          state.success?.(result === undefined ? null : JSON.parse(JSON.stringify(result)), state.userObject);
        } catch (e) {
          state.failure?.(new Error(`Exception: ${(e as Error).message}`), state.userObject);
        }
      }, 1);
    };
  }
  return runner;
}

let calls: unknown[][];
let closed: number;

function install(server: Record<string, (...args: unknown[]) => unknown>): void {
  calls = [];
  closed = 0;
  (globalThis as Record<string, unknown>).google = {
    script: {
      run: makeRunner(server, calls),
      host: { close: () => void closed++ },
    },
  };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).google;
});

test('success resolves with the server result', async () => {
  install({ getProgress: () => ({ period: '2026–2027', school: 'СОШ № 2' }) });
  await expect(call('getProgress')).resolves.toEqual({ period: '2026–2027', school: 'СОШ № 2' });
  expect(calls).toEqual([['getProgress']]);
});

test('arguments are passed through to the server function', async () => {
  const seen: unknown[] = [];
  install({
    setupSchoolYear: (opts: unknown) => {
      seen.push(opts);
      return { message: 'Готово' };
    },
  });
  const opts = { school: 'МОУ «СОШ № 2»', startYear: 2026, timeZone: 'Asia/Omsk' };
  await expect(call('setupSchoolYear', opts)).resolves.toEqual({ message: 'Готово' });
  expect(seen).toEqual([opts]);
  expect(calls).toEqual([['setupSchoolYear', opts]]);
});

test('failure rejects with the server message, «Exception: » stripped', async () => {
  install({
    getProgress: () => {
      throw new Error('Дорожная карта ещё не создана: выберите «Наставничество → Настроить учебный год…»');
    },
  });
  const err = await call('getProgress').then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message).toBe(
    'Дорожная карта ещё не создана: выберите «Наставничество → Настроить учебный год…»',
  );
});

test('concurrent calls keep their own handlers', async () => {
  let n = 0;
  install({
    getSetupDefaults: () => ({ n: ++n }),
    getProgress: () => {
      throw new Error('нет доступа');
    },
  });
  const [a, b, c] = await Promise.allSettled([call('getSetupDefaults'), call('getProgress'), call('getSetupDefaults')]);
  expect(a).toEqual({ status: 'fulfilled', value: { n: 1 } });
  expect(b.status).toBe('rejected');
  expect((b as PromiseRejectedResult).reason.message).toBe('нет доступа');
  expect(c).toEqual({ status: 'fulfilled', value: { n: 2 } });
});

test('an unknown server function rejects instead of throwing', async () => {
  install({});
  await expect(call('getProgress')).rejects.toThrow('Функция сервера «getProgress» недоступна');
});

test('toError handles strings, objects and empty messages', () => {
  expect(toError('Exception: Нет листа').message).toBe('Нет листа');
  expect(toError({ message: 'Error: плохо' }).message).toBe('плохо');
  expect(toError(new Error('Exception: ')).message).toBe('Неизвестная ошибка сервера');
  expect(toError(undefined).message).toBe('Неизвестная ошибка сервера');
  expect(toError(new Error('Просто текст: с двоеточием')).message).toBe('Просто текст: с двоеточием');
});

test('closeHost closes the dialog', () => {
  install({});
  closeHost();
  expect(closed).toBe(1);
});
