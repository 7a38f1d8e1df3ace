/**
 * The mentee's own choice (issue 20.2): up to three mentors ranked on «Выбор наставника». The engine
 * adds a large bonus per rank to the score the optimal assignment maximises (match.ts), so a choice wins
 * over any difference of fit, yet capacities, forms and the optimum over the whole school still hold:
 * when two mentees want the same one-place mentor, the solver gives it where the school's total is
 * highest, not to whoever answered first.
 */
import { surnameInitials } from '../documents/names';
import { CRITERIA, POINTS_PER_WEIGHT, type Weights } from './score';

/** The form's questions, in rank order. */
export const CHOICE_RANKS = ['Первый выбор', 'Второй выбор', 'Третий выбор'] as const;

const RANK_WORDS = ['первый', 'второй', 'третий'] as const;

/**
 * The bonus of rank r (0 = first): (3 − r) steps, each above the largest score a pair can have, so
 * any first choice outweighs any fit and a second choice outweighs a third.
 */
export function choiceBonus(weights: Readonly<Weights>, rank: number): number {
  if (rank < 0 || rank >= CHOICE_RANKS.length) return 0;
  const maxScore = Math.ceil(POINTS_PER_WEIGHT * CRITERIA.reduce((s, c) => s + weights[c], 0));
  return (CHOICE_RANKS.length - rank) * (maxScore + 1);
}

/** «выбор наставляемого: второй». */
export const choiceGivenNote = (rank: number): string => `${RANK_WORDS[rank]} выбор наставляемого`;

/** «первый выбор — Иванов А. А. — не учтён: у наставника нет свободных мест». */
export const firstChoiceMissedNote = (mentorName: string, reason: string): string =>
  `первый выбор — ${surnameInitials(mentorName) || mentorName} — не учтён: ${reason}`;

/** Why a first choice could not be given (the caller picks one). */
export const CHOICE_REASONS = {
  unknown: 'наставника нет в банке',
  noPlaces: 'у наставника нет свободных мест',
  confirmed: 'наставник уже ведёт утверждённую пару (группу)',
  groupOnly: 'не подходит формат: наставник работает только с группой, а группу к нему набрать не удалось',
  locked: 'методист закрепил наставляемого за другим наставником',
  optimum: 'так больше наставляемых школы получают наставника',
} as const;
