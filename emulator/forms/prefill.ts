/**
 * Prefilled links (FormResponse.toPrefilledUrl) and the entry ids they use. A real Google Form names
 * each question's field `entry.<n>`, where n is a number of its own — not the item id Apps Script
 * gives. The emulator derives n from the item id with a fixed bijection, so it is stable, needs no
 * storage, differs from the item id (a link built by hand from getId() does not work here either)
 * and is unique across forms.
 */
import { publishedUrl } from './context';
import type { FormModel, ItemModel } from './model';

/** Google's value for the «Другое:» option in a prefilled link (and on the form page). */
export const OTHER_OPTION = '__other_option__';
/** The parameter holding the «Другое:» text: `entry.<n>.other_option_response`. */
export const OTHER_SUFFIX = '.other_option_response';
export const EMAIL_PARAM = 'emailAddress';

/** 2^31 − 1 (prime) and the MINSTD multiplier: itemId ↦ itemId·48271 mod P is one-to-one on 1…P−1. */
const P = 2147483647;
const MULT = 48271;

/** The entry number of an item's field in prefilled links; never equal to the item id. */
export function entryIdOf(itemId: number): number {
  // itemId < P, so the product stays below 2^53 and the arithmetic is exact.
  return (itemId * MULT) % P;
}

export function entryName(itemId: number): string {
  return `entry.${entryIdOf(itemId)}`;
}

/** Answers a prefilled link carries: item id → value (string[] for checkboxes). */
export type PrefillAnswers = ReadonlyMap<number, string | string[]>;

function hasOther(item: ItemModel): boolean {
  return (item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX') && item.otherOption;
}

/**
 * `<published URL>?usp=pp_url&entry.<n>=<value>…`, questions in form order, values encoded as an HTML
 * form encodes them (UTF-8, space as "+", "&" as %26). A checkbox answer gives one `entry.<n>=` per
 * value; a value outside the choices of a question with «Другое» is sent as Google sends it:
 * `entry.<n>=__other_option__&entry.<n>.other_option_response=<text>`. Answers to questions no longer
 * in the form are left out.
 */
export function prefilledUrl(form: FormModel, answers: PrefillAnswers): string {
  const params = new URLSearchParams({ usp: 'pp_url' });
  for (const item of form.items) {
    const value = answers.get(item.id);
    if (value === undefined) continue;
    const name = entryName(item.id);
    let other: string | null = null;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (hasOther(item) && !item.choices.includes(v)) {
        other = v;
        params.append(name, OTHER_OPTION);
      } else {
        params.append(name, v);
      }
    }
    if (other !== null) params.append(name + OTHER_SUFFIX, other);
  }
  return `${publishedUrl(form.id)}?${params.toString()}`;
}

/**
 * What a prefilled link asks the form page to show: item id → the values of its `entry.<n>`
 * parameters (the «Другое:» text under `other`), plus the e-mail. Unknown parameters are ignored.
 */
export function readPrefill(
  form: FormModel,
  params: URLSearchParams,
): { values: Map<number, { values: string[]; other: string | null }>; email: string | null } {
  const values = new Map<number, { values: string[]; other: string | null }>();
  for (const item of form.items) {
    const name = entryName(item.id);
    const got = params.getAll(name);
    const otherText = params.get(name + OTHER_SUFFIX);
    if (got.length === 0 && otherText === null) continue;
    let other = otherText;
    const picked: string[] = [];
    for (const v of got) {
      // A plain text that is not a choice of a question with «Другое» is that text.
      if (hasOther(item) && v !== OTHER_OPTION && !item.choices.includes(v)) {
        if (other === null) other = v;
        if (!picked.includes(OTHER_OPTION)) picked.push(OTHER_OPTION);
      } else if (!picked.includes(v)) {
        picked.push(v);
      }
    }
    if (other !== null && hasOther(item) && !picked.includes(OTHER_OPTION)) picked.push(OTHER_OPTION);
    values.set(item.id, { values: picked, other: hasOther(item) ? other : null });
  }
  return { values, email: params.get(EMAIL_PARAM) };
}
