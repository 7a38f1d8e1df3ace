import { formDefinitions, resolveForm, type FormKey, type ResolvedFormDefinition } from '../domain/questionnaires';
import { readLists } from '../sheets/listsSheet';
import { readSettings } from '../sheets/settings';
import { readJsonProperty, writeJsonProperty } from '../state/store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The questionnaires as this school has them: its name in the consent, its lists in the choices. */
export function schoolForms(ss: Spreadsheet): Record<FormKey, ResolvedFormDefinition> {
  const operator = readSettings(ss).school ?? ss.getName();
  const lists = readLists(ss);
  const forms = formDefinitions({ operator }).map((def) => resolveForm(def, lists));
  return Object.fromEntries(forms.map((f) => [f.key, f])) as Record<FormKey, ResolvedFormDefinition>;
}

const CACHE_KEY = 'formDefinitions';

/**
 * The questionnaires as their forms were last built, for filing answers: kept with the add-on's state
 * when «Создать/обновить анкеты» builds them, so a form answer does not read «Настройки» and
 * «Справочники» (8 calls). The forms' choices are those of the last build anyway. Texts only the form
 * shows (description, help) are left out. Built from the sheets when missing (forms made before).
 */
export function filingForms(ss: Spreadsheet): Record<FormKey, ResolvedFormDefinition> {
  const cached = readJsonProperty<Record<FormKey, ResolvedFormDefinition> | null>(CACHE_KEY, null);
  if (cached && cached.mentee && cached.mentor && cached.withdrawal) return cached;
  const forms = schoolForms(ss);
  rememberFilingForms(forms);
  return forms;
}

/** Called with the definitions the forms were just built from. */
export function rememberFilingForms(forms: Record<FormKey, ResolvedFormDefinition>): void {
  const slim = Object.fromEntries(
    Object.entries(forms).map(([key, def]) => [
      key,
      { ...def, description: '', confirmation: '', questions: def.questions.map(({ help: _help, ...q }) => q) },
    ]),
  );
  writeJsonProperty(CACHE_KEY, slim);
}
