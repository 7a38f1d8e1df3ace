/**
 * A respondent submitting a form: answers checked as Google Forms checks them (a refused submission
 * writes nothing), the response stored, the row appended to the response sheet. Firing the add-on's
 * triggers with the row is the workspace's job (workspace.ts), since it owns the script runtime.
 */
import { requireForm, type FormsCtx } from './context';
import { appendResponseRow, type WrittenRow } from './destination';
import { isQuestion, type FormModel, type ItemModel, type ResponseModel } from './model';

export type Answers = Record<string, string | string[] | undefined>;

export interface SubmitOptions {
  /** The respondent's e-mail (required when the form collects e-mails). */
  email?: string;
}

export interface SubmitResult {
  formId: string;
  response: ResponseModel;
  /** The row written to the response sheet; null when the form has no destination. */
  written: WrittenRow | null;
}

/** A refused submission: every problem in Russian, as the form page shows them. */
export class FormSubmitError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'FormSubmitError';
  }
}

const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function isValidEmail(email: string): boolean {
  return EMAIL_RE.test(email);
}

function blank(v: string | string[] | undefined): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v)) return v.every((x) => x.trim() === '');
  return v.trim() === '';
}

/**
 * A date answer as the form page's date field sends it ("2026-10-14"; "10-14" without the year) →
 * its parts, or null when it is no day of the calendar. Google's date field accepts only real days.
 */
export function parseDateAnswer(
  text: string,
  includesYear: boolean,
): { year: number | null; month: number; day: number } | null {
  const m = includesYear ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim()) : /^()(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = includesYear ? Number(m[1]) : null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  // Without the year, 29 February is a day (of leap years).
  const probe = new Date(Date.UTC(year ?? 2000, month - 1, day));
  if (year !== null && year < 1) return null;
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? { year, month, day } : null;
}

/** Checks one answer; returns the problem in Russian or null. */
function checkAnswer(item: ItemModel, v: string | string[]): string | null {
  const q = `«${item.title}»`;
  const inChoices = (x: string) => item.choices.includes(x) || item.otherOption;
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT':
      return typeof v === 'string' ? null : `Вопрос ${q}: ответ должен быть текстом.`;
    case 'MULTIPLE_CHOICE':
    case 'LIST': {
      if (typeof v !== 'string') return `Вопрос ${q}: можно выбрать только один вариант.`;
      const ok = item.type === 'LIST' ? item.choices.includes(v) : inChoices(v);
      return ok ? null : `Вопрос ${q}: варианта «${v}» нет в списке.`;
    }
    case 'CHECKBOX': {
      if (!Array.isArray(v)) return `Вопрос ${q}: ответ должен быть списком отмеченных вариантов.`;
      const bad = v.find((x) => typeof x !== 'string' || !inChoices(x));
      if (bad !== undefined) return `Вопрос ${q}: варианта «${String(bad)}» нет в списке.`;
      return new Set(v).size === v.length ? null : `Вопрос ${q}: вариант отмечен дважды.`;
    }
    case 'SCALE': {
      const n = typeof v === 'string' && /^\d{1,2}$/.test(v.trim()) ? Number(v) : NaN;
      return n >= item.lowerBound && n <= item.upperBound
        ? null
        : `Вопрос ${q}: выберите число от ${item.lowerBound} до ${item.upperBound}.`;
    }
    case 'DATE':
      return typeof v === 'string' && parseDateAnswer(v, item.includesYear)
        ? null
        : item.includesYear
          ? `Вопрос ${q}: укажите дату (день, месяц и год).`
          : `Вопрос ${q}: укажите дату (день и месяц).`;
    default:
      return `Вопрос ${q}: на него нельзя ответить.`;
  }
}

/** Validates the answers; returns the problems and the answers to store, in form order. */
export function checkSubmission(
  form: FormModel,
  answers: Answers,
  options: SubmitOptions,
): { problems: string[]; stored: ResponseModel['answers'] } {
  const problems: string[] = [];
  const stored: ResponseModel['answers'] = [];
  if (!form.published)
    problems.push(`Форма «${form.title}» не опубликована: её автор ещё не открыл доступ для ответов.`);
  else if (!form.acceptingResponses) problems.push(`Форма «${form.title}» больше не принимает ответы.`);
  if (form.collectEmail) {
    const email = (options.email ?? '').trim();
    if (email === '') problems.push('Укажите адрес электронной почты: это обязательное поле.');
    else if (!isValidEmail(email)) problems.push(`Адрес электронной почты «${email}» указан неверно.`);
  }
  const questions = form.items.filter((i) => isQuestion(i) && i.title !== '');
  for (const title of Object.keys(answers)) {
    if (!questions.some((i) => i.title === title)) problems.push(`В форме нет вопроса «${title}».`);
  }
  const seen = new Set<string>();
  for (const item of questions) {
    // Two questions with one title: answers address the first (titles are the keys).
    if (seen.has(item.title)) continue;
    seen.add(item.title);
    const v = answers[item.title];
    if (blank(v)) {
      if (item.required) problems.push(`«${item.title}» — это обязательный вопрос.`);
      continue;
    }
    const value = Array.isArray(v) ? v.filter((x) => typeof x !== 'string' || x.trim() !== '') : v!;
    const problem = checkAnswer(item, value);
    if (problem) problems.push(problem);
    else stored.push({ itemId: item.id, value: Array.isArray(value) ? [...value] : value });
  }
  return { problems, stored };
}

/**
 * Submits a response to `formId` at the current simulated time. Throws FormSubmitError (nothing
 * written) when Google Forms would refuse it.
 */
export function submitResponse(
  ctx: FormsCtx,
  formId: string,
  answers: Answers,
  options: SubmitOptions = {},
): SubmitResult {
  const form = requireForm(ctx, formId);
  const { problems, stored } = checkSubmission(form, answers, options);
  if (problems.length > 0) throw new FormSubmitError(problems);
  const response: ResponseModel = {
    id: `resp-${String(ctx.forms.nextResponseNumber++).padStart(6, '0')}`,
    timestampMs: ctx.env.now(),
    email: form.collectEmail ? (options.email ?? '').trim() : '',
    answers: stored,
  };
  form.responses.push(response);
  const written = appendResponseRow(ctx.spreadsheet, form, response);
  return { formId, response, written };
}
