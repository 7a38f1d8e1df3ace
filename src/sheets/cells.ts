/** Converting between cell values and domain values (ISO days, safe text). */

const FORMULA_START = /^[=+\-@]/;

/**
 * Text from people (names, answers) written so Sheets never runs it as a formula: a leading
 * apostrophe makes Sheets keep it literally and is not part of the value.
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

const DAY_MS = 86400000;
const HOUR_MS = 3600000;

/** The zone's offset from UTC now, in ms: one Utilities call. */
function zoneOffsetMs(timeZone: string): number {
  const offset = Utilities.formatDate(new Date(), timeZone, 'Z');
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * HOUR_MS + Number(offset.slice(3, 5)) * 60000);
}

/**
 * Reads cells as ISO days in the spreadsheet's time zone: a Date, or text staff typed as
 * «дд.мм.гггг» / «гггг-мм-дд» that Sheets kept as text; anything else → ''.
 *
 * One Utilities call per reader, not per cell (the number of calls must not grow with the rows): the
 * zone's offset is taken once and applied by arithmetic. That is exact for Russia's zones (no DST);
 * elsewhere a date typed across a DST change lands at 23:00 local, which is rounded up to its day.
 */
export function isoDayReader(timeZone: string): (value: unknown) => string {
  const offsetMs = zoneOffsetMs(timeZone);
  return (value) => {
    if (isDate(value)) {
      let local = value.getTime() + offsetMs;
      if (((local % DAY_MS) + DAY_MS) % DAY_MS === 23 * HOUR_MS) local += HOUR_MS;
      return new Date(local).toISOString().slice(0, 10);
    }
    const text = String(value ?? '').trim();
    let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    return m ? text : '';
  };
}

/**
 * isoDayToCell for many cells: one Utilities call for the zone's offset, then arithmetic (exact for
 * Russia's zones, which have no DST), so writing a column of dates costs the same for 5 or 500 rows.
 */
export function isoDayWriter(timeZone: string): (iso: string) => Date | '' {
  const offsetMs = zoneOffsetMs(timeZone);
  return (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
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
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}
