/** Converting between cell values and domain values (ISO days, safe text). */
import { dayProblem, isIsoDay, toIsoDay } from '../domain/dates';

/** Starts Sheets would read as a formula, or (the apostrophe) swallow as its own escape. */
const FORMULA_START = /^[=+\-@']/;

/**
 * Text from people (names, answers) written so Sheets keeps it as typed: a leading apostrophe makes
 * Sheets keep the rest literally and is not part of the value — so a formula stays text, and an
 * answer that itself starts with an apostrophe («'Иванов») keeps it.
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

const DAY_MS = 86400000;
const HOUR_MS = 3600000;

const zones = new WeakMap<object, string>();

/** The spreadsheet's time zone, asked once per Spreadsheet object in an execution (the register, today's date). */
export function timeZoneOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  let zone = zones.get(ss);
  if (zone === undefined) {
    zone = ss.getSpreadsheetTimeZone();
    zones.set(ss, zone);
  }
  return zone;
}

/** Asked once per zone and execution (module state does not outlive one): readers and writers share it. */
const offsets = new Map<string, number>();

function zoneOffsetMs(timeZone: string): number {
  const known = offsets.get(timeZone);
  if (known !== undefined) return known;
  const ms = askZoneOffsetMs(timeZone);
  offsets.set(timeZone, ms);
  return ms;
}

/** The zone's offset from UTC now, in ms: one Utilities call. */
function askZoneOffsetMs(timeZone: string): number {
  const offset = Utilities.formatDate(new Date(), timeZone, 'Z');
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * HOUR_MS + Number(offset.slice(3, 5)) * 60000);
}

/** A date cell as read: its ISO day ('' when empty or unreadable) and why it is unreadable ('' when it is not). */
export interface DayCell {
  iso: string;
  /** Russian, e.g. «31.13.2027» — такой даты нет в календаре; '' for a date or an empty cell. */
  problem: string;
}

/**
 * Reads cells as ISO days in the spreadsheet's time zone: a Date, or text staff typed as
 * «дд.мм.гггг» / «гггг-мм-дд» that Sheets kept as text. Text that is no real day («31.04.2027» stays
 * text in Sheets) is not a day: its problem says why, so the caller can name the cell.
 *
 * One Utilities call per reader, not per cell (the number of calls must not grow with the rows): the
 * zone's offset is taken once and applied by arithmetic. That is exact for Russia's zones (no DST);
 * elsewhere a date typed across a DST change lands at 23:00 local, which is rounded up to its day.
 */
export function dayCellReader(timeZone: string): (value: unknown) => DayCell {
  const offsetMs = zoneOffsetMs(timeZone);
  return (value) => {
    if (isDate(value)) {
      let local = value.getTime() + offsetMs;
      if (((local % DAY_MS) + DAY_MS) % DAY_MS === 23 * HOUR_MS) local += HOUR_MS;
      return { iso: new Date(local).toISOString().slice(0, 10), problem: '' };
    }
    const text = String(value ?? '').trim();
    if (text === '') return { iso: '', problem: '' };
    const iso = toIsoDay(text);
    return iso ? { iso, problem: '' } : { iso: '', problem: dayProblem(text) };
  };
}

/** dayCellReader's day alone: '' for an empty cell and for anything that is not a real day. */
export function isoDayReader(timeZone: string): (value: unknown) => string {
  const read = dayCellReader(timeZone);
  return (value) => read(value).iso;
}

/** Where a cell is, for messages staff act on: «лист «Программы», строка 5, столбец «Дата»». */
export function cellPlace(sheet: string, row: number, column: string): string {
  return `лист «${sheet}», строка ${row}, столбец «${column}»`;
}

/**
 * isoDayToCell for many cells: one Utilities call for the zone's offset, then arithmetic (exact for
 * Russia's zones, which have no DST), so writing a column of dates costs the same for 5 or 500 rows.
 */
export function isoDayWriter(timeZone: string): (iso: string) => Date | '' {
  const offsetMs = zoneOffsetMs(timeZone);
  return (iso) => {
    // An impossible day is never rolled over into the next month.
    const m = isIsoDay(iso) ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - offsetMs) : '';
  };
}

/** An ISO day as a Date at midnight in the spreadsheet's time zone (what a typed date holds). */
export function isoDayToCell(iso: string, timeZone: string): Date | '' {
  if (!iso) return '';
  return Utilities.parseDate(iso, timeZone, 'yyyy-MM-dd');
}

/** A number typed in a cell (or written by the add-on); null for an empty cell or text that is not one. */
export function numberOrNull(value: unknown): number | null {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Today in the given time zone, as an ISO day. */
export function todayIso(timeZone: string): string {
  // The zone's offset now, shared with the day readers and writers of this execution.
  return new Date(Date.now() + zoneOffsetMs(timeZone)).toISOString().slice(0, 10);
}
