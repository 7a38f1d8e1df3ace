/**
 * People's names in official documents: the case a sentence needs («Куратору … Смирновой О. В.»),
 * initials as Russian office style writes them, and a name typed in lower case in a form
 * («петров-водкин») capitalised before it reaches an order. Declension is petrovich-js (MIT, rules
 * only, no Node APIs), bundled into Code.js.
 */
import petrovich from 'petrovich/dist/petrovich.min.js';

/** The grammatical cases a document asks for, by their Russian names (the placeholders' suffixes). */
export const NAME_CASES = {
  родительный: 'genitive',
  дательный: 'dative',
  винительный: 'accusative',
  творительный: 'instrumental',
  предложный: 'prepositional',
} as const;
export type NameCase = keyof typeof NAME_CASES;

export interface NameParts {
  last: string;
  first: string;
  /** The patronymic with «оглы»/«кызы» when written apart; '' without one. */
  middle: string;
}

/** Turkic patronymic particles stay lower case and mark the gender. */
const PARTICLES = new Set(['оглы', 'улы', 'кызы', 'гызы']);

/** «петров-водкин» → «Петров-Водкин»; the particles «оглы», «кызы» stay as they are. */
function capitalise(word: string): string {
  if (PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
  return word
    .split('-')
    .map((part) => (part ? part[0].toUpperCase() + part.slice(1).toLowerCase() : part))
    .join('-');
}

/**
 * A name as an official document writes it: single spaces, each part capitalised («иванова анна
 * петровна» → «Иванова Анна Петровна»). A name already in mixed case is left as typed
 * («Мак-Кинли», «ДеЛонг»), since only all-lower or all-upper input is clearly a typing habit.
 */
export function normalizeName(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!looksLikeName(clean)) return clean;
  const letters = clean.replace(/[^A-Za-zА-Яа-яЁё]/g, '');
  const mixed = letters !== letters.toLowerCase() && letters !== letters.toUpperCase();
  if (mixed && clean.split(' ').every((w) => PARTICLES.has(w) || /^[A-ZА-ЯЁ]/.test(w))) return clean;
  return clean.split(' ').map(capitalise).join(' ');
}

/** Letters, spaces, hyphens and apostrophes only: anything else (a title, a formula) is left as typed. */
export function looksLikeName(text: string): boolean {
  return /^[A-Za-zА-Яа-яЁё' -]+$/.test(text.trim());
}

/** «Фамилия Имя Отчество» (the banks' and «Настройки»' order); «оглы»/«кызы» joins the patronymic. */
export function splitName(full: string): NameParts {
  const words = normalizeName(full).split(' ').filter(Boolean);
  const [last = '', first = '', ...rest] = words;
  return { last, first, middle: rest.join(' ') };
}

/** Gender from the patronymic: -вич/-ич and «оглы» male, -вна/-чна/-на and «кызы» female; null when unknown. */
export function genderOf(middle: string): 'male' | 'female' | null {
  const m = middle.toLowerCase().trim();
  if (/(^|\s)(оглы|улы)$/.test(m) || /ич$/.test(m)) return 'male';
  if (/(^|\s)(кызы|гызы)$/.test(m) || /на$/.test(m)) return 'female';
  return null;
}

/** The name in a case, all its parts («Смирновой Ольге Викторовне»). Without a known gender, as it is. */
export function declineName(full: string, nameCase: NameCase): string {
  const parts = splitName(full);
  const gender = genderOf(parts.middle);
  if (!gender || !parts.last) return normalizeName(full);
  const out = petrovich({ gender, ...parts }, NAME_CASES[nameCase]);
  return [out.last, out.first, out.middle].filter(Boolean).join(' ');
}

function initials(parts: NameParts): string {
  // «Али оглы» gives «А.»: the particle is not an initial.
  const middle = parts.middle.split(' ').find((w) => !PARTICLES.has(w.toLowerCase())) ?? '';
  return [parts.first, middle]
    .filter(Boolean)
    .map((w) => `${w[0].toUpperCase()}.`)
    .join(' ');
}

/** «Смирнова О. В.» — surname first, as in the text of an order; in a case when given («Смирновой О. В.»). */
export function surnameInitials(full: string, nameCase?: NameCase): string {
  const parts = splitName(full);
  const gender = genderOf(parts.middle);
  const last =
    nameCase && gender && parts.last ? petrovich({ gender, last: parts.last }, NAME_CASES[nameCase]).last! : parts.last;
  return [last, initials(parts)].filter(Boolean).join(' ');
}

/** «О. В. Смирнова» — initials first, as under a signature and in «С приказом ознакомлен(а)». */
export function initialsSurname(full: string): string {
  const parts = splitName(full);
  return [initials(parts), parts.last].filter(Boolean).join(' ');
}

/** The forms of a name a document may ask for besides the nominative: the cases and the signature. */
export type NameForm = NameCase | 'подпись';
export const NAME_FORMS: readonly NameForm[] = [...(Object.keys(NAME_CASES) as NameCase[]), 'подпись'];

/** One form of the name as documents write it: a case as «Смирновой О. В.», the signature as «О. В. Смирнова». */
export function nameForm(full: string, form: NameForm): string {
  if (!looksLikeName(full)) return full.trim();
  return form === 'подпись' ? initialsSurname(full) : surnameInitials(full, form);
}

/**
 * The placeholder values of a person's name: `{{куратор}}` (nominative, normalised), and
 * `{{куратор_дательный}}`, …, `{{куратор_подпись}}`; a form the curator corrected by hand wins.
 */
export function nameFields(
  field: string,
  full: string,
  overrides: Partial<Record<NameForm, string>> = {},
): Record<string, string> {
  const name = normalizeName(full);
  const out: Record<string, string> = { [field]: name };
  for (const form of NAME_FORMS) out[`${field}_${form}`] = name ? (overrides[form] ?? nameForm(name, form)) : '';
  return out;
}

/** «куратор_дательный» → «куратор»; a field that is no name form stays as it is. */
export function nameFieldBase(field: string): string {
  const at = field.lastIndexOf('_');
  return at > 0 && (NAME_FORMS as readonly string[]).includes(field.slice(at + 1)) ? field.slice(0, at) : field;
}
