/**
 * The one time-driven trigger's run: a pending batch of documents first, then — once a day — the
 * events' effect on the roadmap (an event's date has come), the reminders and a fresh «Сводка».
 * Last, the trigger's own schedule is set for what is left (hourly, daily or none).
 */
import { SHEETS } from '../sheets/schema';
import { continueDocumentsOnSchedule } from '../ui/documents';
import { refreshSummary } from '../ui/progress';
import { syncEvents } from '../year/events';
import { runReminders } from '../year/reminders';
import { buildYearForms, yearFormEntries } from '../year/yearForms';
import { settleClockTrigger } from './clock';

export function onClock(): void {
  continueDocumentsOnSchedule();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (ss.getSheetByName(SHEETS.roadmap)) {
    const lock = LockService.getDocumentLock();
    // Someone is saving pairs or making documents: the next run does it (reminders are once a day).
    if (lock.tryLock(30000)) {
      try {
        syncEvents(ss);
        const ran = runReminders(ss);
        if (ran) {
          // Once a day: the forms' pair lists follow «Пары и группы», «Сводка» the date.
          if (yearFormEntries().meetingReport) buildYearForms(ss);
          refreshSummary(ss);
        }
      } finally {
        lock.releaseLock();
      }
    }
  }
  settleClockTrigger(ss);
}
