/**
 * Personal links by mail: each participant of a confirmed pair gets the monitoring form with the pair
 * and the role filled in; each mentor gets «Отчёт о встрече» with the pair chosen. What was sent is
 * written to «Журнал напоминаний» (who, when, which item), so a second click sends only what is left
 * and the reminders know when monitoring was asked for.
 */
import { curatorSignature, letterBodies, linkLine, type LetterLine } from '../domain/letterBody';
import { pairChoiceLabel, Q, ROLE_CHOICES } from '../domain/monitoring';
import type { MonitoringRole } from '../domain/monitoring/types';
import { WITHDRAWN_STATUS, looksLikeEmail, type BankEntry } from '../domain/questionnaires';
import { normalizeAddress, type SendLogEntry } from '../domain/reminders';
import { todayIso } from '../sheets/cells';
import { roadmapStartYear } from '../sheets/roadmapSheet';
import { logAction } from '../sheets/logSheet';
import { appendReminderLog, readReminderLog } from '../sheets/reminderLogSheet';
import { readSettings } from '../sheets/settings';
import type { SendLinksResult } from '../contract/serverApi';
import { UserError } from '../domain/userError';
import { buildYearForms, prefilledUrl, prefillTemplate, yearFormEntries, type PrefillTemplate } from './yearForms';
import { confirmedPairs, loadYearData, type YearData } from './yearData';
import { writeState } from '../state/store';
import { requireManagement } from '../state/manager';
import { ADDON_NAME } from '../domain/addon';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One person's monitoring link for one pair. */
export interface MonitoringInvite {
  personId: string;
  pairId: string;
  role: MonitoringRole;
  email: string;
  url: string;
}

/** Document property: when «Разослать ссылки на мониторинг» last ran (the reminders start after it). */
/** When this school year's monitoring links went out (reminders ask the rest only after it). */
export const linksSentKey = () => `monitoringLinksSentAt:${roadmapStartYear()}`;

/** The log key of a person's monitoring for a pair (shared with the reminders). */
// The school year is part of a letter's key: a pair the rollover carries over keeps its id and is asked again.
export const monitoringKey = (personId: string, pairId: string) =>
  `monitoring:${roadmapStartYear()}:${personId}:${pairId}`;
const meetingKey = (personId: string, pairId: string) => `meeting-link:${roadmapStartYear()}:${personId}:${pairId}`;

export const live = (e: BankEntry | undefined): e is BankEntry =>
  Boolean(e && e.status !== WITHDRAWN_STATUS && e.consentAt && looksLikeEmail(e.email));

/** Every expected monitoring answer with its personal link (forms must exist). */
export function monitoringInvites(data: YearData): MonitoringInvite[] {
  const entries = yearFormEntries();
  const pairs = confirmedPairs(data);
  if (!entries.monitoringMentee || !entries.monitoringMentor || pairs.length === 0) return [];
  const sample = pairChoiceLabel(pairs[0].id, pairs[0].mentorName);
  const templates: Record<MonitoringRole, PrefillTemplate> = {
    mentee: prefillTemplate(entries.monitoringMentee, {
      [Q.pair]: sample,
      [Q.role]: ROLE_CHOICES.mentee,
      [Q.requests]: '—',
    }),
    mentor: prefillTemplate(entries.monitoringMentor, { [Q.pair]: sample, [Q.role]: ROLE_CHOICES.mentor }),
  };
  const invites: MonitoringInvite[] = [];
  for (const pair of pairs) {
    const members: Array<[string, MonitoringRole]> = [
      [pair.mentorId, 'mentor'],
      ...pair.menteeIds.map((id): [string, MonitoringRole] => [id, 'mentee']),
    ];
    for (const [id, role] of members) {
      const person = data.people.get(id);
      if (!live(person)) continue;
      const values: Record<string, string> = {
        [Q.pair]: pairChoiceLabel(pair.id, pair.mentorName),
        [Q.role]: ROLE_CHOICES[role],
      };
      if (role === 'mentee' && person.kind === 'mentee') values[Q.requests] = person.requests.join('; ');
      invites.push({
        personId: id,
        pairId: pair.id,
        role,
        email: normalizeAddress(person.email),
        url: prefilledUrl(templates[role], values),
      });
    }
  }
  return invites;
}

export interface Letter {
  to: string;
  keys: string[];
  lines: LetterLine[];
}

/** Groups lines by address (one letter per person), skipping what the log says was sent already. */
export function lettersOf(items: Array<{ to: string; key: string; line: LetterLine }>, sent: Set<string>): Letter[] {
  const letters = new Map<string, Letter>();
  for (const item of items) {
    if (sent.has(`${item.to}|${item.key}`)) continue;
    const letter = letters.get(item.to) ?? { to: item.to, keys: [], lines: [] };
    letter.keys.push(item.key);
    letter.lines.push(item.line);
    letters.set(item.to, letter);
  }
  return [...letters.values()];
}

