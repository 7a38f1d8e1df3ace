import type { DistrictExport } from '../contract/serverApi';
import { exportForDistrict } from '../district/districtExport';
import { DISTRICT_SHEET } from '../district/districtSheet';
import { ADDON_NAME } from '../domain/addon';

/** Sidebar: writes «Выгрузка для района» and returns the same row as CSV and JSON. */
export function getDistrictExport(): DistrictExport {
  return exportForDistrict(SpreadsheetApp.getActiveSpreadsheet());
}

/** Menu «Выгрузка для района»: the sheet the district's IMPORTRANGE reads, then a toast saying so. */
export function menuDistrictExport(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  exportForDistrict(ss);
  // The person who asked sees the row, not only a toast about it.
  ss.getSheetByName(DISTRICT_SHEET)?.activate();
  ss.toast(
    `Показатели школы записаны на лист «${DISTRICT_SHEET}» одной строкой, без фамилий. Район забирает их функцией IMPORTRANGE.`,
    ADDON_NAME,
  );
}
