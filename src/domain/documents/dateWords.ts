/**
 * Dates and school years as Russian documents write them. ГОСТ Р 7.0.97-2016 allows a date in
 * digits («05.06.2026») or in words and digits («5 июня 2026 г.», no leading zero).
 */
import { formatRuDate, parseIsoDay, russianMonthGenitive } from '../dates';

/** '2026-11-25' → «25 ноября 2026 г.»; '2026-09-01' → «1 сентября 2026 г.». */
export function formatDateLong(iso: string): string {
  const { year, month, day } = parseIsoDay(iso);
  return `${day} ${russianMonthGenitive(month)} ${year} г.`;
}

/** '2026-11-25' → «25.11.2026». */
export function formatDateShort(iso: string): string {
  return formatRuDate(iso);
}

/** 2026 → «2026/2027», the way school documents name a school year. */
export function schoolYearLabel(startYear: number): string {
  if (!Number.isInteger(startYear) || startYear < 1 || startYear > 9998) {
    throw new Error(`Invalid school year: ${startYear}`);
  }
  return `${startYear}/${startYear + 1}`;
}

/** 2026 → «2026/2027 учебный год». */
export function schoolYearPhrase(startYear: number): string {
  return `${schoolYearLabel(startYear)} учебный год`;
}
