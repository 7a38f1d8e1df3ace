import type { MeetingRecord } from '../domain/monitoring/types';
import { isoDayReader, isoDayWriter, numberOrNull, safeText, timeZoneOf } from './cells';
import { DATE_TIME_FORMAT, formatInstantRows, instantCell, instantText, sameInstant } from './instants';
import { SHEETS } from './schema';
import { ensureTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const C = {
  pair: 'Пара/группа',
  date: 'Дата',
  format: 'Формат',
  topic: 'Тема',
  duration: 'Длительность, мин',
  activity: 'Мероприятие программы',
  note: 'Заметка (рабочая)',
  reportedBy: 'Сообщил (ID)',
  submittedAt: 'Отметка времени отчёта',
} as const;

export const MEETINGS_TABLE: TableSpec = {
  sheetName: SHEETS.meetings,
  columns: [
    { header: C.pair, width: 100, numberFormat: '@' },
    { header: C.date, width: 95, numberFormat: 'dd.mm.yyyy' },
    { header: C.format, width: 110 },
    { header: C.topic, width: 300, wrap: true, numberFormat: '@' },
    { header: C.duration, width: 110, numberFormat: '0' },
    { header: C.activity, width: 130, numberFormat: '@' },
    { header: C.note, width: 320, wrap: true, numberFormat: '@' },
    { header: C.reportedBy, width: 110, numberFormat: '@' },
    { header: C.submittedAt, width: 140, numberFormat: DATE_TIME_FORMAT },
  ],
};

export function ensureMeetingsTable(ss: Spreadsheet): Table {
  return ensureTable(ss, MEETINGS_TABLE);
}

/** Every meeting on «Встречи» (rows without a pair are left out). */
export function readMeetings(ss: Spreadsheet): MeetingRecord[] {
  const table = Table.read(ss, MEETINGS_TABLE);
  if (!table) return [];
  const day = isoDayReader(timeZoneOf(ss));
  const out: MeetingRecord[] = [];
  table.rows.forEach((_, r) => {
    const pairId = table.text(r, C.pair);
    if (!pairId) return;
    out.push({
      pairId,
      date: day(table.get(r, C.date)),
      format: table.text(r, C.format),
      topic: table.text(r, C.topic),
      duration: numberOrNull(table.get(r, C.duration)),
      activityId: table.text(r, C.activity),
      note: table.text(r, C.note),
      reportedBy: table.text(r, C.reportedBy),
      submittedAt: instantText(table.get(r, C.submittedAt)),
    });
  });
  return out;
}

/**
 * Files a reported meeting: a report processed twice (the same submission time, pair, reporter, day
 * and activity) updates its row instead of adding a second one. Submission time and pair alone are not
 * one report: a mentor sending several reports within a second (Forms' timestamps can coincide) would
 * lose all but the last. Returns true when a new row was added.
 */
export function putMeeting(ss: Spreadsheet, meeting: MeetingRecord): boolean {
  const table = ensureMeetingsTable(ss);
  const day = isoDayReader(timeZoneOf(ss));
  let r = table.rows.findIndex(
    (_, i) =>
      meeting.submittedAt !== '' &&
      sameInstant(instantText(table.get(i, C.submittedAt)), meeting.submittedAt) &&
      table.text(i, C.pair) === meeting.pairId &&
      table.text(i, C.reportedBy) === meeting.reportedBy &&
      table.text(i, C.activity) === meeting.activityId &&
      day(table.get(i, C.date)) === meeting.date,
  );
  const added = r < 0;
  if (added) r = table.append();
  const toCell = isoDayWriter(timeZoneOf(ss));
  table.set(r, C.pair, safeText(meeting.pairId));
  table.set(r, C.date, toCell(meeting.date));
  table.set(r, C.format, safeText(meeting.format));
  table.set(r, C.topic, safeText(meeting.topic));
  table.set(r, C.duration, meeting.duration ?? '');
  table.set(r, C.activity, safeText(meeting.activityId));
  table.set(r, C.note, safeText(meeting.note));
  table.set(r, C.reportedBy, meeting.reportedBy);
  table.set(r, C.submittedAt, instantCell(meeting.submittedAt));
  table.flush();
  formatInstantRows(table, C.submittedAt, r + 2, 1);
  return added;
}
