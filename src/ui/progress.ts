import { computeProgress, periodLabel, STAGE_TITLES } from '../domain/roadmap';
import { questionnaireStats } from '../forms/stats';
import { todayIso } from '../sheets/cells';
import { readRoadmap, roadmapStartYear } from '../sheets/roadmapSheet';
import { readSettings } from '../sheets/settings';
import { writeSummary } from '../sheets/summarySheet';
import { loadYearData, yearFigures } from '../year/yearData';
import type { ProgressReport } from './contract';
import { UserError } from './errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NO_ROADMAP = 'Дорожная карта ещё не создана. Выберите в меню «Наставничество → Настроить учебный год…».';

/** Progress as of today in the spreadsheet's time zone, read from the roadmap sheet as staff keep it. */
export function buildProgressReport(ss: Spreadsheet): ProgressReport {
  const timeZone = ss.getSpreadsheetTimeZone();
  const rows = readRoadmap(ss, timeZone);
  if (!rows) throw new UserError(NO_ROADMAP);
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
    year: yearFigures(loadYearData(ss)),
  };
}

/** Recomputes «Сводка»; returns the report it wrote. */
export function refreshSummary(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): ProgressReport {
  const report = buildProgressReport(ss);
  writeSummary(ss, report);
  return report;
}

/** Sidebar «Ход реализации»: read-only, so staff who may only view the file can open it too. */
export function getProgress(): ProgressReport {
  return buildProgressReport(SpreadsheetApp.getActiveSpreadsheet());
}
