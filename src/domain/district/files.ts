import { toCsv } from './csv';
import { DISTRICT_COLUMNS, districtValues, type DistrictRecord } from './exportRow';

/** The file contents the district collects: CSV (header + one row) and JSON (the record, keys in column order). */
export function districtFiles(record: DistrictRecord): { csv: string; json: string } {
  const ordered = Object.fromEntries(DISTRICT_COLUMNS.map((c) => [c, record[c]]));
  return {
    csv: toCsv(DISTRICT_COLUMNS, [districtValues(record)]),
    json: JSON.stringify(ordered, null, 2),
  };
}
