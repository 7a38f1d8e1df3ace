/**
 * «Документы»: the panel's pure logic, kept free of Preact so it is unit-testable — the batch loop
 * (generateDocuments, then continueDocuments one call at a time until finished), the status labels,
 * the link check and the default date. Every transition returns a new state; nothing is mutated.
 */
import type { BatchProgress, DocumentKindId, DocumentStatus, GenerateRequest } from '../src/contract/serverApi';
import { today } from './clock';

/** Who the next server call of the batch is, or what the loop waits for. */
export type Pending = 'generate' | 'continue' | 'wait' | null;

export interface BatchState {
  /** The last progress the server reported; null before the first answer. */
  progress: BatchProgress | null;
  /**
   * 'generate'/'continue': a call is on its way — nothing else may be sent; 'wait': a pause before
   * the next continueDocuments (the server made no headway); null: nothing in flight.
   */
  pending: Pending;
  /** «Остановить» was pressed (or the panel opened on a batch already running): no more calls until «Продолжить». */
  paused: boolean;
  /** Answers in a row that brought no new document (the trigger may hold the batch); drives the pause. */
  stalls: number;
  /** Russian, the last failure; the loop stops on it. */
  error: string | null;
}

export const IDLE: BatchState = { progress: null, pending: null, paused: false, stalls: 0, error: null };

/** A batch the server knows but has not finished. */
export function isUnfinished(p: BatchProgress | null | undefined): p is BatchProgress {
  return !!p && !p.finished;
}

/** The state the panel opens with: an unfinished batch from getDocumentsView is shown paused, to be continued. */
export function fromJob(job: BatchProgress | null | undefined): BatchState {
  return isUnfinished(job) ? { ...IDLE, progress: job, paused: true } : IDLE;
}

/**
 * The batch getDocumentsView reports (on open and on «Обновить»), merged into the panel's own: a loop
 * at work is left alone; the same job brings fresher figures; a stopped batch the server no longer
 * reports has been finished by the trigger (its documents are in the register) and is dropped.
 */
export function syncJob(s: BatchState, job: BatchProgress | null | undefined): BatchState {
  if (s.pending !== null || (isUnfinished(s.progress) && !s.paused && !s.error)) return s;
  if (s.progress && job && job.jobId === s.progress.jobId) {
    return job.finished ? { ...IDLE, progress: job } : { ...s, progress: job };
  }
  if (s.progress && !isUnfinished(s.progress) && !isUnfinished(job)) return s;
  return fromJob(job);
}

/** The batch is being worked on from this panel (a call in flight, a pause, or the loop running). */
export function isRunning(s: BatchState): boolean {
  return s.pending !== null || (isUnfinished(s.progress) && !s.paused && !s.error);
}

/**
 * May «Создать документы» start a new batch? Not while a call is in flight (a double click) and not
 * while an unfinished batch is known — it is continued («Продолжить») or left to the server's trigger.
 */
export function canStart(s: BatchState): boolean {
  return s.pending === null && !isUnfinished(s.progress);
}

/** «Создать документы»: a new batch; refused (the same state returned) when canStart is false. */
export function start(s: BatchState): BatchState {
  if (!canStart(s)) return s;
  return { ...IDLE, pending: 'generate' };
}

/** An answer of generateDocuments or continueDocuments. */
export function receive(s: BatchState, p: BatchProgress): BatchState {
  const before = s.progress && s.progress.jobId === p.jobId ? s.progress.done : -1;
  const stalls = p.finished || p.done > before ? 0 : s.stalls + 1;
  return { ...s, progress: p, pending: null, stalls, error: null };
}

/** A failed call: the loop stops with the message; the batch so far stays on screen. */
export function fail(s: BatchState, message: string): BatchState {
  return { ...s, pending: null, error: message };
}

/** The job to continue now, or null when the loop must not call (finished, paused, failed, a call in flight). */
export function nextJob(s: BatchState): string | null {
  if (s.pending !== null || s.paused || s.error || !isUnfinished(s.progress)) return null;
  return s.progress.jobId;
}

/** Milliseconds to wait before the next continueDocuments: none while documents keep coming, then 2, 4 … 10 s. */
export function continueDelay(s: BatchState): number {
  return s.stalls <= 0 ? 0 : Math.min(10_000, 2_000 * s.stalls);
}

/** The loop waits (continueDelay) before the next call. */
export function wait(s: BatchState): BatchState {
  return nextJob(s) === null ? s : { ...s, pending: 'wait' };
}

/** continueDocuments is sent (now or when the wait ends); refused unless the loop may call. */
export function send(s: BatchState): BatchState {
  const free = s.pending === 'wait' ? { ...s, pending: null } : s;
  return nextJob(free) === null ? s : { ...free, pending: 'continue' };
}

/** «Остановить»: no further calls; a call in flight still lands (and is shown), a pending wait is dropped. */
export function stop(s: BatchState): BatchState {
  if (!isUnfinished(s.progress) && s.pending !== 'generate') return s;
  return { ...s, paused: true, pending: s.pending === 'wait' ? null : s.pending };
}

/** «Продолжить» (after a stop, a failure, or on open): the loop may call again. */
export function resume(s: BatchState): BatchState {
  if (!isUnfinished(s.progress) || s.pending === 'generate' || s.pending === 'continue') return s;
  return { ...s, paused: false, error: null, stalls: 0, pending: null };
}

/** Percent done for the bar (0 when the total is unknown). */
export function percent(p: BatchProgress | null | undefined): number {
  if (!p) return 0;
  if (p.finished) return 100;
  const total = Number(p.total);
  const done = Number(p.done);
  if (!isFinite(total) || !isFinite(done) || total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/** What happens to an existing document of the batch, Russian. */
export function existingLabel(existing: DocumentStatus | null | undefined): string {
  if (existing === 'черновик') return 'будет обновлён черновик';
  if (existing === 'подписан') return 'подписан — не изменится';
  return 'новый';
}

/** Register status as shown: «черновик», «подписан» (anything else as it came). */
export function statusLabel(status: DocumentStatus | string | null | undefined): string {
  return String(status ?? '').trim() || '—';
}

/**
 * A link the panel may render: only absolute http(s) URLs (a `javascript:`, `data:` or relative one
 * is dropped, as is anything with spaces or control characters). Returns the trimmed URL or null.
 */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s/?#]+/i.test(u) || /[\s\u0000-\u001f\u007f]/.test(u)) return null;
  return u;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today as ISO YYYY-MM-DD in the browser's time zone (the date input's default). */
export function todayIso(now: Date = today()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A real calendar date written as YYYY-MM-DD (what <input type="date"> gives; '' when cleared). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** What «Создать документы» sends; null when the date is not a valid one. */
export function buildRequest(kind: DocumentKindId, pdf: boolean, date: string): GenerateRequest | null {
  if (!isIsoDate(date)) return null;
  return { kind, pdf: !!pdf, date };
}

/** A server answer shaped like a BatchProgress (a broken one stops the loop instead of looping on it). */
export function isProgress(p: unknown): p is BatchProgress {
  if (!p || typeof p !== 'object') return false;
  const b = p as Partial<BatchProgress>;
  return typeof b.jobId === 'string' && b.jobId !== '' && typeof b.finished === 'boolean';
}
