/**
 * The school's year figures for the district: the same report «Сводка» shows, as one row
 * (docs/district.md). Only counts leave the school.
 */
import { districtFiles, districtRecord, type DistrictRecord } from '../domain/district';
import { buildProgressReport } from '../summary/refreshSummary';
import { isWorkingPair } from '../sheets/pairsSheet';
import { loadYearData } from '../year/yearData';
import { writeDistrictRow } from './districtSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The record as of today; throws the «set up the year first» message before the roadmap exists. */
export function readDistrictRecord(ss: Spreadsheet): DistrictRecord {
  const data = loadYearData(ss);
  const report = buildProgressReport(ss, data);
  // As «Сводка» counts «утверждено»: every pair at work, those the check-in flagged too.
  const confirmed = data.pairs.filter((p) => isWorkingPair(p.status));
  const groups = confirmed.filter((p) => p.kind === 'группа').length;
  return districtRecord(report, { pairs: confirmed.length - groups, groups });
}

/** Writes «Выгрузка для района» and returns the same row as CSV and JSON files. */
export function exportForDistrict(ss: Spreadsheet): { csv: string; json: string } {
  const record = readDistrictRecord(ss);
  writeDistrictRow(ss, record);
  return districtFiles(record);
}
