import {
  DEFAULT_STATUS,
  normalizeStatus,
  periodLabel,
  STAGE_TITLES,
  STATUSES,
  type ProgressInput,
  type RoadmapRow,
} from '../domain/roadmap';
import { isoDayReader, isoDayToCell, safeText, todayIso } from './cells';
import { ROADMAP_COLUMNS as C, ROADMAP_TABLE } from './schema';
import { COLORS } from './colors';
import { mapHeaders, normalizeHeader } from './headers';
import { missingColumn, Table, type TableOf } from './table';
import { readState } from '../state/store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type RoadmapTable = TableOf<typeof ROADMAP_TABLE>;

/** The document property remembering which period (start year) the roadmap sheet was built for. */
export const ROADMAP_YEAR_KEY = 'roadmapStartYear';

/** The year the roadmap's school year starts in (2026 for 2026–2027), or 0 before it is set up. */
export function roadmapStartYear(): number {
  return Number(readState(ROADMAP_YEAR_KEY));
}

/** «2026–2027» of the roadmap, or null before the school year is set up. */
export function currentPeriod(): string | null {
  const startYear = roadmapStartYear();
  return startYear ? periodLabel(startYear) : null;
}

export interface RoadmapSync {
  added: number;
  kept: number;
  restoredColumns: string[];
  created: boolean;
}

/** «1.1», « 1.1 » and a number 1.1 staff typed over the text all mean the same activity. */
function rowKey(value: unknown): string {
  return String(value ?? '').trim();
}

/**
 * Brings the roadmap sheet in line with the template without overwriting anything staff entered:
 * existing activity rows keep every non-empty cell; only empty cells are filled; missing template
 * rows are inserted after the row that precedes them in the template; staff's own rows stay where
 * they are. Service calls grow with the number of missing rows, never with the sheet's size.
 */
export function syncRoadmap(ss: Spreadsheet, template: readonly RoadmapRow[], timeZone: string): RoadmapSync {
  const { table, created, restored } = Table.ensure(ss, ROADMAP_TABLE);
  const rowOf = new Map<string, number>();
  table.rows.forEach((_, r) => {
    const key = rowKey(table.get(r, 'no'));
    if (key && !rowOf.has(key)) rowOf.set(key, r);
  });

  const unnumbered = unnumberedRows(table);

  let added = 0;
  let kept = 0;
  const newStageRows: number[] = [];
  let previous = -1;
  for (const item of template) {
    // A row whose «№» staff cleared is still its activity: found by its text, it gets its number back.
    let r = rowOf.get(item.no) ?? claimUnnumbered(unnumbered, item, rowOf);
    if (r === undefined) {
      r = placeRow(table, previous);
      shiftIndexes(rowOf, newStageRows, unnumbered, r);
      rowOf.set(item.no, r);
      added += item.kind === 'activity' ? 1 : 0;
      if (item.kind === 'stage') newStageRows.push(r);
    } else if (item.kind === 'activity') {
      kept++;
    }
    fillEmpty(table, r, item, timeZone);
    previous = r;
  }
  table.flush();

  const sheet = table.sheet;
  if (created || restored.length > 0) styleHeader(sheet);
  for (const r of newStageRows) styleStageRow(sheet, r + 2, sheet.getLastColumn());
  applyStatusRules(sheet, table);
  applyEntryRules(sheet, table, template);
  return { added, kept, restoredColumns: restored, created };
}

/** The text that names a template row on the sheet: the activity, or the stage row's own title. */
function rowText(item: RoadmapRow): string {
  return normalizeHeader(item.kind === 'stage' ? `${item.no}. ${item.title}` : item.title);
}

/** Rows without a «№», by their text (activity, or the stage cell of a stage row). */
function unnumberedRows(table: RoadmapTable): Map<string, number[]> {
  const out = new Map<string, number[]>();
  table.rows.forEach((_, r) => {
    if (rowKey(table.get(r, 'no')) !== '') return;
    const activity = table.text(r, 'activity');
    const text = normalizeHeader(activity || table.text(r, 'stage'));
    if (text) out.set(text, [...(out.get(text) ?? []), r]);
  });
  return out;
}

/** The first unnumbered row with the template row's text, taken from the pool and remembered. */
function claimUnnumbered(
  pool: Map<string, number[]>,
  item: RoadmapRow,
  rowOf: Map<string, number>,
): number | undefined {
  const r = pool.get(rowText(item))?.shift();
  if (r !== undefined) rowOf.set(item.no, r);
  return r;
}

/** Where a missing template row goes: right after its predecessor, or at the end of the table. */
function placeRow(table: RoadmapTable, previous: number): number {
  const atEnd = previous === table.rows.length - 1 || (previous < 0 && table.rows.length === 0);
  return atEnd ? table.append() : table.insertAfter(previous, 1);
}

