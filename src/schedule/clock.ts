/**
 * The add-on's ONE time-driven trigger per user and spreadsheet (an editor add-on may have one per
 * user and document). It runs hourly while a batch of documents is pending (to carry it on), daily at
 * 7:00 while reminders are on, and is removed when neither is needed. Its schedule is kept in the
 * state sheet, because a Trigger object does not tell its interval. Only this file's triggers are
 * touched (getUserTriggers): the same user's trigger in another school's spreadsheet stays.
 */
import { readJob } from './batchJob';
import { readSettings, type Settings } from '../sheets/settings';
import { contextSpreadsheet } from '../state/context';
import { readState, writeState } from '../state/store';
import { mayManage } from '../state/manager';
import { clockFileOf, forgetClockFile, rememberClockFile } from './clockFiles';

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

/** The user's clock triggers of this spreadsheet. */
function clockTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === CLOCK_HANDLER);
}

/** Makes the trigger run on `mode`, replacing the one there is when its schedule differs. */
export function setClockMode(mode: ClockMode, ss: Spreadsheet = contextSpreadsheet()): void {
  // Only the manager's trigger runs the reminders and batches: a second account's would do it twice.
  if (!mayManage()) return;
  const triggers = clockTriggers(ss);
  // A trigger made before its file was recorded (an older version) gets its record now.
  for (const t of triggers) if (!clockFileOf(t.getUniqueId())) rememberClockFile(t.getUniqueId(), ss.getId());
  const current = triggers.length === 1 ? (readState(MODE_KEY) ?? 'hourly') : 'off';
  if (current === mode && triggers.length <= 1) return;
  for (const t of triggers) {
    ScriptApp.deleteTrigger(t);
    forgetClockFile(t.getUniqueId());
  }
  const builder = ScriptApp.newTrigger(CLOCK_HANDLER).timeBased();
  const created =
    mode === 'hourly'
      ? builder.everyHours(1).create()
      : mode === 'daily'
        ? builder.everyDays(1).atHour(DAILY_HOUR).create()
        : null;
  if (created) rememberClockFile(created.getUniqueId(), ss.getId());
  writeState(MODE_KEY, mode);
}

/** What the trigger should be now: hourly for a pending batch, daily for reminders, else none. */
export function settleClockTrigger(ss: Spreadsheet = contextSpreadsheet(), settings?: Settings): void {
  const job = readJob();
  setClockMode(job && !job.finished ? 'hourly' : remindersEnabled(ss, settings) ? 'daily' : 'off', ss);
}
