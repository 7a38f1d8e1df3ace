import vm from 'node:vm';
import { CIRCULAR, errorOf, refuseFunctionName, runForClient, serializeResult } from '../../workspace/server/scriptRun';

describe('google.script.run results follow Apps Script rules', () => {
  test('JSON values pass as they are', () => {
    const value = { a: 1, b: 'текст', c: true, d: null, e: [1, 'x', false, null], f: { g: { h: 2 } } };
    expect(serializeResult(value)).toEqual({ ok: true, value });
  });

  test('a Date anywhere makes the whole result null', () => {
    expect(serializeResult(new Date())).toEqual({ ok: true, value: null });
    expect(serializeResult({ rows: [['a', new Date()]] })).toEqual({ ok: true, value: null });
    // A Date from the script's realm (node:vm) too.
    expect(serializeResult({ d: vm.runInNewContext('new Date()') })).toEqual({ ok: true, value: null });
  });

  test('undefined in arrays becomes null; undefined and function properties are dropped', () => {
    expect(serializeResult([1, undefined, () => 1])).toEqual({ ok: true, value: [1, null, null] });
    expect(serializeResult({ a: undefined, f() {}, b: 2 })).toEqual({ ok: true, value: { b: 2 } });
    expect(serializeResult(undefined)).toEqual({ ok: true, value: null });
    expect(serializeResult(NaN)).toEqual({ ok: true, value: null });
  });

  test('a circular value fails as in Apps Script; a shared one does not', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(serializeResult(loop)).toEqual({ ok: false, message: CIRCULAR });
    expect(CIRCULAR).toBe('Failed due to circular reference.');
    const arr: unknown[] = [];
    arr.push([arr]);
    expect(serializeResult(arr)).toEqual({ ok: false, message: CIRCULAR });
    const shared = { x: 1 };
    expect(serializeResult([shared, shared])).toEqual({ ok: true, value: [{ x: 1 }, { x: 1 }] });
  });

  test('private and builtin names are refused before running', () => {
    expect(refuseFunctionName('getProgress')).toBeNull();
    expect(refuseFunctionName('helper_')).toBe('Script function not found: helper_');
    expect(refuseFunctionName('eval')).toBe('Script function not found: eval');
    expect(refuseFunctionName('hasOwnProperty')).toBe('Script function not found: hasOwnProperty');
    expect(refuseFunctionName('a-b')).toBe('Script function not found: a-b');
    expect(refuseFunctionName(42)).toBe('Script function not found: 42');
  });

  test('runForClient: the result serialized, a thrown error as name and message, nothing run when refused', () => {
    const calls: string[] = [];
    const ws = {
      run: (fn: string, ...args: unknown[]) => {
        calls.push(fn);
        if (fn === 'fails') throw Object.assign(new Error('Укажите название'), { name: 'UserError' });
        if (fn === 'loop') {
          const o: Record<string, unknown> = {};
          o.o = o;
          return o;
        }
        return { args, when: fn === 'dated' ? new Date() : undefined };
      },
    };
    expect(runForClient(ws, 'echo', [1, 'a'])).toEqual({ ok: true, result: { args: [1, 'a'] } });
    expect(runForClient(ws, 'dated', [])).toEqual({ ok: true, result: null });
    expect(runForClient(ws, 'fails', [])).toEqual({
      ok: false,
      error: { name: 'UserError', message: 'Укажите название' },
    });
    expect(runForClient(ws, 'loop', [])).toEqual({ ok: false, error: { name: 'Error', message: CIRCULAR } });
    expect(runForClient(ws, 'secret_', [])).toMatchObject({ ok: false });
    expect(runForClient(ws, 'echo', 'not an array')).toMatchObject({ ok: false });
    expect(calls).toEqual(['echo', 'dated', 'fails', 'loop']);
  });

  test('errorOf: errors of any realm, and thrown non-errors', () => {
    expect(errorOf(vm.runInNewContext('new TypeError("x")'))).toEqual({ name: 'TypeError', message: 'x' });
    expect(errorOf('строка')).toEqual({ name: 'Error', message: 'строка' });
  });
});
