/**
 * When the local workspace's demo school lives: 14 May, 10:00 Moscow time, of the school year that is
 * running (or has just ended) on `realNowMs` — the year's events are held, the monitoring answered,
 * the figures and charts full. The clock then runs with real time from there.
 */
export function demoDateTime(realNowMs: number): string {
  const moscow = new Date(realNowMs + 3 * 3600000);
  const year = moscow.getUTCMonth() >= 8 ? moscow.getUTCFullYear() + 1 : moscow.getUTCFullYear();
  return `${year}-05-14T10:00:00+03:00`;
}
