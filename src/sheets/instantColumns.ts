/** The sheets' columns of moments (instants.ts), and turning old ISO text in them into date-time values. */
import { DATE_TIME_FORMAT, instantCell, ISO_TIME } from './instants';
import { MEETINGS_TABLE } from './meetingsSheet';
import { MONITORING_ANSWERS_TABLE } from './monitoringAnswersSheet';
import { REMINDER_LOG_TABLE } from './reminderLogSheet';
import { Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The columns of moments, sheet by sheet. */
const INSTANT_COLUMNS: ReadonlyArray<{ spec: TableSpec; header: string }> = [
  { spec: MEETINGS_TABLE, header: 'Отметка времени отчёта' },
  { spec: REMINDER_LOG_TABLE, header: 'Отправлено' },
  { spec: MONITORING_ANSWERS_TABLE, header: 'Отметка времени' },
];

/** «Настроить учебный год…»: ISO text in the moments columns becomes date-time values (3 calls a sheet). */
export function convertInstantColumns(ss: Spreadsheet): void {
  for (const { spec, header } of INSTANT_COLUMNS) {
    const table = Table.read(ss, spec);
    if (!table || table.rows.length === 0) continue;
    const range = table.sheet.getRange(2, table.column(header), table.rows.length, 1);
    const values = range.getValues();
    if (values.some(([v]) => typeof v === 'string' && ISO_TIME.test(v.trim()))) {
      range.setValues(values.map(([v]) => [typeof v === 'string' ? instantCell(v) : v]));
    }
    range.setNumberFormat(DATE_TIME_FORMAT);
  }
}
