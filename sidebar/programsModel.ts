/**
 * «Программы»: the editor's pure logic, free of Preact so it is unit-testable — rows with stable
 * keys, reorder/add/remove (a done activity keeps its date and title and is never removed), grouping
 * by month, validation with Russian messages, the one SaveProgramRequest and the dirty check. Every
 * function returns a new list; nothing is mutated.
 */
import type { ProgramActivity, ProgramDraft, SaveProgramRequest } from '../src/contract/serverApi';
import { isIsoDate } from './documentsModel';
import { formatDate } from './format';

export const MAX_ACTIVITIES = 60;
export const MAX_TITLE = 300;
export const FREE_KIND = 'Другое';

/** An activity in the editor: `key` tells rows apart (new ones all have id ''); it is never sent. */
export interface Row extends ProgramActivity {
  key: number;
}

export interface Period {
  start: string;
  end: string;
}

/** Done on the sheet: its date and title stay as they are and it cannot be removed. */
export const isDone = (a: Pick<ProgramActivity, 'status'>): boolean => a.status === 'выполнено';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The text fields of an activity (everything but the status). */
type Field = Exclude<keyof ProgramActivity, 'status'>;
const FIELDS: Field[] = ['id', 'date', 'title', 'kind', 'competence', 'expectedResult', 'reporting', 'responsible'];

/** An activity with every text field through `f` (missing ones as ''). */
function mapFields(a: Partial<ProgramActivity> | null | undefined, f: (v: string) => string): ProgramActivity {
  const out = { status: a?.status || 'запланировано' } as ProgramActivity;
  for (const k of FIELDS) out[k] = f(str(a?.[k]));
  return out;
}

/** Stable sort by date; rows without a valid date go last. */
export function sortByDate(rows: Row[]): Row[] {
  const rank = (r: Row) => (isIsoDate(r.date) ? r.date : '~');
  return rows
    .map((r, i) => [r, i] as const)
    .sort((a, b) => (rank(a[0]) < rank(b[0]) ? -1 : rank(a[0]) > rank(b[0]) ? 1 : a[1] - b[1]))
    .map((x) => x[0]);
}

/** The server's activities as editor rows, ordered by date (missing fields become ''). */
export function toRows(list: ProgramActivity[] | null | undefined): Row[] {
  return sortByDate((Array.isArray(list) ? list : []).map((a, i) => ({ ...mapFields(a, String), key: i + 1 })));
}

/** Edits one row; date and title of a done activity are refused. A valid new date re-sorts the list. */
export function update(rows: Row[], key: number, patch: Partial<ProgramActivity>): Row[] {
  const row = rows.find((r) => r.key === key);
  if (!row) return rows;
  const p = { ...patch };
  if (isDone(row)) {
    delete p.date;
    delete p.title;
  }
  delete p.status;
  delete p.id;
  const next = rows.map((r) => (r === row ? { ...r, ...p } : r));
  return p.date !== undefined && isIsoDate(p.date) ? sortByDate(next) : next;
}

/**
 * May the row at `i` move up (-1) or down (+1)? Neighbours with the same date just change places;
 * otherwise they also swap dates (the list stays in date order), which a done activity refuses.
 */
export function canMove(rows: Row[], i: number, dir: -1 | 1): boolean {
  const a = rows[i];
  const b = rows[i + dir];
  if (!a || !b) return false;
  if (a.date === b.date || !isIsoDate(a.date) || !isIsoDate(b.date)) return true;
  return !isDone(a) && !isDone(b);
}

export function move(rows: Row[], i: number, dir: -1 | 1): Row[] {
  if (!canMove(rows, i, dir)) return rows;
  const j = i + dir;
  const a = rows[i];
  const b = rows[j];
  const swapDates = a.date !== b.date && isIsoDate(a.date) && isIsoDate(b.date);
  const next = rows.slice();
  next[j] = swapDates ? { ...a, date: b.date } : a;
  next[i] = swapDates ? { ...b, date: a.date } : b;
  return next;
}

export const canRemove = (rows: Row[], key: number): boolean => {
  const r = rows.find((x) => x.key === key);
  return !!r && !isDone(r);
};

export function remove(rows: Row[], key: number): Row[] {
  return canRemove(rows, key) ? rows.filter((r) => r.key !== key) : rows;
}

export const canAdd = (rows: Row[]): boolean => rows.length < MAX_ACTIVITIES;

