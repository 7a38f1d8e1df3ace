/**
 * «Итоги года»: the panel's pure logic, free of Preact so it is unit-testable — event order and
 * badges, the news button, practice badges, the «Добавить практику» validation and request, and the
 * figures' bar widths and Russian number format (shared with «Ход реализации»).
 */
import type { QuestionFigure } from '../src/domain/monitoring/types';
import type { EventView, PracticeInput, PracticeView } from '../src/contract/serverApi';
import { safeUrl } from './documentsModel';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Newest first; events without a date go last. Stable. */
export function sortEvents(events: EventView[] | null | undefined): EventView[] {
  const list = Array.isArray(events) ? events : [];
  const rank = (e: EventView) => str(e.date);
  return list
    .map((e, i) => [e, i] as const)
    .sort((a, b) => {
      const x = rank(a[0]);
      const y = rank(b[0]);
      if (x === y) return a[1] - b[1];
      if (!x || !y) return x ? -1 : 1;
      return x > y ? -1 : 1;
    })
    .map((p) => p[0]);
}

export interface Badge {
  label: string;
  cls: string;
}

/** Held without a publication is the one to act on (warning); held and published; planned. */
export function eventBadge(e: Pick<EventView, 'held' | 'publications'>): Badge {
  if (!e.held) return { label: 'запланировано', cls: 'chip' };
  return e.publications > 0
    ? { label: 'опубликовано', cls: 'chip chip-ok' }
    : { label: 'без публикации', cls: 'chip chip-warn' };
}

/** The news draft of an event: the link (this session's result first) and the button's text. */
export function newsState(e: Pick<EventView, 'newsUrl'>, made?: string): { url: string | null; button: string } {
  const url = safeUrl(made) ?? safeUrl(e.newsUrl);
  return { url, button: url ? 'Обновить черновик' : 'Подготовить новость' };
}

export function practiceBadge(status: PracticeView['status']): Badge {
  const cls = status === 'опубликована' ? 'chip chip-ok' : status === 'одобрена' ? 'chip chip-new' : 'chip';
  return { label: status || 'предложена', cls };
}

export const EMPTY_PRACTICE: PracticeInput = { title: '', author: '', competence: '', description: '', materials: '' };

export const MAX_TITLE = 200;

export type PracticeProblems = Partial<Record<keyof PracticeInput, string>>;

/** «Добавить практику»: Russian messages by field; an empty object means it may be sent. */
export function practiceProblems(d: PracticeInput): PracticeProblems {
  const p: PracticeProblems = {};
  const title = str(d.title).trim();
  if (!title) p.title = 'Укажите название практики.';
  else if (title.length > MAX_TITLE) p.title = `Не длиннее ${MAX_TITLE} символов (сейчас ${title.length}).`;
  if (!str(d.author).trim()) p.author = 'Укажите автора практики.';
  const link = str(d.materials).trim();
  if (link && !safeUrl(link)) p.materials = 'Ссылка должна начинаться с http:// или https://.';
  return p;
}

/** The addPractice argument: every text trimmed. */
export function buildPractice(d: PracticeInput): PracticeInput {
  return {
    title: str(d.title).trim(),
    author: str(d.author).trim(),
    competence: str(d.competence).trim(),
    description: str(d.description).trim(),
    materials: str(d.materials).trim(),
  };
}

/** part of whole as a whole percentage, 0 when whole is 0. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((Math.max(0, part) / whole) * 100) : 0;
}

/** A 1–10 score as the width of its bar, %. */
export function scoreWidth(score: number | null | undefined): number {
  return typeof score === 'number' && isFinite(score) ? Math.max(0, Math.min(100, Math.round(score * 10))) : 0;
}

/** 7.5 → «7,5»; null → «—». */
export function decimal(n: number | null | undefined): string {
  return typeof n === 'number' && isFinite(n) ? String(Math.round(n * 10) / 10).replace('.', ',') : '—';
}

/** The monitoring questions by respondent, mentees first; empty groups left out. */
export function questionGroups(
  list: QuestionFigure[] | null | undefined,
): Array<{ title: string; items: QuestionFigure[] }> {
  const all = Array.isArray(list) ? list : [];
  return [
    { title: 'Наставляемые', items: all.filter((q) => q.role === 'mentee') },
    { title: 'Наставники', items: all.filter((q) => q.role === 'mentor') },
  ].filter((g) => g.items.length > 0);
}
