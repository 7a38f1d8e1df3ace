/**
 * «Мониторинг — ответы»: one row per person, pair and school year — the processed monitoring answers,
 * by the banks' ids (no names). A new answer of the same person about the same pair in the same year
 * replaces the row; last year's rows stay, and only the year asked for is read.
 */
import { SCALE_QUESTIONS } from '../domain/monitoring';
import type { MonitoringRecord, MonitoringRole } from '../domain/monitoring/types';
import { numberOrNull, safeText } from './cells';
import { DATE_TIME_FORMAT, formatInstantRows, instantCell, instantText } from './instants';
import { SHEETS } from './schema';
import { ensureTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const C = {
  period: 'Учебный год',
  person: 'ID участника',
  role: 'Роль',
  pair: 'Пара/группа',
  at: 'Отметка времени',
  requests: 'Запросы',
  resolved: 'Решённые запросы',
  before: 'Самооценка до',
  after: 'Самооценка после',
  readiness: 'Готовность продолжать',
  difficulties: 'Трудности',
  change: 'Что изменить',
} as const;

const ROLE_TEXT: Record<MonitoringRole, string> = { mentee: 'наставляемый', mentor: 'наставник' };
const SEPARATOR = '; ';

export const MONITORING_ANSWERS_TABLE: TableSpec = {
  sheetName: SHEETS.monitoringAnswers,
  formerNames: ['Мониторинг: ответы'],
  columns: [
    { header: C.period, width: 100, numberFormat: '@' },
    { header: C.person, width: 100, numberFormat: '@' },
    { header: C.role, width: 110 },
    { header: C.pair, width: 100, numberFormat: '@' },
    { header: C.at, width: 140, numberFormat: DATE_TIME_FORMAT },
    ...SCALE_QUESTIONS.map((q) => ({ header: q.short, width: 120, numberFormat: '0' })),
    { header: C.requests, width: 260, wrap: true, numberFormat: '@' },
    { header: C.resolved, width: 260, wrap: true, numberFormat: '@' },
    { header: C.before, width: 100, numberFormat: '0' },
    { header: C.after, width: 100, numberFormat: '0' },
    { header: C.readiness, width: 140, numberFormat: '@' },
    { header: C.difficulties, width: 260, wrap: true, numberFormat: '@' },
    { header: C.change, width: 300, wrap: true, numberFormat: '@' },
  ],
};

const list = (text: string) =>
  text
    ? text
        .split(SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** The answers of school year `period` («2026–2027»). */
export function readMonitoringRecords(ss: Spreadsheet, period: string): MonitoringRecord[] {
  const table = Table.read(ss, MONITORING_ANSWERS_TABLE);
  if (!table) return [];
  const out: MonitoringRecord[] = [];
  table.rows.forEach((_, r) => {
    const personId = table.text(r, C.person);
    if (!personId || table.text(r, C.period) !== period) return;
    const scores: Record<string, number> = {};
    for (const q of SCALE_QUESTIONS) {
      const value = numberOrNull(table.get(r, q.short));
      if (value !== null) scores[q.key] = value;
    }
    out.push({
      personId,
      role: table.text(r, C.role) === ROLE_TEXT.mentor ? 'mentor' : 'mentee',
      pairId: table.text(r, C.pair),
      submittedAt: instantText(table.get(r, C.at)),
      scores,
      requests: list(table.text(r, C.requests)),
      resolved: list(table.text(r, C.resolved)),
      before: numberOrNull(table.get(r, C.before)),
      after: numberOrNull(table.get(r, C.after)),
      readiness: table.text(r, C.readiness),
      difficulties: table.text(r, C.difficulties),
      change: table.text(r, C.change),
    });
  });
  return out;
}

/** Writes a record of year `period`: replaces the person's row about the same pair, or appends one. True if new. */
export function putMonitoringRecord(ss: Spreadsheet, record: MonitoringRecord, period: string): boolean {
  const table = ensureTable(ss, MONITORING_ANSWERS_TABLE);
  let r = table.rows.findIndex(
    (_, i) =>
      table.text(i, C.person) === record.personId &&
      table.text(i, C.pair) === record.pairId &&
      table.text(i, C.period) === period,
  );
  const added = r < 0;
  if (added) r = table.append();
  const cells: Array<[string, unknown]> = [
    [C.period, period],
    [C.person, record.personId],
    [C.role, ROLE_TEXT[record.role]],
    [C.pair, record.pairId],
    [C.at, instantCell(record.submittedAt)],
    ...SCALE_QUESTIONS.map((q): [string, unknown] => [q.short, record.scores[q.key] ?? '']),
    [C.requests, safeText(record.requests.join(SEPARATOR))],
    [C.resolved, safeText(record.resolved.join(SEPARATOR))],
    [C.before, record.before ?? ''],
    [C.after, record.after ?? ''],
    [C.readiness, safeText(record.readiness)],
    [C.difficulties, safeText(record.difficulties)],
    [C.change, safeText(record.change)],
  ];
  for (const [header, value] of cells) table.set(r, header, value);
  table.flush();
  formatInstantRows(table, C.at, r + 2, 1);
  return added;
}

/** A withdrawal of consent: the person's monitoring rows are emptied but the id (counts stay right). */
export function scrubMonitoringRecords(ss: Spreadsheet, personIds: readonly string[]): void {
  const table = Table.read(ss, MONITORING_ANSWERS_TABLE);
  if (!table || personIds.length === 0) return;
  table.rows.forEach((_, r) => {
    if (!personIds.includes(table.text(r, C.person))) return;
    for (const header of [C.requests, C.resolved, C.readiness, C.difficulties, C.change]) table.set(r, header, '');
  });
  table.flush();
}
