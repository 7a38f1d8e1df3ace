/**
 * Filling a copy of a template: the repeating table row once per item, then every placeholder.
 *
 * Values are inserted literally. Two guards make that so whatever a teacher typed:
 * - a `{` in a value is written as a private-use character until the end, so a value such as
 *   «{{директор}}» is never taken for a placeholder by a later pass;
 * - replaceText is used only for values without `$` and `\` (how Apps Script treats those in a
 *   replacement is not documented); other values are written with findText + deleteText/insertText.
 */
import { checkTemplate, findPlaceholders, placeholderPattern } from '../domain/documents/placeholders';
import type { DocumentKind } from '../domain/documents/types';

type Body = GoogleAppsScript.Document.Body;
type Container = Body | GoogleAppsScript.Document.TableRow;

const BRACE_STAND_IN = '\uE000';

export interface Token {
  raw: string;
  name: string;
}

/** What a template holds: the placeholders outside the repeating row, and that row's place and placeholders. */
export interface TemplateShape {
  tokens: Token[];
  row: { table: number; row: number; tokens: Token[] } | null;
  /** Russian; generation is refused while any. */
  problems: string[];
}

function distinct(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => (seen.has(t.raw) ? false : (seen.add(t.raw), true)));
}

/** Reads a template once: its text, and the cells of its tables to find the repeating row. */
export function inspectTemplate(kind: DocumentKind, body: Body): TemplateShape {
  let outside = body.getText();
  const rowNames = new Set(kind.rowFields.map((f) => f.name));
  let row: TemplateShape['row'] = null;
  let rowCells: string[] | null = null;
  if (rowNames.size > 0) {
    const tables = body.getTables();
    search: for (let t = 0; t < tables.length; t++) {
      const table = tables[t];
      const rows = table.getNumRows();
      for (let r = 0; r < rows; r++) {
        const tableRow = table.getRow(r);
        const text = tableRow.getText();
        if (!findPlaceholders(text).tokens.some((tok) => rowNames.has(tok.name))) continue;
        const cells: string[] = [];
        for (let c = 0; c < tableRow.getNumCells(); c++) cells.push(tableRow.getCell(c).getText());
        rowCells = cells;
        row = { table: t, row: r, tokens: distinct(findPlaceholders(cells.join('\n')).tokens) };
        break search;
      }
    }
  }
  // The row's cells are in the body's text too: take them out once, so what stays is "outside".
  for (const cell of rowCells ?? []) outside = outside.replace(cell, '');
  const problems = checkTemplate(kind, { outside: [outside], row: rowCells });
  return { tokens: distinct(findPlaceholders(outside).tokens), row, problems };
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
 * Fills a copy of the template whose shape is `shape`: the repeating row once per item of `rows`
 * (each row sees the common values too), then the placeholders outside it.
 */
export function fillDocument(
  body: Body,
  shape: TemplateShape,
  values: Record<string, string>,
  rows: Array<Record<string, string>>,
): void {
  if (shape.row) {
    const table = body.getTables()[shape.row.table];
    const template = table.getRow(shape.row.row);
    rows.forEach((rowValues, k) => {
      const row = table.insertTableRow(shape.row!.row + 1 + k, template.copy());
      fill(row, shape.row!.tokens, { ...values, ...rowValues });
    });
    table.removeRow(shape.row.row);
  }
  fill(body, shape.tokens, values);
  const all = [...Object.values(values), ...rows.flatMap((r) => Object.values(r))];
  if (all.some((v) => v.includes('{'))) body.replaceText(BRACE_STAND_IN, '{');
}

/** Makes `target` a fresh copy of the template's body (a draft regenerated in place keeps its Doc and link). */
export function copyBody(template: Body, target: Body): void {
  target.clear();
  const count = template.getNumChildren();
  let afterTable = false;
  for (let i = 0; i < count; i++) {
    const child = template.getChild(i).copy();
    const type = child.getType();
    // Docs puts an empty paragraph after a table appended at the end of a body: the template's own
    // one would make a second.
    const emptyAfterTable =
      afterTable && type === DocumentApp.ElementType.PARAGRAPH && child.asParagraph().getText() === '';
    afterTable = type === DocumentApp.ElementType.TABLE;
    if (emptyAfterTable) continue;
    if (type === DocumentApp.ElementType.TABLE) target.appendTable(child.asTable());
    else if (type === DocumentApp.ElementType.LIST_ITEM) target.appendListItem(child.asListItem());
    else if (type === DocumentApp.ElementType.PARAGRAPH) target.appendParagraph(child.asParagraph());
  }
  // clear() leaves one empty paragraph at the top.
  target.getChild(0).removeFromParent();
}
