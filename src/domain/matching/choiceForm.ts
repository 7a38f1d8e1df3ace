/**
 * «Выбор наставника» (issue 20.2): one form for the whole school, answered through personal links.
 *
 * Why one form and not one per mentee: every form the add-on keeps writes to this spreadsheet, and the
 * one spreadsheet form-submit trigger (one per user per document) files them all; a form per mentee
 * would add a response sheet per mentee and a form to build and publish each time. A Google Forms
 * dropdown cannot change its choices per respondent, so the three dropdowns list every mentor with
 * places, and what is personal comes through the prefilled link: the mentee's ID and a paragraph
 * with their own top mentors, each with the engine's one-line reason. Filing checks that the answer
 * came from the mentee's own address, so an edited ID changes nothing.
 */
import { MAX_TEXT_LENGTH, type ResolvedFormDefinition } from '../questionnaires/forms';
import { foldKey } from '../questionnaires/parse';
import { CHOICE_RANKS } from './choice';

export const CHOICE_FORM_KEY = 'mentorChoice';
export type ChoiceFormKey = typeof CHOICE_FORM_KEY;
export type ChoiceFormDefinition = Omit<ResolvedFormDefinition, 'key'> & { key: ChoiceFormKey };

export const CHOICE_FORM_TITLE = 'Выбор наставника';
export const RANK_KEYS = ['first', 'second', 'third'] as const;

/** A mentor as the dropdowns show them: the full name, with the ID when two share it. */
export interface ChoiceMentor {
  id: string;
  fullName: string;
}

export function mentorLabels(mentors: readonly ChoiceMentor[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const m of mentors) count.set(foldKey(m.fullName), (count.get(foldKey(m.fullName)) ?? 0) + 1);
  return new Map(
    mentors.map((m) => [m.id, (count.get(foldKey(m.fullName)) ?? 0) > 1 ? `${m.fullName} (${m.id})` : m.fullName]),
  );
}

/**
 * `mentors`: those the dropdowns offer; `bank`: every mentor in the bank, whose namesakes decide the
 * labels, so an answer reads back the same whichever mentors were offered (parseChoices gets the bank).
 */
export function choiceForm(options: {
  operator: string;
  mentors: readonly ChoiceMentor[];
  bank?: readonly ChoiceMentor[];
}): ChoiceFormDefinition {
  const all = mentorLabels(options.bank ?? options.mentors);
  const labels = options.mentors.map((m) => all.get(m.id) ?? m.fullName);
  // A list question cannot be empty.
  const choices = labels.length > 0 ? labels : ['(наставников с местами пока нет)'];
  const school = options.operator.replace(/\s+/g, ' ').trim() || 'Школа';
  return {
    key: CHOICE_FORM_KEY,
    title: CHOICE_FORM_TITLE,
    description:
      `${school} подбирает наставников. Ниже — наставники, которые лучше всего подходят по вашей анкете, ` +
      'и почему. Выберите до трёх по порядку: при подборе пар ваш выбор учитывается в первую очередь, ' +
      'если у наставника есть места и подходит формат работы.',
    confirmation: 'Спасибо! Ваш выбор получен и будет учтён при подборе пар.',
    collectEmail: true,
    questions: [
      {
        key: 'mentee',
        title: 'Ваш код участника',
        type: 'text',
        required: true,
        help: 'Заполнен по вашей личной ссылке; не меняйте его.',
      },
      {
        key: 'suggested',
        title: 'Предложенные вам наставники',
        type: 'paragraph',
        required: false,
        help: 'Список составлен по вашей анкете; менять его не нужно.',
      },
      ...CHOICE_RANKS.map((title, k) => ({
        key: RANK_KEYS[k],
        title,
        type: 'list' as const,
        required: k === 0,
        choices,
      })),
    ],
  };
}

/** The paragraph of a personal link: «1. Петрова Анна Сергеевна — совпадают запросы: …». */
export function suggestionText(items: readonly { name: string; reason: string }[]): string {
  if (items.length === 0) return 'Подходящих наставников с местами пока нет: выберите из списка любого.';
  return items.map((x, k) => `${k + 1}. ${x.name}${x.reason ? ` — ${x.reason}` : ''}`).join('\n');
}

/** The mentor ids an answer ranks, in order, repeats and unknown names dropped. */
export function parseChoices(answers: Record<string, string>, mentors: readonly ChoiceMentor[]): string[] {
  const byLabel = new Map([...mentorLabels(mentors)].map(([id, label]) => [foldKey(label), id]));
  const ids: string[] = [];
  for (const key of RANK_KEYS) {
    const text = (answers[key] ?? '').slice(0, MAX_TEXT_LENGTH);
    const id = byLabel.get(foldKey(text));
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
