/**
 * The daily reminders: each responsible person gets ONE letter listing their roadmap and program
 * activities that are overdue or due soon; participants who have not answered the monitoring are
 * asked again at most once every N days. The day's mail quota is respected (what does not fit waits
 * for the next run) and «Журнал напоминаний» keeps who, when and which item — never the letters.
 */
import { foldRu } from '../domain/dates';
import { isClosed, normalizeStatus, ROLE_TITLES, type Role } from '../domain/roadmap';
import {
  composeDigest,
  logEntriesFor,
  normalizeAddress,
  planReminders,
  selectDue,
  type DueActivity,
  type ReminderItem,
  type ReminderSettings,
} from '../domain/reminders';
import { WITHDRAWN_STATUS, looksLikeEmail } from '../domain/questionnaires';
import { todayIso } from '../sheets/cells';
import { logAction } from '../sheets/logSheet';
import { CANCELLED, DONE, readProgramRows } from '../sheets/programsSheet';
import { appendReminderLog, readReminderLog } from '../sheets/reminderLogSheet';
import { readRoadmap } from '../sheets/roadmapSheet';
import { readSettings, type Settings, type SettingKey } from '../sheets/settings';
import { remindersEnabled } from '../schedule/clock';
import { linksSentKey, monitoringInvites, monitoringKey } from './links';
import { loadYearData, monitoringSummary } from './yearData';
import { readState, writeState } from '../state/store';
import { ADDON_NAME } from '../domain/addon';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property: the day the reminders last ran (they run once a day). */
export const LAST_RUN_KEY = 'remindersLastRun';

export function reminderSettings(ss: Spreadsheet, settings: Settings = readSettings(ss)): ReminderSettings {
  const days = (value: string | undefined, fallback: number) => {
    const n = Number(String(value ?? '').trim());
    return Number.isFinite(n) && n >= 0 && String(value ?? '').trim() !== '' ? Math.floor(n) : fallback;
  };
  return {
    enabled: remindersEnabled(ss, settings),
    daysBefore: days(settings.reminderDaysBefore, 3),
    repeatDays: days(settings.reminderRepeatDays, 7),
  };
}

const ROLE_EMAIL: Record<Role, SettingKey> = {
  director: 'directorEmail',
  curator: 'curatorEmail',
  methodologist: 'methodologistEmail',
  psychologist: 'psychologistEmail',
  siteEditor: 'siteEditorEmail',
};

/** Name (or role title) → address: staff roles from «Настройки», participants from the banks. */
function addressBook(
  settings: Settings,
  people: Iterable<{ fullName: string; email: string; status: string; consentAt: string }>,
): Map<string, string> {
  const book = new Map<string, string>();
  const add = (name: string | undefined, email: string | undefined) => {
    if (name && email && looksLikeEmail(email)) book.set(foldRu(name), normalizeAddress(email));
  };
  for (const role of Object.keys(ROLE_EMAIL) as Role[]) {
    const email = settings[ROLE_EMAIL[role]];
    add(ROLE_TITLES[role], email);
    add(settings[role], email);
  }
  for (const p of people) if (p.status !== WITHDRAWN_STATUS && p.consentAt) add(p.fullName, p.email);
  return book;
}

/** The addresses of a «Ответственный» cell: several names separated by commas or semicolons. */
function addressesOf(book: Map<string, string>, responsible: string): string[] {
  return responsible
    .split(/[,;\n]+/)
    .map((part) => book.get(foldRu(part.replace(/\(.*?\)/g, '')).trim()) ?? book.get(foldRu(part).trim()))
    .filter((a): a is string => Boolean(a));
}

