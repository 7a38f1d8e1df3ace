/**
 * The mid-year check-in: in January the daily clock (or, any time, «Разослать промежуточный опрос»)
 * mails both sides of every confirmed pair a personal prefilled link (one letter per person, within the
 * quota, logged so a second run sends only what is left); an answer with a low mark or «Не хочу продолжать» sets the pair «требует внимания»,
 * writes why in its «История», and the curator gets one letter per flagged pair.
 */
import { linkLine, letterBodies } from '../domain/letterBody';
import { pairChoiceLabel } from '../domain/monitoring';
import { attentionReason, CQ, parseCheckin, CHECKIN_TITLE, type CheckinLookup } from '../domain/monitoring/checkin';
import type { Answers, SubmissionMeta, YearFormDefinition } from '../domain/monitoring';
import { formatRuDate } from '../domain/dates';
import { normalizeEmail, WITHDRAWN_STATUS, looksLikeEmail } from '../domain/questionnaires';
import { normalizeAddress } from '../domain/reminders';
import { UserError } from '../domain/userError';
import { ADDON_NAME } from '../domain/addon';
import { todayIso } from '../sheets/cells';
import { logAction } from '../sheets/logSheet';
import { NEEDS_ATTENTION, openPairs, readPairs, withHistoryLine, writePairs, type PairRow } from '../sheets/pairsSheet';
import { appendReminderLog, readReminderLog } from '../sheets/reminderLogSheet';
import { readSettings } from '../sheets/settings';
import { roadmapStartYear } from '../sheets/roadmapSheet';
import { requireManagement } from '../state/manager';
import type { SendLinksResult } from '../contract/serverApi';
import { lettersOf, live, resultMessage, sendLetters, sentKeys } from './links';
import { bankPeople, confirmedPairs, type YearData } from './yearData';
import { buildYearForms, prefilledUrl, prefillTemplate, yearFormEntries } from './yearForms';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Keys carry the school year: a pair carried over keeps its ID and is asked again next January.
const inviteKey = (year: number, personId: string, pairId: string) => `checkin:${year}:${personId}:${pairId}`;
/** The log key of the curator's letter about a flagged pair: one letter per pair and school year. */
const alertKey = (year: number, pairId: string) => `checkin-alert:${year}:${pairId}`;

/** What the check-in needs: the pairs and the people (not the whole year's sheets). */
type CheckinData = Pick<YearData, 'pairs' | 'people'>;
const loadCheckinData = (ss: Spreadsheet): CheckinData => ({ pairs: readPairs(ss), people: bankPeople(ss) });

interface Invite {
  to: string;
  key: string;
  pair: PairRow;
}

/** Both sides of every pair at work with an address and consent, those the log says were not asked yet. */
function pendingInvites(
  ss: Spreadsheet,
  data: CheckinData,
  pairs: readonly PairRow[],
): { all: number; pending: Invite[] } {
  const year = roadmapStartYear();
  const all = pairs.flatMap((pair) =>
    [pair.mentorId, ...pair.menteeIds]
      .map((id) => data.people.get(id))
      .filter(live)
      .map((person) => ({ to: normalizeAddress(person.email), key: inviteKey(year, person.id, pair.id), pair })),
  );
  const sent = sentKeys(ss);
  return { all: all.length, pending: all.filter((i) => !sent.has(`${i.to}|${i.key}`)) };
}

/** One letter per person with a personal link for each of their pairs (the check-in form must exist). */
function mailInvites(ss: Spreadsheet, pending: readonly Invite[]): { sent: number; left: number } {
  if (pending.length === 0) return { sent: 0, left: 0 };
  const entry = yearFormEntries().checkin!;
  const label = (pair: PairRow) => pairChoiceLabel(pair.id, pair.mentorName);
  const template = prefillTemplate(entry, { [CQ.pair]: label(pending[0].pair) });
  const items = pending.map((i) => ({
    to: i.to,
    key: i.key,
    line: linkLine(
      `• Пара/группа ${i.pair.id}:`,
      prefilledUrl(template, { [CQ.pair]: label(i.pair) }),
      'Открыть опрос',
    ),
  }));
  return sendLetters(ss, lettersOf(items, new Set()), 'Наставничество: как идёт работа пары?', [
    'Прошла половина года работы наставнических пар. Ответьте, пожалуйста, на 4 коротких вопроса о том,',
    'как идёт работа в вашей паре, — это займёт 2 минуты. Ссылка личная: пара уже указана.',
  ]);
}

/** «Разослать промежуточный опрос». */
export function sendCheckinLinks(ss: Spreadsheet): SendLinksResult {
  const data = loadCheckinData(ss);
  const pairs = confirmedPairs(data);
  if (pairs.length === 0)
    throw new UserError(
      'Нет утверждённых пар: промежуточный опрос проводится для пар и групп со статусом «утверждено».',
    );
  requireManagement('Разослать промежуточный опрос');
  const { all, pending } = pendingInvites(ss, data, pairs);
  if (all === 0)
    throw new UserError(
      'У участников утверждённых пар нет адресов с согласием на обработку данных: ссылки некому отправить.',
    );
  // The forms' pair lists follow «Пары и группы» before links to them go out.
  if (pending.length > 0) buildYearForms(ss);
  const { sent, left } = mailInvites(ss, pending);
  logAction(ss, 'Промежуточный опрос', `Ссылки на опрос отправлены: ${sent}; ждут квоты: ${left}.`);
  return { sent, message: resultMessage('ссылки на промежуточный опрос', sent, left) };
}

