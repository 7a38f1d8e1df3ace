/**
 * «Выгрузка для района»: the header and ONE row of figures, for the district's IMPORTRANGE or script
 * (docs/district.md). The headers are the stable column names, not Russian captions: the district's
 * formulas and BigQuery's schema refer to them. Each header carries a Russian note for staff.
 */
import { DISTRICT_CAPTIONS, DISTRICT_COLUMNS, districtValues, type DistrictRecord } from '../domain/district';
import { defineTable, type ColumnDef } from '../sheets/defineTable';
import { safeText } from '../sheets/cells';
import { Table, styleNewTable } from '../sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Column = (typeof DISTRICT_COLUMNS)[number];

export const DISTRICT_SHEET = 'Выгрузка для района';

const TEXT_COLUMNS: ReadonlySet<Column> = new Set(['school', 'period', 'asOf']);

export const DISTRICT_TABLE = defineTable(
  DISTRICT_SHEET,
  Object.fromEntries(
    DISTRICT_COLUMNS.map((c): [Column, ColumnDef] => [
      c,
      // Plain text: «2026–2027» and the ISO day must reach the district as typed, not as dates.
      { header: c, width: TEXT_COLUMNS.has(c) ? 160 : 110, ...(TEXT_COLUMNS.has(c) ? { numberFormat: '@' } : {}) },
    ]),
  ) as Record<Column, ColumnDef>,
);

/** Writes the row under the header; rows below it (typed by someone) are removed, so it stays one row. */
export function writeDistrictRow(ss: Spreadsheet, record: DistrictRecord): void {
  const { table, created } = Table.ensure(ss, DISTRICT_TABLE);
  if (created) {
    styleNewTable(table);
    table.sheet
      .getRange(1, 1, 1, DISTRICT_COLUMNS.length)
      .setNotes([DISTRICT_COLUMNS.map((c) => DISTRICT_CAPTIONS[c])]);
  }
  const row = table.rows.length > 0 ? 0 : table.append();
  const values = districtValues(record);
  table.assign(
    row,
    Object.fromEntries(
      DISTRICT_COLUMNS.map((c, i) => {
        const v = values[i];
        return [c, v === null ? '' : typeof v === 'string' ? safeText(v) : v];
      }),
    ) as Record<Column, unknown>,
  );
  table.flush();
  if (table.rows.length > 1) table.sheet.deleteRows(3, table.rows.length - 1);
}
