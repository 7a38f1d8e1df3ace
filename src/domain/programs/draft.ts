/**
 * A draft personalized program for a pair or group: goals, tasks and dated activities assembled from
 * the catalogue for the mentees' requests, spread over the months of the mentoring year.
 *
 * Scheduling, deterministic (no clock; `today` only keeps the past out):
 * - the opening consultation is the first item of the first month, the final open lesson with
 *   reflection the last item of the last month; the participation in the methodical association
 *   sits in the middle of the sequence;
 * - the requests' activities are taken round-robin (every request's first step, then every second
 *   step…), so that each request advances all year; when the months cannot hold them all, the last
 *   steps are dropped, never a request's first ones;
 * - months get equal shares (at most maxPerMonth, at most one item a day), the remainder spread
 *   evenly over the year; in a month, items are spread evenly over its school working days
 *   (holidays.ts).
 */
import { addDays, compare, isIsoDay, lastDayOfMonth, parseIsoDay, russianMonthName, toIsoDay } from '../dates';
import {
  catalogueEntry,
  freeRequestProgram,
  GENERIC_ACTIVITIES,
  GENERIC_GOAL,
  GENERIC_TASKS,
  requestKey,
  type ActivityTemplate,
  type CompetenceProgram,
  type ResponsibleRole,
} from './catalogue';
import { isSchoolWorkingDay } from './holidays';

// These two mirror ProgramActivity and ActivityStatus of contract/serverApi.ts (the domain imports nothing
// from ui; test/unit/programDraft.test.ts checks they stay assignable both ways).

export type ActivityStatus = 'запланировано' | 'выполнено' | 'перенесено' | 'отменено';

export const ACTIVITY_STATUSES: readonly ActivityStatus[] = ['запланировано', 'выполнено', 'перенесено', 'отменено'];

export const DEFAULT_ACTIVITY_STATUS: ActivityStatus = 'запланировано';

export interface ProgramActivity {
  /** «А-01», «А-02»… in date order. */
  id: string;
  /** ISO day. */
  date: string;
  title: string;
  kind: string;
  /** The request it serves; '' for the generic items. */
  competence: string;
  expectedResult: string;
  reporting: string;
  responsible: string;
  status: ActivityStatus;
}

export interface ProgramDraftInput {
  /** The mentees' requests; for a group, all of them (duplicates in any case are merged). */
  requests: string[];
  mentorName: string;
  menteeNames: string[];
  /** The mentoring year, ISO days, e.g. 2026-09-01 … 2027-05-31. */
  start: string;
  end: string;
  /** Default 3. */
  maxPerMonth?: number;
  /** ISO day; when inside the period nothing is planned before it. */
  today?: string;
}

export interface ProgramDraftContent {
  goals: string[];
  tasks: string[];
  activities: ProgramActivity[];
}

export const DEFAULT_MAX_PER_MONTH = 3;

/** Id of the n-th activity (1-based): «А-01»; the «А» is Cyrillic. */
export function activityId(n: number): string {
  return `А-${String(n).padStart(2, '0')}`;
}

/** '2026-10-14' → «октябрь 2026», the month column of the program document. */
export function activityMonth(iso: string): string {
  const { year, month } = parseIsoDay(iso);
  return `${russianMonthName(month).toLowerCase()} ${year}`;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

function mentorLabel(mentorName: string): string {
  return clean(mentorName) || 'Наставник';
}

function menteesLabel(menteeNames: readonly string[]): string {
  return menteeNames.map(clean).filter(Boolean).join(', ') || 'Наставляемый';
}

/** Names for a role: a group's mentees joined with «, »; both → mentor first. */
export function responsibleName(role: ResponsibleRole, mentorName: string, menteeNames: readonly string[]): string {
  if (role === 'mentor') return mentorLabel(mentorName);
  if (role === 'mentee') return menteesLabel(menteeNames);
  return `${mentorLabel(mentorName)}, ${menteesLabel(menteeNames)}`;
}

/** The editor's choices for «Ответственный»: the mentor, the mentee(s), both. */
export function responsibleOptions(mentorName: string, menteeNames: readonly string[]): string[] {
  const roles: ResponsibleRole[] = ['mentor', 'mentee', 'both'];
  return [...new Set(roles.map((r) => responsibleName(r, mentorName, menteeNames)))];
}

/** Requests trimmed, blanks dropped, duplicates (any case, ё = е) merged; catalogue spelling wins. */
export function normalizeRequests(requests: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of requests) {
    if (typeof r !== 'string') continue;
    const text = clean(r);
    const key = requestKey(text);
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(catalogueEntry(text)?.competence ?? text);
  }
  return out;
}

/** The catalogue entry of each request, or the generic entry for free text. */
function programsFor(requests: readonly string[]): CompetenceProgram[] {
  return requests.map((r) => catalogueEntry(r) ?? freeRequestProgram(r));
}

