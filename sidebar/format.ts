/** Small pure helpers for the sidebar's views (no DOM, no Date parsing of ISO strings). */

/** "2026-03-05" → "05.03.2026"; anything else is returned as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  return m ? `${m[3]}.${m[2]}.${m[1]}` : String(iso);
}

/** 2026 → «2026–2027». */
export function periodLabel(startYear: number): string {
  return `${startYear}\u2013${startYear + 1}`;
}

/** Clamps a percentage to 0…100 (a broken server figure must not break the bar). */
export function clampPercent(p: unknown): number {
  const n = typeof p === 'number' && isFinite(p) ? p : 0;
  return Math.max(0, Math.min(100, Math.round(n)));
}

export const TIME_ZONES: ReadonlyArray<readonly [string, string]> = [
  ['Europe/Kaliningrad', 'Калининград (МСК−1)'],
  ['Europe/Moscow', 'Москва (МСК)'],
  ['Europe/Samara', 'Самара (МСК+1)'],
  ['Asia/Yekaterinburg', 'Екатеринбург (МСК+2)'],
  ['Asia/Omsk', 'Омск (МСК+3)'],
  ['Asia/Novosibirsk', 'Новосибирск (МСК+4)'],
  ['Asia/Krasnoyarsk', 'Красноярск (МСК+4)'],
  ['Asia/Irkutsk', 'Иркутск (МСК+5)'],
  ['Asia/Yakutsk', 'Якутск (МСК+6)'],
  ['Asia/Vladivostok', 'Владивосток (МСК+7)'],
  ['Asia/Magadan', 'Магадан (МСК+8)'],
  ['Asia/Kamchatka', 'Петропавловск-Камчатский (МСК+9)'],
];
