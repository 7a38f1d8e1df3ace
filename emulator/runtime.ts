import vm from 'node:vm';
import type { Env, ExecutionOptions } from './core/env';

/** A safety net for runaway scripts in tests and the local server, in real milliseconds. */
const WALL_TIMEOUT_MS = 60_000;

type JsonParse = (text: string) => Record<string, unknown>;
/** Arguments built in the execution's own realm (event objects: `e.values instanceof Array` holds). */
export type RealmArgs = (parse: JsonParse) => unknown[];

/** Makes the realm's `Date` read the simulated clock; everything else about Date is the real one. */
const CLOCK_DATE = `(() => {
  const RealDate = Date;
  const now = __clockNow;
  class ClockDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
    static now() { return now(); }
  }
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  globalThis.Date = ClockDate;
  delete globalThis.__clockNow;
})();`;

/**
 * Runs the real built dist/Code.js in a node:vm context whose globals are the fake services, as
 * Apps Script's V8 runtime would: top-level functions become globals, `new Date()` reads the
 * emulator's clock, and errors/dates made by the fakes belong to the script's own realm.
 *
 * Every execution starts from a fresh global state, as in Apps Script: the script is loaded anew in a
 * new context (≈2 ms), so a value a module kept in one execution is never there in the next — code
 * that relied on it would fail in Google, and fails here first.
 */
export class AddonRuntime {
  private readonly script: vm.Script;
  private context: vm.Context;

  constructor(
    private readonly env: Env,
    code: string,
    private readonly services: Record<string, unknown>,
  ) {
    this.script = new vm.Script(code, { filename: 'Code.js' });
    this.context = this.load();
  }

  /** A new realm with the services as globals and the script loaded into it. */
  private load(): vm.Context {
    const context = vm.createContext({ __clockNow: () => this.env.now() });
    vm.runInContext(CLOCK_DATE, context);
    this.env.realm = {
      Error: vm.runInContext('Error', context) as ErrorConstructor,
      Date: vm.runInContext('Date', context) as DateConstructor,
    };
    Object.assign(context, this.services);
    this.script.runInContext(context);
    return context;
  }

  /** Global function names the script defines (what a menu item or google.script.run may call). */
  has(fn: string): boolean {
    return typeof this.context[fn] === 'function';
  }

  /**
   * Calls a global function of the script as one execution. Functions ending in "_" are private in
   * Apps Script; the caller decides whether that applies (google.script.run refuses them).
   */
  call(fn: string, args: unknown[] | RealmArgs, options: ExecutionOptions = {}): unknown {
    if (!this.has(fn) || !/^[A-Za-z_$][\w$]*$/.test(fn)) throw new Error(`Script function not found: ${fn}`);
    // A new execution (not a call made inside the current one) gets a fresh global state.
    if (this.env.execution === null) this.context = this.load();
    const parse = vm.runInContext('JSON.parse', this.context) as JsonParse;
    // Run inside the context with a wall-clock timeout, so a runaway loop cannot hang the emulator
    // (the 6-minute Apps Script limit itself is enforced on the simulated clock, in Env).
    this.context.__args = typeof args === 'function' ? args(parse) : args;
    const script = new vm.Script(`${fn}.apply(null, __args)`, { filename: `call:${fn}` });
    return this.env.runExecution(fn, options, () => script.runInContext(this.context, { timeout: WALL_TIMEOUT_MS }));
  }

  /** Evaluates an expression in the script's realm (tests: build a Date or an object of that realm). */
  evaluate(expression: string): unknown {
    return vm.runInContext(expression, this.context);
  }
}
