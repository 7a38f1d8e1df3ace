import type { ProgressReport } from '../contract/serverApi';
import { buildProgressReport, refreshSummaryIfStale } from '../summary/refreshSummary';

/** Sidebar «Ход реализации»: works for staff who may only view the file too (the summary stays as it is). */
export function getProgress(): ProgressReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const report = buildProgressReport(ss);
  refreshSummaryIfStale(ss, report);
  return report;
}
