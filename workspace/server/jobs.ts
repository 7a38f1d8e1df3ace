/**
 * Long operations (reset the demo) as jobs with named steps. A job yields to the event loop between
 * steps, so GET /api/jobs/:id answers while it runs and the page can show a progress bar.
 */
import { setImmediate } from 'node:timers';
import type { JobState } from './protocol';

export interface JobStep {
  label: string;
  run: () => void | Promise<void>;
}

/** Jobs kept for polling; older ones are forgotten. */
const KEEP = 50;

export class Jobs {
  private readonly jobs = new Map<string, JobState>();
  private nextId = 1;

  get(id: string): JobState | undefined {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  /**
   * Registers a job and returns its state at once. `schedule` decides when the steps run (the session
   * queue: a job waits for the requests before it, and the requests after it wait for the job).
   */
  start(label: string, steps: JobStep[], schedule: (body: () => Promise<void>) => Promise<void>): JobState {
    const id = `job-${this.nextId++}`;
    const job: JobState = { id, label, step: 0, steps: steps.length, stepLabel: steps[0]?.label ?? '', done: false };
    this.jobs.set(id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= KEEP) break;
      this.jobs.delete(old);
    }
    const body = async () => {
      for (const step of steps) {
        // The label is shown before the (possibly synchronous) step runs: yield after setting it.
        job.stepLabel = step.label;
        await new Promise((resolve) => setImmediate(resolve));
        await step.run();
        job.step++;
      }
    };
    void schedule(body).then(
      () => {
        job.done = true;
      },
      (e: unknown) => {
        job.done = true;
        job.error = e instanceof Error ? e.message : String(e);
        console.error(`Ошибка задачи «${label}» на шаге «${job.stepLabel}»: ${job.error}`);
      },
    );
    return { ...job };
  }
}
