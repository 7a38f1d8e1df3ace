import { DEFAULT_LISTS, LIST_HEADERS, LIST_NAMES, type ListName } from '../domain/questionnaires';
import { ROLE_TITLES, STATUSES } from '../domain/roadmap';
import { safeText } from './cells';
import { SHEETS } from './schema';
import { COLORS } from './colors';
import { defineTable, type ColumnDef, type KeyOf } from './defineTable';
import { Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LIST = { width: 260, wrap: true };
const listColumn = (name: ListName) => ({ header: LIST_HEADERS[name], ...LIST });

export const LISTS_TABLE = defineTable(SHEETS.lists, {
  // Lists whose values carry meaning in code (a status «Выполнено»): restored on every setup.
  statuses: { header: 'Статусы мероприятий', ...LIST },
  roles: { header: 'Роли ответственных', ...LIST },
  // Lists staff own (the questionnaires' choices): filled with defaults only while empty.
  competences: listColumn('competences'),
  subjects: listColumn('subjects'),
  categories: listColumn('categories'),
  positions: listColumn('positions'),
  formatsKind: listColumn('formatsKind'),
  formatsMode: listColumn('formatsMode'),
  times: listColumn('times'),
  eventKinds: listColumn('eventKinds'),
} satisfies Record<'statuses' | 'roles' | ListName, ColumnDef>);
type ListsKey = KeyOf<typeof LISTS_TABLE>;

/** Writes the lists under their headers; staff's edits of their own lists are kept. */
export function writeLists(ss: Spreadsheet): void {
  const { table, created, restored } = Table.ensure(ss, LISTS_TABLE);
  const column = (key: ListsKey) => table.rows.map((_, r) => table.text(r, key)).filter((v) => v !== '');
  const wanted: Array<[ListsKey, readonly string[]]> = [
    ['statuses', STATUSES],
    ['roles', Object.values(ROLE_TITLES)],
    ...LIST_NAMES.filter((name) => column(name).length === 0).map((name): [ListsKey, readonly string[]] => [
      name,
      DEFAULT_LISTS[name],
    ]),
  ];
  const longest = Math.max(...wanted.map(([, values]) => values.length));
  while (table.rows.length < longest) table.append();
  for (const [key, values] of wanted) {
    values.forEach((value, r) => {
      if (table.text(r, key) !== value) table.set(r, key, safeText(value));
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
      lists[name] = table.rows.map((_, r) => table.text(r, name)).filter((v) => v !== '');
    } catch {
      // A deleted list column: the form falls back to the default list.
    }
  }
  return lists;
}
