/**
 * The sheets of the year's work («Пары и группы» among them) and the reminders' settings, made by «Настроить учебный год…» (kept as
 * staff left them on a re-run), and the one time-driven trigger set for the reminders.
 */
import { ensureEventsTable } from '../sheets/eventsSheet';
import { ensureMeetingsTable } from '../sheets/meetingsSheet';
import { ensurePairsTable } from '../sheets/pairsSheet';
import { ensurePracticesTable } from '../sheets/practicesSheet';
import { ensurePublicationsTable } from '../sheets/publicationsSheet';
import { readSettings, writeSettings } from '../sheets/settings';
import { settleClockTrigger } from '../schedule/clock';
import { eventKinds } from './events';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function ensureYearSpace(ss: Spreadsheet): void {
  ensurePairsTable(ss);
  ensureEventsTable(ss, eventKinds(ss));
  ensureMeetingsTable(ss);
  ensurePracticesTable(ss);
  ensurePublicationsTable(ss);
  const s = readSettings(ss);
  // Empty rows show staff where the addresses go; the defaults only fill what is missing.
  writeSettings(ss, {
    directorEmail: s.directorEmail ?? '',
    curatorEmail: s.curatorEmail ?? '',
    methodologistEmail: s.methodologistEmail ?? '',
    psychologistEmail: s.psychologistEmail ?? '',
    siteEditorEmail: s.siteEditorEmail ?? '',
    remindersEnabled: s.remindersEnabled ?? 'да',
    reminderDaysBefore: s.reminderDaysBefore ?? '3',
    reminderRepeatDays: s.reminderRepeatDays ?? '7',
  });
  settleClockTrigger(ss);
}
