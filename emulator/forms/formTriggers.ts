/**
 * Which installable triggers a submission fires, and in what order queued firings run. Apps Script
 * runs each trigger as its own execution, may fire one submission twice, and gives no order between
 * near-simultaneous submissions: the queue lets tests reproduce all three.
 */
import type { TriggerRegistry } from '../services/script';
import type { SubmitResult } from './submit';

/** One trigger firing for one submission, as data (the event object is built when it runs). */
export interface PendingFiring {
  triggerId: string;
  handler: string;
  /** The trigger's owner: the handler runs as this user. */
  user: string;
  formId: string;
  responseId: string;
  sheetId: number;
  /** 1-based row of the response and the header width at submission. */
  row: number;
  values: string[];
  namedValues: Record<string, string[]>;
}

export interface TriggerRun {
  triggerId: string;
  handler: string;
  responseId: string;
  ok: boolean;
  /** The handler's error message (Apps Script logs it; the submission itself stands). */
  error?: string;
}

export interface FlushOptions {
  order?: 'asIs' | 'reverse' | 'shuffle';
  /** Seed of the shuffle (default 1), so a failing order can be replayed. */
  seed?: number;
  /** Fire every queued event twice, as Apps Script sometimes does. */
  duplicate?: boolean;
  /**
   * A real burst: every firing starts at the same instant. They still run one after another, but a
   * lock an earlier firing held makes a later one wait as long as it was held, and time out as in
   * Google (services/lock.ts, LockTable.beginBurst). Default: one after another, no waits.
   */
  simultaneous?: boolean;
}

/** Spreadsheet ON_FORM_SUBMIT triggers of the destination spreadsheet, any user. */
export function firingsFor(registry: TriggerRegistry, spreadsheetId: string, result: SubmitResult): PendingFiring[] {
  const w = result.written;
  if (!w) return [];
  return registry.forEvent('ON_FORM_SUBMIT', spreadsheetId).map((t) => ({
    triggerId: t.id,
    handler: t.handler,
    user: t.user,
    formId: result.formId,
    responseId: result.response.id,
    sheetId: w.sheetId,
    row: w.row,
    values: [...w.values],
    namedValues: structuredClone(w.namedValues),
  }));
}

/** mulberry32: a tiny deterministic PRNG for the seeded shuffle. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The queue in firing order: duplicated first (when asked), then ordered as asked. */
export function firingOrder<T>(queue: readonly T[], options: FlushOptions = {}): T[] {
  const list = options.duplicate ? queue.flatMap((x) => [x, x]) : [...queue];
  if (options.order === 'reverse') list.reverse();
  if (options.order === 'shuffle') {
    const rnd = random(options.seed ?? 1);
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
  }
  return list;
}
