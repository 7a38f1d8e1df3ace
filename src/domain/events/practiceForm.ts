/**
 * «Методическая копилка: предложить практику» — a form any teacher may fill in (the sidebar's
 * «Добавить практику» is the staff's way). A proposal lands on «Методическая копилка» as «предложена»;
 * the author's name is published with the practice only with their consent, which the form asks for.
 */
import type { ResolvedFormDefinition } from '../questionnaires/forms';
import { MAX_PARAGRAPH_LENGTH, MAX_TEXT_LENGTH } from '../questionnaires/forms';
import { cleanText } from '../monitoring/parse';
import { foldKey, matchChoice } from '../questionnaires/parse';
import { looksLikeLink } from './rules';
import type { Practice } from './types';

export const PRACTICE_CONSENT_CHOICE =
  'Согласен(на) на размещение практики с моим именем в методической копилке и на сайте школы';

export type PracticeFormDefinition = Omit<ResolvedFormDefinition, 'key'> & { key: 'practice' };

export function practiceForm(options: { operator: string; competences: readonly string[] }): PracticeFormDefinition {
  const school = options.operator.replace(/\s+/g, ' ').trim() || 'Школа';
  return {
    key: 'practice',
    title: 'Методическая копилка: предложить практику',
    description:
      `${school} собирает лучшие практики наставничества. Опишите свою практику коротко: что делаете, ` +
      'зачем и что получается. Методист рассмотрит предложение; одобренные практики войдут в аналитическую ' +
      'справку и могут быть опубликованы в разделе «Методическая работа» сайта школы.',
    // Sent before the add-on reads the proposal: nothing here says it was kept.
    confirmation: 'Предложение получено. Методист рассмотрит его и, если чего-то не хватит, свяжется с вами.',
    collectEmail: true,
    questions: [
      { key: 'title', title: 'Название практики', type: 'text', required: true },
      {
        key: 'author',
        title: 'Автор (ФИО)',
        type: 'text',
        required: true,
        help: 'Как указывать в копилке и на сайте, например: Иванова Мария Петровна',
      },
      {
        key: 'competence',
        title: 'К какой профессиональной задаче относится',
        type: 'list',
        required: false,
        choices: [...options.competences],
      },
      { key: 'description', title: 'Краткое описание', type: 'paragraph', required: true },
      {
        key: 'materials',
        title: 'Ссылка на материалы',
        type: 'text',
        required: false,
        help: 'Папка или документ на Диске, страница сайта; необязательно',
      },
      {
        key: 'consent',
        title: 'Согласие на размещение',
        type: 'checkbox',
        required: true,
        help: 'Без этой отметки предложение не сохраняется.',
        choices: [PRACTICE_CONSENT_CHOICE],
      },
    ],
  };
}

export type PracticeParseResult =
  | { ok: true; practice: Omit<Practice, 'id' | 'status'> }
  | { ok: false; reason: 'noConsent' | 'invalid'; message: string };

/** A proposal → a practice; text made harmless, a materials text that is not a link kept in the description. */
export function parsePractice(def: PracticeFormDefinition, answers: Record<string, string>): PracticeParseResult {
  const consent = (answers.consent ?? '').split(/,\s*/).some((v) => foldKey(v).startsWith('согласен'));
  if (!consent)
    return { ok: false, reason: 'noConsent', message: 'Нет согласия на размещение: предложение не сохранено' };
  const title = cleanText(answers.title ?? '', MAX_TEXT_LENGTH, false);
  const author = cleanText(answers.author ?? '', MAX_TEXT_LENGTH, false);
  let description = cleanText(answers.description ?? '', MAX_PARAGRAPH_LENGTH, true);
  if (!title || !author || !description) {
    return { ok: false, reason: 'invalid', message: 'Нет названия, автора или описания практики' };
  }
  const competenceChoices = def.questions.find((q) => q.key === 'competence')?.choices;
  const competenceText = cleanText(answers.competence ?? '', MAX_TEXT_LENGTH, false);
  const competence = matchChoice(competenceText, competenceChoices) ?? competenceText;
  let materials = cleanText(answers.materials ?? '', MAX_TEXT_LENGTH, false);
  if (materials && !looksLikeLink(materials)) {
    description = cleanText(`${description}\nМатериалы: ${materials}`, MAX_PARAGRAPH_LENGTH, true);
    materials = '';
  }
  return { ok: true, practice: { title, author, competence, description, materials } };
}
