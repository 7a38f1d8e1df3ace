import { DEFAULT_LISTS, LIST_HEADERS, LIST_NAMES, type ListName } from '../domain/questionnaires';
import { ROLE_TITLES, STATUSES } from '../domain/roadmap';
import { safeText } from './cells';
import { SHEETS } from './schema';
import { COLORS } from './colors';
import { Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Lists whose values carry meaning in code (a status «Выполнено»): restored on every setup. */
const FIXED_LISTS: Record<string, readonly string[]> = {
  'Статусы мероприятий': STATUSES,
  'Роли ответственных': Object.values(ROLE_TITLES),
};

/** Lists staff own (the questionnaires' choices): filled with defaults only while empty. */
const EDITABLE_LISTS: Record<string, readonly string[]> = Object.fromEntries(
  LIST_NAMES.map((name) => [LIST_HEADERS[name], DEFAULT_LISTS[name]]),
);

export const LISTS_TABLE: TableSpec = {
  sheetName: SHEETS.lists,
  columns: Object.keys({ ...FIXED_LISTS, ...EDITABLE_LISTS }).map((header) => ({ header, width: 260, wrap: true })),
};

/** Writes the lists under their headers; staff's edits of their own lists are kept. */
export function writeLists(ss: Spreadsheet): void {
  const { table, created, restored } = Table.ensure(ss, LISTS_TABLE);
  const column = (header: string) => table.rows.map((_, r) => table.text(r, header)).filter((v) => v !== '');
  const wanted: Array<[string, readonly string[]]> = [
    ...Object.entries(FIXED_LISTS),
    ...Object.entries(EDITABLE_LISTS).filter(([header]) => column(header).length === 0),
  ];
  const longest = Math.max(...wanted.map(([, values]) => values.length));
  while (table.rows.length < longest) table.append();
  for (const [header, values] of wanted) {
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

/** The questionnaire lists as staff keep them in «Справочники» (one read). */
export function readLists(ss: Spreadsheet): Partial<Record<ListName, string[]>> {
  const table = Table.read(ss, LISTS_TABLE);
  if (!table) return {};
  const lists: Partial<Record<ListName, string[]>> = {};
  for (const name of LIST_NAMES) {
    try {
      lists[name] = table.rows.map((_, r) => table.text(r, LIST_HEADERS[name])).filter((v) => v !== '');
    } catch {
      // A deleted list column: the form falls back to the default list.
    }
  }
  return lists;
}
