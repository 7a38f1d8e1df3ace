import type { SchoolEvent } from '../domain/events/types';
import { isoDayReader, numberOrNull } from './cells';
import { SHEETS } from './schema';
import { defineTable } from './defineTable';
import { ensureTable, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const EVENTS_TABLE = defineTable(SHEETS.events, {
  id: { header: 'ID', width: 70, numberFormat: '@' },
  date: { header: 'Дата', width: 95, numberFormat: 'dd.mm.yyyy' },
  kind: { header: 'Вид', width: 220, wrap: true },
  topic: { header: 'Тема', width: 300, wrap: true },
  responsible: { header: 'Ответственный', width: 170, wrap: true },
  count: { header: 'Участников (число)', width: 100, numberFormat: '0' },
  participants: { header: 'Участники (сотрудники)', width: 260, wrap: true },
  evidence: { header: 'Подтверждение (ссылка)', width: 220 },
  roadmapNo: { header: 'Пункт дорожной карты', width: 110, numberFormat: '@' },
  news: { header: 'Новость (ссылка)', width: 200 },
});
export type EventsTable = TableOf<typeof EVENTS_TABLE>;

/** One row of «Мероприятия» with its place in the table (for writing back). */
export interface EventRow extends SchoolEvent {
  row: number;
  newsUrl: string;
}

/** «Мероприятия», created with the kind dropdown on first use. */
export function ensureEventsTable(ss: Spreadsheet, kinds: readonly string[]): EventsTable {
  return ensureTable(ss, EVENTS_TABLE, { kind: kinds });
}

/** Every non-blank event row, read once. */
export function readEvents(table: EventsTable, timeZone: string): EventRow[] {
  const day = isoDayReader(timeZone);
  const out: EventRow[] = [];
  table.rows.forEach((_, r) => {
    const topic = table.text(r, 'topic');
    const kind = table.text(r, 'kind');
    const date = day(table.get(r, 'date'));
    if (!topic && !kind && !date) return;
    out.push({
      row: r,
      id: table.text(r, 'id'),
      date,
      kind,
      topic,
      responsible: table.text(r, 'responsible'),
      participantsCount: numberOrNull(table.get(r, 'count')),
      participants: table.text(r, 'participants'),
      evidence: table.text(r, 'evidence'),
      roadmapNo: table.text(r, 'roadmapNo'),
      newsUrl: table.text(r, 'news'),
    });
  });
  return out;
}
