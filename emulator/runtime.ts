import vm from 'node:vm';
import type { AuthModeName, Env } from './core/env';

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
  call(
    fn: string,
    args: unknown[],
    options: { user?: string; authMode?: AuthModeName; limitMs?: number } = {},
  ): unknown {
    if (!this.has(fn)) throw new Error(`Script function not found: ${fn}`);
    const target = this.context[fn] as (...a: unknown[]) => unknown;
    return this.env.runExecution(fn, options, () => target(...args));
  }

  /** Evaluates an expression in the script's realm (tests: build a Date or an object of that realm). */
  evaluate(expression: string): unknown {
    return vm.runInContext(expression, this.context);
  }
}
