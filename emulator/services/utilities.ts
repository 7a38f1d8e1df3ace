/**
 * Utilities: formatDate (Java SimpleDateFormat patterns, English names as Apps Script prints them),
 * formatString (sprintf subset), getUuid, sleep (advances the simulated clock), base64, newBlob.
 */
import { randomUUID } from 'node:crypto';
import { DAYS_EN, MONTHS_EN } from '../core/calendarNames';
import type { Env } from '../core/env';
import { gasObject, signatureError } from '../core/gasObject';
import { fromWallClock, isValidTimeZone, offsetMinutes, wallClock, type WallClock } from '../core/timezone';
import { fromSignedBytes, isDate, toSignedBytes, Wrapped, wrap } from './common';

export const SLEEP_MAX_MS = 300000;
/** Error text (not documented by Google: as Apps Script shows it). */
export const SLEEP_TOO_LONG = `Argument too large: milliseconds (Utilities.sleep allows at most ${SLEEP_MAX_MS})`;

/** A fixed-offset zone as Java accepts it: "GMT", "UTC", "GMT+3", "GMT+03:00", "UTC-0530". */
function fixedOffset(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

interface Zoned {
  w: WallClock;
  offset: number;
}

function zoned(ms: number, timeZone: string): Zoned | null {
  const fixed = fixedOffset(timeZone);
  if (fixed !== null) {
    const d = new Date(ms + fixed * 60000);
    return {
      offset: fixed,
      w: {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        millisecond: d.getUTCMilliseconds(),
        weekday: d.getUTCDay(),
      },
    };
  }
  if (!isValidTimeZone(timeZone)) return null;
  return { w: wallClock(ms, timeZone), offset: offsetMinutes(ms, timeZone) };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function offsetText(offset: number, colon: boolean, withMinutes = true): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = pad(Math.floor(a / 60), 2);
  if (!withMinutes) return `${sign}${hh}`;
  return `${sign}${hh}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

function field(letter: string, count: number, z: Zoned): string {
  const { w, offset } = z;
  switch (letter) {
    case 'y':
      return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
    case 'M':
      if (count >= 4) return MONTHS_EN[w.month - 1];
      if (count === 3) return MONTHS_EN[w.month - 1].slice(0, 3);
      return pad(w.month, count);
    case 'd':
      return pad(w.day, count);
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      return pad(w.millisecond, count);
    case 'E':
      return count >= 4 ? DAYS_EN[w.weekday] : DAYS_EN[w.weekday].slice(0, 3);
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offsetText(offset, false);
    case 'X':
      if (offset === 0) return 'Z';
      return count === 1 ? offsetText(offset, false, offset % 60 !== 0) : offsetText(offset, count >= 3);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

const SUPPORTED = new Set('yMdHkKhmsSEuaZX');

/** Formats `ms` in `timeZone` with a Java SimpleDateFormat pattern. Throws Error on a bad pattern or zone. */
export function formatDateMs(ms: number, timeZone: string, pattern: string): string {
  const z = zoned(ms, timeZone);
  if (!z) throw new Error(`Invalid time zone: ${timeZone}`);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // '' inside a quoted run is a literal quote
      let j = i + 1;
      let lit = '';
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close < 0) throw new Error('Unterminated quote');
        lit += pattern.slice(j, close);
        if (pattern[close + 1] === "'") {
          lit += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out += lit;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      if (!SUPPORTED.has(c)) {
        if ('GwWDFzL'.includes(c))
          throw new Error(`Utilities.formatDate: pattern letter '${c}' is not implemented by the emulator`);
        throw new Error(`Illegal pattern character '${c}'`);
      }
      out += field(c, n, z);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * sprintf subset: %s, %d / %i (truncated toward zero), %f with precision, %%, flags "-" and "0",
 * a width. A specifier without an argument throws: a format/argument mismatch is a bug worth seeing.
 */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-0]*)(\d+)?(?:\.(\d+))?([sdif%])/g,
    (_m, flags: string, width?: string, prec?: string, conv?: string) => {
      if (conv === '%') return '%';
      if (next >= args.length) throw new Error(`Missing argument for format specifier %${conv}`);
      const arg = args[next++];
      let s: string;
      if (conv === 's') s = typeof arg === 'object' && arg !== null && !isDate(arg) ? JSON.stringify(arg) : String(arg);
      else if (conv === 'd' || conv === 'i') s = String(Math.trunc(Number(arg)));
      else s = Number(arg).toFixed(prec === undefined ? 6 : Number(prec));
      if (conv === 's' && prec !== undefined) s = s.slice(0, Number(prec));
      const w = width ? Number(width) : 0;
      if (s.length < w) {
        if (flags.includes('-')) s = s.padEnd(w, ' ');
        else if (flags.includes('0') && conv !== 's') {
          const neg = s.startsWith('-');
          s = (neg ? '-' : '') + (neg ? s.slice(1) : s).padStart(w - (neg ? 1 : 0), '0');
        } else s = s.padStart(w, ' ');
      }
      return s;
    },
  );
}

type B = GoogleAppsScript.Base.Blob;

export class FakeBlob
  extends Wrapped
  implements
    Pick<
      B,
      | 'getDataAsString'
      | 'getBytes'
      | 'getName'
      | 'setName'
      | 'getContentType'
      | 'setContentType'
      | 'setDataFromString'
      | 'copyBlob'
    >
{
  constructor(
    private readonly env: Env,
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super();
  }

  private ret(): B {
    return this._self as unknown as B;
  }

  getDataAsString(charset?: string): string {
    const enc = (charset ?? 'UTF-8').toLowerCase().replace('-', '');
    if (enc !== 'utf8' && enc !== 'ascii' && enc !== 'latin1' && enc !== 'iso88591') {
      throw this.env.error(`Unsupported charset in the emulator: ${charset}`);
    }
    return this.data.toString(enc === 'iso88591' ? 'latin1' : (enc as BufferEncoding));
  }
  getBytes(): number[] {
    return toSignedBytes(this.data);
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): B {
    this.name = String(name);
    return this.ret();
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): B {
    this.contentType = contentType;
    return this.ret();
  }
  setDataFromString(s: string): B {
    this.data = Buffer.from(String(s), 'utf8');
    return this.ret();
  }
  copyBlob(): B {
    return newBlobObject(this.env, Buffer.from(this.data), this.contentType, this.name);
  }
}

export function newBlobObject(env: Env, data: Buffer, contentType: string | null, name: string | null): B {
  return wrap(env, 'Base.Blob', new FakeBlob(env, data, contentType, name)) as unknown as B;
}

function toBuffer(env: Env, data: unknown, method: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data) && data.every((b) => typeof b === 'number')) return fromSignedBytes(data);
  throw signatureError(env, method, [data]);
}

type UT = GoogleAppsScript.Utilities.Utilities;

class FakeUtilities implements Pick<
  UT,
  | 'formatDate'
  | 'parseDate'
  | 'formatString'
  | 'getUuid'
  | 'sleep'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'newBlob'
> {
  constructor(private readonly env: Env) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError(this.env, 'Utilities.formatDate', [date, timeZone, format]);
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw this.env.error('Invalid argument: date');
    try {
      return formatDateMs(ms, timeZone, format);
    } catch (e) {
      throw this.env.error((e as Error).message);
    }
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError(this.env, 'Utilities.parseDate', [date, timeZone, format]);
    }
    const ms = parseDateMs(date, timeZone, format);
    if (ms === null) throw this.env.error(`Unparseable date: "${date}"`);
    return this.env.date(ms);
  }

  formatString(template: string, ...args: unknown[]): string {
    try {
      return formatString(template, ...args);
    } catch (e) {
      throw this.env.error((e as Error).message);
    }
  }

  getUuid(): string {
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
      throw signatureError(this.env, 'Utilities.sleep', [milliseconds]);
    }
    if (milliseconds > SLEEP_MAX_MS) throw this.env.error(SLEEP_TOO_LONG);
    if (milliseconds > 0) this.env.advance(Math.floor(milliseconds));
  }

  base64Encode(data: string | number[]): string {
    return toBuffer(this.env, data, 'Utilities.base64Encode').toString('base64');
  }

  base64EncodeWebSafe(data: string | number[]): string {
    // Java's URL-safe encoder keeps the "=" padding.
    return toBuffer(this.env, data, 'Utilities.base64EncodeWebSafe')
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return this.decode(encoded, 'Utilities.base64Decode', /^[A-Za-z0-9+/]*={0,2}$/);
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return this.decode(encoded, 'Utilities.base64DecodeWebSafe', /^[A-Za-z0-9_-]*={0,2}$/);
  }

  private decode(encoded: string, method: string, alphabet: RegExp): number[] {
    if (typeof encoded !== 'string') throw signatureError(this.env, method, [encoded]);
    const clean = encoded.replace(/\s+/g, '');
    if (!alphabet.test(clean)) throw this.env.error('Could not decode string.');
    return toSignedBytes(Buffer.from(clean, 'base64'));
  }

  newBlob(data: string | number[], contentType?: string, name?: string): B {
    const buf = toBuffer(this.env, data, 'Utilities.newBlob');
    return newBlobObject(this.env, buf, contentType ?? null, name ?? null);
  }
}

/** Fields SimpleDateFormat's parse understands here: numeric y, M, d, H, m, s; other letters are refused. */
const PARSE_FIELDS: Record<string, string> = { y: 'year', M: 'month', d: 'day', H: 'hour', m: 'minute', s: 'second' };

/**
 * Utilities.parseDate for numeric patterns ("yyyy-MM-dd", "dd.MM.yyyy HH:mm"): the wall-clock time in
 * `timeZone` → epoch ms, or null when the text does not match. Out-of-range fields are refused
 * (Java's lenient roll-over is a source of silent bugs, so the emulator is strict).
 */
export function parseDateMs(text: string, timeZone: string, pattern: string): number | null {
  const order: string[] = [];
  let source = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    let j = i;
    while (pattern[j] === c) j++;
    if (PARSE_FIELDS[c]) {
      order.push(PARSE_FIELDS[c]);
      source += c === 'y' && j - i >= 4 ? '(\\d{4})' : '(\\d{1,2})';
    } else if (/[A-Za-z]/.test(c)) {
      throw new Error(`Utilities.parseDate: pattern letter "${c}" is not supported by the emulator`);
    } else {
      source += pattern.slice(i, j).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    i = j;
  }
  const m = new RegExp(`^\\s*${source}\\s*$`).exec(text);
  if (!m) return null;
  const f: Record<string, number> = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  order.forEach((name, k) => (f[name] = Number(m[k + 1])));
  const valid =
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= new Date(Date.UTC(f.year, f.month, 0)).getUTCDate() &&
    f.hour < 24 &&
    f.minute < 60 &&
    f.second < 60;
  return valid ? fromWallClock(timeZone, f.year, f.month, f.day, f.hour, f.minute, f.second) : null;
}

/** The `Utilities` global. */
export function createUtilities(env: Env): UT {
  return gasObject(env, 'Utilities.Utilities', new FakeUtilities(env)) as unknown as UT;
}
