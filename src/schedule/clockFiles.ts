/**
 * Which spreadsheet each of the user's clock triggers serves. A time-driven run of an editor add-on
 * has no active spreadsheet, so the file's id is kept in the user's properties under the trigger's
 * unique id (the event's triggerUid); opening it by id needs the `spreadsheets` scope.
 */
const PREFIX = 'clockTrigger:';

export function rememberClockFile(triggerUid: string, spreadsheetId: string): void {
  PropertiesService.getUserProperties().setProperty(PREFIX + triggerUid, spreadsheetId);
}

export function clockFileOf(triggerUid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(PREFIX + triggerUid);
}

export function forgetClockFile(triggerUid: string): void {
  PropertiesService.getUserProperties().deleteProperty(PREFIX + triggerUid);
}
