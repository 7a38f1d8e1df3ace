/**
 * The three questionnaires as data: «Анкета наставляемого» (stage 2, the mentee bank), «Анкета
 * наставника» (stage 3, the mentor bank) and «Отзыв согласия». The form layer builds Google Forms from
 * these definitions and maps responses back by the stable question keys; the email is collected by
 * the form itself (collectEmail), never asked as a question.
 */
import { consentText, dutiesConsentText, WITHDRAWAL_FORM_TITLE, type ConsentOptions } from './consent';
import { cleanList, DEFAULT_LISTS, type ListName } from './lists';

export type FormKey = 'mentee' | 'mentor' | 'withdrawal';

export const FORM_KEYS: readonly FormKey[] = ['mentee', 'mentor', 'withdrawal'];

/** 'date' is Forms' date question: the respondent picks a real day, and it reaches the sheet as a date. */
export type QuestionType = 'text' | 'paragraph' | 'multipleChoice' | 'checkbox' | 'list' | 'scale' | 'date';

export interface ScaleDefinition {
  low: number;
  high: number;
  lowLabel: string;
  highLabel: string;
}

export interface QuestionDefinition {
  /** Stable: responses are mapped by it, whatever staff rename the question to. */
  key: string;
  /** What the teacher sees. */
  title: string;
  type: QuestionType;
  required: boolean;
  help?: string;
  /** Fixed choices, or a list of «Справочники». */
  choices?: readonly string[] | { list: ListName };
  /** The form adds its own «Другое» option with a text field (multipleChoice and checkbox only). */
  other?: boolean;
  scale?: ScaleDefinition;
}

export interface FormDefinition {
  key: FormKey;
  title: string;
  /** Why and how the data is used, in plain Russian for a teacher. */
  description: string;
  /** Shown after the answer is sent. */
  confirmation: string;
  collectEmail: true;
  questions: readonly QuestionDefinition[];
}

/** A definition whose key is known to the type checker, so parseSubmission returns the right record. */
export type FormDefinitionOf<K extends FormKey> = FormDefinition & { key: K };

/** A question with its choices resolved to plain strings. */
export type ResolvedQuestion = Omit<QuestionDefinition, 'choices'> & { choices?: readonly string[] };

export type ResolvedFormDefinition = Omit<FormDefinition, 'questions'> & { questions: readonly ResolvedQuestion[] };

/** The only choice of the consent question; a response without it has no consent. */
export const CONSENT_CHOICE = 'Даю согласие на обработку моих персональных данных на условиях, изложенных выше';
export const DUTIES_YES = 'Да, согласен(на) выполнять дополнительные обязанности наставника';
export const DUTIES_NO = 'Нет';
export const WITHDRAWAL_CHOICE =
  'Отзываю согласие на обработку моих персональных данных и прошу удалить их из базы наставничества';
/** How many mentees a mentor can take: the choices of the capacity question. */
export const CAPACITY_CHOICES: readonly string[] = ['1', '2', '3', '4', '5'];

/** Answer length limits, characters: a single-line answer (and a «Другое» text) and a paragraph. */
export const MAX_TEXT_LENGTH = 500;
export const MAX_PARAGRAPH_LENGTH = 2000;

const fullName: QuestionDefinition = {
  key: 'fullName',
  title: 'Фамилия, имя, отчество',
  type: 'text',
  required: true,
  help: 'Полностью, например: Иванова Мария Петровна',
};

const position: QuestionDefinition = {
  key: 'position',
  title: 'Должность',
  type: 'list',
  required: true,
  choices: { list: 'positions' },
};

const subjects = (title: string): QuestionDefinition => ({
  key: 'subjects',
  title,
  type: 'checkbox',
  required: true,
  help: 'Можно выбрать несколько',
  choices: { list: 'subjects' },
  other: true,
});

const experience: QuestionDefinition = {
  key: 'experience',
  title: 'Педагогический стаж (полных лет)',
  type: 'text',
  required: true,
  help: 'Числом, например: 3. Если меньше года — 0',
};

