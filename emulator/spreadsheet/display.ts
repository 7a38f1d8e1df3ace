/**
 * The text a cell shows: its value through its number format, in the spreadsheet's locale and time
 * zone (Range.getDisplayValues and the browser grid).
 *
 * Automatic format: numbers with up to 10 decimals and no grouping ("3,5" in ru_RU), booleans
 * "TRUE"/"FALSE", a Date at local midnight "25.11.2026", with a time "25.11.2026 14:30:00".
 * Patterns: date tokens (d dd ddd dddd, m mm mmm mmmm, M MM, yy yyyy, h hh H HH, s ss, AM/PM; "m"/"mm"
 * after an hour or before a second token means minutes), number tokens (0 # . , % E+00), quoted
 * literals, backslash escapes, sections "pos;neg;zero;text", and '@' (plain text).
 */
import { DAYS_EN, MONTHS_EN } from '../core/calendarNames';
import { wallClock } from '../core/timezone';
import { isDateLike } from './cells';
import { localeInfo } from './locale';
import type { Cell, CellValue, SpreadsheetModel } from './model';
import { dateToSerial, serialToMs } from './serial';

/** What Range.getNumberFormat returns for a cell with the automatic format (as Apps Script does). */
export const AUTOMATIC_FORMAT = '0.###############';

/** Formats that mean "automatic" when set: stored as undefined. */
export function isAutomaticFormat(f: string | undefined | null): boolean {
  return f === undefined || f === null || f === '' || f === AUTOMATIC_FORMAT || f.toLowerCase() === 'general';
}

const MONTHS_RU = [
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
const MONTHS_RU_GEN = [
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
const MONTHS_RU_SHORT = [
  'янв.',
  'февр.',
  'мар.',
  'апр.',
  'мая',
  'июн.',
  'июл.',
  'авг.',
  'сент.',
  'окт.',
  'нояб.',
  'дек.',
];
const DAYS_RU = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const DAYS_RU_SHORT = ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A number with the automatic format: up to 10 decimals, no grouping, locale decimal separator. */
export function automaticNumber(n: number, locale: string): string {
  if (Number.isNaN(n)) return '#NUM!';
  if (!Number.isFinite(n)) return '#NUM!';
  const dec = localeInfo(locale).decimal;
  const abs = Math.abs(n);
  let s: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-10)) {
    s = n
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace('e', 'E');
    s = s.replace(/E\+?(-?)(\d)$/, 'E+$10$2').replace('E+-', 'E-');
  } else {
    s = n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
    if (s === '-0') s = '0';
  }
  return s.replace('.', dec);
}

