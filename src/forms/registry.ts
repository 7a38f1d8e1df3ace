/**
 * Which Google Forms belong to this spreadsheet: per questionnaire, the form id, the id of each
 * question's item (so a question staff renamed is still found) and the response sheet's id (so a
 * renamed response sheet is still found). Kept with the add-on's state (src/state).
 */
import { YEAR_FORM_KEYS, type YearFormKey } from '../domain/monitoring/types';
import { FORM_KEYS, type FormKey } from '../domain/questionnaires';
import { CHOICE_FORM_KEY, type ChoiceFormKey } from '../domain/matching/choiceForm';
import { readJsonProperty, writeJsonProperty } from '../state/store';

export type { FormKey, YearFormKey };
/** Every form the add-on keeps: the questionnaires and the forms of the year's work. */
export type RegistryKey = FormKey | YearFormKey | ChoiceFormKey;
export const REGISTRY_KEYS: readonly RegistryKey[] = [...FORM_KEYS, ...YEAR_FORM_KEYS, CHOICE_FORM_KEY];

export interface FormEntry {
  formId: string;
  /** question key → item id */
  items: Record<string, number>;
  /**
   * question key → its title in the form as last seen (at the build, or read again when a response
   * sheet's header no longer had it): an answer is mapped without asking FormApp. Missing in older entries.
   */
  titles?: Record<string, string>;
  /** id of the response sheet the form writes to */
  sheetId: number | null;
  url: string;
  editUrl: string;
  /**
   * The account that created the form (Session.getEffectiveUser): only it can tell a deleted form from
   * one not shared with the person running the add-on. Missing for forms made before it was recorded.
   */
  creator?: string;
}

const PROPERTY = 'forms';

export type FormRegistry = Partial<Record<RegistryKey, FormEntry>>;

/** Empty when missing or damaged: «Создать/обновить анкеты» then re-creates the links. */
export function readRegistry(): FormRegistry {
  return readJsonProperty<FormRegistry>(PROPERTY, {});
}

export function writeRegistry(registry: FormRegistry): void {
  writeJsonProperty(PROPERTY, registry);
}

/** The questionnaire a response sheet belongs to, by the sheet's id. */
export function formKeyOfSheet(registry: FormRegistry, sheetId: number): RegistryKey | null {
  return REGISTRY_KEYS.find((key) => registry[key]?.sheetId === sheetId) ?? null;
}