/**
 * The daily clock's part: in January of the school year the check-in goes out by itself, the same
 * letters as the button's; what the quota left goes the next day, and nothing goes twice.
 */
export function sendCheckinOnSchedule(ss: Spreadsheet): void {
  const year = roadmapStartYear();
  if (!year || !todayIso(ss.getSpreadsheetTimeZone()).startsWith(`${year + 1}-01-`)) return;
  const data = loadCheckinData(ss);
  const pairs = confirmedPairs(data);
  if (pairs.length === 0) return;
  const { pending } = pendingInvites(ss, data, pairs);
  if (pending.length === 0) return;
  // The clock has just rebuilt the year's forms when they exist; a school that never made them gets them now.
  if (!yearFormEntries().checkin) buildYearForms(ss);
  const { sent, left } = mailInvites(ss, pending);
  logAction(
    ss,
    'Промежуточный опрос',
    `Январь: ссылки на опрос разосланы автоматически: ${sent}; ждут квоты до следующего дня: ${left}.`,
  );
}

function lookupOf(data: CheckinData): CheckinLookup {
  const byEmail = new Map<string, string[]>();
  for (const e of data.people.values()) {
    if (e.status === WITHDRAWN_STATUS || !e.consentAt) continue;
    const key = normalizeEmail(e.email);
    byEmail.set(key, [...(byEmail.get(key) ?? []), e.id]);
  }
  const pairs = confirmedPairs(data);
  return {
    personIdsByEmail: (email) => byEmail.get(email) ?? [],
    pairsOf: (personId) =>
      pairs.filter((p) => p.mentorId === personId || p.menteeIds.includes(personId)).map((p) => p.id),
  };
}

/** One check-in answer filed (called by yearResponses under the filing lock). */
export function fileCheckin(
  ss: Spreadsheet,
  def: YearFormDefinition,
  answers: Answers,
  meta: SubmissionMeta,
  where: string,
): void {
  const data = loadCheckinData(ss);
  const parsed = parseCheckin(def, answers, meta, lookupOf(data));
  if (!parsed.ok) {
    logAction(ss, `Ошибка: ${CHECKIN_TITLE}`, `${parsed.message}. ${where}.`);
    return;
  }
  const a = parsed.answer;
  const person = data.people.get(a.personId);
  const role = person?.kind === 'mentor' ? 'Наставник' : 'Наставляемый';
  const reason = attentionReason(a, role);
  if (!reason) {
    logAction(ss, 'Промежуточный опрос', `Пара ${a.pairId}: ответ получен, всё в порядке (оценка ${a.mark}).`);
    return;
  }
  const opened = openPairs(ss);
  const pair = opened.rows.find((p) => p.id === a.pairId)!;
  const day = formatRuDate(todayIso(ss.getSpreadsheetTimeZone()));
  const note = `${day}: промежуточный опрос — ${reason}.`;
  const wasFlagged = pair.status === NEEDS_ATTENTION;
  // A repeated answer (the trigger replayed, or sent twice) adds nothing new to the history.
  if (!(pair.history ?? '').includes(note)) {
    const rows: PairRow[] = opened.rows.map((p) =>
      p.id === pair.id ? { ...p, status: NEEDS_ATTENTION, history: withHistoryLine(p.history, note) } : p,
    );
    writePairs(ss, rows, opened);
  }
  logAction(
    ss,
    'Промежуточный опрос',
    `Пара ${a.pairId} ${wasFlagged ? 'уже' : 'теперь'} «${NEEDS_ATTENTION}»: ${reason}.`,
  );
  mailCurator(ss, pair, reason);
}

/** One letter to the curator per flagged pair (the reminder log remembers it was sent). */
function mailCurator(ss: Spreadsheet, pair: PairRow, reason: string): void {
  const settings = readSettings(ss);
  const to = normalizeAddress(settings.curatorEmail ?? '');
  if (!looksLikeEmail(to)) {
    logAction(
      ss,
      'Промежуточный опрос',
      `Куратору не отправлено письмо о паре ${pair.id}: на листе «Настройки» не указан e-mail куратора наставничества.`,
    );
    return;
  }
  const key = alertKey(roadmapStartYear(), pair.id);
  if (readReminderLog(ss).some((e) => e.itemKey === key)) return;
  if (MailApp.getRemainingDailyQuota() < 1) {
    logAction(
      ss,
      'Промежуточный опрос',
      `Письмо куратору о паре ${pair.id} не отправлено: дневная квота писем исчерпана.`,
    );
    return;
  }
  MailApp.sendEmail({
    to,
    subject: `Наставничество: паре ${pair.id} нужно внимание`,
    ...letterBodies([
      'Здравствуйте!',
      '',
      `По промежуточному опросу паре (группе) ${pair.id} (наставник: ${pair.mentorName || pair.mentorId}) нужно внимание.`,
      `Причина: ${reason}.`,
      '',
      'Статус пары на листе «Пары и группы» — «требует внимания». Поговорите с участниками; если пару нужно',
      'сменить, откройте «Подбор пар» и нажмите «Расформировать и подобрать заново».',
      linkLine('', ss.getUrl(), 'Открыть таблицу наставничества'),
    ]),
    name: ADDON_NAME,
  });
  const now = new Date().toISOString();
  appendReminderLog(ss, [{ at: now, day: todayIso(ss.getSpreadsheetTimeZone()), to, itemKey: key }]);
}
