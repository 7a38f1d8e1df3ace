import { PUBLICATION_CHANNELS, type Publication } from '../domain/events/types';
import { isoDayReader, timeZoneOf } from './cells';
import { SHEETS } from './schema';
import { ensureTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const C = {
  date: 'Дата',
  about: 'Мероприятие (ID) или пункт',
  channel: 'Канал',
  title: 'Заголовок',
  link: 'Ссылка',
} as const;

export const PUBLICATIONS_TABLE: TableSpec = {
  sheetName: SHEETS.publications,
  columns: [
    { header: C.date, width: 95, numberFormat: 'dd.mm.yyyy' },
    { header: C.about, width: 170, numberFormat: '@' },
    { header: C.channel, width: 240 },
    { header: C.title, width: 340, wrap: true },
    { header: C.link, width: 260 },
  ],
};

export function ensurePublicationsTable(ss: Spreadsheet): Table {
  return ensureTable(ss, PUBLICATIONS_TABLE, { header: C.channel, values: PUBLICATION_CHANNELS });
}

export function readPublications(ss: Spreadsheet): Publication[] {
  const table = Table.read(ss, PUBLICATIONS_TABLE);
  if (!table) return [];
  const day = isoDayReader(timeZoneOf(ss));
  const out: Publication[] = [];
  table.rows.forEach((_, r) => {
    const about = table.text(r, C.about);
    const title = table.text(r, C.title);
    if (!about && !title) return;
    out.push({
      date: day(table.get(r, C.date)),
      about,
      channel: table.text(r, C.channel),
      title,
      link: table.text(r, C.link),
    });
  });
  return out;
}
