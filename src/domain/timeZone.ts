/** An IANA time zone name JavaScript knows («Europe/Moscow», «UTC»). */
export function isTimeZone(text: string): boolean {
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(text) && text !== 'UTC') return false;
  // A well-formed name may still be no zone («Mars/Base»); Sheets would refuse it with an English error.
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}
