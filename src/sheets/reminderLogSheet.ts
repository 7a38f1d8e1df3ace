import type { SendLogEntry } from '../domain/reminders/types';
import { DATE_TIME_FORMAT, formatInstantRows, instantCell, instantText } from './instants';
import { SHEETS } from './schema';
import { defineTable } from './defineTable';
import { ensureTable, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Who was reminded of which item and when: never the letters' text. */
export const REMINDER_LOG_TABLE = defineTable(SHEETS.reminderLog, {
  at: { header: 'Отправлено', width: 140, numberFormat: DATE_TIME_FORMAT },
  day: { header: 'День', width: 100, numberFormat: '@' },
  to: { header: 'Кому', width: 240, numberFormat: '@' },
  item: { header: 'Пункт', width: 320, numberFormat: '@' },
});

export function readReminderLog(ss: Spreadsheet): SendLogEntry[] {
  const table = Table.read(ss, REMINDER_LOG_TABLE);
  if (!table) return [];
  return table.rows
    .map((_, r) => ({
      at: instantText(table.get(r, 'at')),
      day: table.text(r, 'day'),
      to: table.text(r, 'to'),
      itemKey: table.text(r, 'item'),
    }))
    .filter((e) => e.to && e.itemKey);
}

/** Appends the entries of one run (one write). */
export function appendReminderLog(ss: Spreadsheet, entries: readonly SendLogEntry[]): void {
  if (entries.length === 0) return;
  const table = ensureTable(ss, REMINDER_LOG_TABLE);
  const first = table.rows.length;
  for (const e of entries) {
    table.assign(table.append(), { at: instantCell(e.at), day: e.day, to: e.to, item: e.itemKey });
  }
  table.flush();
  formatInstantRows(table, 'at', first + 2, entries.length);
}

/** A withdrawal of consent: the person's address leaves the log (the rows stay, the counts stay right). */
export function scrubReminderLog(ss: Spreadsheet, email: string): void {
  const table = Table.read(ss, REMINDER_LOG_TABLE);
  if (!table) return;
  const key = email.trim().toLowerCase();
  table.rows.forEach((_, r) => {
    if (table.text(r, 'to').toLowerCase() === key) table.set(r, 'to', '(согласие отозвано)');
  });
  table.flush();
}
