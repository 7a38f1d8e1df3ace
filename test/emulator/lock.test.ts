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
