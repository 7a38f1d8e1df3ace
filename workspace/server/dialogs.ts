/**
 * The add-on's UI records (emulator/services/ui.ts) as the page sees them. A dialog's id is its index
 * in `UiState.dialogs`, so ids are stable for the life of a workspace.
 *
 * Alerts and prompts arrive already answered: a script runs synchronously to the end in the
 * emulator, so it cannot wait for a person to click. Each gets the first button of its set (OK, YES)
 * and an empty prompt text — what `UiState.answer` would script — and the page shows it as a notice.
 */
import type { DialogRecord } from '../../emulator/services/ui';
import { CLOCK_OFFSET_GLOBAL } from '../../sidebar/clock';
import type { DialogView, MessageView } from './protocol';

export function dialogView(record: DialogRecord, index: number): DialogView | null {
  if (record.kind === 'alert' || record.kind === 'prompt') return null;
  return { id: String(index), kind: record.kind, title: record.title, width: record.width, height: record.height };
}

export function messageView(record: DialogRecord, index: number): MessageView | null {
  if (record.kind !== 'alert' && record.kind !== 'prompt') return null;
  return { id: String(index), kind: record.kind, title: record.title, message: record.message, answer: record.answer };
}

/**
 * The dialog's HTML with the google.script.run shim loaded before anything else: its id and the
 * workspace clock's lead over real time (the panel's dates follow the emulated clock, sidebar/clock.ts),
 * then /web/shim.js, as the first elements of <head> (or of the document when it has no <head>).
 */
export function injectShim(html: string, index: number, clockOffsetMs = 0): string {
  const offset = Number.isFinite(clockOffsetMs) ? Math.round(clockOffsetMs) : 0;
  const globals = `window.__DIALOG_ID__=${JSON.stringify(String(index))};window.${CLOCK_OFFSET_GLOBAL}=${offset};`;
  const tags = `<script>${globals}</script><script src="/web/shim.js"></script>`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) return tags + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tags + html.slice(at);
}
