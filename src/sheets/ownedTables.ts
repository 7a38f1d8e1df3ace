/**
 * Every table the add-on owns, and their repair: «Настроить учебный год…» gives back the columns staff
 * renamed or deleted, on every one of these sheets that exists, before anything reads them.
 */
import { bankSpec } from './banks';
import { REGISTER_TABLE } from './documentsSheet';
import { EVENTS_TABLE } from './eventsSheet';
import { LISTS_TABLE } from './listsSheet';
import { MEETINGS_TABLE } from './meetingsSheet';
import { MONITORING_ANSWERS_TABLE } from './monitoringAnswersSheet';
import { PAIRS_TABLE } from './pairsSheet';
import { PRACTICES_TABLE } from './practicesSheet';
import { PROGRAMS_TABLE } from './programsSheet';
import { PUBLICATIONS_TABLE } from './publicationsSheet';
import { REMINDER_LOG_TABLE } from './reminderLogSheet';
import { LOG_TABLE, ROADMAP_TABLE, SETTINGS_TABLE } from './schema';
import { Table, type RenamedColumn, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const OWNED_TABLES: readonly TableSpec[] = [
  ROADMAP_TABLE,
  SETTINGS_TABLE,
  LISTS_TABLE,
  LOG_TABLE,
  bankSpec('mentee'),
  bankSpec('mentor'),
  PAIRS_TABLE,
  PROGRAMS_TABLE,
  REGISTER_TABLE,
  EVENTS_TABLE,
  MEETINGS_TABLE,
  MONITORING_ANSWERS_TABLE,
  PRACTICES_TABLE,
  PUBLICATIONS_TABLE,
  REMINDER_LOG_TABLE,
];

/** What the repair did on one sheet. */
export interface TableRepair {
  sheetName: string;
  /** Headers re-added at the right end (empty columns). */
  restored: string[];
  /** Columns staff had renamed, named back (their data kept). */
  renamed: RenamedColumn[];
}

/** Restores the columns of every owned table that exists; sheets that do not exist are left alone. */
export function repairTables(ss: Spreadsheet): TableRepair[] {
  const repairs: TableRepair[] = [];
  for (const spec of OWNED_TABLES) {
    if (!ss.getSheetByName(spec.sheetName)) continue;
    const { restored, renamed } = Table.ensure(ss, spec);
    if (restored.length > 0 || renamed.length > 0) repairs.push({ sheetName: spec.sheetName, restored, renamed });
  }
  return repairs;
}

/** One Russian clause per repair, for the setup's message and «Журнал». */
export function describeRepairs(repairs: readonly TableRepair[]): string[] {
  const parts: string[] = [];
  for (const r of repairs) {
    if (r.restored.length > 0) {
      parts.push(
        `на листе «${r.sheetName}» восстановлены столбцы: ${r.restored.join(', ')} (пустыми, в конце таблицы)`,
      );
    }
    for (const n of r.renamed) {
      const from = n.from ? `«${n.from}»` : 'без заголовка';
      parts.push(`на листе «${r.sheetName}» столбцу ${from} возвращено название «${n.to}», данные сохранены`);
    }
  }
  return parts;
}
