/** Sheets date serial numbers (days since 1899-12-30, wall clock of the spreadsheet time zone). */
import { fromWallClockAsUtc, wallClockAsUtc } from '../core/timezone';

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateToSerial(ms: number, timeZone: string): number {
  return (wallClockAsUtc(ms, timeZone) - EPOCH_UTC) / DAY_MS;
}

export function serialToMs(serial: number, timeZone: string): number {
  return fromWallClockAsUtc(EPOCH_UTC + Math.round(serial * DAY_MS), timeZone);
}
