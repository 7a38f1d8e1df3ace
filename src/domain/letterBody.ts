/**
 * A letter's two bodies from one list of lines: the HTML body, where a link is a short named link
 * («Открыть форму») instead of hundreds of percent-encoded characters, and the plain-text body for
 * mail clients without HTML, where the link stands on its own line so it can be copied whole.
 */

/** A line with a named link: `text` before it (may be empty), the address, and the link's name. */
export interface LinkLine {
  text: string;
  url: string;
  label: string;
}

export type LetterLine = string | LinkLine;

export function linkLine(text: string, url: string, label: string): LinkLine {
  return { text, url, label };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web addresses become links: anything else (javascript:, text) stays text. */
const WEB_URL = /^https?:\/\/\S+$/;

/** The plain text: a link line is its text, then the address indented on the next line. */
export function plainBody(lines: readonly LetterLine[]): string {
  return lines
    .flatMap((line) => {
      if (typeof line === 'string') return [line];
      return line.text ? [line.text, `  ${line.url}`] : [line.url];
    })
    .join('\n');
}

/** The HTML: each line escaped, a blank line a paragraph gap, a link line its text and the named link. */
export function htmlBody(lines: readonly LetterLine[]): string {
  const html = lines
    .map((line) => {
      if (typeof line === 'string') return line === '' ? '' : escapeHtml(line);
      const before = line.text ? `${escapeHtml(line.text)} ` : '';
      if (!WEB_URL.test(line.url)) return `${before}${escapeHtml(line.url)}`;
      return `${before}<a href="${escapeHtml(line.url)}">${escapeHtml(line.label)}</a>`;
    })
    .join('<br>\n');
  return `<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5">\n${html}\n</div>`;
}

/** Both bodies, as MailApp.sendEmail takes them (`body` and `htmlBody`). */
export function letterBodies(lines: readonly LetterLine[]): { body: string; htmlBody: string } {
  return { body: plainBody(lines), htmlBody: htmlBody(lines) };
}

/**
 * The curator's signature line: «<school>, куратор наставничества: <curator>.» — one full stop even
 * when the name ends with initials («Смирнова О. В.»).
 */
export function curatorSignature(school: string, curator: string | undefined): string {
  const line = `${school}, куратор наставничества${curator ? `: ${curator.trim()}` : ''}`;
  return line.endsWith('.') ? line : `${line}.`;
}