/** Everything that may need a reminder today, with its addresses. */
export function reminderItems(
  ss: Spreadsheet,
  today: string,
  settings: ReminderSettings,
  all: Settings = readSettings(ss),
): ReminderItem[] {
  const data = loadYearData(ss);
  const book = addressBook(all, data.people.values());
  const timeZone = ss.getSpreadsheetTimeZone();
  const activities: DueActivity[] = (readRoadmap(ss, timeZone) ?? []).map((r) => ({
    key: `roadmap:${r.no}`,
    title: `${r.no} ${r.title}`,
    due: r.end,
    source: 'Дорожная карта',
    to: addressesOf(book, r.responsible),
    closed: isClosed(normalizeStatus(r.status)),
  }));
  for (const a of readProgramRows(ss)) {
    if (a.archived || !a.programId) continue;
    activities.push({
      key: `program:${a.programId}:${a.id}`,
      title: a.title,
      due: a.date,
      source: `Программа ${a.programId} (пара ${a.pairId})`,
      to: addressesOf(book, a.responsible),
      closed: a.status === DONE || a.status === CANCELLED,
    });
  }
  const items = selectDue(activities, today, settings.daysBefore);
  if (readState(linksSentKey())) {
    const waiting = new Set(monitoringSummary(data).nonRespondents.map((n) => monitoringKey(n.personId, n.pairId)));
    for (const invite of monitoringInvites(data)) {
      const key = monitoringKey(invite.personId, invite.pairId);
      if (!waiting.has(key)) continue;
      items.push({
        key,
        kind: 'monitoring',
        title: `Анкета мониторинга (пара/группа ${invite.pairId})`,
        due: '',
        source: 'Мониторинг',
        to: [invite.email],
        link: invite.url,
      });
    }
  }
  return items;
}

export interface ReminderRun {
  sent: number;
  deferred: number;
}

/**
 * One run of the reminders, at most once a day (the trigger may run hourly while documents are
 * being made). Returns null when it did nothing (switched off, or already run today).
 */
export function runReminders(ss: Spreadsheet): ReminderRun | null {
  const all = readSettings(ss);
  const settings = reminderSettings(ss, all);
  if (!settings.enabled) return null;
  const today = todayIso(ss.getSpreadsheetTimeZone());
  if (readState(LAST_RUN_KEY) === today) return null;
  const items = reminderItems(ss, today, settings, all);
  const unaddressed = items.filter((i) => i.to.length === 0).map((i) => i.key.replace(/^[a-z]+:/, ''));
  const plan = planReminders({
    items,
    log: readReminderLog(ss),
    todayIso: today,
    settings,
    quota: MailApp.getRemainingDailyQuota(),
  });
  const school = all.school ?? ss.getName();
  const spreadsheetUrl = ss.getUrl();
  const now = new Date().toISOString();
  const log = [];
  let deferred = plan.deferred;
  for (const [i, digest] of plan.digests.entries()) {
    const letter = composeDigest(digest, { school, spreadsheetUrl, todayIso: today });
    try {
      MailApp.sendEmail({
        to: digest.to,
        subject: letter.subject,
        body: letter.body,
        htmlBody: letter.htmlBody,
        name: ADDON_NAME,
      });
    } catch {
      // The quota ran out meanwhile (other mail of the same user): the rest waits for the next run.
      deferred += plan.digests.length - i;
      break;
    }
    log.push(...logEntriesFor(digest, now, today));
  }
  appendReminderLog(ss, log);
  writeState(LAST_RUN_KEY, today);
  const sent = plan.digests.length - (deferred - plan.deferred);
  if (unaddressed.length > 0) {
    logAction(
      ss,
      'Напоминания',
      `Некому напомнить (нет адреса ответственного): ${unaddressed.slice(0, 10).join(', ')}` +
        `${unaddressed.length > 10 ? ` и ещё ${unaddressed.length - 10}` : ''}. Укажите e-mail на листе «Настройки» ` +
        'или ФИО участника, как в банке, в столбце «Ответственный».',
    );
  }
  if (sent > 0 || deferred > 0)
    logAction(
      ss,
      'Напоминания',
      `Отправлено писем: ${sent}${deferred > 0 ? `; ждут следующего дня (квота): ${deferred}` : ''}.`,
    );
  return { sent, deferred };
}
