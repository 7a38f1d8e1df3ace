/**
 * Filling a copy of a template: each repeating table row once per item, then every placeholder.
 *
 * A kind has at most one repeating row of its `rowFields` and one per extra table (`kind.tables`);
 * the fields in a row tell which group it belongs to. An extra table with no items keeps its header
 * and one row «—», so the document shows the table is empty.
 *
 * Values are inserted literally. Two guards make that so whatever a teacher typed:
 * - a `{` in a value is written as a private-use character until the end, so a value such as
 *   «{{директор}}» is never taken for a placeholder by a later pass;
 * - replaceText is used only for values without `$` and `\` (how Apps Script treats those in a
 *   replacement is not documented); other values are written with findText + deleteText/insertText.
 */
import {
  checkTemplate,
  findPlaceholders,
  placeholderPattern,
  ROW_GROUP,
  rowGroups,
  rowSorter,
} from '../domain/documents/placeholders';
import type { DocumentKind } from '../domain/documents/types';

type Body = GoogleAppsScript.Document.Body;
type Container = Body | GoogleAppsScript.Document.TableRow;
type Rows = Array<Record<string, string>>;

const BRACE_STAND_IN = '\uE000';
/** The one row of an extra table with no items. */
export const EMPTY_ROW_MARK = '—';

export interface Token {
  raw: string;
  name: string;
}

/** A repeating row: its table (index among the body's tables), its index in that table, its placeholders. */
export interface RowShape {
  table: number;
  row: number;
  tokens: Token[];
}

/** What a template holds: the placeholders outside the repeating rows, and those rows' places and placeholders. */
export interface TemplateShape {
  tokens: Token[];
  /** The repeating row of the kind's `rowFields`. */
  row: RowShape | null;
  /** The repeating rows of the kind's extra tables found in the template, by key; absent for a kind without them. */
  tables?: Record<string, RowShape>;
  /** Russian; generation is refused while any. */
  problems: string[];
}

function distinct(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => (seen.has(t.raw) ? false : (seen.add(t.raw), true)));
}

/** Reads a template once: its text, and the cells of its tables to find the repeating rows. */
export function inspectTemplate(kind: DocumentKind, body: Body): TemplateShape {
  let outside = body.getText();
  const groups = rowGroups(kind);
  const hasTables = (kind.tables ?? []).length > 0;
  const roleOf = rowSorter(kind);
  let row: RowShape | null = null;
  let rowCells: string[] | null = null;
  const tables: Record<string, RowShape> = {};
  const tableCells: Record<string, string[]> = {};
  const mixed: string[][] = [];
  if (groups.length > 0) {
    const docTables = body.getTables();
    search: for (let t = 0; t < docTables.length; t++) {
      const table = docTables[t];
      const rows = table.getNumRows();
      for (let r = 0; r < rows; r++) {
        const tableRow = table.getRow(r);
        const role = roleOf(tableRow.getText());
        if (role.type === 'outside') continue;
        const cells: string[] = [];
        for (let c = 0; c < tableRow.getNumCells(); c++) cells.push(tableRow.getCell(c).getText());
        if (role.type === 'mixed') {
          mixed.push(cells);
          continue;
        }
        const shape = { table: t, row: r, tokens: distinct(findPlaceholders(cells.join('\n')).tokens) };
        if (role.group === ROW_GROUP) {
          row = shape;
          rowCells = cells;
        } else {
          tables[role.group] = shape;
          tableCells[role.group] = cells;
        }
        // One group only: its first row is all there is to find.
        if (groups.length === 1) break search;
      }
    }
  }
  // The rows' cells are in the body's text too: take them out once, so what stays is "outside".
  for (const cells of [rowCells ?? [], ...Object.values(tableCells), ...mixed]) {
    for (const cell of cells) outside = outside.replace(cell, '');
  }
  const problems = checkTemplate(kind, {
    outside: [outside],
    row: rowCells,
    ...(hasTables ? { tables: tableCells } : {}),
    ...(mixed.length > 0 ? { mixed } : {}),
  });
  return { tokens: distinct(findPlaceholders(outside).tokens), row, ...(hasTables ? { tables } : {}), problems };
}

/** A value as it may go into a document: one line, no stand-in characters, braces stood in for. */
function encode(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .split(BRACE_STAND_IN)
      .join('')
      .replace(/\{/g, BRACE_STAND_IN)
  );
}

