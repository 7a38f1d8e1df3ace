/**
 * The panel's clock: every date default in the sidebar reads the time here. In Apps Script the
 * browser's clock is the right one. The local workspace can run shifted (the demo lives on 14 May);
 * it sets `window.__WORKSPACE_CLOCK_OFFSET_MS__` (its lead over real time) before the panel's
 * scripts run (workspace/server/dialogs.ts), so the panel agrees with the add-on's `new Date()`.
 */
export const CLOCK_OFFSET_GLOBAL = '__WORKSPACE_CLOCK_OFFSET_MS__';

/** Now, as the spreadsheet's scripts see it. */
export function today(): Date {
  const offset = (globalThis as Record<string, unknown>)[CLOCK_OFFSET_GLOBAL];
  return new Date(Date.now() + (typeof offset === 'number' && Number.isFinite(offset) ? offset : 0));
}
