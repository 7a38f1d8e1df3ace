/**
 * Links in plain text (the «Почта» tab shows message bodies as text): http(s) URLs become links, and
 * a Google Forms published or prefilled URL points at the local form page instead — the same path and
 * query on this server (GET /forms/d/e/:id/viewform), so the prefilled answers come along.
 */

export interface TextPart {
  text: string;
  /** Set for a link: where it goes (a local path for forms of this workspace). */
  href?: string;
  /** The link opens a page of this workspace (a form). */
  local?: boolean;
}

const URL_RE = /https?:\/\/[^\s<>"'«»]+/g;
/** Punctuation that ends a sentence rather than the URL. */
const TRAILING = /[.,;:!?)\]]+$/;
const FORM_RE = /^https:\/\/docs\.google\.com\/forms\/d\/e\/([\w-]+)\/viewform(\?[^#]*)?(?:#.*)?$/;

/** Where a link goes: a Google Forms page → the local form page; anything else unchanged. */
export function localHref(url: string): { href: string; local: boolean } {
  const m = FORM_RE.exec(url);
  if (!m) return { href: url, local: false };
  return { href: `/forms/d/e/${m[1]}/viewform${m[2] ?? ''}`, local: true };
}

/** Splits text into plain runs and links (http and https only, so no javascript: ever becomes one). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    const url = m[0].replace(TRAILING, '');
    if (!/^https?:\/\/[^/]/.test(url)) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    const { href, local } = localHref(url);
    parts.push({ text: url, href, local });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
