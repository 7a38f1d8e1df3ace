/**
 * The year's work read once: pairs, meetings, events, publications, practices, monitoring answers and
 * the people. Figures for «Сводка», the sidebar, «Мониторинг» and the analytical report all come from
 * one load, so they always agree and the number of reads does not depend on what is asked.
 */
import { isHeld, unpublishedEvents } from '../domain/events';
import type { Practice, Publication } from '../domain/events/types';
import { summarizeMonitoring } from '../domain/monitoring';
import type { MeetingRecord, MonitoringPair, MonitoringRecord, MonitoringSummary } from '../domain/monitoring/types';
import { WITHDRAWN_STATUS, type BankEntry } from '../domain/questionnaires';
import { Bank, BANK_SHEETS } from '../sheets/banks';
import { timeZoneOf, todayIso } from '../sheets/cells';
import { EVENTS_TABLE, readEvents, type EventRow } from '../sheets/eventsSheet';
import { readMeetings } from '../sheets/meetingsSheet';
import { readMonitoringRecords } from '../sheets/monitoringAnswersSheet';
import { isWorkingPair, PAIR_STATUSES, readPairs, type PairRow } from '../sheets/pairsSheet';
import { readPractices } from '../sheets/practicesSheet';
import { readPublications } from '../sheets/publicationsSheet';
import { currentPeriod } from '../sheets/roadmapSheet';
import { Table } from '../sheets/table';
import type { YearFigures } from '../contract/serverApi';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface YearData {
  today: string;
  pairs: PairRow[];
  meetings: MeetingRecord[];
  events: EventRow[];
  publications: Publication[];
  practices: Practice[];
  records: MonitoringRecord[];
  /** Bank entries by id, both banks. */
  people: Map<string, BankEntry>;
}

/** Both banks' entries by id (mentees first). */
export function bankPeople(ss: Spreadsheet): Map<string, BankEntry> {
  const people = new Map<string, BankEntry>();
  for (const kind of ['mentee', 'mentor'] as const) {
    if (!ss.getSheetByName(BANK_SHEETS[kind])) continue;
    for (const e of Bank.open(ss, kind).entries()) people.set(e.id, e);
  }
  return people;
}

export function loadYearData(ss: Spreadsheet): YearData {
  const timeZone = timeZoneOf(ss);
  const eventsTable = Table.read(ss, EVENTS_TABLE);
  const people = bankPeople(ss);
  return {
    today: todayIso(timeZone),
    pairs: readPairs(ss),
    meetings: readMeetings(ss),
    events: eventsTable ? readEvents(eventsTable, timeZone) : [],
    publications: readPublications(ss),
    practices: readPractices(ss),
    records: readMonitoringRecords(ss, currentPeriod() ?? ''),
    people,
  };
}

export const confirmedPairs = (data: Pick<YearData, 'pairs'>): PairRow[] =>
  data.pairs.filter((p) => isWorkingPair(p.status) && p.id && p.mentorId);

const percentOf = (pair: PairRow): number | null => (pair.progress === '' ? null : Number(pair.progress));

/** Confirmed pairs as monitoring sees them (withdrawn people are not expected to answer). */
export function monitoringPairs(data: YearData): MonitoringPair[] {
  const live = (id: string) => data.people.get(id)?.status !== WITHDRAWN_STATUS;
  return confirmedPairs(data).map((p) => ({
    pairId: p.id,
    mentorId: p.mentorId,
    mentorName: p.mentorName,
    mentees: p.menteeIds.map((id, i) => ({ id, name: p.menteeNames[i] ?? id })).filter((m) => live(m.id)),
    programPercent: percentOf(p),
    meetings: data.meetings.filter((m) => m.pairId === p.id).length,
  }));
}

export function monitoringSummary(data: YearData): MonitoringSummary {
  const names: Record<string, string> = {};
  for (const [id, e] of data.people) names[id] = e.fullName || id;
  return summarizeMonitoring({ pairs: monitoringPairs(data), records: data.records, names });
}

/** Counts for «Сводка», its charts and the sidebar. */
export function yearFigures(data: YearData, summary: MonitoringSummary = monitoringSummary(data)): YearFigures {
  const count = (status: string) => data.pairs.filter((p) => p.status === status).length;
  const [proposed, , dissolved, attention] = PAIR_STATUSES.map(count);
  const confirmed = data.pairs.filter((p) => isWorkingPair(p.status)).length;
  const percents = confirmedPairs(data)
    .map(percentOf)
    .filter((p): p is number => p !== null && Number.isFinite(p));
  const held = data.events.filter((e) => isHeld(e, data.today)).length;
  const unpublished = unpublishedEvents(data.events, data.publications, data.today).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const practices = (status: string) => data.practices.filter((p) => p.status === status).length;
  return {
    pairs: { proposed, confirmed, dissolved, attention },
    programPercent: percents.length ? Math.round(percents.reduce((a, b) => a + b, 0) / percents.length) : null,
    meetings: data.meetings.length,
    events: {
      held,
      planned: data.events.length - held,
      unpublished: unpublished.length,
    },
    unpublishedEvents: unpublished.map((e) => ({
      id: e.id,
      date: e.date,
      title: [e.kind, e.topic].filter(Boolean).join(': '),
    })),
    monitoring: summary.totals.answered > 0 ? summary.totals : null,
    monitoringQuestions: summary.totals.answered > 0 ? summary.questions : [],
    practices: {
      proposed: practices('предложена'),
      approved: practices('одобрена'),
      published: practices('опубликована'),
    },
  };
}
