/**
 * The add-on's ONE time-driven trigger (an editor add-on may have one per user and document). It runs
 * hourly while a batch of documents is pending (to carry it on), daily at 7:00 while reminders are on,
 * and is removed when neither is needed. Its schedule is kept in the document's properties, because a
 * Trigger object does not tell its interval.
 */
import { readJob } from '../docs/batch';
import { readSettings, type Settings } from '../sheets/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The global (src/main.ts) the trigger calls. */
export const CLOCK_HANDLER = 'onClockTrigger';
const MODE_KEY = 'clockMode';
/** Hour of the daily run, in the script's time zone (appsscript.json: Europe/Moscow). */
export const DAILY_HOUR = 7;

export type ClockMode = 'hourly' | 'daily' | 'off';

/** «да» unless staff wrote «нет» (or «выкл», «0»…) in «Настройки». */
export function remindersEnabled(ss: Spreadsheet, settings: Settings = readSettings(ss)): boolean {
  const value = (settings.remindersEnabled ?? 'да').trim().toLowerCase();
  return !/^(нет|no|выкл|выключены|off|0|false)$/.test(value);
}

/** Makes the trigger run on `mode`, replacing the one there is when its schedule differs. */
export function setClockMode(mode: ClockMode): void {
  const props = PropertiesService.getDocumentProperties();
  const triggers = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === CLOCK_HANDLER);
  const current = triggers.length === 1 ? (props.getProperty(MODE_KEY) ?? 'hourly') : 'off';
  if (current === mode && triggers.length <= 1) return;
  for (const t of triggers) ScriptApp.deleteTrigger(t);
  if (mode === 'hourly') ScriptApp.newTrigger(CLOCK_HANDLER).timeBased().everyHours(1).create();
  if (mode === 'daily') ScriptApp.newTrigger(CLOCK_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
  props.setProperty(MODE_KEY, mode);
}

/** What the trigger should be now: hourly for a pending batch, daily for reminders, else none. */
export function settleClockTrigger(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): void {
  const job = readJob();
  setClockMode(job && !job.finished ? 'hourly' : remindersEnabled(ss) ? 'daily' : 'off');
}
