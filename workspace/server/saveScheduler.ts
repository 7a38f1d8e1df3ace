/**
 * When the local server saves the workspace. A save writes the whole workspace as a new generation
 * (persistence/workspaceStore.ts) and takes about a second on the demo school, so saving after every
 * request cannot keep up with a person typing. Requests change the model in memory and answer from
 * it at once; they only report a change here. A save follows once changes stop for `delayMs`, and
 * at the latest `maxDelayMs` after the first unsaved change, so continuous typing still saves.
 *
 * Saves never overlap: a save runs in the session's queue (`queue`), between requests, so it writes
 * one consistent state; changes made while it runs get exactly one more save after it. Whatever
 * must be on disk before an answer (the download, the server's close) calls flush().
 */

export interface SaveTiming {
  /** Quiet time after the last change before a save starts. */
  delayMs: number;
  /** The longest a change waits for its save while changes keep coming. */
  maxDelayMs: number;
}

export const DEFAULT_SAVE_TIMING: SaveTiming = { delayMs: 300, maxDelayMs: 2000 };

export class SaveScheduler {
  /** Changes reported so far, and how many of them are on disk. */
  private changes = 0;
  private saved = 0;
  /** Real time of the first unsaved change; null when everything is saved. */
  private firstUnsavedAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The save running now, and the one waiting for it (at most one). */
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private stopped = false;

  constructor(
    /** Writes the workspace (it runs inside `queue`). */
    private readonly save: () => Promise<void>,
    /** The session's request queue: a save runs between requests, never during one. */
    private readonly queue: (body: () => Promise<void>) => Promise<void>,
    private readonly timing: SaveTiming = DEFAULT_SAVE_TIMING,
  ) {}

  /** A request changed the workspace: a save is due. */
  changed(): void {
    this.changes++;
    this.firstUnsavedAt ??= Date.now();
    this.arm();
  }

  /** Saves every change reported before the call now (after the save in progress, if any). */
  flush(): Promise<void> {
    this.disarm();
    return this.request();
  }

  /** Resolves once every change reported so far is on disk, by the scheduled saves (nothing forced). */
  whenSaved(): Promise<void> {
    if (this.changes === this.saved && !this.running && !this.queued) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Saves what is pending and schedules nothing after (the server is closing). */
  async close(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  /** Sets the save's timer: after the quiet delay, capped by the longest delay (or at `at`). */
  private arm(at?: number): void {
    if (this.stopped) return;
    this.disarm();
    const due = at ?? Math.min(Date.now() + this.timing.delayMs, this.firstUnsavedAt! + this.timing.maxDelayMs);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.request().catch((e: unknown) => {
          // Nobody waits for a scheduled save: say it, and try again later (the changes stay in memory).
          console.error(`Не удалось сохранить рабочую область: ${(e as Error)?.message ?? e}`);
          if (this.changes !== this.saved) this.arm(Date.now() + this.timing.maxDelayMs);
        });
      },
      Math.max(0, due - Date.now()),
    );
    // A pending save does not keep the process alive; close() flushes it.
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One save after the running one; a save already waiting covers every change made before it starts. */
  private request(): Promise<void> {
    if (this.queued) return this.queued;
    const next: Promise<void> = (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        this.queued = null;
        this.running = next;
        try {
          await this.queue(() => this.saveChanges());
        } finally {
          if (this.running === next) this.running = null;
        }
      });
    this.queued = next;
    next.then(
      () => this.settle(null),
      (e: unknown) => this.settle(e),
    );
    return next;
  }

  /** Runs in the queue: no request changes the workspace while it is written. */
  private async saveChanges(): Promise<void> {
    const upTo = this.changes;
    if (upTo === this.saved) return;
    await this.save();
    this.saved = upTo;
    if (this.changes === this.saved) {
      this.firstUnsavedAt = null;
      this.disarm();
    }
  }

  private settle(error: unknown): void {
    if (this.running || this.queued) return;
    if (error === null && this.changes !== this.saved) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (error === null) w.resolve();
      else w.reject(error);
    }
  }
}
