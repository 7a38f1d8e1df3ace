/**
 * Columns are found by their header text, never by letter: staff may reorder, hide or insert columns.
 * Matching forgives case, extra spaces and ё/е, and accepts the aliases a column spec lists.
 */

export interface ColumnSpec {
  header: string;
  /** Other header texts staff might have typed for the same column. */
  aliases?: string[];
  /** Pixel width set when the add-on creates the column. */
  width?: number;
  /** Sheets number format for the column ("@" = plain text, "dd.mm.yyyy"). */
  numberFormat?: string;
  wrap?: boolean;
}

export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е');
}

/** Maps each spec header to its 0-based column in `headerRow`, or -1 when the column is missing. */
export function mapHeaders(headerRow: readonly unknown[], specs: readonly ColumnSpec[]): number[] {
  const positions = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    const key = normalizeHeader(cell);
    if (key && !positions.has(key)) positions.set(key, i);
  });
  return specs.map((spec) => {
    for (const name of [spec.header, ...(spec.aliases ?? [])]) {
      const at = positions.get(normalizeHeader(name));
      if (at !== undefined) return at;
    }
    return -1;
  });
}

/** 1-based column number → letters (1 → A, 27 → AA), for formulas the add-on writes. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
