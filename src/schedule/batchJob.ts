/**
 * Batches of documents that may not fit in one execution (consent statements for 150 people): the
 * list of items is fixed when the batch starts and kept with the add-on's state (src/state) with how far it
 * got; each run makes documents until its time budget is spent. The sidebar calls the next run as
 * soon as one returns; if it is closed, the add-on's one time-driven trigger carries on (at most
 * hourly, as add-on triggers run). A run that dies halfway is safe to repeat (see generate.ts).
 */
import type { DocumentKindId } from '../domain/documents/types';
import { readJsonProperty, writeJsonProperty } from '../state/store';

export interface BatchJob {
  id: string;
  kind: DocumentKindId;
  /** ISO day of the documents. */
  date: string;
  pdf: boolean;
  period: string;
  /** Item keys (period, bank ids), in order. */
  keys: string[];
  /** How many keys are done. */
  done: number;
  made: number;
  updated: number;
  /** Russian reasons, kept short (the register has the rest). */
  skipped: string[];
  finished: boolean;
  startedMs: number;
  /** Who is making the documents now, and until when (see claimJob). */
  lease?: { holder: BatchHolder; untilMs: number };
  /**
   * Keys whose register rows were numbered ahead (documents.ts reserveAhead) and carry no Doc yet, as
   * the last run left them. Saved only at the end of a run: the run holding the batch drops it from
   * the saved job first (claimJob), so a run killed halfway leaves none and the next looks in Drive.
   */
  fresh?: string[];
  /** The time-driven trigger was made hourly for this batch (it spans more than one call). */
  clock?: boolean;
}

/** The sidebar driving the batch chunk by chunk, or the time-driven trigger carrying it on. */
export type BatchHolder = 'sidebar' | 'clock';

const JOB = 'documentJob';
/** The skipped list is cut (the sidebar shows it; the register has the rest), the counts stay exact. */
const MAX_SKIPPED = 30;

export function readJob(): BatchJob | null {
  return readJsonProperty<BatchJob | null>(JOB, null);
}

export function writeJob(job: BatchJob): void {
  if (job.skipped.length > MAX_SKIPPED) job.skipped = [...job.skipped.slice(0, MAX_SKIPPED - 1), '…'];
  writeJsonProperty(JOB, job);
}

/** Time budgets in ms: a sidebar call answers quickly (the bar moves); a trigger run uses most of its 6 minutes. */
export const BUDGET = { sidebar: 20_000, trigger: 270_000 } as const;
/** How long after its last chunk the sidebar still counts as driving the batch (it asks again at once). */
const LEASE_MARGIN_MS = 60_000;

/**
 * Takes the batch for `holder` unless the other one has it now. A time-driven run has no document lock
 * (it takes the user lock), so the lock cannot keep it and a sidebar in the same file apart; the job
 * says who is making its documents instead, and the other side leaves them alone until the lease ends.
 */
export function claimJob(job: BatchJob, holder: BatchHolder, save = true): boolean {
  const now = Date.now();
  if (job.lease && job.lease.holder !== holder && job.lease.untilMs > now) return false;
  job.lease = { holder, untilMs: now + (holder === 'clock' ? BUDGET.trigger : BUDGET.sidebar) + LEASE_MARGIN_MS };
  // A batch started in this call is in no saved job yet: nobody else can take it until its run saves it.
  if (!save) return true;
  const { fresh, ...saved } = job;
  writeJob(saved);
  if (fresh) job.fresh = fresh;
  return true;
}

/** The trigger's run is over: the sidebar may take the batch at once. */
export function releaseJob(holder: BatchHolder): void {
  const job = readJob();
  if (!job || job.lease?.holder !== holder) return;
  delete job.lease;
  writeJob(job);
}