function uniqueTexts(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const key = requestKey(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Item {
  template: ActivityTemplate;
  competence: string;
}

/** Every program's first steps, then every second step…: the order activities are planned in. */
function roundRobin(programs: readonly CompetenceProgram[]): Item[] {
  const out: Item[] = [];
  const longest = Math.max(0, ...programs.map((p) => p.activities.length));
  for (let step = 0; step < longest; step++) {
    for (const p of programs) {
      const template = p.activities[step];
      if (template) out.push({ template, competence: p.competence });
    }
  }
  return out;
}

/** The school working days of each calendar month from `from` to `to`, months without any dropped. */
function workingMonths(from: string, to: string): string[][] {
  const months: string[][] = [];
  let day = from;
  while (compare(day, to) <= 0) {
    const { year, month } = parseIsoDay(day);
    const last = lastDayOfMonth(year, month);
    const monthEnd = compare(last, to) < 0 ? last : to;
    const days: string[] = [];
    for (let d = day; compare(d, monthEnd) <= 0; d = addDays(d, 1)) if (isSchoolWorkingDay(d)) days.push(d);
    if (days.length > 0) months.push(days);
    day = addDays(last, 1);
  }
  return months;
}

/** `count` of `size` indices spread evenly: (3, 9) → [1, 4, 7]. Distinct when count ≤ size. */
function spread(count: number, size: number): number[] {
  return Array.from({ length: count }, (_, j) => Math.floor(((j + 0.5) * size) / count));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Shares of `total` items over months of the given capacities: as equal as the capacities allow. */
function shares(total: number, capacities: readonly number[]): number[] {
  const counts = capacities.map(() => 0);
  let left = Math.min(total, sum(capacities));
  while (left > 0) {
    const open = counts.flatMap((c, i) => (c < capacities[i] ? [i] : []));
    const chosen = left >= open.length ? open : spread(left, open.length).map((k) => open[k]);
    for (const i of chosen) counts[i]++;
    left -= chosen.length;
  }
  return counts;
}

function checkPeriod(start: string, end: string): void {
  if (!isIsoDay(start) || !isIsoDay(end) || compare(start, end) > 0) {
    throw new Error(`Неверный период программы: «${start}» – «${end}».`);
  }
}

/** Goals, tasks and dated activities for the requests; see the top of the file for how dates are chosen. */
export function buildProgramDraft(input: ProgramDraftInput): ProgramDraftContent {
  const { start, end, today } = input;
  checkPeriod(start, end);
  const perMonth =
    input.maxPerMonth === undefined || !Number.isFinite(input.maxPerMonth)
      ? DEFAULT_MAX_PER_MONTH
      : Math.max(1, Math.floor(input.maxPerMonth));

  const requests = normalizeRequests(input.requests);
  const programs = programsFor(requests);
  const goals = programs.length ? uniqueTexts(programs.map((p) => p.goal)) : [GENERIC_GOAL];
  const tasks = programs.length ? uniqueTexts(programs.flatMap((p) => p.tasks)) : [...GENERIC_TASKS];

  const from = today !== undefined && isIsoDay(today) && today > start && today <= end ? today : start;
  const months = workingMonths(from, end);
  if (months.length === 0) return { goals, tasks, activities: [] };

  const last = months.length - 1;
  const capacity = months.map((days) => Math.min(perMonth, days.length));
  const opening: Item = { template: GENERIC_ACTIVITIES.opening, competence: '' };
  const final: Item | null =
    last > 0 || capacity[0] >= 2 ? { template: GENERIC_ACTIVITIES.final, competence: '' } : null;
  const middleCapacity = capacity.map((c, i) => c - (i === 0 ? 1 : 0) - (i === last && final ? 1 : 0));
  const room = sum(middleCapacity);

  const middle: Item[] = [];
  if (room > 0) {
    middle.push(...roundRobin(programs).slice(0, room - 1));
    middle.splice(Math.floor(middle.length / 2), 0, { template: GENERIC_ACTIVITIES.methodical, competence: '' });
  }

  const counts = shares(middle.length, middleCapacity);
  const planned: Array<{ item: Item; date: string }> = [];
  let next = 0;
  months.forEach((days, m) => {
    const items = middle.slice(next, next + counts[m]);
    next += counts[m];
    if (m === 0) items.unshift(opening);
    if (m === last && final) items.push(final);
    spread(items.length, days.length).forEach((k, j) => planned.push({ item: items[j], date: days[k] }));
  });

  const activities = planned.map(({ item, date }, i): ProgramActivity => ({
    id: activityId(i + 1),
    date,
    title: item.template.title,
    kind: item.template.kind,
    competence: item.competence,
    expectedResult: item.template.expectedResult,
    reporting: item.template.reporting,
    responsible: responsibleName(item.template.responsible, input.mentorName, input.menteeNames),
    status: DEFAULT_ACTIVITY_STATUS,
  }));
  return { goals, tasks, activities };
}

// ---- progress -----------------------------------------------------------------------------------

/** Share of activities done, 0–100, rounded: done / (all − cancelled); 0 when nothing counts. */
export function programProgress(statuses: readonly ActivityStatus[]): number {
  const counted = statuses.filter((s) => s !== 'отменено').length;
  if (counted === 0) return 0;
  const done = statuses.filter((s) => s === 'выполнено').length;
  return Math.round((done * 100) / counted);
}

/** Planned before today and neither done nor cancelled; an unreadable date is never overdue. */
export function isOverdue(activity: Pick<ProgramActivity, 'date' | 'status'>, todayIso: string): boolean {
  const date = typeof activity.date === 'string' ? toIsoDay(activity.date) : null;
  if (date === null) return false;
  return compare(date, todayIso) < 0 && activity.status !== 'выполнено' && activity.status !== 'отменено';
}
