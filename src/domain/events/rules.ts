/**
 * What the events mean for the rest of the tracker: which roadmap activities they close, which are
 * still to be published on the site, the next free ids, and the best practices' statuses.
 */
import { foldRu, toIsoDay } from '../dates';
import { isClosed, normalizeStatus } from '../roadmap/status';
import type { PracticeStatus, Publication, SchoolEvent } from './types';

/** An http(s) address with a host and no spaces: what «Подтверждение (ссылка)» must hold. */
export function looksLikeLink(text: string): boolean {
  return /^https?:\/\/[^\s/?#.]+(\.[^\s/?#.]+)+(:\d+)?([/?#]\S*)?$/i.test(text.trim());
}

/** The event's day as ISO ('YYYY-MM-DD' or a typed 'ДД.ММ.ГГГГ'), null when not set or not a date. */
function eventDay(event: Pick<SchoolEvent, 'date'>): string | null {
  return toIsoDay(String(event.date ?? ''));
}

/** '6.2', ' 6.2. ' → '6.2'. */
function normalizeNo(no: string): string {
  return String(no ?? '')
    .trim()
    .replace(/\.+$/, '');
}

/** The event has taken place: its date is set and is today or earlier. */
export function isHeld(event: Pick<SchoolEvent, 'date'>, todayIso: string): boolean {
  const day = eventDay(event);
  return day !== null && day <= todayIso;
}

/** Held, with a link as evidence and a roadmap number: the activity can be marked «Выполнено». */
export function eventClosesActivity(
  event: Pick<SchoolEvent, 'date' | 'evidence' | 'roadmapNo'>,
  todayIso: string,
): boolean {
  return isHeld(event, todayIso) && looksLikeLink(event.evidence) && normalizeNo(event.roadmapNo) !== '';
}

export interface RoadmapUpdate {
  no: string;
  /** The link of the first (earliest) event closing the activity. */
  evidence: string;
  eventId: string;
}

/**
 * The activities to mark «Выполнено», in the roadmap's order: each has a closing event, is neither
 * «Выполнено» nor «Отменено» yet and its status was not set by hand (`manual`). Evidence comes from
 * the earliest closing event (ties keep the events' order).
 */
export function roadmapUpdates(
  events: SchoolEvent[],
  roadmap: Array<{ no: string; status: string; manual: boolean }>,
  todayIso: string,
): RoadmapUpdate[] {
  const closing = events
    .map((event, index) => ({ event, index, day: eventDay(event) ?? '' }))
    .filter(({ event }) => eventClosesActivity(event, todayIso))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.index - b.index));
  const firstByNo = new Map<string, SchoolEvent>();
  for (const { event } of closing) {
    const no = normalizeNo(event.roadmapNo);
    if (!firstByNo.has(no)) firstByNo.set(no, event);
  }
  const out: RoadmapUpdate[] = [];
  const seen = new Set<string>();
  for (const row of roadmap) {
    const no = normalizeNo(row.no);
    const event = firstByNo.get(no);
    if (!event || seen.has(no) || row.manual || isClosed(normalizeStatus(row.status))) continue;
    seen.add(no);
    out.push({ no: row.no.trim(), evidence: event.evidence.trim(), eventId: event.id.trim() });
  }
  return out;
}

function idKey(text: string): string {
  return foldRu(String(text ?? '')).trim();
}

/** Held events that no publication covers (`about` equals the event id, any case, trimmed). */
export function unpublishedEvents(events: SchoolEvent[], publications: Publication[], todayIso: string): SchoolEvent[] {
  const covered = new Set(publications.map((p) => idKey(p.about)).filter((k) => k !== ''));
  return events.filter((e) => isHeld(e, todayIso) && !covered.has(idKey(e.id)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The next id after the largest existing one with this prefix: ('М', ['М-001', 'м-007']) → 'М-008'.
 * Three digits at least; past 999 the number simply grows ('М-1000'). Ids of other prefixes and
 * malformed ones are ignored. A trailing '-' in the prefix is allowed ('МП-' = 'МП').
 */
export function nextId(prefix: string, existing: string[]): string {
  const p = prefix.trim().replace(/-+$/, '');
  const pattern = new RegExp(`^${escapeRegExp(foldRu(p))}-(\\d+)$`);
  let max = 0;
  for (const id of existing) {
    const m = pattern.exec(idKey(id));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${p}-${String(max + 1).padStart(3, '0')}`;
}

export const PRACTICE_STATUSES: readonly PracticeStatus[] = ['предложена', 'одобрена', 'опубликована'];

/** What a new practice is when its status cell is empty. */
export const DEFAULT_PRACTICE_STATUS: PracticeStatus = 'предложена';

/**
 * A status cell → a practice status: any case, ё = е, spaces trimmed; «одобрено»/«одобрен» count as
 * «одобрена» (staff write the word for «практика» or «материал»). Empty → «предложена»; unknown → null.
 */
export function normalizePracticeStatus(text: unknown): PracticeStatus | null {
  if (text === null || text === undefined) return DEFAULT_PRACTICE_STATUS;
  const key = foldRu(String(text)).replace(/\s+/g, ' ').trim();
  if (key === '') return DEFAULT_PRACTICE_STATUS;
  const m = /^(предложен|одобрен|опубликован)[аоы]?$/.exec(key);
  return m ? (PRACTICE_STATUSES.find((s) => s.startsWith(m[1])) ?? null) : null;
}