function automaticDate(ms: number, locale: string, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const info = localeInfo(locale);
  const date = info.dayFirst
    ? `${pad(w.day)}${info.dateSeparator}${pad(w.month)}${info.dateSeparator}${w.year}`
    : `${w.month}/${w.day}/${w.year}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return date;
  const time = info.dayFirst
    ? `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`
    : `${w.hour}:${pad(w.minute)}:${pad(w.second)}`;
  return `${date} ${time}`;
}

function automatic(value: CellValue, locale: string, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return automaticNumber(value, locale);
  if (isDateLike(value)) return automaticDate(value.getTime(), locale, timeZone);
  return String(value);
}

type Tok = { t: 'lit'; v: string } | { t: 'code'; v: string };

/** Splits a pattern section into literals (quoted, escaped) and code characters. */
function tokenize(section: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const lit = end < 0 ? section.slice(i + 1) : section.slice(i + 1, end);
      out.push({ t: 'lit', v: lit });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      out.push({ t: 'lit', v: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      out.push({ t: 'lit', v: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else {
      out.push({ t: 'code', v: ch });
    }
  }
  return out;
}

function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') q = !q;
    if (ch === '\\' && !q) {
      cur += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function codeText(toks: Tok[]): string {
  return toks
    .filter((t) => t.t === 'code')
    .map((t) => t.v)
    .join('')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDatePattern(section: string): boolean {
  return /[dDyYhHsSmM]/.test(
    codeText(tokenize(section))
      .replace(/[Ee][+-]/g, '')
      .replace(/am\/pm|a\/p/gi, 'h'),
  );
}

type DatePart = { kind: 'lit'; v: string } | { kind: 'tok'; v: string };

function formatDate(section: string, ms: number, locale: string, timeZone: string): string {
  const toks = tokenize(section);
  const parts: DatePart[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t === 'lit') {
      parts.push({ kind: 'lit', v: tk.v });
      continue;
    }
    const rest = toks
      .slice(i)
      .map((x) => (x.t === 'code' ? x.v : '\u0000'))
      .join('');
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      parts.push({ kind: 'tok', v: ampm[1].length === 5 ? 'AM/PM' : 'A/P' });
      i += ampm[1].length - 1;
      continue;
    }
    const ch = tk.v;
    if ('dDyYhHsSmM'.includes(ch)) {
      let j = i;
      while (j < toks.length && toks[j].t === 'code' && toks[j].v === ch) j++;
      parts.push({ kind: 'tok', v: ch.repeat(j - i) });
      i = j - 1;
    } else if (ch === '.' && /^\.0+/.test(rest)) {
      const m = /^\.(0+)/.exec(rest)!;
      parts.push({ kind: 'tok', v: `.${m[1]}` });
      i += m[1].length;
    } else {
      parts.push({ kind: 'lit', v: ch });
    }
  }
  const w = wallClock(ms, timeZone);
  const has12h = parts.some((p) => p.kind === 'tok' && (p.v === 'AM/PM' || p.v === 'A/P'));
  const tokIdx = parts.map((p, i) => (p.kind === 'tok' ? i : -1)).filter((i) => i >= 0);
  const ru = locale.toLowerCase().startsWith('ru');
  const hasDay = parts.some((p) => p.kind === 'tok' && /^d{1,2}$/i.test(p.v));
  let out = '';
  parts.forEach((p, idx) => {
    if (p.kind === 'lit') {
      out += p.v;
      return;
    }
    const v = p.v;
    const lower = v.toLowerCase();
    const k = tokIdx.indexOf(idx);
    const prev = k > 0 ? parts[tokIdx[k - 1]].v.toLowerCase()[0] : '';
    const next = k + 1 < tokIdx.length ? parts[tokIdx[k + 1]].v.toLowerCase()[0] : '';
    if (lower[0] === 'm' && v[0] === 'm' && v.length <= 2 && (prev === 'h' || next === 's')) {
      out += v.length === 2 ? pad(w.minute) : String(w.minute);
    } else if (lower[0] === 'm') {
      if (v.length === 1) out += String(w.month);
      else if (v.length === 2) out += pad(w.month);
      else if (v.length === 3) out += ru ? MONTHS_RU_SHORT[w.month - 1] : MONTHS_EN[w.month - 1].slice(0, 3);
      else if (v.length === 5) out += (ru ? MONTHS_RU : MONTHS_EN)[w.month - 1][0];
      else out += ru ? (hasDay ? MONTHS_RU_GEN : MONTHS_RU)[w.month - 1] : MONTHS_EN[w.month - 1];
    } else if (lower[0] === 'd') {
      if (v.length === 1) out += String(w.day);
      else if (v.length === 2) out += pad(w.day);
      else if (v.length === 3) out += ru ? DAYS_RU_SHORT[w.weekday] : DAYS_EN[w.weekday].slice(0, 3);
      else out += (ru ? DAYS_RU : DAYS_EN)[w.weekday];
    } else if (lower[0] === 'y') {
      out += v.length <= 2 ? pad(w.year % 100) : String(w.year);
    } else if (lower[0] === 'h') {
      const h = has12h ? ((w.hour + 11) % 12) + 1 : w.hour;
      out += v.length >= 2 ? pad(h) : String(h);
    } else if (lower[0] === 's') {
      out += v.length >= 2 ? pad(w.second) : String(w.second);
    } else if (v.startsWith('.')) {
      out += localeInfo(locale).decimal + pad(w.millisecond, 3).slice(0, v.length - 1);
    } else if (v === 'AM/PM') {
      out += w.hour < 12 ? 'AM' : 'PM';
    } else if (v === 'A/P') {
      out += w.hour < 12 ? 'A' : 'P';
    }
  });
  return out;
}

function roundHalfAway(x: number, d: number): number {
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Number(`${Math.abs(x)}e${d}`))) / Number(`1e${d}`);
}

function groupInt(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function formatNumber(section: string, n: number, locale: string, withSign: boolean): string {
  const toks = tokenize(section);
  const info = localeInfo(locale);
  const isPlaceholder = (t: Tok): boolean => t.t === 'code' && '0#?'.includes(t.v);
  const first = toks.findIndex(isPlaceholder);
  if (first < 0) {
    // No digits at all: literal text (e.g. a section "-" or "zero").
    const lit = toks.map((t) => (t.t === 'lit' ? t.v : t.v === '@' ? '' : t.v)).join('');
    return lit;
  }
  let last = first;
  toks.forEach((t, i) => {
    if (isPlaceholder(t)) last = i;
  });
  // Extend the number part over a trailing exponent "E+00".
  let expDigits = 0;
  let expIdx = -1;
  const core = toks.slice(first, last + 1);
  const eAt = core.findIndex((t) => t.t === 'code' && (t.v === 'E' || t.v === 'e'));
  let mantissa = core;
  if (eAt >= 0) {
    expIdx = eAt;
    mantissa = core.slice(0, eAt);
    expDigits = core.slice(eAt + 2).filter(isPlaceholder).length;
  }
  const dotAt = mantissa.findIndex((t) => t.t === 'code' && t.v === '.');
  const intToks = dotAt >= 0 ? mantissa.slice(0, dotAt) : mantissa;
  const fracToks = dotAt >= 0 ? mantissa.slice(dotAt + 1) : [];
  const minInt = intToks.filter((t) => t.t === 'code' && t.v === '0').length;
  const grouping = intToks.some((t) => t.t === 'code' && t.v === ',');
  const minDec = fracToks.filter((t) => t.t === 'code' && t.v === '0').length;
  const maxDec = fracToks.filter(isPlaceholder).length;
  const percents = toks.filter((t) => t.t === 'code' && t.v === '%').length;

  let x = Math.abs(n) * Math.pow(100, percents);
  let exp = 0;
  if (expIdx >= 0 && x !== 0) {
    exp = Math.floor(Math.log10(x)) - Math.max(minInt, 1) + 1;
    x = x / Math.pow(10, exp);
  }
  x = roundHalfAway(x, maxDec);
  let [int, frac = ''] = x.toFixed(maxDec).split('.');
  while (frac.length > minDec && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (int === '0' && minInt === 0) int = '';
  int = int.padStart(minInt, '0');
  if (grouping) int = groupInt(int, info.group);
  let num = int + (frac ? info.decimal + frac : '');
  if (expIdx >= 0) {
    const sign = exp < 0 ? '-' : '+';
    num += `E${sign}${pad(Math.abs(exp), expDigits)}`;
  }
  const prefix = toks
    .slice(0, first)
    .map((t) => (t.t === 'lit' ? t.v : t.v === ',' ? '' : t.v))
    .join('');
  const suffix = toks
    .slice(last + 1)
    .map((t) => (t.t === 'lit' ? t.v : t.v === ',' ? '' : t.v))
    .join('');
  const negative = withSign && n < 0 && /[1-9]/.test(num);
  return (negative ? '-' : '') + prefix + num + suffix;
}

/** Formats one value with a number format pattern (undefined = automatic). */
export function formatValue(value: CellValue, pattern: string | undefined, locale: string, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (isAutomaticFormat(pattern)) return automatic(value, locale, timeZone);
  const sections = splitSections(pattern!);
  if (typeof value === 'string') {
    const text = sections[3];
    return text !== undefined ? text.replace(/@/g, value).replace(/"/g, '') : value;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (sections[0] === '@' && sections.length === 1) return automatic(value, locale, timeZone);
  const isDate = isDateLike(value);
  const num = isDate ? dateToSerial((value as Date).getTime(), timeZone) : (value as number);
  let section = sections[0];
  let withSign = true;
  if (num < 0 && sections[1] !== undefined) {
    section = sections[1];
    withSign = false;
  } else if (num === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  if (isDatePattern(section)) {
    const ms = isDate ? (value as Date).getTime() : serialToMs(num, timeZone);
    return formatDate(section, ms, locale, timeZone);
  }
  return formatNumber(section, num, locale, withSign);
}

/** The display value of a stored cell in a spreadsheet (locale, time zone). */
export function displayValue(
  cell: Cell | undefined,
  spreadsheet: Pick<SpreadsheetModel, 'locale' | 'timeZone'>,
): string {
  if (!cell) return '';
  return formatValue(cell.value, cell.format?.numberFormat, spreadsheet.locale, spreadsheet.timeZone);
}
