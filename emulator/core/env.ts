import { CallLog, shortClassName } from './calls';

/** Where the add-on's code runs: errors and dates must be created in its realm (node:vm context). */
export interface Realm {
  Error: ErrorConstructor;
  Date: DateConstructor;
}

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** What the add-on's appsscript.json grants: the scopes it asks for and the advanced services it enables. */
export interface Manifest {
  /** The explicit `oauthScopes` list; null when the manifest has none (then nothing is refused for scope). */
  oauthScopes: readonly string[] | null;
  /** `dependencies.enabledAdvancedServices`: e.g. { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }. */
  advancedServices: ReadonlyArray<{ userSymbol: string; serviceId: string; version: string }>;
}

/** Reads the parts of appsscript.json the emulator enforces. */
export function parseManifest(json: unknown): Manifest {
  const m = (json ?? {}) as { oauthScopes?: unknown; dependencies?: { enabledAdvancedServices?: unknown } };
  const scopes = Array.isArray(m.oauthScopes) ? m.oauthScopes.map(String) : null;
  const advanced = Array.isArray(m.dependencies?.enabledAdvancedServices)
    ? (m.dependencies!.enabledAdvancedServices as Array<Record<string, unknown>>).map((s) => ({
        userSymbol: String(s.userSymbol),
        serviceId: String(s.serviceId),
        version: String(s.version),
      }))
    : [];
  return { oauthScopes: scopes, advancedServices: advanced };
}

/** One Apps Script execution: a menu click, a trigger, a google.script.run call. */
export interface Execution {
  id: number;
  /** The function that started it, e.g. "onOpen". */
  fn: string;
  user: string;
  authMode: AuthModeName;
  /** Simulated Apps Script time spent so far (charged latency, sleeps), against the limit. */
  spentMs: number;
  /** 6 minutes, or 30 seconds for simple triggers. */
  limitMs: number;
  /**
   * The document it runs in: a spreadsheet id, or null for none (an editor add-on's time-driven
   * trigger belongs to the script, not to a file). Undefined: the workspace's own spreadsheet.
   */
  documentId?: string | null;
  /**
   * The document of the installable trigger that started it. Add-on triggers belong to a document,
   * so triggers a time-driven run creates belong to its trigger's document (not documented: Choice).
   */
  triggerDocumentId?: string;
}

/** How an execution starts: who, in which mode, for how long, in which document, from which trigger. */
export interface ExecutionOptions {
  user?: string;
  authMode?: AuthModeName;
  limitMs?: number;
  documentId?: string | null;
  triggerDocumentId?: string;
}

/** Thrown when an execution goes past its time limit, as Apps Script stops it. */
export const EXCEEDED_TIME = 'Exceeded maximum execution time';

/**
 * Shared state of one emulated Google Workspace: the clock, the call log, the current execution.
 * Every fake service receives the same Env.
 */
export class Env {
  readonly calls: CallLog;
  /** Simulated clock in epoch ms: starts at `now`, moves only by charged latency, sleep and advance(). */
  private clockMs: number;
  /** The document owner: may edit everything, protections included. */
  owner: string;
  activeUser: string;
  /** Script time zone (appsscript.json); the spreadsheet has its own. */
  scriptTimeZone = 'Europe/Moscow';
  realm: Realm = { Error, Date };
  /** The add-on's manifest (the workspace reads dist/appsscript.json); no scopes list = nothing refused. */
  manifest: Manifest = { oauthScopes: null, advancedServices: [] };
  execution: Execution | null = null;
  private nextExecutionId = 1;
  /** Nesting depth of emulator methods, so only calls from the add-on itself are counted. */
  depth = 0;
  /** Hooks the services register to clean up at the end of an execution (e.g. release locks). */
  private endHooks: Array<(e: Execution) => void> = [];
  /** Whether charged latency also moves the clock (off in the local server, which keeps real time). */
  chargeLatency = true;

  constructor(options: { now?: Date | string | number; user?: string; owner?: string; calls?: CallLog } = {}) {
    this.calls = options.calls ?? new CallLog();
    this.clockMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    if (Number.isNaN(this.clockMs)) throw new Error(`Invalid "now": ${String(options.now)}`);
    this.owner = options.owner ?? options.user ?? 'user@example.com';
    this.activeUser = options.user ?? this.owner;
  }

