/** The google.script shim of sidebar/dialog iframes behaves like Apps Script's (workspace/web/shim.ts). */
import { createGoogleScript, sanitizeArgs, type FetchLike, type ShimMessage } from '../../workspace/web/shim';

interface Sent {
  url: string;
  body: { fn: string; args: unknown[] };
  respond(status: number, payload: unknown): void;
}

/** A fake transport: each call waits until the test responds to it. */
function setup(opts: { maxInFlight?: number } = {}) {
  const sent: Sent[] = [];
  const posted: ShimMessage[] = [];
  const errors: unknown[][] = [];
  const fetch: FetchLike = (url, init) =>
    new Promise((resolve) => {
      sent.push({
        url,
        body: JSON.parse(init.body),
        respond: (status, payload) =>
          resolve({ status, text: async () => (typeof payload === 'string' ? payload : JSON.stringify(payload)) }),
      });
    });
  const gs = createGoogleScript({
    fetch,
    post: (m) => posted.push(m),
    schedule: (fn) => setTimeout(fn, 0),
    logError: (...a) => errors.push(a),
    dialogId: 'd1',
    origin: 'http://127.0.0.1:8080',
    maxInFlight: opts.maxInFlight,
  });
  return { gs, sent, posted, errors };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
async function flush(n = 5) {
  for (let i = 0; i < n; i++) await tick();
}
const ok = (result: unknown) => ({ ok: true, result, dialogs: [], messages: [], toasts: [] });

describe('google.script.run shim', () => {
  test('with… return a new runner; the original keeps its handlers', async () => {
    const { gs, sent } = setup();
    const a = jest.fn();
    const b = jest.fn();
    const base = gs.run;
    const ra = base.withSuccessHandler(a);
    const rb = ra.withSuccessHandler(b);
    expect(ra).not.toBe(base);
    expect(rb).not.toBe(ra);
    expect(base.withUserObject(1)).not.toBe(base);

    ra.getX();
    rb.getY();
    base.getZ();
    await flush();
    expect(sent.map((s) => s.body.fn)).toEqual(['getX', 'getY', 'getZ']);
    sent[0].respond(200, ok('x'));
    sent[1].respond(200, ok('y'));
    sent[2].respond(200, ok('z'));
    await flush();
    expect(a).toHaveBeenCalledTimes(1);
    expect(a).toHaveBeenCalledWith('x', undefined);
    expect(b).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledWith('y', undefined);
  });

  test('a call is asynchronous: it returns undefined before the transport answers', async () => {
    const { gs, sent } = setup();
    const success = jest.fn();
    const ret = gs.run.withSuccessHandler(success).doIt(1, 'a');
    expect(ret).toBeUndefined();
    expect(success).not.toHaveBeenCalled();
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/run');
    expect(sent[0].body).toEqual({ fn: 'doIt', args: [1, 'a'] });
    expect(success).not.toHaveBeenCalled();
    sent[0].respond(200, ok({ n: 2 }));
    await flush();
    expect(success).toHaveBeenCalledWith({ n: 2 }, undefined);
  });

  test('success and failure handlers receive the user object; the failure is an Error with the server message', async () => {
    const { gs, sent, posted } = setup();
    const success = jest.fn();
    const failure = jest.fn();
    const user = { row: 5 };
    const runner = gs.run.withSuccessHandler(success).withFailureHandler(failure).withUserObject(user);
    runner.good();
    runner.bad();
    await flush();
    sent[0].respond(200, ok(42));
    sent[1].respond(500, { ok: false, error: { name: 'Exception', message: 'Лист не найден' } });
    await flush();
    expect(success).toHaveBeenCalledWith(42, user);
    expect(failure).toHaveBeenCalledTimes(1);
    const [err, uo] = failure.mock.calls[0];
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('Лист не найден');
    expect(uo).toBe(user);
    // The user object is never sent to the server.
    expect(sent[0].body.args).toEqual([]);
    // Every completed run tells the page to refresh.
    expect(posted.filter((m) => m.type === 'workspace:changed')).toHaveLength(2);
  });

  test('a function ending in _ fails with the server error', async () => {
    const { gs, sent } = setup();
    const failure = jest.fn();
    gs.run.withFailureHandler(failure).secret_();
    await flush();
    expect(sent[0].body.fn).toBe('secret_');
    sent[0].respond(404, { ok: false, error: { name: 'Exception', message: 'Script function not found: secret_' } });
    await flush();
    expect(failure.mock.calls[0][0].message).toBe('Script function not found: secret_');
  });

  test('without a failure handler a failure is logged', async () => {
    const { gs, sent, errors } = setup();
    gs.run.broken();
    await flush();
    sent[0].respond(500, { ok: false, error: { name: 'Exception', message: 'Упало' } });
    await flush();
    expect(errors).toHaveLength(1);
    expect(String((errors[0][1] as Error).message)).toBe('Упало');
  });

  test.each([
    ['a Date', new Date(0)],
    ['a function', () => 1],
    [
      'a class instance',
      new (class Point {
        x = 1;
      })(),
    ],
    ['a Map', new Map()],
  ])('%s argument fails through the failure handler, asynchronously, and is not sent', async (_label, bad) => {
    const { gs, sent } = setup();
    const failure = jest.fn();
    gs.run.withFailureHandler(failure).withUserObject('u').save(bad);
    expect(failure).not.toHaveBeenCalled();
    await flush();
    expect(failure).toHaveBeenCalledTimes(1);
    expect(failure.mock.calls[0][0]).toBeInstanceOf(Error);
    expect(failure.mock.calls[0][0].message).toBe('Failed due to illegal value in property: 0');
    expect(failure.mock.calls[0][1]).toBe('u');
    expect(sent).toHaveLength(0);
  });

  test('an illegal nested value names its key', async () => {
    const { gs } = setup();
    const failure = jest.fn();
    gs.run.withFailureHandler(failure).save('ok', { a: 1, when: new Date() });
    gs.run.withFailureHandler(failure).save([1, [2, () => 3]]);
    await flush();
    expect(failure.mock.calls.map((c) => c[0].message)).toEqual([
      'Failed due to illegal value in property: when',
      'Failed due to illegal value in property: 1',
    ]);
  });

  test('undefined in arrays becomes null; undefined properties are dropped; plain data passes', async () => {
    const { gs, sent } = setup();
    gs.run.save([1, undefined, 'x'], { a: undefined, b: null, c: [true, { d: 'е' }] }, undefined);
    await flush();
    expect(sent[0].body.args).toEqual([[1, null, 'x'], { b: null, c: [true, { d: 'е' }] }, null]);
    expect(sanitizeArgs([Object.create(null)])).toEqual([{}]);
  });

  test('a circular argument fails with "Failed due to circular reference."', async () => {
    const { gs, sent } = setup();
    const failure = jest.fn();
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    const arr: unknown[] = [1];
    arr.push(arr);
    gs.run.withFailureHandler(failure).save(a);
    gs.run.withFailureHandler(failure).save(arr);
    // A shared but acyclic reference is fine.
    const shared = { k: 1 };
    gs.run.save([shared, shared]);
    await flush();
    expect(failure.mock.calls.map((c) => c[0].message)).toEqual([
      'Failed due to circular reference.',
      'Failed due to circular reference.',
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0].body.args).toEqual([[{ k: 1 }, { k: 1 }]]);
  });

  test('at most 10 calls are in flight; an 11th waits until one finishes', async () => {
    const { gs, sent } = setup();
    const done = jest.fn();
    for (let i = 0; i < 12; i++) gs.run.withSuccessHandler(done).work(i);
    await flush();
    expect(sent).toHaveLength(10);
    expect(sent.map((s) => s.body.args[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    sent[3].respond(200, ok(3));
    await flush();
    expect(sent).toHaveLength(11);
    expect(sent[10].body.args).toEqual([10]);
    sent[0].respond(200, ok(0));
    await flush();
    expect(sent).toHaveLength(12);
    expect(done).toHaveBeenCalledTimes(2);
  });

  test('a network failure or a non-JSON answer reaches the failure handler', async () => {
    const sent: string[] = [];
    const gs = createGoogleScript({
      fetch: async (_url, init) => {
        sent.push(init.body);
        if (sent.length === 1) throw new Error('ECONNREFUSED');
        return { status: 502, text: async () => '<html>Bad gateway</html>' };
      },
      post: () => undefined,
    });
    const failure = jest.fn();
    gs.run.withFailureHandler(failure).a();
    await flush();
    gs.run.withFailureHandler(failure).b();
    await flush();
    expect(failure).toHaveBeenCalledTimes(2);
    expect(failure.mock.calls[0][0].message).toMatch(/ECONNREFUSED/);
    expect(failure.mock.calls[1][0].message).toMatch(/502/);
  });

  test('a throwing handler does not block later calls', async () => {
    const { gs, sent, errors } = setup({ maxInFlight: 1 });
    gs.run
      .withSuccessHandler(() => {
        throw new Error('boom');
      })
      .first();
    const second = jest.fn();
    gs.run.withSuccessHandler(second).second();
    await flush();
    sent[0].respond(200, ok(1));
    await flush();
    sent[1].respond(200, ok(2));
    await flush();
    expect(second).toHaveBeenCalledWith(2, undefined);
    expect(errors).toHaveLength(1);
  });

  test('a changed message carries the dialogs, messages and toasts of the run', async () => {
    const { gs, sent, posted } = setup();
    gs.run.openSetup();
    await flush();
    const dialog = { id: 'd2', kind: 'modal', title: 'Настройка', width: 500, height: 400 };
    sent[0].respond(200, { ok: true, result: null, dialogs: [dialog], messages: [], toasts: [] });
    await flush();
    expect(posted).toEqual([
      {
        type: 'workspace:changed',
        dialogId: 'd1',
        fn: 'openSetup',
        ok: true,
        result: { dialogs: [dialog], messages: [], toasts: [] },
      },
    ]);
  });
});

describe('google.script.host shim', () => {
  test('close, setHeight and setWidth post to the page; origin is the page origin', () => {
    const { gs, posted } = setup();
    gs.host.close();
    gs.host.setHeight(480);
    gs.host.setWidth(320);
    expect(posted).toEqual([
      { type: 'workspace:close', dialogId: 'd1' },
      { type: 'workspace:setHeight', dialogId: 'd1', height: 480 },
      { type: 'workspace:setWidth', dialogId: 'd1', width: 320 },
    ]);
    expect(gs.host.origin).toBe('http://127.0.0.1:8080');
  });

  test('the browser entry posts close to window.parent with the page origin', async () => {
    const calls: unknown[][] = [];
    const parent = { postMessage: (...a: unknown[]) => calls.push(a) };
    const fakeWindow: Record<string, unknown> = {
      __DIALOG_ID__: 'side-1',
      parent,
      location: { origin: 'http://127.0.0.1:9999' },
      fetch: async () => ({ status: 200, text: async () => '{}' }),
    };
    (globalThis as Record<string, unknown>).window = fakeWindow;
    try {
      jest.isolateModules(() => {
        require('../../workspace/web/shimEntry');
      });
      const google = fakeWindow.google as { script: { host: { close(): void; origin: string } } };
      google.script.host.close();
      expect(calls).toEqual([[{ type: 'workspace:close', dialogId: 'side-1' }, 'http://127.0.0.1:9999']]);
      expect(google.script.host.origin).toBe('http://127.0.0.1:9999');
    } finally {
      delete (globalThis as Record<string, unknown>).window;
    }
  });
});
