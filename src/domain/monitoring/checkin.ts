/**
 * The mid-year check-in («Промежуточная встреча-опрос»): a short form both sides of every confirmed
 * pair answer in January, and the rule that flags a pair needing attention. The person comes from the
 * banks (by the e-mail the form collected), the pair from the prefilled choice, as in monitoring.
 */
import { normalizeEmail } from '../questionnaires/email';
import { MAX_PARAGRAPH_LENGTH, type ResolvedQuestion } from '../questionnaires/forms';
import { matchChoice, type Answers, type SubmissionMeta } from '../questionnaires/parse';
import { pairIdFromChoice, SCALE_HIGH, SCALE_LOW, type YearFormDefinition } from './forms';
import { cleanText } from './parse';

export const CHECKIN_TITLE = 'Промежуточная встреча-опрос: как идёт работа пары';

/** Question keys of the check-in form. */
export const CQ = {
  pair: 'pair',
  mark: 'checkinMark',
  frequency: 'checkinFrequency',
  continue: 'checkinContinue',
  comment: 'checkinComment',
} as const;

export const FREQUENCY_CHOICES: readonly string[] = [
  'Раз в неделю и чаще',
  'Раз в две недели',
  'Раз в месяц',
  'Реже раза в месяц',
  'Пока не встречались',
];
export const CONTINUE_YES = 'Да, продолжаем';
export const CONTINUE_NO = 'Не хочу продолжать';

/** A mark at or below this flags the pair. */
export const LOW_MARK = 4;

export function checkinForm(operator: string, pairChoices: readonly string[]): YearFormDefinition {
  const school = operator.replace(/\s+/g, ' ').trim() || 'Школа';
  const questions: ResolvedQuestion[] = [
    {
      key: CQ.pair,
      title: 'Наставническая пара (группа)',
      type: 'list',
      required: true,
      help: 'Заполнено автоматически по вашей личной ссылке. Если поле пустое — выберите свою пару',
      choices: [...pairChoices],
    },
    {
      key: CQ.mark,
      title: 'Как идёт работа в паре?',
      type: 'scale',
      required: true,
      help: `От ${SCALE_LOW} до ${SCALE_HIGH}: ${SCALE_LOW} — совсем не получается, ${SCALE_HIGH} — всё отлично`,
      scale: { low: SCALE_LOW, high: SCALE_HIGH, lowLabel: 'Совсем не получается', highLabel: 'Всё отлично' },
    },
    {
      key: CQ.frequency,
      title: 'Как часто вы встречаетесь?',
      type: 'multipleChoice',
      required: true,
      choices: [...FREQUENCY_CHOICES],
    },
    {
      key: CQ.continue,
      title: 'Хотите ли вы продолжать работу в этой паре?',
      type: 'multipleChoice',
      required: true,
      choices: [CONTINUE_YES, CONTINUE_NO],
    },
    {
      key: CQ.comment,
      title: 'Комментарий',
      type: 'paragraph',
      required: false,
      help: 'Необязательно: что мешает или что помогло бы. Только о работе, без оценок людей',
    },
  ];
  return {
    key: 'checkin',
    title: CHECKIN_TITLE,
    description:
      `${school} в середине года спрашивает участников наставнических пар, как идёт работа. Ответ займёт ` +
      '2 минуты. Ответы видят только ответственные за наставничество в школе; если паре нужна помощь, ' +
      'куратор свяжется с вами. Если отправить ответ ещё раз, он заменит прежний.',
    confirmation: 'Спасибо! Ваш ответ получен.',
    collectEmail: true,
    questions,
  };
}

export interface CheckinAnswer {
  personId: string;
  pairId: string;
  mark: number;
  frequency: string;
  wantsToContinue: boolean;
  comment: string;
  submittedAt: string;
}

export interface CheckinLookup {
  /** The bank ids of the people with consent at a normalized e-mail (a teacher may be in both banks). */
  personIdsByEmail(email: string): string[];
  /** The working pairs (confirmed or needing attention) the person is in. */
  pairsOf(personId: string): string[];
}

export type CheckinParseResult = { ok: true; answer: CheckinAnswer } | { ok: false; message: string };

export function parseCheckin(
  def: YearFormDefinition,
  answers: Answers,
  meta: SubmissionMeta,
  lookup: CheckinLookup,
): CheckinParseResult {
  const text = (key: string) => {
    const raw = answers[key];
    if (raw === null || raw === undefined) return '';
    return cleanText(typeof raw === 'string' ? raw : raw.join(', '), MAX_PARAGRAPH_LENGTH, key === CQ.comment);
  };
  const choice = (key: string) => {
    const q = def.questions.find((x) => x.key === key);
    return matchChoice(text(key), q?.choices) ?? '';
  };
  const ids = lookup.personIdsByEmail(normalizeEmail(meta.email ?? ''));
  if (ids.length === 0) {
    return {
      ok: false,
      message: 'Адрес, с которого отправлен ответ, не найден в базе наставляемых и наставников: ответ не учтён',
    };
  }
  const pairId = pairIdFromChoice(text(CQ.pair));
  if (!pairId) return { ok: false, message: 'Не выбрана пара (группа)' };
  // In both banks, the teacher answers as the side they are in this pair.
  const personId = ids.find((id) => lookup.pairsOf(id).includes(pairId));
  if (!personId) {
    return { ok: false, message: `Отвечающий не участвует в утверждённой паре (группе) ${pairId}` };
  }
  const markText = text(CQ.mark);
  const mark = Number(markText);
  if (!/^\d{1,2}$/.test(markText) || mark < SCALE_LOW || mark > SCALE_HIGH) {
    return { ok: false, message: `Оценка работы пары должна быть целым числом от ${SCALE_LOW} до ${SCALE_HIGH}` };
  }
  const cont = choice(CQ.continue);
  if (cont === '') return { ok: false, message: 'Нет ответа на вопрос, хотите ли вы продолжать работу в паре' };
  return {
    ok: true,
    answer: {
      personId,
      pairId,
      mark,
      frequency: choice(CQ.frequency) || text(CQ.frequency),
      wantsToContinue: cont === CONTINUE_YES,
      comment: text(CQ.comment),
      submittedAt: String(meta.timestamp ?? ''),
    },
  };
}

/** Why the answer flags its pair (Russian, no answer text), or null when all is well. */
export function attentionReason(answer: CheckinAnswer, role: string): string | null {
  const reasons: string[] = [];
  if (answer.mark <= LOW_MARK) reasons.push(`оценка работы пары ${answer.mark} из ${SCALE_HIGH}`);
  if (!answer.wantsToContinue) reasons.push('не хочет продолжать');
  return reasons.length > 0 ? `${role} (${answer.personId}): ${reasons.join(', ')}` : null;
}
