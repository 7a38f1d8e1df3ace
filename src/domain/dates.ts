/**
 * ISO day strings ('YYYY-MM-DD') and Russian month names. Dates in the domain are ISO day strings:
 * they are plain JSON, compare correctly as strings and carry no time zone. Date objects are used
 * only inside addDays, in UTC, where no time zone can shift the day.
 */

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month, month 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds an ISO day; throws on an impossible date (a bug in the caller, not user input). */
export function isoDay(year: number, month: number, day: number): string {
  if (!isValidDay(year, month, day)) throw new Error(`Invalid date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar day written as 'YYYY-MM-DD' ('2027-02-29' is false). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseIsoDay(iso: string): DayParts {
  if (!isIsoDay(iso)) throw new Error(`Not an ISO day: ${iso}`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** The ISO day n days after (n < 0: before) the given one. */
export function addDays(iso: string, n: number): string {
  const { year, month, day } = parseIsoDay(iso);
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The ISO day of the last day of a month, e.g. (2028, 2) → '2028-02-29'. */
export function lastDayOfMonth(year: number, month: number): string {
  return isoDay(year, month, daysInMonth(year, month));
}

/** -1, 0 or 1; ISO days order as strings. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** '2026-11-25' → '25.11.2026', the way Russian documents write dates. */
export function formatRuDate(iso: string): string {
  const { year, month, day } = parseIsoDay(iso);
  return `${pad2(day)}.${pad2(month)}.${year}`;
}

/** Accepts 'YYYY-MM-DD' or a Russian 'ДД.ММ.ГГГГ' (what staff type into cells); null if neither. */
export function toIsoDay(text: string): string | null {
  const s = text.trim();
  if (isIsoDay(s)) return s;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? isoDay(year, month, day) : null;
}

const DAY_SHAPED = /^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2})$/;

/**
 * Why a text is not a day, in Russian, for messages: written as a date but not in the calendar
 * («31.04.2027», «2027-02-29»), or not a date at all. '' when it is a real day.
 */
export function dayProblem(text: string): string {
  const s = text.trim();
  if (toIsoDay(s) !== null) return '';
  if (DAY_SHAPED.test(s)) return `«${ruDateText(s)}» — такой даты нет в календаре`;
  return s === '' ? 'дата не указана' : `«${s}» — это не дата (нужна дата вида ДД.ММ.ГГГГ)`;
}

/** A date-shaped text as Russians write it: «2027-02-29» → «29.02.2027», even when no such day exists. */
export function ruDateText(text: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  return m ? `${m[3].padStart(2, '0')}.${m[2].padStart(2, '0')}.${m[1]}` : text.trim();
}

/** Lower case with ё → е, so «Сентябрь», «СЕНТЯБРЬ» and «сентябрь» compare equal. */
export function foldRu(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** Nominative («март») and genitive («марта») forms; index + 1 = month number. */
const MONTHS_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** Russian month name (nominative or genitive, any case, ё/е) → 1–12, or null. */
export function monthFromRussian(name: string): number | null {
  const key = foldRu(name.trim());
  const i = MONTHS_NOMINATIVE.indexOf(key);
  if (i >= 0) return i + 1;
  const j = MONTHS_GENITIVE.indexOf(key);
  return j >= 0 ? j + 1 : null;
}

/** Month number → nominative name with a capital letter, e.g. 2 → «Февраль». */
export function russianMonthName(month: number): string {
  const name = MONTHS_NOMINATIVE[month - 1];
  if (!name) throw new Error(`Invalid month: ${month}`);
  return name[0].toUpperCase() + name.slice(1);
}

/** Month number → genitive name, as in «25 ноября», e.g. 11 → «ноября». */
export function russianMonthGenitive(month: number): string {
  const name = MONTHS_GENITIVE[month - 1];
  if (!name) throw new Error(`Invalid month: ${month}`);
  return name;
}
