/**
 * The time-driven trigger's run. It has no active spreadsheet (an editor add-on's clock trigger
 * belongs to the script), so it opens the file the trigger was made for by id and works there: a
 * pending batch of documents first, then — once a day — the events' effect on the roadmap (an event's
 * date has come), the reminders, in January the mid-year check-in, and a fresh «Сводка». Last, the trigger's own schedule is set for what
 * is left (hourly, daily or none).
 */
import { SHEETS } from '../sheets/schema';
import { contextSpreadsheet, withSpreadsheet } from '../state/context';
import { continueDocumentsOnSchedule } from '../docs/continueOnSchedule';
import { addonLock, takeLock } from '../state/lock';
import { refreshSummary, refreshSummaryIfStale } from '../summary/refreshSummary';
import { syncEvents } from '../year/events';
import { runReminders } from '../year/reminders';
import { sendCheckinOnSchedule } from '../year/checkin';
import { buildYearForms, yearFormEntries } from '../year/yearForms';
import { mayManage } from '../state/manager';
import { settleClockTrigger } from '../schedule/clock';
import { clockFileOf, forgetClockFile } from '../schedule/clockFiles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet a trigger serves, or null when it is unknown or cannot be opened (deleted, unshared). */
function openClockFile(triggerUid: string): Spreadsheet | null {
  const id = clockFileOf(triggerUid);
  if (!id) return null;
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return null;
  }
}

/** Removes a trigger whose file is gone, so it does not fail every hour; never throws. */
function dropTrigger(triggerUid: string): void {
  try {
    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(t);
    }
    forgetClockFile(triggerUid);
  } catch (e) {
    console.error(`Не удалось удалить триггер ${triggerUid}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Entry of the clock trigger (src/main.ts). */
export function onClockTrigger(e?: GoogleAppsScript.Events.TimeDriven): void {
  const uid = e?.triggerUid ?? '';
  const ss = openClockFile(uid);
  if (!ss) {
    console.warn(`Таблица триггера ${uid || '(без id)'} не найдена или недоступна: триггер удалён.`);
    dropTrigger(uid);
    return;
  }
  withSpreadsheet(ss, () => {
    // A second account's trigger from before one account managed the add-on: the manager's runs instead.
    if (!mayManage()) {
      console.warn(`Триггер ${uid} принадлежит не той учётной записи, что ведёт таблицу: триггер удалён.`);
      dropTrigger(uid);
      return;
    }
    onClock();
  });
}

/** One run in the context's spreadsheet. */
export function onClock(): void {
  continueDocumentsOnSchedule();
  const ss = contextSpreadsheet();
  if (ss.getSheetByName(SHEETS.roadmap)) {
    const lock = addonLock();
    // Someone is saving pairs or making documents: the next run does it (reminders are once a day).
    if (takeLock(lock, 30000)) {
      try {
        syncEvents(ss);
        const ran = runReminders(ss);
        if (ran) {
          // Once a day: the forms' pair lists follow «Пары и группы», «Сводка» the date.
          if (yearFormEntries().meetingReport) buildYearForms(ss);
          // In January the mid-year check-in goes out by itself (after the forms' rebuild above).
          sendCheckinOnSchedule(ss);
          refreshSummary(ss);
        } else refreshSummaryIfStale(ss);
      } finally {
        lock.releaseLock();
      }
    }
  }
  settleClockTrigger(ss);
}
