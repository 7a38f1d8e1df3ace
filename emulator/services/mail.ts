/**
 * MailApp: nothing is sent anywhere; every message lands in an outbox (persisted by the workspace as
 * mail.json). The documented quotas are enforced: recipients per day per user (100 on a consumer
 * account) and 50 recipients per message; addresses are checked.
 */
import type { Env } from '../core/env';
import { gasObject, signatureError } from '../core/gasObject';
import { wallClock } from '../core/timezone';
import { requireAuthorization } from './authorization';

export const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
export const DAILY_RECIPIENTS_CONSUMER = 100;
export const RECIPIENTS_PER_MESSAGE = 50;
/** Apps Script's texts. */
export const MAIL_QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
export const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';
export const NO_RECIPIENT = 'Failed to send email: no recipient';
export const invalidEmail = (address: string) => `Invalid email: ${address}`;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  /** Sender display name (options.name). */
  name?: string;
  replyTo?: string;
  /** Simulated time it was sent. */
  atMs: number;
  /** The user the script ran as. */
  from: string;
}

interface Usage {
  /** yyyy-mm-dd in the script time zone: the quota day (our choice; Google's reset time is not documented). */
  day: string;
  recipients: Record<string, number>;
}

export interface MailOutboxJSON {
  sent: SentMail[];
  usage: Usage;
}

/** Sent messages and today's recipient counts per user. */
export class MailOutbox {
  sent: SentMail[] = [];
  usage: Usage = { day: '', recipients: {} };

  toJSON(): MailOutboxJSON {
    return structuredClone({ sent: this.sent, usage: this.usage });
  }

  static fromJSON(input: unknown): MailOutbox {
    const json = input as Partial<MailOutboxJSON> | null;
    if (!json || !Array.isArray(json.sent) || !json.usage || typeof json.usage.day !== 'string') {
      throw new Error('mail.json: expected { sent: SentMail[], usage: { day, recipients } }');
    }
    const box = new MailOutbox();
    box.sent = structuredClone(json.sent);
    box.usage = structuredClone(json.usage);
    return box;
  }
}

const EMAIL_RE = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/;

interface MailOptions {
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  attachments?: unknown;
  inlineImages?: unknown;
}

interface MailMessage extends MailOptions {
  to?: string;
  subject?: string;
  body?: string;
}

type MA = GoogleAppsScript.Mail.MailApp;

class MailAppImpl implements Pick<MA, 'sendEmail' | 'getRemainingDailyQuota'> {
  constructor(
    private readonly env: Env,
    private readonly box: () => MailOutbox,
    private readonly dailyLimit: number,
  ) {}

  private today(): Usage {
    const w = wallClock(this.env.now(), this.env.scriptTimeZone);
    const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
    const box = this.box();
    if (box.usage.day !== day) box.usage = { day, recipients: {} };
    return box.usage;
  }

  /** "a@x.ru, b@y.ru" → addresses, each checked. */
  private addresses(list: string | undefined): string[] {
    if (list === undefined || list === null) return [];
    const out = String(list)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    for (const a of out) if (!EMAIL_RE.test(a)) throw this.env.error(invalidEmail(a));
    return out;
  }

  getRemainingDailyQuota(): number {
    requireAuthorization(this.env, 'MailApp.getRemainingDailyQuota', MAIL_SCOPE);
    return Math.max(0, this.dailyLimit - (this.today().recipients[this.env.activeUser] ?? 0));
  }

  sendEmail(...args: unknown[]): void {
    requireAuthorization(this.env, 'MailApp.sendEmail', MAIL_SCOPE);
    const msg = this.message(args);
    if (msg.attachments !== undefined || msg.inlineImages !== undefined) {
      throw this.env.error('MailApp.sendEmail: attachments and inline images are not implemented by the emulator');
    }
    const to = this.addresses(msg.to);
    const cc = this.addresses(msg.cc);
    const bcc = this.addresses(msg.bcc);
    if (msg.replyTo !== undefined) this.addresses(msg.replyTo);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw this.env.error(NO_RECIPIENT);
    if (count > RECIPIENTS_PER_MESSAGE) throw this.env.error(TOO_MANY_RECIPIENTS);
    const usage = this.today();
    const used = usage.recipients[this.env.activeUser] ?? 0;
    if (used + count > this.dailyLimit) throw this.env.error(MAIL_QUOTA_EXCEEDED);
    usage.recipients[this.env.activeUser] = used + count;
    this.box().sent.push({
      to,
      cc,
      bcc,
      subject: msg.subject ?? '',
      body: msg.body ?? '',
      ...(msg.htmlBody !== undefined && { htmlBody: String(msg.htmlBody) }),
      ...(msg.name !== undefined && { name: String(msg.name) }),
      ...(msg.replyTo !== undefined && { replyTo: String(msg.replyTo) }),
      atMs: this.env.now(),
      from: this.env.activeUser,
    });
  }

  /** The four overloads of sendEmail, normalised to one message object. */
  private message(args: unknown[]): MailMessage {
    const str = (v: unknown) => typeof v === 'string';
    const obj = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
    if (args.length === 1 && obj(args[0])) {
      const m = args[0] as MailMessage;
      if (m.subject !== undefined && !str(m.subject)) throw signatureError(this.env, 'MailApp.sendEmail', args);
      return m;
    }
    if (args.length === 3 && args.every(str)) {
      return { to: args[0] as string, subject: args[1] as string, body: args[2] as string };
    }
    if (args.length === 4 && args.slice(0, 3).every(str) && obj(args[3])) {
      return {
        ...(args[3] as MailOptions),
        to: args[0] as string,
        subject: args[1] as string,
        body: args[2] as string,
      };
    }
    if (args.length === 4 && args.every(str)) {
      const [to, replyTo, subject, body] = args as string[];
      return { to, replyTo, subject, body };
    }
    throw signatureError(this.env, 'MailApp.sendEmail', args);
  }
}

/** The MailApp global; `outbox` may be a getter (the workspace may replace it). */
export function createMailApp(
  env: Env,
  outbox: MailOutbox | (() => MailOutbox),
  options: { dailyRecipients?: number } = {},
): MA {
  const get = typeof outbox === 'function' ? outbox : () => outbox;
  return gasObject(
    env,
    'Mail.MailApp',
    new MailAppImpl(env, get, options.dailyRecipients ?? DAILY_RECIPIENTS_CONSUMER),
  ) as unknown as MA;
}
