/**
 * The «Почта» tab's data: MailApp's outbox as the page shows it (GET /api/mail), newest first, with
 * the send time as the school reads it (dd.mm.yyyy hh:mm in the script's time zone).
 */
import { wallClock } from '../../emulator/core/timezone';
import type { Workspace } from '../../emulator/workspace';

export interface MailView {
  /** The message's position in the outbox (stable: the outbox only grows until a reset). */
  id: string;
  /** Simulated send time, ISO (UTC). */
  at: string;
  /** dd.mm.yyyy hh:mm in the script time zone. */
  time: string;
  /** The user the script ran as; `name` is the sender name the script gave (options.name). */
  from: string;
  name?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  subject: string;
  /** Plain-text body (the page shows it as text, never as markup). */
  body: string;
  /** The HTML version, when the script sent one. */
  htmlBody?: string;
}

const two = (n: number) => String(n).padStart(2, '0');

export function mailTime(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${two(w.day)}.${two(w.month)}.${w.year} ${two(w.hour)}:${two(w.minute)}`;
}

/** The outbox, newest first (messages sent at the same instant: the later one first). */
export function mailViews(ws: Workspace): MailView[] {
  const zone = ws.env.scriptTimeZone;
  return ws
    .mail()
    .map((m, i): MailView => ({
      id: String(i),
      at: m.at,
      time: mailTime(m.atMs, zone),
      from: m.from,
      ...(m.name !== undefined && { name: m.name }),
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
      ...(m.replyTo !== undefined && { replyTo: m.replyTo }),
      subject: m.subject,
      body: m.body,
      ...(m.htmlBody !== undefined && { htmlBody: m.htmlBody }),
    }))
    .sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
}
