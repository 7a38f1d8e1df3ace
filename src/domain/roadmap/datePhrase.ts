/**
 * Russian deadline phrases of a school roadmap («Февраль 2022 г.», «Апрель-май 2023 г.», «В течение
 * учебного года», «до 15 марта 2023», «01.09.2022–31.05.2023»…) → a structured span, and that span
 * → concrete ISO days for the period the school chose.
 */
import { daysInMonth, foldRu, isoDay, lastDayOfMonth, monthFromRussian } from '../dates';

/** A month of a phrase; `day` only when the phrase names one («15 марта 2023», «15.03.2023»). */
export interface MonthPoint {
  year: number;
  month: number;
  day?: number;
}

export type DatePhrase =
  | { kind: 'months'; from: MonthPoint; to: MonthPoint }
  /** «В течение учебного года»: 1 September – 31 May. */
  | { kind: 'schoolYear' }
  /** «В течение года»: the roadmap's whole span. */
  | { kind: 'wholePeriod' };

export interface Span {
  start: string;
  end: string;
}

/** A phrase that cannot be read; the message is Russian and quotes the phrase, ready for the user. */
export class DatePhraseError extends Error {
  constructor(
    readonly phrase: string,
    reason = 'ожидается, например, «Февраль 2022 г.» или «В течение учебного года»',
  ) {
    super(`Не удалось разобрать срок «${phrase.trim()}»: ${reason}.`);
    this.name = 'DatePhraseError';
  }
}

/**
 * The seed roadmap's whole span relative to its first year: February of year 0 (its earliest phrase,
 * «Февраль 2022 г.») to May of year 1 (its latest, «Апрель-май 2023 г.»). Kept as a constant so this
 * parser does not depend on the template; a unit test derives the span from the template and checks it.
 */
export const WHOLE_PERIOD = { from: { yearOffset: 0, month: 2 }, to: { yearOffset: 1, month: 5 } } as const;

/** The school year: 1 September of the first year – 31 May of the next. */
export const SCHOOL_YEAR = { from: { yearOffset: 0, month: 9 }, to: { yearOffset: 1, month: 5 } } as const;

const WHOLE_PERIOD_PHRASES = ['в течение года', 'в течение всего года', 'в течение периода', 'в течение всего периода'];
const SCHOOL_YEAR_PHRASES = ['в течение учебного года', 'в течение всего учебного года'];

/** «2022-2023 учебного года», «в 2022/2023 учебном году», «I полугодие 2022-2023 учебного года». */
const EXPLICIT_SCHOOL_YEAR =
  /^(?:(?:в|в течение) )?(?:(i|ii|1|2) полугодие )?(\d{4}) ?[-/] ?(\d{4}) учебн(?:ого|ый|ом) год(?:а|у)?$/;

/** Lower case, ё → е, one kind of dash, no «г.»/«года» after years, single spaces. */
function normalize(phrase: string): string {
  return foldRu(phrase)
    .replace(/\u00a0/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(\d{4})\s*(?:гг|г|года|год)\.?(?![а-я])/g, '$1')
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3.$2.$1') // ISO days, so their dashes are not ranges
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;]$/, '')
    .trim();
}

interface RawPoint {
  year?: number;
  month: number;
  day?: number;
}

/** «15.03.2023», «15 марта 2023», «март 2023», «март»; null when not a point. */
function parsePoint(text: string): RawPoint | null {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return { day: Number(dotted[1]), month: Number(dotted[2]), year: Number(dotted[3]) };
  const worded = /^(?:(\d{1,2}) )?([а-я]+)(?: (\d{4}))?$/.exec(text);
  if (!worded) return null;
  const month = monthFromRussian(worded[2]);
  if (month === null) return null;
  return {
    month,
    day: worded[1] === undefined ? undefined : Number(worded[1]),
    year: worded[3] === undefined ? undefined : Number(worded[3]),
  };
}

function point(year: number, month: number, day?: number): MonthPoint {
  return day === undefined ? { year, month } : { year, month, day };
}

/** Orders two points; a point without a day stands for its whole month. */
function pointKey(p: MonthPoint, end: boolean): number {
  return p.year * 10000 + p.month * 100 + (p.day ?? (end ? 99 : 0));
}

