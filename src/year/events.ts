/**
 * «Мероприятия» ↔ the roadmap: every event row gets an id and, from its kind, the roadmap activity it
 * belongs to; a held event with an evidence link closes that activity («Выполнено»), unless staff set
 * the activity's status by hand after the add-on had set it. Both changes are written to «Журнал».
 */
import { EVENT_KINDS, nextId, roadmapNoOfKind, roadmapUpdates } from '../domain/events';
import { readJsonProperty, readState, writeJsonProperty } from '../state/store';
import { normalizeStatus } from '../domain/roadmap';
import { todayIso } from '../sheets/cells';
import { ensureEventsTable, readEvents, type EventRow } from '../sheets/eventsSheet';
import { readLists } from '../sheets/listsSheet';
import { logAction } from '../sheets/logSheet';
import { markActivities, readRoadmap, ROADMAP_YEAR_KEY } from '../sheets/roadmapSheet';
import { SHEETS } from '../sheets/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Activities the add-on closed by an event: number → event id (document property). */
const CLOSED_KEY = 'eventClosedActivities';
/** Activities whose status staff changed after that: the events leave them alone. */
const MANUAL_KEY = 'eventManualActivities';

/** The event kinds as staff keep them in «Справочники» (the defaults while the list is empty). */
export function eventKinds(ss: Spreadsheet): string[] {
  const kinds = readLists(ss).eventKinds ?? [];
  return kinds.length > 0 ? kinds : EVENT_KINDS.map((k) => k.title);
}

/** Reads «Мероприятия», fills missing ids and roadmap numbers, closes roadmap activities. */
export function syncEvents(ss: Spreadsheet): EventRow[] {
  if (!ss.getSheetByName(SHEETS.events)) return [];
  const table = ensureEventsTable(ss, eventKinds(ss));
  const timeZone = ss.getSpreadsheetTimeZone();
  const events = readEvents(table, timeZone);
  const ids = events.map((e) => e.id).filter(Boolean);
  for (const e of events) {
    if (!e.id) {
      e.id = nextId('М', ids);
      ids.push(e.id);
      table.set(e.row, 'id', e.id);
    }
    if (!e.roadmapNo && e.kind) {
      e.roadmapNo = roadmapNoOfKind(e.kind);
      if (e.roadmapNo) table.set(e.row, 'roadmapNo', e.roadmapNo);
    }
  }
  table.flush();
  closeActivities(ss, events, timeZone);
  return events;
}

function closeActivities(ss: Spreadsheet, events: EventRow[], timeZone: string): void {
  const roadmap = readRoadmap(ss, timeZone);
  if (!roadmap) return;
  // Per school year: a new roadmap has the same numbers, none of them closed by an event yet.
  const year = readState(ROADMAP_YEAR_KEY) ?? '';
  const closedKey = `${CLOSED_KEY}:${year}`;
  const manualKey = `${MANUAL_KEY}:${year}`;
  const closed = readJsonProperty<Record<string, string>>(closedKey, {});
  const manual = new Set(readJsonProperty<string[]>(manualKey, []));
  const manualBefore = manual.size;
  for (const row of roadmap) {
    if (closed[row.no] && !manual.has(row.no) && normalizeStatus(row.status) !== 'Выполнено') {
      manual.add(row.no);
      logAction(
        ss,
        'Мероприятия',
        `Статус пункта ${row.no} изменён вручную («${row.status || 'пусто'}»): мероприятия его больше не меняют.`,
      );
    }
  }
  const updates = roadmapUpdates(
    events,
    roadmap.map((r) => ({ no: r.no, status: r.status, manual: manual.has(r.no) })),
    todayIso(timeZone),
  );
  for (const u of updates) {
    markActivities(ss, [u.no], 'Выполнено', u.evidence);
    closed[u.no] = u.eventId;
    logAction(ss, 'Мероприятия', `Пункт ${u.no} отмечен «Выполнено» по мероприятию ${u.eventId}.`);
  }
  if (updates.length > 0) writeJsonProperty(closedKey, closed);
  if (manual.size > manualBefore) writeJsonProperty(manualKey, [...manual]);
}
