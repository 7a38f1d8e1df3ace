/**
 * The year rollover's rules, as data: which pairs go on into the next school year, which of their
 * program activities carry over, and the bank history line each person gets.
 */
import type { MonitoringRecord } from '../monitoring';
import type { ActivityStatus } from '../programs';
import { periodLabel } from '../roadmap';

export { rolloverNotice } from './notice';

/** A pair as the rollover needs it (from «Пары и группы»). */
export interface RolloverPair {
  id: string;
  status: string;
  mentorId: string;
  menteeIds: string[];
}

/** The mentor's readiness answers (final monitoring) that mean «I go on». */
const READY = new Set(['да', 'скорее да']);
/**
 * The final monitoring asks mentees no «continue?» question: a mentee goes on when they answered it
 * about this pair and rated their mentor at least this high (a low mark is the check-in's alarm too).
 */
export const MENTEE_CONTINUES_FROM = 6;

/**
 * Pairs at work (`working`: confirmed, or flagged by the January check-in) whose both sides want to
 * go on: the mentor answered «Да» or «Скорее да» to the readiness question and every mentee rated the
 * mentor MENTEE_CONTINUES_FROM or higher, in their latest answers of the year about this pair. The May
 * monitoring is later evidence than the check-in, so a flagged pair goes on by the same rule. Nobody
 * who withdrew the consent goes on.
 */
export function continuingPairs(
  pairs: readonly RolloverPair[],
  records: readonly MonitoringRecord[],
  withdrawn: ReadonlySet<string>,
  working: (status: string) => boolean,
): Set<string> {
  const latest = new Map<string, MonitoringRecord>();
  for (const r of records) {
    const key = `${r.pairId}\n${r.personId}`;
    const seen = latest.get(key);
    if (!seen || seen.submittedAt < r.submittedAt) latest.set(key, r);
  }
  const answer = (pairId: string, personId: string) => latest.get(`${pairId}\n${personId}`);
  const out = new Set<string>();
  for (const pair of pairs) {
    if (!working(pair.status) || !pair.id || pair.menteeIds.length === 0) continue;
    const people = [pair.mentorId, ...pair.menteeIds];
    if (people.some((id) => withdrawn.has(id))) continue;
    const mentor = answer(pair.id, pair.mentorId);
    if (!mentor || !READY.has(mentor.readiness.trim().toLowerCase())) continue;
    const menteesGoOn = pair.menteeIds.every(
      (id) => (answer(pair.id, id)?.scores.satisfactionMentor ?? 0) >= MENTEE_CONTINUES_FROM,
    );
    if (menteesGoOn) out.add(pair.id);
  }
  return out;
}

/** An activity still to do: neither done nor cancelled (planned or postponed). */
export function unfinished(status: ActivityStatus): boolean {
  return status !== 'выполнено' && status !== 'отменено';
}

/** The same calendar day a year later (29 February → 28 February), as an ISO day; '' stays ''. */
export function nextYearDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const year = Number(m[1]) + 1;
  const day = m[2] === '02' && m[3] === '29' ? '28' : m[3];
  return `${year}-${m[2]}-${day}`;
}

/** The bank history line of the year just closed: «2026–2027: …», naming each pair of the person. */
export function yearHistoryLine(period: string, pairIds: readonly string[], going: ReadonlySet<string>): string {
  const toBank = 'в новом учебном году — в банке для подбора';
  if (pairIds.length === 0) return `${period}: без пары; ${toBank}`;
  const on = pairIds.filter((id) => going.has(id));
  if (pairIds.length === 1) {
    return `${period}: в паре ${pairIds[0]}; ${on.length ? 'пара продолжает работу в новом учебном году' : toBank}`;
  }
  const tail = on.length ? `продолжает работу в новом учебном году: ${on.join(', ')}` : toBank;
  return `${period}: в парах ${pairIds.join(', ')}; ${tail}`;
}

/** True when the history already has the line of `period` (the rollover ran before). */
export function hasYearLine(history: string, period: string): boolean {
  return history.split('\n').some((line) => line.startsWith(`${period}:`));
}

/** The «История» line of a flagged pair that goes on: the final monitoring outweighs the check-in. */
export function goesOnLine(period: string): string {
  return `${period}: по итоговому мониторингу обе стороны хотят продолжить — пара продолжает работу в новом учебном году`;
}

/**
 * The final monitoring is in May: from 1 May of the year's end the rollover may close it (the demo
 * school lives on 14 May); before that the year is still running.
 */
const FIRST_ROLLOVER_MONTH = 5;

/**
 * Why the add-on may not go back from `fromYear` to `toYear`, a year a rollover closed: its sheets are
 * read-only archives, and a new roadmap for it would stand beside the next year's pairs and programs.
 */
export function closedYearRefusal(fromYear: number, toYear: number): string {
  return (
    `Учебный год ${periodLabel(toYear)} закрыт: его листы — в архиве, только для просмотра. ` +
    `Вернуться к нему нельзя: выберите в поле «Учебный год» ${periodLabel(fromYear)}.`
  );
}

/**
 * Why the rollover from `fromYear` to `toYear` may not run on `todayIso` (Russian, for the setup
 * dialog), or null. Years close one at a time, and only a year that has reached its end.
 */
export function rolloverRefusal(fromYear: number, toYear: number, todayIso: string): string | null {
  const [from, next, to] = [periodLabel(fromYear), periodLabel(fromYear + 1), periodLabel(toYear)];
  if (toYear > fromYear + 1) {
    return `Дополнение ведёт ${from} учебный год, а выбран ${to}. Годы закрываются по одному: выберите в поле «Учебный год» ${next}.`;
  }
  const opens = `${fromYear + 1}-${String(FIRST_ROLLOVER_MONTH).padStart(2, '0')}-01`;
  if (todayIso >= opens) return null;
  return (
    `Учебный год ${from} ещё идёт. Переход на ${next} закрывает его: листы года уходят в архив, статусы в банках ` +
    `сбрасываются. Поэтому он возможен с 1 мая ${fromYear + 1} г., когда пройдёт итоговый мониторинг. ` +
    `Сейчас выберите в поле «Учебный год» ${from}.`
  );
}
