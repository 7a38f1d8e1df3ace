/**
 * @jest-environment ./test/unit/happyDomEnvironment.ts
 *
 * useServer, the one owner of a panel's server-call state: the latest call wins, a failure is a
 * Russian «<what>: <reason>» with a retry, an unusable answer is «сервер вернул пустой ответ»,
 * `exclusive` refuses a second call while one runs, and nothing happens after the panel is gone.
 */
import { act, renderHook, waitFor } from '@testing-library/preact';
import { useServer, type ServerOptions } from '../../sidebar/useServer';

/** A server answer the test releases by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const mount = (options?: ServerOptions) => renderHook(() => useServer(options));

test('an older answer arriving after a newer one is ignored', async () => {
  const { result } = mount();
  const older = deferred<string>();
  const newer = deferred<string>();
  const shown: string[] = [];
  act(() => {
    void result.current.run({ what: 'Не удалось', send: () => older.promise, done: (v) => shown.push(v) });
    void result.current.run({ what: 'Не удалось', send: () => newer.promise, done: (v) => shown.push(v) });
  });
  expect(result.current.busy).toBe('load');
  await act(async () => newer.resolve('новый'));
  await act(async () => older.resolve('старый'));
  expect(shown).toEqual(['новый']);
  expect(result.current.busy).toBeNull();
});

test('a failure is «<what>: <reason>»; «Повторить» sends the call again', async () => {
  const { result } = mount();
  let n = 0;
  const send = () => (n++ === 0 ? Promise.reject(new Error('Лист «Пары и группы» не найден')) : Promise.resolve(1));
  const done = jest.fn();
  await act(async () => {
    await result.current.run({ what: 'Не удалось получить пары', send, done });
  });
  expect(result.current.error?.message).toBe('Не удалось получить пары: Лист «Пары и группы» не найден');
  expect(result.current.error?.reason).toBe('Лист «Пары и группы» не найден');
  await act(async () => result.current.error!.retry());
  await waitFor(() => expect(done).toHaveBeenCalledWith(1));
  expect(result.current.error).toBeNull();
});

test('an unusable answer and an empty error message are still readable Russian', async () => {
  const { result } = mount();
  await act(async () => {
    await result.current.run({ what: 'Не удалось', send: async () => null, valid: (v) => v !== null, done: () => {} });
  });
  expect(result.current.error?.message).toBe('Не удалось: сервер вернул пустой ответ');
  await act(async () => {
    await result.current.run({ what: 'Не удалось', send: () => Promise.reject(new Error('')), done: () => {} });
  });
  expect(result.current.error?.message).toBe('Не удалось: неизвестная ошибка');
});

test('exclusive: a second call while one runs is refused', async () => {
  const { result } = mount({ exclusive: true });
  const first = deferred<number>();
  const send = jest.fn(() => first.promise);
  let second: Promise<boolean> | undefined;
  act(() => {
    void result.current.run({ key: 'save', what: 'Не удалось', send, done: () => {} });
    second = result.current.run({ key: 'save', what: 'Не удалось', send, done: () => {} });
  });
  expect(await second).toBe(false);
  expect(send).toHaveBeenCalledTimes(1);
  expect(result.current.busy).toBe('save');
  await act(async () => first.resolve(1));
  expect(result.current.busy).toBeNull();
});

test('an answer arriving after the panel is gone changes nothing', async () => {
  const { result, unmount } = mount({ initial: 'load' });
  const answer = deferred<number>();
  const done = jest.fn();
  let finished: Promise<boolean> | undefined;
  act(() => {
    finished = result.current.run({ what: 'Не удалось', send: () => answer.promise, done });
  });
  unmount();
  answer.resolve(1);
  expect(await finished).toBe(false);
  expect(done).not.toHaveBeenCalled();
});