/** Sends the letters the quota allows; logs them; returns how many were sent and left. */
export function sendLetters(
  ss: Spreadsheet,
  letters: Letter[],
  subject: string,
  intro: string[],
): { sent: number; left: number } {
  const settings = readSettings(ss);
  const now = new Date().toISOString();
  const today = todayIso(ss.getSpreadsheetTimeZone());
  const fitting = letters.slice(0, Math.max(MailApp.getRemainingDailyQuota(), 0));
  const log: SendLogEntry[] = [];
  // What was sent is logged even if a send fails half-way, so a second click does not send it again.
  try {
    for (const letter of fitting) {
      MailApp.sendEmail({
        to: letter.to,
        subject,
        ...letterBodies([
          'Здравствуйте!',
          '',
          ...intro,
          '',
          ...letter.lines,
          '',
          curatorSignature(settings.school ?? ss.getName(), settings.curator),
        ]),
        name: ADDON_NAME,
      });
      log.push(...letter.keys.map((itemKey) => ({ at: now, day: today, to: letter.to, itemKey })));
    }
  } finally {
    appendReminderLog(ss, log);
  }
  return { sent: fitting.length, left: letters.length - fitting.length };
}

export function sentKeys(ss: Spreadsheet): Set<string> {
  return new Set(readReminderLog(ss).map((e) => `${e.to}|${e.itemKey}`));
}

export function resultMessage(what: string, sent: number, left: number): string {
  if (sent === 0 && left === 0) return `Все участники уже получили ${what}; новых адресатов нет.`;
  if (sent === 0) return `Дневная квота писем исчерпана: ${what} не отправлены (${left} адресатов). Повторите завтра.`;
  const tail = left > 0 ? ` Ещё ${left} — завтра: дневная квота писем исчерпана (нажмите кнопку ещё раз).` : '';
  return `Ссылки разосланы: ${sent} адресатам.${tail}`;
}

/** «Разослать ссылки на мониторинг». */
export function sendMonitoringLinks(ss: Spreadsheet): SendLinksResult {
  const data = loadYearData(ss);
  if (confirmedPairs(data).length === 0)
    throw new UserError('Нет утверждённых пар: мониторинг проводится для пар и групп со статусом «утверждено».');
  requireManagement('Разослать ссылки на мониторинг');
  buildYearForms(ss);
  const invites = monitoringInvites(data);
  if (invites.length === 0)
    throw new UserError(
      'У участников утверждённых пар нет адресов с согласием на обработку данных: ссылки некому отправить.',
    );
  const letters = lettersOf(
    invites.map((i) => ({
      to: i.email,
      key: monitoringKey(i.personId, i.pairId),
      line: linkLine(`• Пара/группа ${i.pairId}:`, i.url, 'Открыть анкету мониторинга'),
    })),
    sentKeys(ss),
  );
  const { sent, left } = sendLetters(ss, letters, 'Мониторинг программы наставничества: ваша анкета', [
    'Программа наставничества подходит к завершению. Пожалуйста, ответьте на короткую анкету мониторинга —',
    'это займёт 5 минут. Ссылка личная: пара и роль уже указаны.',
  ]);
  writeState(linksSentKey(), new Date().toISOString());
  logAction(ss, 'Мониторинг', `Ссылки на анкеты мониторинга отправлены: ${sent}; ждут квоты: ${left}.`);
  return { sent, message: resultMessage('ссылки на мониторинг', sent, left) };
}

/** «Разослать наставникам ссылки на отчёт о встрече». */
export function sendMeetingLinks(ss: Spreadsheet): SendLinksResult {
  const data = loadYearData(ss);
  const pairs = confirmedPairs(data);
  if (pairs.length === 0)
    throw new UserError('Нет утверждённых пар: отчёты о встречах пишут наставники утверждённых пар.');
  requireManagement('Разослать наставникам ссылки на отчёт о встрече');
  buildYearForms(ss);
  const entry = yearFormEntries().meetingReport!;
  const template = prefillTemplate(entry, { [Q.pair]: pairChoiceLabel(pairs[0].id, pairs[0].mentorName) });
  const items = pairs
    .map((pair) => ({ pair, mentor: data.people.get(pair.mentorId) }))
    .filter((x): x is { pair: (typeof pairs)[number]; mentor: BankEntry } => live(x.mentor))
    .map(({ pair, mentor }) => ({
      to: normalizeAddress(mentor.email),
      key: meetingKey(mentor.id, pair.id),
      line: linkLine(
        `• Пара/группа ${pair.id}:`,
        prefilledUrl(template, { [Q.pair]: pairChoiceLabel(pair.id, pair.mentorName) }),
        'Открыть форму отчёта',
      ),
    }));
  const { sent, left } = sendLetters(ss, lettersOf(items, sentKeys(ss)), 'Наставничество: отчёт о встрече', [
    'После каждой встречи с наставляемым заполните, пожалуйста, короткий отчёт по ссылке своей пары.',
    'Заметки — рабочие, о проделанной работе; не пишите в них оценок и характеристик людей.',
  ]);
  logAction(ss, 'Отчёты о встречах', `Ссылки на форму отправлены наставникам: ${sent}; ждут квоты: ${left}.`);
  return { sent, message: resultMessage('ссылки на отчёт о встрече', sent, left) };
}
