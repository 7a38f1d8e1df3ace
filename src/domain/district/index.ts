/** The district export: the school's year figures as one row in a stable shape (docs/district.md). */
export { DISTRICT_CAPTIONS } from './captions';
export { csvField, csvLine, toCsv } from './csv';
export { districtFiles } from './files';
export {
  DISTRICT_COLUMNS,
  SCHEMA_VERSION,
  districtRecord,
  districtValues,
  type ConfirmedKinds,
  type DistrictRecord,
  type DistrictSource,
} from './exportRow';
