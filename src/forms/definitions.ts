import { formDefinitions, resolveForm, type FormKey, type ResolvedFormDefinition } from '../domain/questionnaires';
import { readLists } from '../sheets/listsSheet';
import { readSettings } from '../sheets/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The questionnaires as this school has them: its name in the consent, its lists in the choices. */
export function schoolForms(ss: Spreadsheet): Record<FormKey, ResolvedFormDefinition> {
  const operator = readSettings(ss).school ?? ss.getName();
  const lists = readLists(ss);
  const forms = formDefinitions({ operator }).map((def) => resolveForm(def, lists));
  return Object.fromEntries(forms.map((f) => [f.key, f])) as Record<FormKey, ResolvedFormDefinition>;
}
