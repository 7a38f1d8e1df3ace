import type { ProgressState } from '../contract/serverApi';
import { readProgressReport, refreshSummaryIfStale } from '../summary/refreshSummary';

/** Sidebar «Ход реализации»: works for staff who may only view the file too (the summary stays as it is). */
export function getProgress(): ProgressState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const report = readProgressReport(ss);
  // Before setup the sidebar shows its hint; a state, so it need not recognise the error's wording.
  if (!report) return { state: 'noRoadmap' };
  refreshSummaryIfStale(ss, report);
  return { state: 'ready', report };
}