/** Parses a deadline phrase; throws DatePhraseError (Russian message) on anything it cannot read. */
export function parseDatePhrase(phrase: string): DatePhrase {
  const s = normalize(phrase);
  if (WHOLE_PERIOD_PHRASES.includes(s)) return { kind: 'wholePeriod' };
  if (SCHOOL_YEAR_PHRASES.includes(s)) return { kind: 'schoolYear' };

  const school = EXPLICIT_SCHOOL_YEAR.exec(s);
  if (school) {
    const [first, second] = [Number(school[2]), Number(school[3])];
    if (second !== first + 1) throw new DatePhraseError(phrase, 'учебный год должен охватывать два соседних года');
    const half = school[1];
    const fromMonth = half === 'ii' || half === '2' ? 1 : 9;
    const toMonth = half === 'i' || half === '1' ? 12 : 5;
    return {
      kind: 'months',
      from: { year: fromMonth === 9 ? first : second, month: fromMonth },
      to: { year: toMonth === 12 ? first : second, month: toMonth },
    };
  }

  // «до 15 марта 2023» is a deadline: the work is read as that month up to the day.
  let rest = s;
  let deadline = false;
  const prefix = /^(до|не позднее|с) /.exec(rest);
  if (prefix) {
    deadline = prefix[1] !== 'с';
    rest = rest.slice(prefix[0].length);
  }
  const parts = rest.split(/ ?- ?| (?:по|до) /);
  const points = parts.map(parsePoint);
  if (points.some((p) => p === null) || points.length > 2 || (deadline && points.length > 1)) {
    throw new DatePhraseError(phrase);
  }
  const [a, b = a] = points as RawPoint[];

  // A year written once applies to both ends; an end month before the start month is next year.
  const givenYear = b.year ?? a.year;
  if (givenYear === undefined) throw new DatePhraseError(phrase, 'не указан год');
  let from = point(a.year ?? givenYear, a.month, a.day);
  let to = point(b.year ?? givenYear, b.month, b.day);
  if ((a.year === undefined || b.year === undefined) && pointKey(to, true) < pointKey(from, false)) {
    to = { ...to, year: to.year + 1 };
  }
  if (deadline) from = point(to.year, to.month);

  for (const p of [from, to]) {
    if (p.month < 1 || p.month > 12) throw new DatePhraseError(phrase, `нет месяца с номером ${p.month}`);
    if (p.day !== undefined && (p.day < 1 || p.day > daysInMonth(p.year, p.month))) {
      throw new DatePhraseError(phrase, 'такой даты нет в календаре');
    }
  }
  if (pointKey(to, true) < pointKey(from, false)) throw new DatePhraseError(phrase, 'окончание раньше начала');
  return { kind: 'months', from, to };
}

/**
 * Concrete days for the chosen period. The seed's years map by offset: seedStartYear → startYear,
 * seedStartYear + 1 → startYear + 1. A month starts on the 1st and ends on its last day (leap years
 * included); an explicit day is kept (29 February shifted into a common year becomes the 28th).
 */
export function resolveSpan(parsed: DatePhrase, seedStartYear: number, startYear: number): Span {
  const offset = startYear - seedStartYear;
  switch (parsed.kind) {
    case 'months': {
      const { from, to } = parsed;
      const [y1, y2] = [from.year + offset, to.year + offset];
      return {
        start: isoDay(y1, from.month, Math.min(from.day ?? 1, daysInMonth(y1, from.month))),
        end:
          to.day === undefined
            ? lastDayOfMonth(y2, to.month)
            : isoDay(y2, to.month, Math.min(to.day, daysInMonth(y2, to.month))),
      };
    }
    case 'schoolYear':
      return yearSpan(SCHOOL_YEAR, startYear);
    case 'wholePeriod':
      return yearSpan(WHOLE_PERIOD, startYear);
  }
}

function yearSpan(range: typeof SCHOOL_YEAR | typeof WHOLE_PERIOD, startYear: number): Span {
  return {
    start: isoDay(startYear + range.from.yearOffset, range.from.month, 1),
    end: lastDayOfMonth(startYear + range.to.yearOffset, range.to.month),
  };
}
