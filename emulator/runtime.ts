import vm from 'node:vm';
import type { Env, ExecutionOptions } from './core/env';

/** A safety net for runaway scripts in tests and the local server, in real milliseconds. */
const WALL_TIMEOUT_MS = 60_000;

/**
 * Runs the real built dist/Code.js in a node:vm context whose globals are the fake services, as
 * Apps Script's V8 runtime would: top-level functions become globals, `new Date()` reads the
 * emulator's clock, and errors/dates made by the fakes belong to the script's own realm.
 */
export class AddonRuntime {
  private readonly context: vm.Context;

  constructor(
    private readonly env: Env,
    code: string,
    services: Record<string, unknown>,
  ) {
    this.context = vm.createContext({ __clockNow: () => env.now() });
    // The script's Date reads the simulated clock; everything else about Date is the real one.
    vm.runInContext(
      `(() => {
        const RealDate = Date;
        const now = __clockNow;
        class ClockDate extends RealDate {
          constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
          static now() { return now(); }
        }
        Object.defineProperty(ClockDate, 'name', { value: 'Date' });
        globalThis.Date = ClockDate;
        delete globalThis.__clockNow;
      })();`,
      this.context,
    );
    env.realm = {
      Error: vm.runInContext('Error', this.context) as ErrorConstructor,
      Date: vm.runInContext('Date', this.context) as DateConstructor,
    };
    Object.assign(this.context, services);
    vm.runInContext(code, this.context, { filename: 'Code.js' });
  }

  /** Global function names the script defines (what a menu item or google.script.run may call). */
  has(fn: string): boolean {
    return typeof this.context[fn] === 'function';
  }

  /**
   * Calls a global function of the script as one execution. Functions ending in "_" are private in
   * Apps Script; the caller decides whether that applies (google.script.run refuses them).
   */
  call(fn: string, args: unknown[], options: ExecutionOptions = {}): unknown {
    if (!this.has(fn) || !/^[A-Za-z_$][\w$]*$/.test(fn)) throw new Error(`Script function not found: ${fn}`);
    // Run inside the context with a wall-clock timeout, so a runaway loop cannot hang the emulator
    // (the 6-minute Apps Script limit itself is enforced on the simulated clock, in Env).
    this.context.__args = args;
    const script = new vm.Script(`${fn}.apply(null, __args)`, { filename: `call:${fn}` });
    return this.env.runExecution(fn, options, () => script.runInContext(this.context, { timeout: WALL_TIMEOUT_MS }));
  }

  /** Evaluates an expression in the script's realm (tests: build a Date or an object of that realm). */
  evaluate(expression: string): unknown {
    return vm.runInContext(expression, this.context);
  }
}
