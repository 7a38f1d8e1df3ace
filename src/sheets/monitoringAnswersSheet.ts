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
import { defineTable, type ColumnDef } from './defineTable';
import { ensureTable, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ROLE_TEXT: Record<MonitoringRole, string> = { mentee: 'наставляемый', mentor: 'наставник' };
const SEPARATOR = '; ';

type ScaleKey = `scale:${string}`;
/** A question's column: `scale:<role>:<key>` (both roles are asked of the program, under one key). */
function scaleKey(q: (typeof SCALE_QUESTIONS)[number]): ScaleKey {
  return `scale:${q.role}:${q.key}`;
}
const SCALE_COLUMNS: Record<ScaleKey, ColumnDef> = Object.fromEntries(
  SCALE_QUESTIONS.map((q) => [scaleKey(q), { header: q.short, width: 120, numberFormat: '0' }]),
);

export const MONITORING_ANSWERS_TABLE = defineTable(
  SHEETS.monitoringAnswers,
  // Object.assign keeps the order and, unlike a spread, the scale columns' key type.
  Object.assign(
    {
      period: { header: 'Учебный год', width: 100, numberFormat: '@' },
      person: { header: 'ID участника', width: 100, numberFormat: '@' },
      role: { header: 'Роль', width: 110 },
      pair: { header: 'Пара/группа', width: 100, numberFormat: '@' },
      at: { header: 'Отметка времени', width: 140, numberFormat: DATE_TIME_FORMAT },
    },
    SCALE_COLUMNS,
    {
      requests: { header: 'Запросы', width: 260, wrap: true, numberFormat: '@' },
      resolved: { header: 'Решённые запросы', width: 260, wrap: true, numberFormat: '@' },
      before: { header: 'Самооценка до', width: 100, numberFormat: '0' },
      after: { header: 'Самооценка после', width: 100, numberFormat: '0' },
      readiness: { header: 'Готовность продолжать', width: 140, numberFormat: '@' },
      difficulties: { header: 'Трудности', width: 260, wrap: true, numberFormat: '@' },
      change: { header: 'Что изменить', width: 300, wrap: true, numberFormat: '@' },
    },
  ),
  // Not «Мониторинг: ответы»: Excel forbids «:» in sheet names (schema.ts).
  { formerNames: ['Мониторинг: ответы'] },
);

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
    const personId = table.text(r, 'person');
    if (!personId || table.text(r, 'period') !== period) return;
    const scores: Record<string, number> = {};
    for (const q of SCALE_QUESTIONS) {
      const value = numberOrNull(table.get(r, scaleKey(q)));
      if (value !== null) scores[q.key] = value;
    }
    out.push({
      personId,
      role: table.text(r, 'role') === ROLE_TEXT.mentor ? 'mentor' : 'mentee',
      pairId: table.text(r, 'pair'),
      submittedAt: instantText(table.get(r, 'at')),
      scores,
      requests: list(table.text(r, 'requests')),
      resolved: list(table.text(r, 'resolved')),
      before: numberOrNull(table.get(r, 'before')),
      after: numberOrNull(table.get(r, 'after')),
      readiness: table.text(r, 'readiness'),
      difficulties: table.text(r, 'difficulties'),
      change: table.text(r, 'change'),
    });
  });
  return out;
}

/** Writes a record of year `period`: replaces the person's row about the same pair, or appends one. True if new. */
export function putMonitoringRecord(ss: Spreadsheet, record: MonitoringRecord, period: string): boolean {
  const table = ensureTable(ss, MONITORING_ANSWERS_TABLE);
  let r = table.rows.findIndex(
    (_, i) =>
      table.text(i, 'person') === record.personId &&
      table.text(i, 'pair') === record.pairId &&
      table.text(i, 'period') === period,
  );
  const added = r < 0;
  if (added) r = table.append();
  table.assign(r, {
    period,
    person: record.personId,
    role: ROLE_TEXT[record.role],
    pair: record.pairId,
    at: instantCell(record.submittedAt),
    requests: safeText(record.requests.join(SEPARATOR)),
    resolved: safeText(record.resolved.join(SEPARATOR)),
    before: record.before ?? '',
    after: record.after ?? '',
    readiness: safeText(record.readiness),
    difficulties: safeText(record.difficulties),
    change: safeText(record.change),
  });
  for (const q of SCALE_QUESTIONS) table.set(r, scaleKey(q), record.scores[q.key] ?? '');
  table.flush();
  formatInstantRows(table, 'at', r + 2, 1);
  return added;
}

/** A withdrawal of consent: the person's monitoring rows are emptied but the id (counts stay right). */
export function scrubMonitoringRecords(ss: Spreadsheet, personIds: readonly string[]): void {
  const table = Table.read(ss, MONITORING_ANSWERS_TABLE);
  if (!table || personIds.length === 0) return;
  table.rows.forEach((_, r) => {
    if (!personIds.includes(table.text(r, 'person'))) return;
    table.assign(r, { requests: '', resolved: '', readiness: '', difficulties: '', change: '' });
  });
  table.flush();
}
