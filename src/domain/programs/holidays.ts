/**
 * Which days a program activity may be planned on: working days (Monday–Friday) that are neither a
 * Russian public holiday nor a school break.
 *
 * Public holidays are the fixed days of art. 112 of the Labour Code: 1–8 January (New Year holidays
 * and Christmas), 23 February, 8 March, 1 May, 9 May, 12 June and 4 November; 31 December, a day off
 * by the Government's transfer decree almost every year, is treated as one too. The yearly transfers
 * of days off (a Saturday worked, a Monday rested) are not known in advance and are ignored.
 *
 * School breaks differ by region and year (each school sets them in its calendar study schedule), so
 * they are APPROXIMATED by the usual dates of the Ministry's recommendations:
 * - autumn: 27 October – 4 November, the week or so before and up to National Unity Day (regions
 *   shift it by a few days, most often so that it starts on a Saturday and ends on 4 November);
 * - winter: 29 December – 8 January;
 * - spring: the last Monday–Friday week lying wholly in March (Monday on the 21st–27th).
 * A program is a plan the pair edits anyway; the point is only not to propose a lesson visit in the
 * holidays.
 */
import { parseIsoDay } from '../dates';

/** Why a day is not for activities; null for a school working day. */
export type DayOffReason = 'weekend' | 'holiday' | 'break';

/** Public holidays (and 31 December) as 'MM-DD'. */
export const PUBLIC_HOLIDAYS: readonly string[] = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
  '12-31',
];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(iso: string): number {
  const { year, month, day } = parseIsoDay(iso);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWeekend(iso: string): boolean {
  return weekday(iso) >= 6;
}

export function isPublicHoliday(iso: string): boolean {
  return PUBLIC_HOLIDAYS.includes(iso.slice(5));
}

/** Monday of the spring break of `year`: the last Monday–Friday week wholly in March. */
export function springBreakMonday(year: number): number {
  // The weekday of 27 March; step back to its Monday (27 is the latest Monday whose Friday is in March).
  const wd = weekday(`${String(year).padStart(4, '0')}-03-27`);
  return 27 - (wd - 1);
}

/** True inside the (approximate) autumn, winter or spring break. */
export function isSchoolBreak(iso: string): boolean {
  const { year, month, day } = parseIsoDay(iso);
  if ((month === 10 && day >= 27) || (month === 11 && day <= 4)) return true;
  if ((month === 12 && day >= 29) || (month === 1 && day <= 8)) return true;
  if (month === 3) {
    const monday = springBreakMonday(year);
    return day >= monday && day <= monday + 4;
  }
  return false;
}

export function dayOffReason(iso: string): DayOffReason | null {
  if (isWeekend(iso)) return 'weekend';
  if (isPublicHoliday(iso)) return 'holiday';
  if (isSchoolBreak(iso)) return 'break';
  return null;
}

/** A day an activity may be planned on. */
export function isSchoolWorkingDay(iso: string): boolean {
  return dayOffReason(iso) === null;
}
