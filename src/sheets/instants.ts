/**
 * Moments (a report's submission time, a reminder's sending time) on the add-on's sheets: written as
 * real date-time values that Sheets shows in the spreadsheet's time zone as «14.05.2027 10:10», never
 * as raw ISO text («2027-05-14T07:10:00.657Z»). Read back as ISO times; older ISO text is still read
 * (instantColumns.ts turns it into date-time values on «Настроить учебный год…»).
 */
import type { Table } from './table';

/** Sheets' pattern: hh is the 24-hour hour when there is no AM/PM. */
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';

export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

/** An ISO time → the Date to write; anything else is written as it is. */
export function instantCell(iso: string): Date | string {
  return ISO_TIME.test(iso.trim()) ? new Date(iso.trim()) : iso;
}

/** A moment's cell → its ISO time ('' when empty; text that is not a time is returned as it is). */
export function instantText(value: unknown): string {
  if (isDate(value)) return value.toISOString();
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * Whether two ISO times are one moment to the second: Sheets keeps a date-time as a fraction of a day,
 * so the milliseconds of a written time may not come back exactly.
 */
export function sameInstant(a: string, b: string): boolean {
  const [x, y] = [Date.parse(a), Date.parse(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return a === b;
  return Math.floor(x / 1000) === Math.floor(y / 1000);
}

/**
 * Gives rows `first`…`first + count − 1` (1-based) of a moments column the date-time format: one call,
 * so a sheet made when the column was text shows the new rows as dates too.
 */
export function formatInstantRows<K extends string>(table: Table<K>, key: K, first: number, count: number): void {
  if (count < 1) return;
  table.sheet.getRange(first, table.column(key), count, 1).setNumberFormat(DATE_TIME_FORMAT);
}