function fill(container: Container, tokens: Token[], values: Record<string, string>): void {
  const literal: Array<{ range: GoogleAppsScript.Document.RangeElement; value: string }> = [];
  for (const token of tokens) {
    const value = encode(values[token.name] ?? '');
    const pattern = placeholderPattern(token.raw);
    if (!/[$\\]/.test(value)) {
      container.replaceText(pattern, value);
      continue;
    }
    for (let range = container.findText(pattern); range; range = container.findText(pattern, range)) {
      literal.push({ range, value });
    }
  }
  // Last match first, so the offsets of earlier matches in the same text stay right.
  for (const { range, value } of literal.reverse()) {
    const text = range.getElement().asText();
    const start = range.getStartOffset();
    text.deleteText(start, range.getEndOffsetInclusive());
    if (value) text.insertText(start, value);
  }
}

/**
 * Repeats the row at `at` once per item of `items` (each row sees the common values too) and removes
 * the template row; with no items and `markEmpty`, leaves one row with «—» in its first cell.
 */
function repeatRow(
  table: GoogleAppsScript.Document.Table,
  at: RowShape,
  items: Rows,
  values: Record<string, string>,
  markEmpty: boolean,
): void {
  const template = table.getRow(at.row);
  if (items.length === 0 && markEmpty) {
    const row = table.insertTableRow(at.row + 1, template.copy());
    for (let c = 0; c < row.getNumCells(); c++) row.getCell(c).setText(c === 0 ? EMPTY_ROW_MARK : '');
  }
  items.forEach((rowValues, k) => {
    const row = table.insertTableRow(at.row + 1 + k, template.copy());
    fill(row, at.tokens, { ...values, ...rowValues });
  });
  table.removeRow(at.row);
}

/**
 * Fills a copy of the template whose shape is `shape`: the repeating row once per item of `rows`, the
 * row of each extra table once per item of `tables[key]`, then the placeholders outside them.
 */
export function fillDocument(
  body: Body,
  shape: TemplateShape,
  values: Record<string, string>,
  rows: Rows,
  tables: Record<string, Rows> = {},
): void {
  const repeats: Array<{ at: RowShape; items: Rows; markEmpty: boolean }> = [];
  if (shape.row) repeats.push({ at: shape.row, items: rows, markEmpty: false });
  for (const [key, at] of Object.entries(shape.tables ?? {})) {
    repeats.push({ at, items: tables[key] ?? [], markEmpty: true });
  }
  if (repeats.length > 0) {
    // Last table and last row first: rows put into a table move neither the rows above nor other tables.
    repeats.sort((a, b) => b.at.table - a.at.table || b.at.row - a.at.row);
    const docTables = body.getTables();
    for (const { at, items, markEmpty } of repeats) repeatRow(docTables[at.table], at, items, values, markEmpty);
  }
  fill(body, shape.tokens, values);
  const all = [
    ...Object.values(values),
    ...[...rows, ...Object.values(tables).flat()].flatMap((r) => Object.values(r)),
  ];
  if (all.some((v) => v.includes('{'))) body.replaceText(BRACE_STAND_IN, '{');
}

/** A top-level element of a template, typed once: its copy is typed too (Paragraph.copy() is a Paragraph). */
export type TemplateElement =
  | { type: 'paragraph'; element: GoogleAppsScript.Document.Paragraph }
  | { type: 'listItem'; element: GoogleAppsScript.Document.ListItem }
  | { type: 'table'; element: GoogleAppsScript.Document.Table };

/**
 * The template's top-level elements to copy, read once per batch call: a draft made again then costs
 * two calls per element (copy, append) instead of five.
 */
export function templateBlocks(template: Body): TemplateElement[] {
  const blocks: TemplateElement[] = [];
  const count = template.getNumChildren();
  let afterTable = false;
  for (let i = 0; i < count; i++) {
    const child = template.getChild(i);
    const type = child.getType();
    if (type === DocumentApp.ElementType.TABLE) {
      blocks.push({ type: 'table', element: child.asTable() });
      afterTable = true;
      continue;
    }
    if (type === DocumentApp.ElementType.PARAGRAPH) {
      const paragraph = child.asParagraph();
      // Docs puts an empty paragraph after a table appended at the end of a body: the template's own
      // one would make a second.
      if (!(afterTable && paragraph.getText() === '')) blocks.push({ type: 'paragraph', element: paragraph });
    } else if (type === DocumentApp.ElementType.LIST_ITEM) {
      blocks.push({ type: 'listItem', element: child.asListItem() });
    }
    afterTable = false;
  }
  return blocks;
}

/** Makes `target` a fresh copy of the template's blocks (a draft regenerated in place keeps its Doc and link). */
export function copyBody(blocks: TemplateElement[], target: Body): void {
  target.clear();
  for (const block of blocks) {
    if (block.type === 'table') target.appendTable(block.element.copy());
    else if (block.type === 'listItem') target.appendListItem(block.element.copy());
    else target.appendParagraph(block.element.copy());
  }
  // clear() leaves one empty paragraph at the top.
  target.getChild(0).removeFromParent();
}
