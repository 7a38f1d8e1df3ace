import { ROLE_TITLES, STATUSES } from '../domain/roadmap';
import { safeText } from './cells';
import { COLORS, SHEETS } from './schema';
import { Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** «Справочники»: the lists the add-on's dropdowns and later features use, one per column. */
const LISTS: Record<string, readonly string[]> = {
  'Статусы мероприятий': STATUSES,
  'Роли ответственных': Object.values(ROLE_TITLES),
};

const LISTS_TABLE: TableSpec = {
  sheetName: SHEETS.lists,
  columns: Object.keys(LISTS).map((header) => ({ header, width: 260 })),
};

/** Writes the lists under their headers; rows staff added below a list are left alone. */
export function writeLists(ss: Spreadsheet): void {
  const { table, created, restored } = Table.ensure(ss, LISTS_TABLE);
  const longest = Math.max(...Object.values(LISTS).map((l) => l.length));
  while (table.rows.length < longest) table.append();
  for (const [header, values] of Object.entries(LISTS)) {
    values.forEach((value, r) => {
      if (table.text(r, header) !== value) table.set(r, header, safeText(value));
    });
  }
  table.flush();
  if (created || restored.length > 0) {
    table.sheet.setFrozenRows(1);
    table.sheet.getRange(1, 1, 1, table.sheet.getLastColumn()).setFontWeight('bold').setBackground(COLORS.header);
  }
}
