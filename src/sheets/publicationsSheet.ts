import { PUBLICATION_CHANNELS, type Publication } from '../domain/events/types';
import { isoDayReader, timeZoneOf } from './cells';
import { SHEETS } from './schema';
import { defineTable } from './defineTable';
import { ensureTable, Table, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PUBLICATIONS_TABLE = defineTable(SHEETS.publications, {
  date: { header: 'Дата', width: 95, numberFormat: 'dd.mm.yyyy' },
  about: { header: 'Мероприятие (ID) или пункт', width: 170, numberFormat: '@' },
  channel: { header: 'Канал', width: 240, dropdown: PUBLICATION_CHANNELS },
  title: { header: 'Заголовок', width: 340, wrap: true },
  link: { header: 'Ссылка', width: 260 },
});

export function ensurePublicationsTable(ss: Spreadsheet): TableOf<typeof PUBLICATIONS_TABLE> {
  return ensureTable(ss, PUBLICATIONS_TABLE);
}

export function readPublications(ss: Spreadsheet): Publication[] {
  const table = Table.read(ss, PUBLICATIONS_TABLE);
  if (!table) return [];
  const day = isoDayReader(timeZoneOf(ss));
  const out: Publication[] = [];
  table.rows.forEach((_, r) => {
    const about = table.text(r, 'about');
    const title = table.text(r, 'title');
    if (!about && !title) return;
    out.push({
      date: day(table.get(r, 'date')),
      about,
      channel: table.text(r, 'channel'),
      title,
      link: table.text(r, 'link'),
    });
  });
  return out;
}
