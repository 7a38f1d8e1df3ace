/** Sheets date serial numbers (days since 1899-12-30, wall clock of the spreadsheet time zone). */
import { fromWallClock, wallClock } from '../core/timezone';

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateToSerial(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wallAsUtc - EPOCH_UTC) / DAY_MS;
}

export function serialToMs(serial: number, timeZone: string): number {
  const wallAsUtc = EPOCH_UTC + Math.round(serial * DAY_MS);
  const d = new Date(wallAsUtc);
  return fromWallClock(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}
