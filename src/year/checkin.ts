/**
 * The mid-year check-in: «Разослать промежуточный опрос» mails both sides of every confirmed pair a
 * personal prefilled link (one letter per person, within the quota, logged so a second click sends only
 * what is left); an answer with a low mark or «Не хочу продолжать» sets the pair «требует внимания»,
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
import { NEEDS_ATTENTION, openPairs, writePairs, type PairRow } from '../sheets/pairsSheet';
import { appendReminderLog, readReminderLog } from '../sheets/reminderLogSheet';
import { readSettings } from '../sheets/settings';
import { requireManagement } from '../state/manager';
import type { SendLinksResult } from '../contract/serverApi';
import { lettersOf, live, resultMessage, sendLetters, sentKeys } from './links';
import { confirmedPairs, loadYearData, type YearData } from './yearData';
import { buildYearForms, prefilledUrl, prefillTemplate, yearFormEntries } from './yearForms';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const inviteKey = (personId: string, pairId: string) => `checkin:${personId}:${pairId}`;
/** The log key of the curator's letter about a flagged pair: one letter per pair, ever. */
const alertKey = (pairId: string) => `checkin-alert:${pairId}`;

/** «Разослать промежуточный опрос». */
export function sendCheckinLinks(ss: Spreadsheet): SendLinksResult {
  const data = loadYearData(ss);
  const pairs = confirmedPairs(data);
  if (pairs.length === 0)
    throw new UserError(
      'Нет утверждённых пар: промежуточный опрос проводится для пар и групп со статусом «утверждено».',
    );
  requireManagement('Разослать промежуточный опрос');
  buildYearForms(ss);
  const entry = yearFormEntries().checkin!;
  const template = prefillTemplate(entry, { [CQ.pair]: pairChoiceLabel(pairs[0].id, pairs[0].mentorName) });
  const items = pairs.flatMap((pair) =>
    [pair.mentorId, ...pair.menteeIds]
      .map((id) => data.people.get(id))
      .filter(live)
      .map((person) => ({
        to: normalizeAddress(person.email),
        key: inviteKey(person.id, pair.id),
        line: linkLine(
          `• Пара/группа ${pair.id}:`,
          prefilledUrl(template, { [CQ.pair]: pairChoiceLabel(pair.id, pair.mentorName) }),
          'Открыть опрос',
        ),
      })),
  );
  if (items.length === 0)
    throw new UserError(
      'У участников утверждённых пар нет адресов с согласием на обработку данных: ссылки некому отправить.',
    );
  const { sent, left } = sendLetters(ss, lettersOf(items, sentKeys(ss)), 'Наставничество: как идёт работа пары?', [
    'Прошла половина года работы наставнических пар. Ответьте, пожалуйста, на 4 коротких вопроса о том,',
    'как идёт работа в вашей паре, — это займёт 2 минуты. Ссылка личная: пара уже указана.',
  ]);
  logAction(ss, 'Промежуточный опрос', `Ссылки на опрос отправлены: ${sent}; ждут квоты: ${left}.`);
  return { sent, message: resultMessage('ссылки на промежуточный опрос', sent, left) };
}

function lookupOf(data: YearData): CheckinLookup {
  const byEmail = new Map<string, string>();
  for (const e of data.people.values()) {
    if (e.status === WITHDRAWN_STATUS || !e.consentAt) continue;
    const key = normalizeEmail(e.email);
    if (!byEmail.has(key)) byEmail.set(key, e.id);
  }
  const pairs = confirmedPairs(data);
  return {
    personIdByEmail: (email) => byEmail.get(email) ?? null,
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
  const data = loadYearData(ss);
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
      p.id === pair.id ? { ...p, status: NEEDS_ATTENTION, history: [p.history, note].filter(Boolean).join('\n') } : p,
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
  const key = alertKey(pair.id);
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

/** Flagged pairs first for the pairing panel: id, people, and why. */
export function pairsNeedingAttention(rows: readonly PairRow[]): PairRow[] {
  return rows.filter((p) => p.status === NEEDS_ATTENTION && p.id);
}