const category: QuestionDefinition = {
  key: 'category',
  title: 'Квалификационная категория',
  type: 'multipleChoice',
  required: true,
  choices: { list: 'categories' },
};

const mode: QuestionDefinition = {
  key: 'mode',
  title: 'Удобный формат встреч',
  type: 'multipleChoice',
  required: true,
  choices: { list: 'formatsMode' },
};

const times: QuestionDefinition = {
  key: 'times',
  title: 'Удобное время для встреч',
  type: 'checkbox',
  required: false,
  help: 'Можно выбрать несколько',
  choices: { list: 'times' },
  other: true,
};

const note = (title: string, help: string): QuestionDefinition => ({
  key: 'note',
  title,
  type: 'paragraph',
  required: false,
  help,
});

const consent = (options: ConsentOptions): QuestionDefinition => ({
  key: 'consent',
  title: 'Согласие на обработку персональных данных',
  type: 'checkbox',
  required: true,
  help: consentText(options),
  choices: [CONSENT_CHOICE],
});

const PRIVACY =
  'Ответы видят только ответственные за наставничество в школе; они хранятся в таблице школы в Google ' +
  'Workspace и не передаются третьим лицам. Если отправить анкету ещё раз с того же адреса, ответы ' +
  `обновятся. Отозвать согласие можно в любой момент через форму «${WITHDRAWAL_FORM_TITLE}».`;

export function menteeForm(options: ConsentOptions): FormDefinitionOf<'mentee'> {
  return {
    key: 'mentee',
    title: 'Анкета наставляемого',
    description:
      `${options.operator.trim()} выстраивает систему наставничества педагогов. Расскажите, в чём вам нужна ` +
      'поддержка: по вашим ответам мы подберём наставника (или группу), вместе составим программу ' +
      'наставничества с учётом ваших запросов и удобного времени. Анкета займёт 5 минут.\n\n' +
      PRIVACY,
    confirmation:
      'Спасибо! Ваша анкета получена. Куратор наставничества свяжется с вами, когда будет подобран наставник.',
    collectEmail: true,
    questions: [
      fullName,
      position,
      subjects('Предмет(ы), который(е) вы преподаёте'),
      experience,
      category,
      {
        key: 'requests',
        title: 'Профессиональные затруднения и запросы: в чём вам нужна поддержка наставника?',
        type: 'checkbox',
        required: true,
        help: 'Отметьте всё, что актуально. Если нужного нет в списке — напишите в поле «Другое»',
        choices: { list: 'competences' },
        other: true,
      },
      {
        key: 'formatKind',
        title: 'Предпочтительная форма наставничества',
        type: 'multipleChoice',
        required: true,
        help: 'Индивидуальная — вы и наставник; групповая — несколько педагогов с одним наставником',
        choices: { list: 'formatsKind' },
      },
      mode,
      times,
      note('Что ещё важно знать наставнику?', 'Необязательно: ожидания, пожелания к наставнику, удобные дни'),
      consent(options),
    ],
  };
}

