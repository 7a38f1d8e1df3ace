/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas,
 * records by CRLF; a field holding a comma, a double quote or a line break is enclosed in double
 * quotes, and a double quote inside is doubled. Numbers are written with a dot, null as an empty field.
 */

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return values.map(csvField).join(',');
}

/** Header and rows, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return [header, ...rows].map((r) => `${csvLine(r)}\r\n`).join('');
}
