/** The bank's key: the email the form collected, normalized. */

/** Trimmed and lower case: «  Ivanova@School.RU » → «ivanova@school.ru». */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A loose check, only to flag a typo for staff (one «@», something before it, a dot in the domain,
 * no spaces). A failing address is kept, never dropped: Google collected it, it may still work.
 */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);
}
