import { computeProgress, periodLabel, STAGE_TITLES } from '../domain/roadmap';
import { questionnaireStats } from '../questionnaires/stats';
import { todayIso } from '../sheets/cells';
import { readRoadmap, roadmapStartYear } from '../sheets/roadmapSheet';
import { readSettings } from '../sheets/settings';
import { isSummaryStale, markSummaryFresh } from '../sheets/summaryFreshness';
import { writeSummary } from '../sheets/summarySheet';
import { SHEETS } from '../sheets/schema';
import { loadYearData, yearFigures, type YearData } from '../year/yearData';
import type { ProgressReport } from '../contract/serverApi';
import { UserError } from '../domain/userError';
import { menuPath } from '../domain/addon';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NO_ROADMAP = `Дорожная карта ещё не создана. Выберите в меню ${menuPath('setup')}.`;

/** Progress as of today in the spreadsheet's time zone, read from the roadmap sheet as staff keep it. */
export function buildProgressReport(ss: Spreadsheet, data?: YearData): ProgressReport {
  const report = readProgressReport(ss, data);
  if (!report) throw new UserError(NO_ROADMAP);
  return report;
}

/** The report, or null before the school year is set up (no roadmap sheet). `data`: the year's work when the caller has read it. */
export function readProgressReport(ss: Spreadsheet, data?: YearData): ProgressReport | null {
  const timeZone = ss.getSpreadsheetTimeZone();
  const rows = readRoadmap(ss, timeZone);
  if (!rows) return null;
  const settings = readSettings(ss);
  const today = todayIso(timeZone);
  const progress = computeProgress(rows, today, STAGE_TITLES);
  const startYear = roadmapStartYear();
  return {
    period: settings.period ?? (startYear ? periodLabel(startYear) : ''),
    school: settings.school ?? ss.getName(),
    asOf: today,
    ...progress,
    questionnaires: questionnaireStats(ss),
    year: yearFigures(data ?? loadYearData(ss)),
  };
}

function writeReport(ss: Spreadsheet, report: ProgressReport): void {
  const refreshedAt = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'dd.MM.yyyy, HH:mm');
  writeSummary(ss, report, refreshedAt);
  markSummaryFresh();
}

/** Recomputes «Сводка»; returns the report it wrote. */
export function refreshSummary(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): ProgressReport {
  const report = buildProgressReport(ss);
  writeReport(ss, report);
  return report;
}

/**
 * «Сводка» catches up with the answers, pairs and events filed since its last refresh, when someone
 * opens the file or «Ход реализации». Someone who may only view the file sees the figures as they are.
 */
export function refreshSummaryIfStale(ss: Spreadsheet, report?: ProgressReport): void {
  if (!isSummaryStale() || !ss.getSheetByName(SHEETS.roadmap)) return;
  try {
    writeReport(ss, report ?? buildProgressReport(ss));
  } catch (e) {
    console.warn(`«Сводка» не обновлена: ${e instanceof Error ? e.message : String(e)}`);
  }
}