  now(): number {
    return this.clockMs;
  }

  /** Moves the simulated clock (Utilities.sleep, tests that let days pass); counts against the limit. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('The clock cannot go back');
    this.clockMs += ms;
    this.spend(ms);
  }

  /**
   * Records a call from the add-on into a service and charges its latency to the execution's time
   * limit, and to the clock unless `chargeLatency` is off (the local server follows the real clock).
   * `className` is qualified by its reference namespace when known ("Spreadsheet.Range").
   */
  record(className: string, method: string): void {
    const ms = this.calls.record(className, method);
    if (this.faults.length) this.injectFault(`${shortClassName(className)}.${method}`);
    if (ms <= 0) return;
    if (this.chargeLatency) this.clockMs += ms;
    this.spend(ms);
  }

  /** Armed failures (failAt): the call name and how many more such calls until it throws. */
  private faults: Array<{ call: string; remaining: number; message: string }> = [];

  /**
   * Fault injection for crash tests: the `nth` counted call named `callName` ("File.makeCopy",
   * "Document.saveAndClose" — as the call log names them) from now on throws `message` (default: the
   * time-limit error) inside the script, before the call does anything. Fires once.
   */
  failAt(callName: string, nth: number, message: string = EXCEEDED_TIME): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error('failAt: nth must be a positive integer');
    this.faults.push({ call: callName, remaining: nth, message });
  }

  private injectFault(call: string): void {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (f.call !== call || --f.remaining > 0) continue;
      this.faults.splice(i, 1);
      throw this.error(f.message);
    }
  }

  private spend(ms: number): void {
    const e = this.execution;
    if (!e) return;
    e.spentMs += ms;
    if (e.spentMs > e.limitMs) throw this.error(EXCEEDED_TIME);
  }

  /** An error as Apps Script throws it, created in the add-on's realm so `instanceof Error` holds. */
  error(message: string): Error {
    const err = new this.realm.Error(message);
    err.name = 'Exception';
    return err;
  }

  /** A Date in the add-on's realm. */
  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  onExecutionEnd(hook: (e: Execution) => void): void {
    this.endHooks.push(hook);
  }

  /** Runs `body` as one execution; nested calls run inside the current one. */
  runExecution<T>(fn: string, options: ExecutionOptions, body: () => T): T {
    if (this.execution) return body();
    const execution: Execution = {
      id: this.nextExecutionId++,
      fn,
      user: options.user ?? this.activeUser,
      authMode: options.authMode ?? 'FULL',
      spentMs: 0,
      limitMs: options.limitMs ?? 6 * 60 * 1000,
      ...(options.documentId !== undefined && { documentId: options.documentId }),
      ...(options.triggerDocumentId !== undefined && { triggerDocumentId: options.triggerDocumentId }),
    };
    const previousUser = this.activeUser;
    this.activeUser = execution.user;
    this.execution = execution;
    try {
      return body();
    } finally {
      this.execution = null;
      this.activeUser = previousUser;
      for (const hook of this.endHooks) hook(execution);
    }
  }

  /**
   * Starts an execution without finishing it, for tests of interleaving (two users' triggers at
   * once). Returns a function that ends it. Use `switchTo` to continue one of them.
   */
  beginExecution(fn: string, options: { user?: string; authMode?: AuthModeName } = {}): Execution {
    const execution: Execution = {
      id: this.nextExecutionId++,
      fn,
      user: options.user ?? this.activeUser,
      authMode: options.authMode ?? 'FULL',
      spentMs: 0,
      limitMs: 6 * 60 * 1000,
    };
    return execution;
  }

  /** Makes `execution` the current one (interleaving tests). */
  switchTo(execution: Execution | null): void {
    this.execution = execution;
    if (execution) this.activeUser = execution.user;
  }

  endExecution(execution: Execution): void {
    if (this.execution === execution) this.execution = null;
    for (const hook of this.endHooks) hook(execution);
  }
}
