/**
 * A1 notation: "A1", "$A$1", "A1:B2", "A:C" (whole columns), "2:5" (whole rows), "A2:C" (open
 * end), with an optional sheet prefix "Sheet!A1" / "'Лист 1'!A1". Parsing and formatting only.
 * Rows and columns here are 1-based, as the notation is.
 */
import type { GridRange } from './model';

/** One parsed reference. Missing rows = whole columns; missing columns = whole rows. */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  /** Undefined end with a defined start: single cell (kind 'cell') or open end (kind 'open'). */
  endRow?: number;
  endCol?: number;
  absStartRow: boolean;
  absStartCol: boolean;
  absEndRow: boolean;
  absEndCol: boolean;
  kind: 'cell' | 'range' | 'cols' | 'rows' | 'open';
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?[0-9]+`;
/** The reference part (no sheet prefix); longest forms first. */
export const REF_BODY = `(?:${CELL}:${CELL}|${CELL}:${COL}(?![0-9])|${CELL}|${COL}:${COL}|${ROW}:${ROW})`;
/** A sheet prefix: quoted ('' escapes a quote) or a bare name. */
export const SHEET_PREFIX = String.raw`(?:'((?:[^']|'')+)'|([A-Za-zА-Яа-яЁё_][A-Za-z0-9А-Яа-яЁё_.]*))!`;

const FULL_RE = new RegExp(`^(?:${SHEET_PREFIX})?(${REF_BODY})$`);

function parsePart(part: string): { row?: number; col?: number; absRow: boolean; absCol: boolean } {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)([0-9]+)?$/.exec(part);
  if (!m) throw new Error(`bad A1 part ${part}`);
  if (!m[2]) return { row: Number(m[4]), absRow: m[1] === '$' || m[3] === '$', absCol: false };
  return {
    col: lettersToColumn(m[2]),
    row: m[4] === undefined ? undefined : Number(m[4]),
    absCol: m[1] === '$',
    absRow: m[3] === '$',
  };
}

/** Parses the reference body (without a sheet prefix), e.g. "$A$1:B2". */
export function parseRefBody(body: string): A1Ref | null {
  const [a, b] = body.split(':');
  const p = parsePart(a);
  if (b === undefined) {
    if (p.row === undefined || p.col === undefined || p.row < 1) return null;
    return {
      startRow: p.row,
      startCol: p.col,
      absStartRow: p.absRow,
      absStartCol: p.absCol,
      absEndRow: p.absRow,
      absEndCol: p.absCol,
      kind: 'cell',
    };
  }
  const q = parsePart(b);
  const ref: A1Ref = {
    startRow: p.row,
    startCol: p.col,
    endRow: q.row,
    endCol: q.col,
    absStartRow: p.absRow,
    absStartCol: p.absCol,
    absEndRow: q.absRow,
    absEndCol: q.absCol,
    kind: 'range',
  };
  if (p.col === undefined) ref.kind = 'rows';
  else if (p.row === undefined) ref.kind = 'cols';
  else if (q.row === undefined) ref.kind = 'open';
  if ((ref.startRow !== undefined && ref.startRow < 1) || (ref.endRow !== undefined && ref.endRow < 1)) return null;
  // Sheets normalises reversed corners ("B2:A1" is A1:B2).
  if (ref.startRow !== undefined && ref.endRow !== undefined && ref.endRow < ref.startRow) {
    [ref.startRow, ref.endRow] = [ref.endRow, ref.startRow];
    [ref.absStartRow, ref.absEndRow] = [ref.absEndRow, ref.absStartRow];
  }
  if (ref.startCol !== undefined && ref.endCol !== undefined && ref.endCol < ref.startCol) {
    [ref.startCol, ref.endCol] = [ref.endCol, ref.startCol];
    [ref.absStartCol, ref.absEndCol] = [ref.absEndCol, ref.absStartCol];
  }
  return ref;
}

/** Parses full A1 notation with an optional sheet prefix; null when it is not A1 notation. */
export function parseA1(text: string): A1Ref | null {
  const m = FULL_RE.exec(text.trim());
  if (!m) return null;
  const ref = parseRefBody(m[3]);
  if (!ref) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (sheet !== undefined) ref.sheetName = sheet;
  return ref;
}

/** The 0-based grid a reference covers in a sheet of the given size. */
export function refToGrid(ref: A1Ref, maxRows: number, maxCols: number): GridRange {
  const r1 = ref.startRow ?? 1;
  const c1 = ref.startCol ?? 1;
  const r2 = ref.kind === 'cell' ? r1 : (ref.endRow ?? maxRows);
  const c2 = ref.kind === 'cell' ? c1 : (ref.endCol ?? maxCols);
  return { row: r1 - 1, col: c1 - 1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 };
}

/** "A1" / "A1:B2" for a 0-based grid. */
export function gridToA1(g: GridRange): string {
  const a = `${columnToLetters(g.col + 1)}${g.row + 1}`;
  if (g.numRows === 1 && g.numCols === 1) return a;
  return `${a}:${columnToLetters(g.col + g.numCols)}${g.row + g.numRows}`;
}

/** Quotes a sheet name for use in A1 notation when it needs it: "'Лист 1'", "Data". */
export function quoteSheetName(name: string): string {
  return /^[A-Za-zА-Яа-яЁё_][A-Za-z0-9А-Яа-яЁё_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Formats a parsed reference back to text (anchors kept). */
export function formatRef(ref: A1Ref): string {
  const part = (row: number | undefined, col: number | undefined, absRow: boolean, absCol: boolean): string =>
    (col !== undefined ? `${absCol ? '$' : ''}${columnToLetters(col)}` : '') +
    (row !== undefined ? `${absRow ? '$' : ''}${row}` : '');
  const start = part(ref.startRow, ref.startCol, ref.absStartRow, ref.absStartCol);
  const body = ref.kind === 'cell' ? start : `${start}:${part(ref.endRow, ref.endCol, ref.absEndRow, ref.absEndCol)}`;
  return ref.sheetName !== undefined ? `${quoteSheetName(ref.sheetName)}!${body}` : body;
}
