/**
 * Batches of documents that may not fit in one execution (consent statements for 150 people): the
 * list of items is fixed when the batch starts and kept in the document's properties with how far it
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
}

const JOB = 'documentJob';
/** Properties hold at most 9 KB a value: the skipped list is cut, the counts stay exact. */
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
