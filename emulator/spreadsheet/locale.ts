/** Locale facts the spreadsheet needs: decimal and grouping separators, date order. */

export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Day-first dates ("25.11.2026") vs month-first ("11/25/2026"). */
  dayFirst: boolean;
  dateSeparator: string;
}

const cache = new Map<string, LocaleInfo>();

export function localeInfo(locale: string): LocaleInfo {
  let info = cache.get(locale);
  if (info) return info;
  const tag = locale.replace('_', '-');
  let decimal = '.';
  let group = ',';
  try {
    for (const p of new Intl.NumberFormat(tag).formatToParts(12345.5)) {
      if (p.type === 'decimal') decimal = p.value;
      if (p.type === 'group') group = p.value;
    }
  } catch {
    // unknown locale: en_US conventions
  }
  // Sheets groups ru_RU thousands with a no-break space; Intl gives U+00A0 as well.
  if (group === '\u202f') group = '\u00a0';
  const lang = tag.split('-')[0].toLowerCase();
  const monthFirst = tag === 'en-US' || tag === 'en';
  const dateSeparator = ['ru', 'de', 'uk', 'pl', 'cs', 'fi', 'nb', 'tr', 'be', 'kk'].includes(lang)
    ? '.'
    : monthFirst
      ? '/'
      : '/';
  info = { decimal, group, dayFirst: !monthFirst, dateSeparator };
  cache.set(locale, info);
  return info;
}
