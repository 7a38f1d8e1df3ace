import { CallLog } from '../../emulator/core/calls';
import { Env } from '../../emulator/core/env';
import { createLockService, LOCK_TIMEOUT, LockTable } from '../../emulator/services/lock';

const NOW = '2026-11-25T12:00:00+03:00';

function setup() {
  const env = new Env({ now: NOW, user: 'a@school.example' });
  env.chargeLatency = false; // the clock moves only by lock waits here
  const table = new LockTable();
  const LockService = createLockService(env, table);
  return { env, table, LockService };
}

describe('LockService', () => {
  it('excludes a second interleaved execution until the holder ends', () => {
    const { env, LockService } = setup();
    const a = env.beginExecution('onFormSubmit', { user: 'a@school.example' });
    const b = env.beginExecution('onFormSubmit', { user: 'b@school.example' });

    env.switchTo(a);
    const lockA = LockService.getScriptLock();
    expect(lockA.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(true);

    env.switchTo(b);
    const lockB = LockService.getScriptLock();
    const t0 = env.now();
    expect(lockB.tryLock(1000)).toBe(false);
    expect(env.now() - t0).toBe(1000);
    expect(lockB.hasLock()).toBe(false);
    expect(() => lockB.waitLock(2000)).toThrow(LOCK_TIMEOUT);
    expect(env.now() - t0).toBe(3000);

    env.switchTo(a);
    env.endExecution(a);

    env.switchTo(b);
    const t1 = env.now();
    expect(lockB.tryLock(1000)).toBe(true);
    expect(env.now()).toBe(t1); // free: no wait
    expect(lockB.hasLock()).toBe(true);
    env.endExecution(b);
  });

  it('waitLock throws the exact Apps Script text as an Exception', () => {
    const { env, LockService } = setup();
    const a = env.beginExecution('x');
    const b = env.beginExecution('y');
    env.switchTo(a);
    LockService.getDocumentLock().waitLock(10);
    env.switchTo(b);
    try {
      LockService.getDocumentLock().waitLock(500);
      throw new Error('no throw');
    } catch (e) {
      expect((e as Error).message).toBe('Lock timeout: another process was holding the lock for too long.');
      expect((e as Error).name).toBe('Exception');
    }
  });

  it('releaseLock lets the other execution in; re-acquiring in the same execution is fine', () => {
    const { env, LockService } = setup();
    const a = env.beginExecution('x');
    const b = env.beginExecution('y');
    env.switchTo(a);
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true); // same execution, another Lock object
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    env.switchTo(b);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('script, document and user locks are independent; user locks are per user', () => {
    const { env, LockService } = setup();
    const a = env.beginExecution('x', { user: 'a@school.example' });
    const b = env.beginExecution('y', { user: 'b@school.example' });
    env.switchTo(a);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    env.switchTo(b);
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    expect(LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it('runExecution releases locks at its end', () => {
    const { env, table, LockService } = setup();
    env.runExecution('job', {}, () => {
      expect(LockService.getScriptLock().tryLock(100)).toBe(true);
      expect(table.holders.size).toBe(1);
    });
    expect(table.holders.size).toBe(0);
  });

  it('a wait that would pass the 6-minute limit stops the execution', () => {
    const { env, LockService } = setup();
    const a = env.beginExecution('x');
    const b = env.beginExecution('y');
    env.switchTo(a);
    LockService.getScriptLock().waitLock(0);
    env.switchTo(b);
    expect(() => LockService.getScriptLock().tryLock(7 * 60 * 1000)).toThrow('Exceeded maximum execution time');
  });

  it('counts calls, charges latency when enabled, and rejects unknown members', () => {
    const env = new Env({ now: NOW });
    const LockService = createLockService(env);
    const lock = LockService.getScriptLock();
    lock.tryLock(10);
    lock.releaseLock();
    const s = env.calls.summary();
    expect(s.byMethod).toEqual({ 'LockService.getScriptLock': 1, 'Lock.tryLock': 1, 'Lock.releaseLock': 1 });
    expect(() => (lock as unknown as { isLocked(): boolean }).isLocked()).toThrow(/not implemented/);
  });
});

describe('LockService in a burst (executions that start at the same instant)', () => {
  /** Calls cost nothing here, so the numbers are the model's alone. */
  function burstSetup() {
    const env = new Env({ now: NOW, user: 'a@school.example', calls: new CallLog({ default: 0 }) });
    const table = new LockTable();
    return { env, table, LockService: createLockService(env, table) };
  }
  /** One execution of the burst: `before` ms of work, then the lock for `hold` ms (or until it ends). */
  function run(
    f: ReturnType<typeof burstSetup>,
    o: { before: number; timeout: number; hold: number; wait?: boolean; release?: boolean },
  ): { got: boolean | string; waited: number } {
    return f.env.runExecution('onFormSubmit', {}, () => {
      f.env.advance(o.before);
      const lock = f.LockService.getDocumentLock();
      const t0 = f.env.execution!.spentMs;
      let got: boolean | string;
      try {
        if (o.wait) {
          lock.waitLock(o.timeout);
          got = true;
        } else got = lock.tryLock(o.timeout);
      } catch (e) {
        got = (e as Error).message;
      }
      const waited = f.env.execution!.spentMs - t0;
      if (got === true) {
        f.env.advance(o.hold);
        if (o.release !== false) lock.releaseLock();
      }
      return { got, waited };
    });
  }

  it('each waits as long as the earlier ones held the lock; past its timeout tryLock is false, waitLock throws', () => {
    const f = burstSetup();
    f.table.beginBurst(f.env.now());
    expect(run(f, { before: 2000, timeout: 30000, hold: 5000 })).toEqual({ got: true, waited: 0 });
    expect(run(f, { before: 2000, timeout: 30000, hold: 5000 })).toEqual({ got: true, waited: 5000 });
    // Free at 12 s on the burst clock; asking at 2 s with 8 s to wait is not enough.
    expect(run(f, { before: 2000, timeout: 8000, hold: 5000 })).toEqual({ got: false, waited: 8000 });
    expect(run(f, { before: 2000, timeout: 9999, hold: 5000, wait: true })).toEqual({
      got: LOCK_TIMEOUT,
      waited: 9999,
    });
    // Exactly the remaining time is enough; one that asks late waits less.
    expect(run(f, { before: 2000, timeout: 10000, hold: 1000 })).toEqual({ got: true, waited: 10000 });
    expect(run(f, { before: 12000, timeout: 0, hold: 1000 })).toEqual({ got: false, waited: 0 });
    expect(run(f, { before: 13000, timeout: 0, hold: 1000 })).toEqual({ got: true, waited: 0 });
    f.table.endBurst();
  });

  it('a lock never released by hand is held until its execution ends', () => {
    const f = burstSetup();
    f.table.beginBurst(f.env.now());
    f.env.runExecution('a', {}, () => {
      f.LockService.getDocumentLock().waitLock(1000);
      f.env.advance(4000);
      // Work after the critical section, lock still held: it counts.
      f.env.advance(3000);
    });
    expect(run(f, { before: 0, timeout: 30000, hold: 0 })).toEqual({ got: true, waited: 7000 });
    f.table.endBurst();
  });

  it('other locks do not wait on each other; outside a burst nobody waits (executions are sequential)', () => {
    const f = burstSetup();
    f.table.beginBurst(f.env.now());
    f.env.runExecution('a', {}, () => {
      f.LockService.getScriptLock().waitLock(0);
      f.env.advance(60000);
    });
    expect(run(f, { before: 0, timeout: 0, hold: 0 })).toEqual({ got: true, waited: 0 });
    f.table.endBurst();
    expect(run(f, { before: 0, timeout: 0, hold: 1000 })).toEqual({ got: true, waited: 0 });
    expect(run(f, { before: 0, timeout: 0, hold: 1000 })).toEqual({ got: true, waited: 0 });
  });

  it('a wait past the 6-minute limit ends the execution', () => {
    const f = burstSetup();
    f.table.beginBurst(f.env.now());
    run(f, { before: 0, timeout: 0, hold: 5 * 60 * 1000 });
    // The second runs out of time holding the lock, which it releases only as it ends (at 6.5 min).
    expect(() => run(f, { before: 0, timeout: 6 * 60 * 1000, hold: 90 * 1000 })).toThrow(
      'Exceeded maximum execution time',
    );
    expect(run(f, { before: 0, timeout: 7 * 60 * 1000, hold: 0 }).got).toBe('Exceeded maximum execution time');
    f.table.endBurst();
  });
});
