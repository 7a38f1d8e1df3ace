import type { SchoolEvent } from '../domain/events/types';
import { isoDayReader, numberOrNull } from './cells';
import { SHEETS } from './schema';
import { ensureTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const EVENT_COLUMNS = {
  id: 'ID',
  date: 'Дата',
  kind: 'Вид',
  topic: 'Тема',
  responsible: 'Ответственный',
  count: 'Участников (число)',
  participants: 'Участники (сотрудники)',
  evidence: 'Подтверждение (ссылка)',
  roadmapNo: 'Пункт дорожной карты',
  news: 'Новость (ссылка)',
} as const;
const C = EVENT_COLUMNS;

export const EVENTS_TABLE: TableSpec = {
  sheetName: SHEETS.events,
  columns: [
    { header: C.id, width: 70, numberFormat: '@' },
    { header: C.date, width: 95, numberFormat: 'dd.mm.yyyy' },
    { header: C.kind, width: 220, wrap: true },
    { header: C.topic, width: 300, wrap: true },
    { header: C.responsible, width: 170, wrap: true },
    { header: C.count, width: 100, numberFormat: '0' },
    { header: C.participants, width: 260, wrap: true },
    { header: C.evidence, width: 220 },
    { header: C.roadmapNo, width: 110, numberFormat: '@' },
    { header: C.news, width: 200 },
  ],
};

/** One row of «Мероприятия» with its place in the table (for writing back). */
export interface EventRow extends SchoolEvent {
  row: number;
  newsUrl: string;
}

/** «Мероприятия», created with the kind dropdown on first use. */
export function ensureEventsTable(ss: Spreadsheet, kinds: readonly string[]): Table {
  return ensureTable(ss, EVENTS_TABLE, { header: C.kind, values: kinds });
}

/** Every non-blank event row, read once. */
export function readEvents(table: Table, timeZone: string): EventRow[] {
  const day = isoDayReader(timeZone);
  const out: EventRow[] = [];
  table.rows.forEach((_, r) => {
    const topic = table.text(r, C.topic);
    const kind = table.text(r, C.kind);
    const date = day(table.get(r, C.date));
    if (!topic && !kind && !date) return;
    out.push({
      row: r,
      id: table.text(r, C.id),
      date,
      kind,
      topic,
      responsible: table.text(r, C.responsible),
      participantsCount: numberOrNull(table.get(r, C.count)),
      participants: table.text(r, C.participants),
      evidence: table.text(r, C.evidence),
      roadmapNo: table.text(r, C.roadmapNo),
      newsUrl: table.text(r, C.news),
    });
  });
  return out;
}
