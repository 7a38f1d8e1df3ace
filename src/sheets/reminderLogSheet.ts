import type { SendLogEntry } from '../domain/reminders/types';
import { DATE_TIME_FORMAT, formatInstantRows, instantCell, instantText } from './instants';
import { SHEETS } from './schema';
import { ensureTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const C = { at: 'Отправлено', day: 'День', to: 'Кому', item: 'Пункт' } as const;

/** Who was reminded of which item and when: never the letters' text. */
export const REMINDER_LOG_TABLE: TableSpec = {
  sheetName: SHEETS.reminderLog,
  columns: [
    { header: C.at, width: 140, numberFormat: DATE_TIME_FORMAT },
    { header: C.day, width: 100, numberFormat: '@' },
    { header: C.to, width: 240, numberFormat: '@' },
    { header: C.item, width: 320, numberFormat: '@' },
  ],
};

export function readReminderLog(ss: Spreadsheet): SendLogEntry[] {
  const table = Table.read(ss, REMINDER_LOG_TABLE);
  if (!table) return [];
  return table.rows
    .map((_, r) => ({
      at: instantText(table.get(r, C.at)),
      day: table.text(r, C.day),
      to: table.text(r, C.to),
      itemKey: table.text(r, C.item),
    }))
    .filter((e) => e.to && e.itemKey);
}

/** Appends the entries of one run (one write). */
export function appendReminderLog(ss: Spreadsheet, entries: readonly SendLogEntry[]): void {
  if (entries.length === 0) return;
  const table = ensureTable(ss, REMINDER_LOG_TABLE);
  const first = table.rows.length;
  for (const e of entries) {
    const r = table.append();
    table.set(r, C.at, instantCell(e.at));
    table.set(r, C.day, e.day);
    table.set(r, C.to, e.to);
    table.set(r, C.item, e.itemKey);
  }
  table.flush();
  formatInstantRows(table, C.at, first + 2, entries.length);
}

/** A withdrawal of consent: the person's address leaves the log (the rows stay, the counts stay right). */
export function scrubReminderLog(ss: Spreadsheet, email: string): void {
  const table = Table.read(ss, REMINDER_LOG_TABLE);
  if (!table) return;
  const key = email.trim().toLowerCase();
  table.rows.forEach((_, r) => {
    if (table.text(r, C.to).toLowerCase() === key) table.set(r, C.to, '(согласие отозвано)');
  });
  table.flush();
}
