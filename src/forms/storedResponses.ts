/**
 * Google Forms keeps its own copy of every response, apart from the response sheet. The add-on files
 * answers from the sheet, so a copy that holds personal data the add-on had to remove (an answer
 * without consent, the answers of a person who withdrew consent) is deleted with Form.deleteResponse
 * (scope `forms`), which "does not delete copies of responses stored in an external response
 * destination (like a spreadsheet)" (developers.google.com/apps-script/reference/forms/form#deleteResponse(String)):
 * the sheet row stays, already emptied by the caller.
 */
import { normalizeEmail } from '../domain/questionnaires';
import type { FormEntry, FormRegistry } from './registry';

type Form = GoogleAppsScript.Forms.Form;

/** The form, or null when it was deleted or is not shared with this account (nothing to delete then). */
function openForm(entry: FormEntry): Form | null {
  try {
    return FormApp.openById(entry.formId);
  } catch {
    return null;
  }
}

/**
 * Deletes the stored response behind one response-sheet row: the response by `email` submitted at
 * `at` (the sheet's timestamp, to the second). False when Forms no longer has it.
 */
export function deleteStoredResponse(entry: FormEntry, email: string, at: unknown): boolean {
  if (Object.prototype.toString.call(at) !== '[object Date]') return false;
  const ms = (at as Date).getTime();
  const form = openForm(entry);
  if (!form) return false;
  const key = normalizeEmail(email);
  // Only the responses of that second are read, however many the form has.
  for (const response of form.getResponses(new Date(ms - 1000))) {
    if (Math.abs(response.getTimestamp().getTime() - ms) >= 1000) continue;
    if (key && normalizeEmail(response.getRespondentEmail()) !== key) continue;
    form.deleteResponse(response.getId());
    return true;
  }
  return false;
}

/**
 * After a withdrawal: deletes from every form of the add-on the stored responses submitted by one of
 * `emails` (answers removed for lack of consent included: Forms kept them with the address), and
 * those whose pair question names a withdrawn mentor (`pairLabels`, other people's answers; the sheet
 * keeps their anonymized copy). Returns how many were deleted.
 */
export function deleteStoredResponsesOf(
  registry: FormRegistry,
  emails: readonly string[],
  pairLabels: readonly string[],
): number {
  const people = new Set(emails.map(normalizeEmail).filter(Boolean));
  const labels = new Set(pairLabels);
  let deleted = 0;
  for (const entry of Object.values(registry) as FormEntry[]) {
    const form = openForm(entry);
    if (!form) continue;
    const pairItemId = labels.size > 0 ? entry.items.pair : undefined;
    const pairItem = pairItemId === undefined ? null : form.getItemById(pairItemId);
    for (const response of form.getResponses()) {
      let doomed = people.has(normalizeEmail(response.getRespondentEmail()));
      if (!doomed && pairItem) {
        const answer = response.getResponseForItem(pairItem);
        doomed = answer !== null && labels.has(String(answer.getResponse()));
      }
      if (!doomed) continue;
      form.deleteResponse(response.getId());
      deleted++;
    }
  }
  return deleted;
}

/**
 * Deletes the stored responses whose answer to one of `itemKeys` names a withdrawn person (`named`):
 * a dropdown answer of «Выбор наставника» holds a mentor's name. Returns how many.
 */
export function deleteStoredResponsesNaming(
  entry: FormEntry,
  itemKeys: readonly string[],
  named: (answer: string) => boolean,
): number {
  const form = openForm(entry);
  if (!form) return 0;
  const items = itemKeys
    .map((key) => entry.items[key])
    .filter((id) => id !== undefined)
    .map((id) => form.getItemById(id))
    .filter((item) => item !== null);
  let deleted = 0;
  for (const response of form.getResponses()) {
    const doomed = items.some((item) => {
      const answer = response.getResponseForItem(item);
      return answer !== null && named(String(answer.getResponse()));
    });
    if (!doomed) continue;
    form.deleteResponse(response.getId());
    deleted++;
  }
  return deleted;
}
