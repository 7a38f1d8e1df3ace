/**
 * Whether «Сводка» lags behind the tables it is made from. Events that change those tables (a form
 * answer, «Сохранить» in «Подбор пар», an edit of «Мероприятия») only mark it stale, for a few calls;
 * the refresh itself (a few hundred calls) runs when someone looks: the menu, the sidebar's
 * «Ход реализации», or the clock trigger. Staff edits of the roadmap refresh its part at once (triggers/onEdit.ts).
 */
import { readState, writeState } from '../state/store';

const KEY = 'summaryStale';

export function isSummaryStale(): boolean {
  return readState(KEY) === '1';
}

/** The tables changed after the last refresh; one state write the first time, nothing after. */
export function markSummaryStale(): void {
  if (!isSummaryStale()) writeState(KEY, '1');
}

export function markSummaryFresh(): void {
  if (isSummaryStale()) writeState(KEY, '');
}
