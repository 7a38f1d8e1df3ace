import { isUserError } from '../domain/userError';
import { BUDGET, claimJob, readJob, releaseJob, writeJob } from '../schedule/batchJob';
import { settleClockTrigger } from '../schedule/clock';
import { contextSpreadsheet } from '../state/context';
import { withLock } from '../state/lock';
import { runBatch } from './documents';

/**
 * From the time-driven trigger: carries on a batch the sidebar left (closed, or the computer went to
 * sleep). A batch that cannot go on (the template was broken meanwhile) is stopped with the reason,
 * so the trigger does not retry it every hour.
 */
export function continueDocumentsOnSchedule(): void {
  const job = readJob();
  if (!job || job.finished) return;
  const ss = contextSpreadsheet();
  withLock(
    () => undefined,
    () => {
      const fresh = readJob();
      // The sidebar is making this batch's documents now: the next run carries on if it stops.
      if (!fresh || fresh.finished || !claimJob(fresh, 'clock')) return undefined;
      try {
        runBatch(ss, fresh, BUDGET.trigger);
        releaseJob('clock');
      } catch (e) {
        if (!isUserError(e)) throw e;
        const stopped = readJob() ?? fresh;
        stopped.finished = true;
        stopped.skipped.push(`Остановлено: ${e.message}`);
        writeJob(stopped);
        settleClockTrigger();
      }
      return undefined;
    },
  );
}
