/** The sheets' columns of moments (instants.ts), and turning old ISO text in them into date-time values. */
import { DATE_TIME_FORMAT, instantCell, ISO_TIME } from './instants';
import { MEETINGS_TABLE } from './meetingsSheet';
import { MONITORING_ANSWERS_TABLE } from './monitoringAnswersSheet';
import { REMINDER_LOG_TABLE } from './reminderLogSheet';
import { Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The columns of moments, sheet by sheet. */
const INSTANT_COLUMNS: ReadonlyArray<(ss: Spreadsheet) => void> = [
  (ss) => convert(Table.read(ss, MEETINGS_TABLE), 'submittedAt'),
  (ss) => convert(Table.read(ss, REMINDER_LOG_TABLE), 'at'),
  (ss) => convert(Table.read(ss, MONITORING_ANSWERS_TABLE), 'at'),
];

/** «Настроить учебный год…»: ISO text in the moments columns becomes date-time values (3 calls a sheet). */
export function convertInstantColumns(ss: Spreadsheet): void {
  for (const column of INSTANT_COLUMNS) column(ss);
}

function convert<K extends string>(table: Table<K> | null, key: K): void {
  if (!table || table.rows.length === 0) return;
  const range = table.sheet.getRange(2, table.column(key), table.rows.length, 1);
  const values = range.getValues();
  if (values.some(([v]) => typeof v === 'string' && ISO_TIME.test(v.trim()))) {
    range.setValues(values.map(([v]) => [typeof v === 'string' ? instantCell(v) : v]));
  }
  range.setNumberFormat(DATE_TIME_FORMAT);
}
