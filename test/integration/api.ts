/**
 * The sidebar's calls, typed from the contract (src/contract/serverApi.ts) and carried as
 * google.script.run carries them: the arguments and the result travel as JSON, so a test sees what
 * the sidebar would see (a Date in a result makes it null, undefined in a list arrives as null).
 */
import { transported } from '../../emulator/services/scriptRunValues';
import type { Workspace } from '../../emulator/workspace';
import { runForClient } from '../../workspace/server/scriptRun';
import type { ProgressReport, ServerApi } from '../../src/contract/serverApi';

export type ApiResult<K extends keyof ServerApi> = ReturnType<ServerApi[K]>;

/** Calls a sidebar function as the active user (one execution); a failure throws the server's message. */
export function api<K extends keyof ServerApi>(
  ws: Workspace,
  name: K,
  ...args: Parameters<ServerApi[K]>
): ApiResult<K> {
  // Each argument as the page's shim sends it (workspace/web/shim.ts), the result as the server returns it.
  const sent = args.map((arg, i) => {
    const t = transported(arg, 'argument', i);
    if (!t.ok) throw new Error(t.message);
    return t.value;
  });
  const outcome = runForClient(ws, name, sent);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { name: outcome.error.name });
  return outcome.result as ApiResult<K>;
}

/** «Ход реализации» of a set-up workspace: its report (the test fails when there is no roadmap yet). */
export function progressReport(ws: Workspace): ProgressReport {
  const state = api(ws, 'getProgress');
  if (state.state !== 'ready') throw new Error(`getProgress: expected a report, got ${JSON.stringify(state)}`);
  return state.report;
}
