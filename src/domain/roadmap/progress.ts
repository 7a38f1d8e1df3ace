/** Progress of the roadmap as staff keep it: per-stage figures, overdue and upcoming activities. */
import { addDays, toIsoDay } from '../dates';
import { isClosed, normalizeStatus } from './status';

export interface StageProgress {
  /** "1" … "7" */
  stage: string;
  title: string;
  total: number;
  done: number;
  inWork: number;
  cancelled: number;
  overdue: number;
  /** Marked «Выполнено» without an evidence link: not counted as done. */
  unconfirmed: number;
  /** 0–100, done of (total − cancelled), rounded. */
  percent: number;
}

export interface OverdueItem {
  /** Activity number, e.g. "1.4.2". */
  no: string;
  title: string;
  /** ISO date */
  end: string;
  responsible: string;
  status: string;
}

/** One activity row as read from the sheet (cells as text; `end` ISO or '' when missing). */
export interface ProgressInput {
  no: string;
  stage: string;
  title: string;
  end: string;
  status: string;
  responsible: string;
  /** The evidence link cell; when read (not undefined), «Выполнено» without it does not count as done. */
  evidence?: string;
}

export interface ProgressSummary {
  stages: StageProgress[];
  overall: StageProgress;
  overdue: OverdueItem[];
  upcoming: OverdueItem[];
  /** «Выполнено» without evidence, in number order: they need a link to count. */
  unconfirmed: OverdueItem[];
}

/** How far ahead «upcoming» looks, in days (today included). */
export const UPCOMING_DAYS = 14;

export const OVERALL_TITLE = 'Итого';

/** '1.4.2' or ' 1.4.2 ' → '1'; the row's stage cell only when the number is missing. */
export function stageOf(row: Pick<ProgressInput, 'no' | 'stage'>): string {
  return row.no.trim().split('.')[0].trim() || row.stage.trim();
}

/** Stage header rows ('1', '1.') and blank rows carry no activity. */
function isActivity(row: ProgressInput): boolean {
  const no = row.no.trim();
  if (no === '' && row.title.trim() === '') return false;
  return !/^\d+\.?$/.test(no);
}

function endDay(row: Pick<ProgressInput, 'end'>): string | null {
  return toIsoDay(String(row.end ?? ''));
}

/** Past its end and neither done nor cancelled. Due today is not overdue. Unknown status counts as open. */
export function isOverdue(row: Pick<ProgressInput, 'end' | 'status'>, todayIso: string): boolean {
  const end = endDay(row);
  return end !== null && end < todayIso && !isClosed(normalizeStatus(row.status));
}

/** '1.10' after '1.9': numbers compare part by part. */
export function compareNo(a: string, b: string): number {
  const pa = a.trim().split('.');
  const pb = b.trim().split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? '', pb[i] ?? ''];
    const diff = (Number(x) || 0) - (Number(y) || 0);
    if (diff !== 0) return diff;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function emptyStage(stage: string, title: string): StageProgress {
  return { stage, title, total: 0, done: 0, inWork: 0, cancelled: 0, overdue: 0, unconfirmed: 0, percent: 0 };
}

/** Marked done, but the evidence link the roadmap asks for is empty. */
export function isUnconfirmed(row: Pick<ProgressInput, 'status' | 'evidence'>): boolean {
  return normalizeStatus(row.status) === 'Выполнено' && row.evidence !== undefined && row.evidence.trim() === '';
}

function add(p: StageProgress, row: ProgressInput, todayIso: string): void {
  const status = normalizeStatus(row.status);
  p.total++;
  if (isUnconfirmed(row)) p.unconfirmed++;
  else if (status === 'Выполнено') p.done++;
  if (status === 'В работе') p.inWork++;
  if (status === 'Отменено') p.cancelled++;
  if (isOverdue(row, todayIso)) p.overdue++;
}

/** Done of (total − cancelled), rounded; 0 when nothing counts. */
function withPercent(p: StageProgress): StageProgress {
  const counted = p.total - p.cancelled;
  return { ...p, percent: counted > 0 ? Math.round((p.done * 100) / counted) : 0 };
}

function item(row: ProgressInput, end: string): OverdueItem {
  return {
    no: row.no.trim(),
    title: row.title.trim(),
    end,
    responsible: row.responsible.trim(),
    status: normalizeStatus(row.status) ?? row.status.trim(),
  };
}

const byEndThenNo = (a: OverdueItem, b: OverdueItem) =>
  a.end < b.end ? -1 : a.end > b.end ? 1 : compareNo(a.no, b.no);

/**
 * Figures for every stage named in `titles` (stage number → title) plus any stage found only in the
 * rows, in stage order. Overdue and upcoming (due today … today + 14 days) are sorted by end date.
 */
export function computeProgress(
  rows: readonly ProgressInput[],
  todayIso: string,
  titles: Readonly<Record<string, string>>,
): ProgressSummary {
  const byStage = new Map<string, StageProgress>();
  for (const [stage, title] of Object.entries(titles)) byStage.set(stage, emptyStage(stage, title));
  const overall = emptyStage('', OVERALL_TITLE);
  const overdue: OverdueItem[] = [];
  const upcoming: OverdueItem[] = [];
  const unconfirmed: OverdueItem[] = [];
  const horizon = addDays(todayIso, UPCOMING_DAYS);

  for (const row of rows) {
    if (!isActivity(row)) continue;
    const stage = stageOf(row);
    let p = byStage.get(stage);
    if (!p) {
      p = emptyStage(stage, `Этап ${stage}`);
      byStage.set(stage, p);
    }
    add(p, row, todayIso);
    add(overall, row, todayIso);

    const end = endDay(row);
    if (isUnconfirmed(row)) unconfirmed.push(item(row, end ?? ''));
    if (end === null || isClosed(normalizeStatus(row.status))) continue;
    if (end < todayIso) overdue.push(item(row, end));
    else if (end <= horizon) upcoming.push(item(row, end));
  }

  return {
    stages: [...byStage.values()].sort((a, b) => compareNo(a.stage, b.stage)).map(withPercent),
    overall: withPercent(overall),
    overdue: overdue.sort(byEndThenNo),
    upcoming: upcoming.sort(byEndThenNo),
    unconfirmed: unconfirmed.sort((a, b) => compareNo(a.no, b.no)),
  };
}
