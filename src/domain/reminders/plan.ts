/**
 * Who gets a reminder today and of what: one letter (digest) per address with the items not
 * reminded to that address within the last `repeatDays` days, most urgent people first, at most
 * the day's mail quota. The send log («who, when, which item») is the only memory between runs.
 */
import { addDays, toIsoDay } from '../dates';
import type { Digest, ReminderItem, ReminderKind, ReminderPlan, ReminderSettings, SendLogEntry } from './types';

const KIND_ORDER: Record<ReminderKind, number> = { overdue: 0, soon: 1, monitoring: 2 };

/** A plain e-mail address: something@domain.tld, no spaces. */
export function isEmail(text: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/.test(text);
}

/** Lower case, trimmed; '' when it is not an address. */
export function normalizeAddress(text: string): string {
  const a = String(text ?? '')
    .trim()
    .toLowerCase();
  return isEmail(a) ? a : '';
}

function logKey(to: string, itemKey: string): string {
  return `${to}\n${itemKey.trim()}`;
}

/** Overdue → soon → monitoring, then by due date (undated last), then title and key. */
export function compareItems(a: ReminderItem, b: ReminderItem): number {
  const k = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (k !== 0) return k;
  const [da, db] = [a.due || '9999-99-99', b.due || '9999-99-99'];
  if (da !== db) return da < db ? -1 : 1;
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export interface PlanInput {
  items: ReminderItem[];
  log: SendLogEntry[];
  todayIso: string;
  settings: ReminderSettings;
  /** Letters that may still be sent today (one recipient each). */
  quota: number;
}

/**
 * The letters to send today. An item reminded to an address on day D is due again for that address
 * on D + repeatDays or later (repeatDays below 1 counts as 1: never twice the same day). Addresses
 * with an overdue item come first, then by address; past the quota the rest are counted as deferred.
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const { items, log, todayIso, settings } = input;
  if (!settings.enabled) return { digests: [], deferred: 0 };
  const repeatDays = Number.isFinite(settings.repeatDays) ? Math.max(1, Math.floor(settings.repeatDays)) : 1;

  const lastSent = new Map<string, string>();
  for (const e of log) {
    const to = String(e.to ?? '')
      .trim()
      .toLowerCase();
    const day = toIsoDay(String(e.day ?? ''));
    if (!to || !day || !e.itemKey) continue;
    const key = logKey(to, e.itemKey);
    const prev = lastSent.get(key);
    if (prev === undefined || day > prev) lastSent.set(key, day);
  }
  const dueAgain = (to: string, item: ReminderItem): boolean => {
    const last = lastSent.get(logKey(to, item.key));
    return last === undefined || addDays(last, repeatDays) <= todayIso;
  };

  const byAddress = new Map<string, Map<string, ReminderItem>>();
  for (const item of items) {
    for (const raw of item.to) {
      const to = normalizeAddress(raw);
      if (!to || !dueAgain(to, item)) continue;
      let mine = byAddress.get(to);
      if (!mine) byAddress.set(to, (mine = new Map()));
      if (!mine.has(item.key)) mine.set(item.key, item);
    }
  }

  const digests: Digest[] = [...byAddress.entries()]
    .map(([to, mine]) => ({ to, items: [...mine.values()].sort(compareItems) }))
    .sort((a, b) => {
      const oa = a.items.some((i) => i.kind === 'overdue') ? 0 : 1;
      const ob = b.items.some((i) => i.kind === 'overdue') ? 0 : 1;
      if (oa !== ob) return oa - ob;
      return a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
    });
  const quota = Number.isFinite(input.quota) ? Math.max(0, Math.floor(input.quota)) : 0;
  return { digests: digests.slice(0, quota), deferred: Math.max(0, digests.length - quota) };
}

export interface DueActivity {
  key: string;
  title: string;
  /** ISO date (or a typed 'ДД.ММ.ГГГГ'); '' when not set. */
  due: string;
  source: string;
  to: string[];
  closed: boolean;
}

/**
 * Open dated activities that need a reminder today: past their deadline → 'overdue'; deadline
 * between today and today + daysBefore → 'soon'. Closed, undated and later ones are dropped.
 */
export function selectDue(activities: DueActivity[], todayIso: string, daysBefore: number): ReminderItem[] {
  const horizon = addDays(todayIso, Number.isFinite(daysBefore) ? Math.max(0, Math.floor(daysBefore)) : 0);
  const out: ReminderItem[] = [];
  for (const a of activities) {
    if (a.closed) continue;
    const due = toIsoDay(String(a.due ?? ''));
    if (!due || due > horizon) continue;
    const to = [...new Set(a.to.map(normalizeAddress).filter((t) => t !== ''))];
    out.push({ key: a.key, kind: due < todayIso ? 'overdue' : 'soon', title: a.title, due, source: a.source, to });
  }
  return out;
}

/** The log rows of one sent letter: who, when and which item — never the text. */
export function logEntriesFor(digest: Digest, atIso: string, dayIso: string): SendLogEntry[] {
  return digest.items.map((item) => ({ at: atIso, day: dayIso, to: digest.to, itemKey: item.key }));
}
