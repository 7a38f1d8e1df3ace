/**
 * «Выгрузка для района»: the header and ONE row of figures, for the district's IMPORTRANGE or script
 * (docs/district.md). The headers are the stable column names, not Russian captions: the district's
 * formulas and BigQuery's schema refer to them. Each header carries a Russian note for staff.
 */
import { DISTRICT_COLUMNS, districtValues, type DistrictRecord } from '../domain/district';
import { defineTable, type ColumnDef } from '../sheets/defineTable';
import { safeText } from '../sheets/cells';
import { Table, styleNewTable } from '../sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Column = (typeof DISTRICT_COLUMNS)[number];

export const DISTRICT_SHEET = 'Выгрузка для района';

/** What each column means, in Russian, as the header's note. */
const CAPTIONS: Record<Column, string> = {
  schemaVersion: 'Версия формата выгрузки',
  school: 'Школа',
  period: 'Учебный период',
  asOf: 'Дата, на которую посчитаны показатели (ГГГГ-ММ-ДД)',
  stagesTotal: 'Этапов дорожной карты',
  stagesDone: 'Этапов выполнено полностью',
  activitiesTotal: 'Мероприятий дорожной карты',
  activitiesDone: 'Мероприятий выполнено',
  activitiesOverdue: 'Мероприятий просрочено',
  overallPercent: 'Выполнение дорожной карты, %',
  mentees: 'Наставляемых в банке',
  mentors: 'Наставников в банке',
  pairs: 'Утверждённых пар',
  groups: 'Утверждённых групп',
  pairsProposed: 'Предложенных пар и групп',
  pairsDissolved: 'Расформированных пар и групп',
  programPercent: 'Выполнение программ, % (в среднем; пусто — нет программ)',
  meetings: 'Встреч',
  eventsHeld: 'Мероприятий проведено',
  eventsPlanned: 'Мероприятий запланировано',
  monitoringAnswered: 'Мониторинг: ответили',
  monitoringExpected: 'Мониторинг: ожидалось ответов',
  monitoringResponseRate: 'Мониторинг: охват, %',
  menteeSatisfaction: 'Удовлетворённость наставляемых (1–10; пусто — нет ответов)',
  mentorSatisfaction: 'Удовлетворённость наставников (1–10; пусто — нет ответов)',
  practicesApproved: 'Одобренных практик в методической копилке',
};

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
    table.sheet.getRange(1, 1, 1, DISTRICT_COLUMNS.length).setNotes([DISTRICT_COLUMNS.map((c) => CAPTIONS[c])]);
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
