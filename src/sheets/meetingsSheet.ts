import type { MeetingRecord } from '../domain/monitoring/types';
import { isoDayReader, isoDayWriter, numberOrNull, safeText, timeZoneOf } from './cells';
import { DATE_TIME_FORMAT, formatInstantRows, instantCell, instantText, sameInstant } from './instants';
import { SHEETS } from './schema';
import { defineTable } from './defineTable';
import { ensureTable, Table, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MEETINGS_TABLE = defineTable(SHEETS.meetings, {
  pair: { header: 'Пара/группа', width: 100, numberFormat: '@' },
  date: { header: 'Дата', width: 95, numberFormat: 'dd.mm.yyyy' },
  format: { header: 'Формат', width: 110 },
  topic: { header: 'Тема', width: 300, wrap: true, numberFormat: '@' },
  duration: { header: 'Длительность, мин', width: 110, numberFormat: '0' },
  activity: { header: 'Мероприятие программы', width: 130, numberFormat: '@' },
  note: { header: 'Заметка (рабочая)', width: 320, wrap: true, numberFormat: '@' },
  reportedBy: { header: 'Сообщил (ID)', width: 110, numberFormat: '@' },
  submittedAt: { header: 'Отметка времени отчёта', width: 140, numberFormat: DATE_TIME_FORMAT },
});

export function ensureMeetingsTable(ss: Spreadsheet): TableOf<typeof MEETINGS_TABLE> {
  return ensureTable(ss, MEETINGS_TABLE);
}

/** Every meeting on «Встречи» (rows without a pair are left out). */
export function readMeetings(ss: Spreadsheet): MeetingRecord[] {
  const table = Table.read(ss, MEETINGS_TABLE);
  if (!table) return [];
  const day = isoDayReader(timeZoneOf(ss));
  const out: MeetingRecord[] = [];
  table.rows.forEach((_, r) => {
    const pairId = table.text(r, 'pair');
    if (!pairId) return;
    out.push({
      pairId,
      date: day(table.get(r, 'date')),
      format: table.text(r, 'format'),
      topic: table.text(r, 'topic'),
      duration: numberOrNull(table.get(r, 'duration')),
      activityId: table.text(r, 'activity'),
      note: table.text(r, 'note'),
      reportedBy: table.text(r, 'reportedBy'),
      submittedAt: instantText(table.get(r, 'submittedAt')),
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
      sameInstant(instantText(table.get(i, 'submittedAt')), meeting.submittedAt) &&
      table.text(i, 'pair') === meeting.pairId &&
      table.text(i, 'reportedBy') === meeting.reportedBy &&
      table.text(i, 'activity') === meeting.activityId &&
      day(table.get(i, 'date')) === meeting.date,
  );
  const added = r < 0;
  if (added) r = table.append();
  const toCell = isoDayWriter(timeZoneOf(ss));
  table.assign(r, {
    pair: safeText(meeting.pairId),
    date: toCell(meeting.date),
    format: safeText(meeting.format),
    topic: safeText(meeting.topic),
    duration: meeting.duration ?? '',
    activity: safeText(meeting.activityId),
    note: safeText(meeting.note),
    reportedBy: meeting.reportedBy,
    submittedAt: instantCell(meeting.submittedAt),
  });
  table.flush();
  formatInstantRows(table, 'submittedAt', r + 2, 1);
  return added;
}