export function mentorForm(options: ConsentOptions): FormDefinitionOf<'mentor'> {
  return {
    key: 'mentor',
    title: 'Анкета наставника',
    description:
      `${options.operator.trim()} формирует базу наставников из опытных педагогов. Отметьте, каким опытом ` +
      'вы готовы делиться и сколько коллег готовы сопровождать: по ответам мы подберём вам наставляемых с ' +
      'подходящими запросами. Наставник назначается только с его согласия, которое вы можете дать в этой ' +
      'анкете.\n\n' +
      PRIVACY,
    confirmation: 'Спасибо! Ваша анкета получена. Куратор наставничества свяжется с вами при подборе пар и групп.',
    collectEmail: true,
    questions: [
      fullName,
      position,
      subjects('Предмет(ы), который(е) вы преподаёте'),
      experience,
      category,
      {
        key: 'competences',
        title: 'В чём вы готовы помогать коллегам?',
        type: 'checkbox',
        required: true,
        help: 'Компетенции и опыт, которыми вы готовы делиться. Если нужного нет в списке — напишите в поле «Другое»',
        choices: { list: 'competences' },
        other: true,
      },
      {
        key: 'capacity',
        title: 'Скольких наставляемых вы готовы сопровождать одновременно?',
        type: 'list',
        required: true,
        choices: CAPACITY_CHOICES,
      },
      {
        key: 'formatKinds',
        title: 'Формы наставничества, которые вам подходят',
        type: 'checkbox',
        required: true,
        help: 'Индивидуальная — один наставляемый; групповая — несколько педагогов',
        choices: { list: 'formatsKind' },
      },
      mode,
      times,
      note('Что ещё вы хотите сообщить?', 'Необязательно: опыт наставничества, пожелания'),
      {
        key: 'dutiesConsent',
        title: 'Согласие на выполнение дополнительных обязанностей наставника',
        type: 'multipleChoice',
        required: true,
        help: dutiesConsentText(options.operator),
        choices: [DUTIES_YES, DUTIES_NO],
      },
      consent(options),
    ],
  };
}

export function withdrawalForm(options: ConsentOptions): FormDefinitionOf<'withdrawal'> {
  return {
    key: 'withdrawal',
    title: WITHDRAWAL_FORM_TITLE,
    description:
      `Эта форма отзывает ваше согласие на обработку персональных данных в системе наставничества ` +
      `${options.operator.trim()}. Укажите тот же адрес электронной почты, что и в анкете: ваши ответы ` +
      'будут удалены из базы наставляемых и наставников, из ответов на анкеты и из списков пар.',
    confirmation: 'Ваше согласие отозвано. Персональные данные, указанные в анкетах, будут удалены.',
    collectEmail: true,
    questions: [
      {
        key: 'fullName',
        title: 'Фамилия, имя, отчество',
        type: 'text',
        required: false,
        help: 'Необязательно: поможет, если вы заполняли анкету с другого адреса',
      },
      {
        key: 'confirm',
        title: 'Подтверждение',
        type: 'checkbox',
        required: true,
        choices: [WITHDRAWAL_CHOICE],
      },
      {
        key: 'reason',
        title: 'Причина (необязательно)',
        type: 'paragraph',
        required: false,
      },
    ],
  };
}

/** All three questionnaires, in menu order. */
export function formDefinitions(options: ConsentOptions): FormDefinition[] {
  return [menteeForm(options), mentorForm(options), withdrawalForm(options)];
}

/**
 * The definition with every list-backed question's choices taken from `lists` (what «Справочники»
 * holds), cleaned (trimmed, no blanks or duplicates). A list that is missing or empty falls back to
 * the default, since a choice question with no choices cannot be built. When the form adds its own
 * «Другое» option, a «Другое» value of the list is dropped so that the option does not appear twice.
 */
export function resolveForm<D extends FormDefinition | ResolvedFormDefinition>(
  def: D,
  lists: Partial<Record<ListName, readonly unknown[]>> = {},
): Omit<D, 'questions'> & ResolvedFormDefinition {
  return { ...def, questions: def.questions.map((q) => resolveQuestion(q, lists)) };
}

export function resolveQuestion(
  q: QuestionDefinition | ResolvedQuestion,
  lists: Partial<Record<ListName, readonly unknown[]>> = {},
): ResolvedQuestion {
  const { choices, ...rest } = q;
  if (choices === undefined) return rest;
  if (isListRef(choices)) {
    const name = choices.list;
    let values = cleanList(lists[name] ?? []);
    if (values.length === 0) values = [...DEFAULT_LISTS[name]];
    if (q.other) values = values.filter((v) => v.toLowerCase() !== 'другое');
    return { ...rest, choices: values };
  }
  return { ...rest, choices: [...choices] };
}

function isListRef(choices: readonly string[] | { list: ListName }): choices is { list: ListName } {
  return !Array.isArray(choices);
}
