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

/**
 * A cell's value as an ISO day in the spreadsheet's time zone: a Date, or text staff typed as
 * «дд.мм.гггг» / «гггг-мм-дд» that Sheets kept as text. Anything else → ''.
 */
export function cellToIsoDay(value: unknown, timeZone: string): string {
  if (isDate(value)) return Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');
  const text = String(value ?? '').trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? text : '';
}

/** An ISO day as a Date at midnight in the spreadsheet's time zone (what a typed date holds). */
export function isoDayToCell(iso: string, timeZone: string): Date | '' {
  if (!iso) return '';
  return Utilities.parseDate(iso, timeZone, 'yyyy-MM-dd');
}

/** Today in the given time zone, as an ISO day. */
export function todayIso(timeZone: string): string {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}