/** After inserting at `at`, every remembered index at or below it moves down by one. */
function shiftIndexes(
  rowOf: Map<string, number>,
  stageRows: number[],
  unnumbered: Map<string, number[]>,
  at: number,
): void {
  for (const [key, r] of rowOf) if (r >= at) rowOf.set(key, r + 1);
  for (const rows of unnumbered.values()) rows.forEach((r, i) => (rows[i] = r >= at ? r + 1 : r));
  stageRows.forEach((r, i) => {
    if (r >= at) stageRows[i] = r + 1;
  });
}

function fillEmpty(table: RoadmapTable, r: number, item: RoadmapRow, timeZone: string): void {
  // Values are computed only for empty cells: a re-run over a kept roadmap costs no date parsing.
  const fill = (
    key: 'no' | 'stage' | 'activity' | 'start' | 'end' | 'responsible' | 'status',
    value: () => unknown,
  ) => {
    if (table.text(r, key) !== '') return;
    const v = value();
    if (v !== '') table.set(r, key, v);
  };
  fill('no', () => item.no);
  if (item.kind === 'stage') {
    fill('stage', () => safeText(`${item.no}. ${item.title}`));
    return;
  }
  fill('stage', () => safeText(`${item.stage}. ${STAGE_TITLES[item.stage] ?? ''}`));
  fill('activity', () => safeText(item.title));
  fill('start', () => isoDayToCell(item.start, timeZone));
  fill('end', () => isoDayToCell(item.end, timeZone));
  fill('responsible', () => safeText(item.responsible));
  fill('status', () => DEFAULT_STATUS);
}

function styleHeader(sheet: Sheet): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, sheet.getLastColumn()).setFontWeight('bold').setBackground(COLORS.header).setWrap(true);
}

function styleStageRow(sheet: Sheet, sheetRow: number, width: number): void {
  sheet.getRange(sheetRow, 1, 1, width).setFontWeight('bold').setBackground(COLORS.stage);
}

/** Our conditional-format rules are recognised by their formula shape, so staff's own rules stay. */
const OWN_RULE =
  /^=(\$[A-Z]+2="(Выполнено|Отменено)"|AND\(\$[A-Z]+2<>"",\$[A-Z]+2<TODAY\(\))|AND\(\$[A-Z]+2="Выполнено",TRIM\(/;

/** 14.05.2027 of an ISO day. */
function ruDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * What staff may type: dates within the calendar years of the school year (start, end, done on), and a
 * link as evidence. Bad input is refused with a Russian help text (Sheets shows it), so «вчера»,
 * «31.13.2027» or «протокол у завуча» never reach the progress figures.
 */
function applyEntryRules(sheet: Sheet, table: RoadmapTable, template: readonly RoadmapRow[]): void {
  const rows = sheet.getMaxRows() - 1;
  const days = template.flatMap((t) => (t.kind === 'activity' ? [t.start, t.end] : [])).filter(Boolean);
  const years = days.map((d) => Number(d.slice(0, 4))).filter((y) => y > 0);
  const first = `${Math.min(...years)}-01-01`;
  const last = `${Math.max(...years)}-12-31`;
  const timeZone = sheet.getParent().getSpreadsheetTimeZone();
  const asDate = (iso: string) => isoDayToCell(iso, timeZone) as Date;
  for (const key of ['start', 'end', 'doneOn'] as const) {
    sheet.getRange(2, table.column(key), rows, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireDateBetween(asDate(first), asDate(last))
        .setAllowInvalid(false)
        .setHelpText(
          `«${C[key]}»: введите дату в виде ДД.ММ.ГГГГ, например ${ruDay(days[days.length - 1])}, с ${ruDay(first)} по ${ruDay(last)}.`,
        )
        .build(),
    );
  }
  sheet
    .getRange(2, table.column('evidence'), rows, 1)
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireTextIsUrl()
        .setAllowInvalid(false)
        .setHelpText(
          `«${C.evidence}»: вставьте ссылку на документ (https://…) — протокол, приказ, страницу сайта. Бумажный документ отсканируйте, загрузите на Диск и вставьте ссылку на файл.`,
        )
        .build(),
    );
}

/** The status dropdown and the live highlights: overdue in red, done greyed, cancelled struck out. */
function applyStatusRules(sheet: Sheet, table: RoadmapTable): void {
  const rows = sheet.getMaxRows() - 1;
  const width = Math.max(sheet.getLastColumn(), 1);
  const status = table.letter('status');
  const end = table.letter('end');
  sheet.getRange(2, table.column('status'), rows, 1).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...STATUSES], true)
      .setAllowInvalid(false)
      .setHelpText(`Выберите статус: ${STATUSES.join(', ')}.`)
      .build(),
  );
  const body = sheet.getRange(2, 1, rows, width);
  const evidence = table.letter('evidence');
  // First: Sheets applies the first matching rule, so «done without evidence» wins over «done».
  const own = [
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($${status}2="Выполнено",TRIM($${evidence}2)="")`)
      .setBackground(COLORS.unconfirmed)
      .setFontColor(COLORS.unconfirmedText)
      .setRanges([body])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=$${status}2="Выполнено"`)
      .setBackground(COLORS.done)
      .setFontColor(COLORS.doneText)
      .setRanges([body])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=$${status}2="Отменено"`)
      .setFontColor(COLORS.doneText)
      .setStrikethrough(true)
      .setRanges([body])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($${end}2<>"",$${end}2<TODAY(),$${status}2<>"Выполнено",$${status}2<>"Отменено")`)
      .setBackground(COLORS.overdue)
      .setFontColor(COLORS.overdueText)
      .setRanges([body])
      .build(),
  ];
  const others = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule));
  sheet.setConditionalFormatRules([...own, ...others]);
}

function isOwnRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
  return values.some((v) => typeof v === 'string' && OWN_RULE.test(v));
}

/** The roadmap's activity rows as the progress computation needs them; null when there is no roadmap. */
export function readRoadmap(ss: Spreadsheet, timeZone: string): ProgressInput[] | null {
  const table = Table.read(ss, ROADMAP_TABLE);
  return table ? progressInputs(table.header, table.rows, isoDayReader(timeZone)) : null;
}

/** The roadmap's rows as progress inputs, from values already read (header row apart). */
export function progressInputs(
  header: readonly unknown[],
  rows: readonly unknown[][],
  readDay: (value: unknown) => string,
): ProgressInput[] {
  const at = mapHeaders(header, ROADMAP_TABLE.columns);
  const col = (name: string) => {
    const i = at[ROADMAP_TABLE.columns.findIndex((c) => c.header === name)];
    if (i < 0 && rows.length > 0) throw missingColumn(ROADMAP_TABLE.sheetName, name);
    return i;
  };
  const [no, stage, title, end, status, responsible, evidence] = [
    C.no,
    C.stage,
    C.activity,
    C.end,
    C.status,
    C.responsible,
    C.evidence,
  ].map(col);
  const text = (row: readonly unknown[], i: number) => String(row[i] ?? '').trim();
  return rows.map((row) => ({
    no: text(row, no),
    stage: text(row, stage),
    title: text(row, title),
    end: readDay(row[end]),
    status: text(row, status),
    responsible: text(row, responsible),
    evidence: text(row, evidence),
  }));
}

/** Activities that start when their work starts (a first questionnaire answer): «Не начато» → «В работе». */
export function markActivitiesStarted(ss: Spreadsheet, numbers: readonly string[]): void {
  markActivities(ss, numbers, 'В работе');
}

/**
 * Moves activities forward when the add-on did their work: «Не начато» → «В работе», or either of
 * those → «Выполнено» (with today's date and the `evidence` link if none). What staff closed (done,
 * cancelled) stays.
 */
export function markActivities(
  ss: Spreadsheet,
  numbers: readonly string[],
  status: 'В работе' | 'Выполнено',
  evidence = '',
): void {
  markActivitiesAll(ss, [{ numbers, status, evidence }]);
}

/** One markActivities call's worth; `evidence` may be computed only when a row needs it (it costs calls). */
export interface ActivityMark {
  numbers: readonly string[];
  status: 'В работе' | 'Выполнено';
  evidence?: string | (() => string);
}

/** Several markActivities with one read and one write of the roadmap; `timeZone` when the caller has it. */
export function markActivitiesAll(ss: Spreadsheet, marks: readonly ActivityMark[], timeZone?: string): void {
  const table = Table.read(ss, ROADMAP_TABLE);
  if (!table) return;
  let zone = timeZone;
  const today = () => {
    zone = zone ?? ss.getSpreadsheetTimeZone();
    return isoDayToCell(todayIso(zone), zone);
  };
  for (const { numbers, status, evidence = '' } of marks) {
    table.rows.forEach((_, r) => {
      if (!numbers.includes(rowKey(table.get(r, 'no')))) return;
      const current = normalizeStatus(table.get(r, 'status'));
      const open = current === DEFAULT_STATUS || (status === 'Выполнено' && current === 'В работе');
      if (!open || current === status) return;
      table.set(r, 'status', status);
      if (status === 'Выполнено' && table.text(r, 'doneOn') === '') table.set(r, 'doneOn', today());
      if (status === 'Выполнено' && table.text(r, 'evidence') === '') {
        const link = typeof evidence === 'function' ? evidence() : evidence;
        if (link) table.set(r, 'evidence', link);
      }
    });
  }
  table.flush();
}
