/**
 * The sidebar's side of the mid-year check-in: the flagged pairs for the top of «Подбор пар», the
 * mailing, and «Расформировать и подобрать заново» (the pair dissolved with its history kept, the
 * mentees back in the pool, new mentors proposed without the old one).
 */
import { formatRuDate } from '../domain/dates';
import type { CheckinView, DissolveResult, SendLinksResult } from '../contract/serverApi';
import { pairIdSchema } from '../contract/requests';
import { parseRequest } from '../contract/validate';
import { todayIso } from '../sheets/cells';
import { logAction } from '../sheets/logSheet';
import {
  DISSOLVED,
  isWorkingPair,
  NEEDS_ATTENTION,
  openPairs,
  PROPOSED,
  readPairs,
  withHistoryLine,
  writePairs,
} from '../sheets/pairsSheet';
import { markSummaryStale } from '../sheets/summaryFreshness';
import { withLock } from '../state/lock';
import { sendCheckinLinks as sendCheckinMail } from '../year/checkin';
import { UserError } from './errors';
import { propose, readPeople, updateStatuses } from './pairing';
import { draftSettings, keepDraft, savedSettings } from './pairingDraft';
import { activeAccount } from './roles';

/** How many new mentors are shown for each returned mentee. */
const SHOWN_MENTORS = 3;

const lastLine = (text: string | undefined) => (text ?? '').split('\n').filter(Boolean).pop() ?? '';

export function getCheckin(): CheckinView {
  const pairs = readPairs(SpreadsheetApp.getActiveSpreadsheet());
  return {
    attention: pairs
      .filter((p) => p.status === NEEDS_ATTENTION && p.id)
      .map((p) => ({
        pairId: p.id,
        mentorName: p.mentorName,
        menteeNames: p.menteeNames,
        reason: lastLine(p.history) || 'Статус «требует внимания» поставлен вручную.',
      })),
  };
}

export function sendCheckinLinks(): SendLinksResult {
  return locked(() => sendCheckinMail(SpreadsheetApp.getActiveSpreadsheet()));
}

export function dissolvePair(sent: string): DissolveResult {
  const pairId = parseRequest(pairIdSchema, sent);
  return locked(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const opened = openPairs(ss);
    const pair = opened.rows.find((p) => p.id === pairId);
    if (!pair) throw new UserError(`Пары «${pairId}» нет на листе «Пары и группы» (столбец «ID»).`);
    if (!isWorkingPair(pair.status)) {
      throw new UserError(
        `Пара «${pairId}» на листе «Пары и группы» имеет статус «${pair.status || 'пусто'}»: расформировать ` +
          `можно только пару со статусом «утверждено» или «${NEEDS_ATTENTION}».`,
      );
    }
    const why = pair.status === NEEDS_ATTENTION ? 'по итогам промежуточного опроса' : 'по решению куратора';
    const note =
      `${formatRuDate(todayIso(ss.getSpreadsheetTimeZone()))}: расформирована (${activeAccount() || 'куратор'}) ` +
      `${why}; наставляемые возвращены в банк для нового подбора.`;
    writePairs(
      ss,
      opened.rows.map((p) =>
        p.id === pairId ? { ...p, status: DISSOLVED, history: withHistoryLine(p.history, note) } : p,
      ),
      opened,
    );
    const people = readPeople(ss);
    updateStatuses(
      people,
      people.pairs.filter((p) => isWorkingPair(p.status) || p.status === PROPOSED),
    );
    // The old mentor is excluded for these mentees in the kept settings, so «Сохранить» honours it too.
    const base = draftSettings() ?? savedSettings();
    const excluded = pair.menteeIds.map((menteeId) => ({ menteeId, mentorId: pair.mentorId }));
    const settings = {
      ...base,
      locks: base.locks.filter((l) => !excluded.some((x) => x.menteeId === l.menteeId)),
      exclusions: [
        ...base.exclusions.filter((e) => !excluded.some((x) => x.menteeId === e.menteeId && x.mentorId === e.mentorId)),
        ...excluded,
      ],
    };
    keepDraft(settings);
    const proposal = propose(people, settings);
    const name = (id: string) => people.names.get(id) ?? id;
    const proposals = pair.menteeIds.map((menteeId) => {
      const unit = proposal.units.find((u) => !u.fixed && u.menteeIds.includes(menteeId));
      const first = unit
        ? [{ mentorId: unit.mentorId, score: unit.pairs.find((x) => x.menteeId === menteeId)?.score ?? 0 }]
        : [];
      const others = (proposal.alternatives[menteeId] ?? []).map((a) => ({ mentorId: a.mentorId, score: a.score }));
      const mentors = [...first, ...others]
        .filter((m, i, all) => m.mentorId !== pair.mentorId && all.findIndex((x) => x.mentorId === m.mentorId) === i)
        .slice(0, SHOWN_MENTORS)
        .map((m) => ({ ...m, mentorName: name(m.mentorId) }));
      return { menteeId, menteeName: name(menteeId), mentors };
    });
    const message =
      `Пара ${pairId} расформирована, история сохранена на листе «Пары и группы» (столбец «История»). ` +
      `Наставляемые возвращены в банк: ${pair.menteeNames.join(', ') || pair.menteeIds.join(', ')}. ` +
      'Ниже — предложенные новые наставники; чтобы закрепить пару, нажмите «Подобрать», затем «Сохранить».';
    logAction(ss, 'Подбор пар', `Пара ${pairId} расформирована ${why}; наставляемые возвращены в банк.`);
    markSummaryStale();
    return { message, proposals };
  });
}

/** Under the add-on's lock, waiting 30 s as «Сохранить» does. */
function locked<T>(work: () => T): T {
  return withLock(
    () => {
      throw new UserError('Таблицу сейчас обновляет другой пользователь. Подождите минуту и повторите.');
    },
    work,
    30000,
  );
}
