/** The daily reminders: what is due, who is told, and the send log (who, when, which item — no bodies). */

export type ReminderKind = 'overdue' | 'soon' | 'monitoring';

export interface ReminderItem {
  /** Stable across runs: «roadmap:6.1», «program:ПР-0001:A3», «monitoring:НС-0001:П-0001». */
  key: string;
  kind: ReminderKind;
  /** Russian, one line, what the letter lists: «6.1 Мониторинг качества…». */
  title: string;
  /** ISO date of the deadline ('' for monitoring). */
  due: string;
  /** Where it lives: «Дорожная карта», «Программа П-0001», «Мониторинг». */
  source: string;
  /** Addresses of the people responsible (lower case). */
  to: string[];
  /** Monitoring: the person's own (prefilled) form link, listed under the item in the letter. */
  link?: string;
}

export interface SendLogEntry {
  /** ISO date-time of the send. */
  at: string;
  /** ISO date of the send in the spreadsheet's time zone. */
  day: string;
  to: string;
  itemKey: string;
}

export interface ReminderSettings {
  enabled: boolean;
  /** Remind of an activity this many days before its deadline. */
  daysBefore: number;
  /** The same item is repeated to the same person at most once in this many days. */
  repeatDays: number;
}

export interface Digest {
  to: string;
  items: ReminderItem[];
}

export interface ReminderPlan {
  /** Letters to send now, at most the quota, most urgent people first. */
  digests: Digest[];
  /** Recipients left for the next run because the quota ran out. */
  deferred: number;
}
