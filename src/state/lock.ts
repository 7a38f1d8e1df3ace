import { forgetContextMemo } from './context';

/**
 * The one lock the add-on's own work takes. In a menu item, sidebar call or spreadsheet trigger it is
 * the document lock: people working in one file wait for each other, other files do not. A
 * time-driven run has no document lock (LockService.getDocumentLock() is null outside a document), so
 * it takes the user lock: the trigger's owner's runs in all their files wait for each other, without
 * the script lock's reach over every user of the add-on. A clock run and a person in the same file are
 * not kept apart by LockService: a document batch says itself who is making it (schedule/batchJob.ts
 * claimJob), the reminders run once a day and are logged, and the rest of a clock run is idempotent.
 */
export function addonLock(): GoogleAppsScript.Lock.Lock {
  return LockService.getDocumentLock() ?? LockService.getUserLock();
}

/**
 * `lock.tryLock(ms)`; once held, the add-on's state is read again (state/context.ts): another execution
 * may have changed it while this one waited.
 */
export function takeLock(lock: GoogleAppsScript.Lock.Lock, timeoutMs: number): boolean {
  if (!lock.tryLock(timeoutMs)) return false;
  forgetContextMemo();
  return true;
}

/** Runs `work` under addonLock(); when someone else holds it for `waitMs`, `busy` answers instead. */
export function withLock<T>(busy: () => T, work: () => T, waitMs = 10000): T {
  const lock = addonLock();
  if (!takeLock(lock, waitMs)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
