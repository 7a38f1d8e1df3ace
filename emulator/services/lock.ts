/**
 * LockService with real mutual exclusion between interleaved executions (Env.beginExecution /
 * switchTo). The emulator is single-threaded, so a lock held by another running execution can never
 * be released while this one waits: tryLock advances the simulated clock by the whole timeout and
 * returns false. Locks are released when their execution ends.
 *
 * A burst (LockTable.beginBurst: ws.flushFormTriggers({ simultaneous: true })) models executions that
 * all start at one instant but run here one after another: each has its own clock (the burst's start
 * plus the time it has spent), and asking for a lock an earlier execution of the burst held waits
 * until the last such holder released it on those clocks — or times out, as in Google.
 */
import type { Env, Execution } from '../core/env';
import { gasObject, signatureError } from '../core/gasObject';
import { documentIdGetter, type DocumentIdOption } from './common';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** Holder id used for calls made outside any execution (tests calling services directly). */
const NO_EXECUTION = 0;

/** Who holds which lock. Keys: "script", "document:<id>", "user:<email>". Not persisted (locks die with executions). */
export class LockTable {
  readonly holders = new Map<string, number>();
  /** The running burst: its start, and per lock when its last holder released it (burst clock). */
  private burst: { startMs: number; freeAtMs: Map<string, number> } | null = null;

  /** Executions from now on start together at `startMs` (see the file comment), until endBurst(). */
  beginBurst(startMs: number): void {
    this.burst = { startMs, freeAtMs: new Map() };
  }

  endBurst(): void {
    this.burst = null;
  }

  /** The execution's own clock in a burst: the burst's start plus what it has spent; null outside one. */
  burstNow(execution: Execution | null): number | null {
    return this.burst && execution ? this.burst.startMs + execution.spentMs : null;
  }

  /** How long an execution asking for `key` at `atMs` (burst clock) waits for earlier holders. */
  burstWait(key: string, atMs: number): number {
    const free = this.burst?.freeAtMs.get(key);
    return free === undefined ? 0 : Math.max(0, free - atMs);
  }

  /** Frees `key`; in a burst, remembers when (the next execution asking waits until then). */
  release(key: string, atMs: number | null): void {
    this.holders.delete(key);
    if (this.burst && atMs !== null) this.burst.freeAtMs.set(key, Math.max(atMs, this.burst.freeAtMs.get(key) ?? atMs));
  }

  /** Releases every lock `executionId` holds (at `atMs` on the burst clock, if in one). */
  releaseAll(executionId: number, atMs: number | null = null): void {
    for (const [key, holder] of [...this.holders]) if (holder === executionId) this.release(key, atMs);
  }

  holderOf(key: string): number | undefined {
    return this.holders.get(key);
  }
}

type L = GoogleAppsScript.Lock.Lock;

export class FakeLock implements Pick<L, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  /** The execution that acquired the lock through this object, if it did. */
  private acquiredBy: number | null = null;

  constructor(
    private readonly env: Env,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}

  private me(): number {
    return this.env.execution?.id ?? NO_EXECUTION;
  }

  private timeout(ms: unknown, method: string): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      throw signatureError(this.env, `LockService.Lock.${method}`, [ms]);
    if (ms < 0) throw this.env.error(`Invalid argument: timeoutInMillis`);
    return Math.floor(ms);
  }

  tryLock(timeoutInMillis: number): boolean {
    const ms = this.timeout(timeoutInMillis, 'tryLock');
    const me = this.me();
    const holder = this.table.holderOf(this.key);
    if (holder === undefined || holder === me) {
      const now = this.table.burstNow(this.env.execution);
      const wait = holder === me || now === null ? 0 : this.table.burstWait(this.key, now);
      if (wait > ms) {
        // Earlier executions of the burst hold it longer than we may wait.
        this.env.advance(ms);
        return false;
      }
      if (wait > 0) this.env.advance(wait);
      this.table.holders.set(this.key, me);
      this.acquiredBy = me;
      return true;
    }
    // Another execution holds it and cannot run while we wait: the whole timeout passes.
    this.env.advance(ms);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    const ms = this.timeout(timeoutInMillis, 'waitLock');
    if (!this.tryLock(ms)) throw this.env.error(LOCK_TIMEOUT);
  }

  releaseLock(): void {
    if (this.acquiredBy !== null && this.table.holderOf(this.key) === this.acquiredBy) {
      this.table.release(this.key, this.table.burstNow(this.env.execution));
    }
    this.acquiredBy = null;
  }

  hasLock(): boolean {
    return (
      this.acquiredBy !== null && this.table.holderOf(this.key) === this.acquiredBy && this.acquiredBy === this.me()
    );
  }
}

type LS = GoogleAppsScript.Lock.LockService;

class FakeLockService implements Pick<LS, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'> {
  constructor(
    private readonly env: Env,
    private readonly table: LockTable,
    private readonly documentId: () => string | null,
  ) {}

  private lock(key: string): L {
    return gasObject(this.env, 'Lock.Lock', new FakeLock(this.env, this.table, key)) as unknown as L;
  }

  getScriptLock(): L {
    return this.lock('script');
  }

  /** null outside a document (reference: `Lock|null`, "null if called from a standalone script"). */
  getDocumentLock(): L {
    const id = this.documentId();
    return id === null ? (null as unknown as L) : this.lock(`document:${id}`);
  }

  getUserLock(): L {
    return this.lock(`user:${this.env.activeUser}`);
  }
}

export interface LockServiceOptions {
  documentId?: DocumentIdOption;
}

/** The `LockService` global. Registers an end-of-execution hook that releases the execution's locks. */
export function createLockService(env: Env, table: LockTable = new LockTable(), options: LockServiceOptions = {}): LS {
  env.onExecutionEnd((e: Execution) => table.releaseAll(e.id, table.burstNow(e)));
  const service = new FakeLockService(env, table, documentIdGetter(options.documentId));
  return gasObject(env, 'Lock.LockService', service) as unknown as LS;
}
