import { Env, EXCEEDED_TIME } from '../../emulator/core/env';
import { AddonRuntime } from '../../emulator/runtime';
import { createUtilities } from '../../emulator/services/utilities';

const CODE = `
function today() { return new Date().toISOString(); }
function nap(times) { for (var i = 0; i < times; i++) Utilities.sleep(300000); return 'woke'; }
function bad() { try { Utilities.formatDate(new Date(), 'Nowhere/City', 'yyyy'); } catch (e) { return e instanceof Error; } }
function dateIsLocal() { return new Date(0) instanceof Date && Date.now() === new Date().getTime(); }
`;

function runtime(now = '2026-11-25T10:00:00+03:00') {
  const env = new Env({ now });
  return { env, rt: new AddonRuntime(env, CODE, { Utilities: createUtilities(env) }) };
}

describe('the add-on runtime (node:vm)', () => {
  test('new Date() in the script reads the simulated clock, which moves with Utilities.sleep', () => {
    const { rt } = runtime();
    expect(rt.call('today', [])).toBe('2026-11-25T07:00:00.000Z');
    rt.call('nap', [1]);
    expect(rt.call('today', [])).toBe('2026-11-25T07:05:00.001Z');
    expect(rt.call('dateIsLocal', [])).toBe(true);
  });

  test('an execution past 6 simulated minutes is stopped, as Apps Script does', () => {
    const { rt } = runtime();
    expect(rt.call('nap', [1])).toBe('woke');
    expect(() => rt.call('nap', [2])).toThrow(EXCEEDED_TIME);
  });

  test('a simple trigger gets 30 seconds', () => {
    const { rt } = runtime();
    expect(() => rt.call('nap', [1], { limitMs: 30000 })).toThrow(EXCEEDED_TIME);
  });

  test('errors thrown by the fakes are Errors of the script realm', () => {
    expect(runtime().rt.call('bad', [])).toBe(true);
  });

  test('unknown functions are refused; the runtime knows which globals exist', () => {
    const { rt } = runtime();
    expect(rt.has('today')).toBe(true);
    expect(rt.has('nothing')).toBe(false);
    expect(() => rt.call('nothing', [])).toThrow('Script function not found: nothing');
  });
});
