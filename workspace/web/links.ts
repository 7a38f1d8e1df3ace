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

/**
 * Text of an HTML fragment, as a browser lays it out: runs of whitespace one space, <br> and the end
 * of a block a line break, tags dropped, entities of the common kind decoded. Not trimmed.
 */
function htmlText(html: string): string {
  return html
    .replace(/\s+/g, ' ')
    .replace(/ ?<br\s*\/?> ?/gi, '\n')
    .replace(/ ?<\/(p|div|li|tr|h[1-6])> ?/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of an HTML body, trimmed (for a message sent only in HTML). */
export function htmlAsText(html: string): string {
  return htmlText(html).trim();
}

const ANCHOR_RE = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi;

/**
 * An HTML body as the «Почта» tab shows it: its text, with each <a href> a named link (its label, not
 * its address) and bare http(s) addresses in the text linked too. Nothing of the markup is rendered —
 * only text and links — and only http(s) links are kept, so a message cannot run script in the page.
 */
export function htmlParts(html: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of html.matchAll(ANCHOR_RE)) {
    const start = m.index ?? 0;
    if (start > last) parts.push(...linkify(htmlText(html.slice(last, start))));
    const url = htmlAsText(m[1] ?? m[2] ?? '');
    const label = htmlAsText(m[3]) || url;
    parts.push(/^https?:\/\/[^/]/.test(url) ? { text: label, ...localHref(url) } : { text: label });
    last = start + m[0].length;
  }
  if (last < html.length) parts.push(...linkify(htmlText(html.slice(last))));
  // The layout's own line breaks at the very start and end are not text.
  if (parts.length > 0 && !parts[0].href) parts[0] = { text: parts[0].text.replace(/^\s+/, '') };
  const end = parts.length - 1;
  if (end >= 0 && !parts[end].href) parts[end] = { text: parts[end].text.replace(/\s+$/, '') };
  return parts.filter((p) => p.href || p.text !== '');
}
