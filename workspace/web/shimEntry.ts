/**
 * Browser entry of /web/shim.js: defines `window.google.script` in a sidebar/dialog iframe.
 * The server puts `<script>window.__DIALOG_ID__=…</script><script src="/web/shim.js"></script>`
 * first in the add-on's <head>, so the shim exists before the add-on's own scripts run.
 */
import { createGoogleScript, type FetchLike, type ShimMessage } from './shim';

interface ShimWindow {
  __DIALOG_ID__?: unknown;
  google?: { script?: unknown };
  fetch: FetchLike;
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  location: { origin: string };
}

const w = window as unknown as ShimWindow;
const origin = w.location.origin;

const script = createGoogleScript({
  fetch: (url, init) => w.fetch(url, init),
  post: (message: ShimMessage) => {
    if (w.parent && w.parent !== (w as unknown)) w.parent.postMessage(message, origin);
  },
  schedule: (fn) => setTimeout(fn, 0),
  logError: (...args) => console.error(...args),
  dialogId: w.__DIALOG_ID__,
  origin,
});

w.google = w.google ?? {};
w.google.script = script;