/** «Добавить мероприятие»: a free item dated like the last one (or the start of the year), at the end. */
export function add(rows: Row[], period: Period | null | undefined): Row[] {
  if (!canAdd(rows)) return rows;
  const last = rows.length ? rows[rows.length - 1].date : '';
  const date = isIsoDate(last) ? last : isIsoDate(period?.start) ? period!.start : '';
  const key = rows.reduce((m, r) => Math.max(m, r.key), 0) + 1;
  return [...rows, { ...mapFields({ date, kind: FREE_KIND }, String), key }];
}

const MONTHS = 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' ');

/** "2026-10-15" → «октябрь 2026»; «без даты» when the date is not a valid one. */
export function monthLabel(iso: string): string {
  return isIsoDate(iso) ? `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}` : 'без даты';
}

export interface MonthGroup {
  label: string;
  items: Array<{ row: Row; index: number }>;
}

/** Consecutive rows of the same month under one heading (the list is in date order). */
export function groupByMonth(rows: Row[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  rows.forEach((row, index) => {
    const label = monthLabel(row.date);
    const g = groups[groups.length - 1];
    if (g && g.label === label) g.items.push({ row, index });
    else groups.push({ label, items: [{ row, index }] });
  });
  return groups;
}

export interface Problems {
  /** Row key → messages next to its fields. */
  rows: Record<number, { title?: string; date?: string }>;
  /** Messages about the whole list. */
  general: string[];
  count: number;
}

/**
 * Before «Сохранить программу»: every activity has a title (≤ 300 characters) and a date inside the
 * year; 1 to 60 activities. A done activity is not checked: it is kept as it is and cannot be edited.
 */
export function validate(rows: Row[], period: Period | null | undefined): Problems {
  const out: Problems = { rows: {}, general: [], count: 0 };
  const start = isIsoDate(period?.start) ? period!.start : '';
  const end = isIsoDate(period?.end) ? period!.end : '';
  for (const r of rows) {
    if (isDone(r)) continue;
    const p: { title?: string; date?: string } = {};
    const title = r.title.trim();
    if (!title) p.title = 'Укажите название мероприятия.';
    else if (title.length > MAX_TITLE) p.title = `Не длиннее ${MAX_TITLE} символов (сейчас ${title.length}).`;
    if (!isIsoDate(r.date)) p.date = 'Укажите дату мероприятия.';
    else if ((start && r.date < start) || (end && r.date > end))
      p.date = `Дата вне учебного года (${formatDate(start) || '…'} – ${formatDate(end) || '…'}).`;
    if (p.title || p.date) {
      out.rows[r.key] = p;
      out.count += (p.title ? 1 : 0) + (p.date ? 1 : 0);
    }
  }
  if (rows.length === 0) out.general.push('Добавьте хотя бы одно мероприятие.');
  if (rows.length > MAX_ACTIVITIES)
    out.general.push(`Не больше ${MAX_ACTIVITIES} мероприятий (сейчас ${rows.length}): удалите лишние.`);
  out.count += out.general.length;
  return out;
}

/** A textarea «one per line» → the list (blank lines and spaces around dropped). */
export function lines(text: string): string[] {
  return str(text)
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The one saveProgram request: rows without their keys, texts trimmed, in the editor's order. */
export function buildSaveRequest(pairId: string, goals: string, tasks: string, rows: Row[]): SaveProgramRequest {
  return {
    pairId,
    goals: lines(goals),
    tasks: lines(tasks),
    activities: rows.map((r) => {
      const a = mapFields(r, (v) => v.trim());
      a.kind = a.kind || FREE_KIND;
      return a;
    }),
  };
}

/** Would leaving lose something? Compares what would be sent with what was loaded. */
export function isDirty(draft: ProgramDraft, goals: string, tasks: string, rows: Row[]): boolean {
  const was = buildSaveRequest(
    draft.pairId,
    (draft.goals ?? []).join('\n'),
    (draft.tasks ?? []).join('\n'),
    toRows(draft.activities),
  );
  return JSON.stringify(was) !== JSON.stringify(buildSaveRequest(draft.pairId, goals, tasks, rows));
}

/** The kind select's options: the draft's kinds, «Другое», and the row's own value if it is not among them. */
export function kindOptions(kinds: string[] | null | undefined, current: string): string[] {
  const all = [...(Array.isArray(kinds) ? kinds : []), FREE_KIND, current].map(str).filter(Boolean);
  return all.filter((k, i) => all.indexOf(k) === i);
}
