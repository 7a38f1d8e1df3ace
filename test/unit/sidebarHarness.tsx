/**
 * The harness of the sidebar render tests: the sidebar's views rendered with @testing-library/preact
 * into a happy-dom page (./happyDom, imported first by each test file), and a fake google.script.run
 * whose answers arrive later, like Apps Script's.
 */
import { cleanup, render } from '@testing-library/preact';
import { resolveView, sidebarView } from '../../sidebar/views';

export type Server = Record<string, (...args: unknown[]) => unknown>;

/** The server replies still to come: settle() waits for them. */
let pending = 0;
const globalsSet: string[] = [];

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  for (const key of globalsSet.splice(0)) delete g[key];
  delete g.google;
});

/**
 * Shows the view `view` (as the server names it) talking to `server`. `globals`: what the page
 * defines before the bundle (the workspace's clock offset, sidebar/clock.ts).
 */
export function boot(view: string, server: Server, globals: Record<string, unknown> = {}) {
  // A new page: the view booted before (in the same test) is gone.
  cleanup();
  pending = 0;
  const calls: unknown[][] = [];
  let closed = 0;
  const runner = (h: { ok?: (v: unknown) => void; fail?: (e: unknown) => void }): unknown => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (ok: (v: unknown) => void) => runner({ ...h, ok }),
      withFailureHandler: (fail: (e: unknown) => void) => runner({ ...h, fail }),
    };
    for (const name of Object.keys(server)) {
      r[name] = (...args: unknown[]) => {
        calls.push([name, ...args]);
        pending++;
        setTimeout(() => {
          pending--;
          try {
            h.ok?.(server[name](...args));
          } catch (e) {
            h.fail?.(new Error(`Exception: ${(e as Error).message}`));
          }
        }, 0);
      };
    }
    return r;
  };
  const g = globalThis as Record<string, unknown>;
  for (const [key, value] of Object.entries(globals)) {
    g[key] = value;
    globalsSet.push(key);
  }
  g.google = { script: { run: runner({}), host: { close: () => void closed++ } } };
  const { title, node } = sidebarView(resolveView(view));
  document.title = title;
  render(<>{node}</>);
  return { body: document.body, calls, closed: () => closed };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the sidebar is quiet: no server reply pending and the page unchanged over a few turns
 * of the event loop (renders and effects done). Not a fixed delay, so a loaded machine cannot make a
 * test read the page half-rendered.
 */
export async function settle(): Promise<void> {
  let last = '';
  let stable = 0;
  for (let waited = 0; waited < 5000 && stable < 3; waited += 5) {
    await tick(5);
    const now = document.body.innerHTML;
    stable = pending === 0 && now === last ? stable + 1 : 0;
    last = now;
  }
}
