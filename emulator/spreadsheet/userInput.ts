/**
 * How Sheets interprets a string typed into a cell (and a string written by Range.setValue/setValues/
 * appendRow, which Apps Script treats the same way).
 *
 * - "'text" → the text after the apostrophe, literally; only the first apostrophe is the escape, so
 *   "''text" stores "'text". Google documents no rule; the apostrophe escape is what Sheets does when a
 *   value is written as user-entered input (ODK Collect relies on it: https://github.com/getodk/docs/pull/1095
 *   documents «Other values will be preceded by an apostrophe», so that they «will be stored as-is»;
 *   its review adds that the apostrophes «only are visible when editing a value»).
 * - "=…" → a formula — also in a cell formatted as plain text '@' (the emulator's pessimistic choice:
 *   only the apostrophe is a guaranteed way to store hostile text).
 * - number format '@' → any other string stays text.
 * - otherwise, by locale (ru_RU): "12", "-3", "3,5", "1 234,5", "1e3" → number; "50%" → 0.5;
 *   TRUE/FALSE/ИСТИНА/ЛОЖЬ → boolean; "25.11.2026" (day-first locales), "11/25/2026" (en_US) and ISO
 *   "2026-11-25", optionally with " 14:30" or " 14:30:15" → Date in the spreadsheet time zone;
 *   anything else stays a string.
 */
import { fromWallClock } from '../core/timezone';
import { localeInfo } from './locale';
import type { CellValue } from './model';

export interface ParsedInput {
  value: CellValue;
  /** Set when the input is a formula (value is then computed by the evaluator). */
  formula?: string;
  /** A number format Sheets applies along with the value when the cell's format is automatic. */
  impliedFormat?: string;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function parseTime(t: string | undefined): [number, number, number] | null {
  if (t === undefined) return [0, 0, 0];
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  return [h, mi, s];
}

function parseNumber(text: string, decimal: string, group: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (group !== ' ' && group !== '\u00a0' && group !== '\u202f' && group !== decimal) {
    // Grouping with commas/dots only when it is well formed: 1,234,567.5
    const esc = group === '.' ? '\\.' : group;
    const decEsc = decimal === '.' ? '\\.' : decimal;
    if (new RegExp(`^[+-]?\\d{1,3}(${esc}\\d{3})+(${decEsc}\\d+)?$`).test(s)) s = s.split(group).join('');
  }
  if (decimal !== '.') {
    if (s.includes('.')) return null;
    s = s.replace(decimal, '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function parseUserInput(text: string, locale: string, timeZone: string, numberFormat?: string): ParsedInput {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  if (numberFormat === '@') return { value: text };
  const t = text.trim();
  if (t === '') return { value: text };
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'ИСТИНА') return { value: true };
  if (upper === 'FALSE' || upper === 'ЛОЖЬ') return { value: false };

  const info = localeInfo(locale);
  if (t.endsWith('%')) {
    const n = parseNumber(t.slice(0, -1), info.decimal, info.group);
    if (n !== null) return { value: n / 100, impliedFormat: Number.isInteger(n) ? '0%' : '0.00%' };
  }
  const n = parseNumber(t, info.decimal, info.group);
  if (n !== null) return { value: n };

  // ISO date, optionally with time.
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const time = parseTime(m[4]);
    if (validDate(y, mo, d) && time) return { value: new Date(fromWallClock(timeZone, y, mo, d, ...time)) };
  }
  // Locale date: dd.mm.yyyy (ru) or mm/dd/yyyy (en_US), optionally with time.
  m = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    const [d, mo] = info.dayFirst ? [a, b] : [b, a];
    const time = parseTime(m[5]);
    if (validDate(y, mo, d) && time) return { value: new Date(fromWallClock(timeZone, y, mo, d, ...time)) };
  }
  return { value: text };
}
