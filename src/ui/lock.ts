/**
 * Work that changes shared sheets or Drive runs under the document lock. When someone else holds it
 * for 10 s, `busy` answers instead (a message, or what the other run will have done).
 */
export function withLock<T>(busy: () => T, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10000)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
