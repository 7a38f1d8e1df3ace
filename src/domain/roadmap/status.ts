/** The status column of the roadmap sheet: a fixed list, read leniently from what staff type. */
import { foldRu } from '../dates';

export const STATUSES = ['Не начато', 'В работе', 'Выполнено', 'Отменено'] as const;

export type Status = (typeof STATUSES)[number];

export const DEFAULT_STATUS: Status = 'Не начато';

/**
 * A cell's text → a status: trimmed, any case, ё = е, inner spaces collapsed; an empty cell is
 * «Не начато». Unknown text → null, so the caller can report the row instead of guessing.
 */
export function normalizeStatus(text: unknown): Status | null {
  if (text === null || text === undefined) return DEFAULT_STATUS;
  const key = foldRu(String(text)).replace(/\s+/g, ' ').trim();
  if (key === '') return DEFAULT_STATUS;
  return STATUSES.find((s) => foldRu(s) === key) ?? null;
}

/** Done or cancelled: no longer due, never overdue. */
export function isClosed(status: Status | null): boolean {
  return status === 'Выполнено' || status === 'Отменено';
}
