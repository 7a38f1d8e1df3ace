/**
 * The forms of the year's work («Отчёт о встрече», the two monitoring forms, a practice for
 * «Методическая копилка»), built like the
 * questionnaires into the same registry and response trigger, and the personal prefilled links.
 */
import { pairChoiceLabel, yearFormDefinitions, type YearFormDefinition } from '../domain/monitoring';
import type { YearFormKey } from '../domain/monitoring/types';
import { practiceForm, type PracticeFormDefinition } from '../domain/events/practiceForm';
import { buildForms, type BuildableForm } from '../forms/formBuilder';
import { readRegistry, type FormEntry } from '../forms/registry';
import { ensureFormSubmitTrigger } from '../forms/trigger';
import { readLists } from '../sheets/listsSheet';
import { isWorkingPair, readPairs } from '../sheets/pairsSheet';
import { checkinForm } from '../domain/monitoring/checkin';
import { readSettings } from '../sheets/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type YearForms = Record<Exclude<YearFormKey, 'practice'>, YearFormDefinition> & {
  practice: PracticeFormDefinition;
};

/** The forms as this school has them now: its name, its confirmed pairs, its competences. */
export function yearForms(ss: Spreadsheet): YearForms {
  const pairChoices = readPairs(ss)
    .filter((p) => isWorkingPair(p.status) && p.id)
    .map((p) => pairChoiceLabel(p.id, p.mentorName));
  const competences = readLists(ss).competences ?? [];
  const defs: BuildableForm[] = yearFormDefinitions({
    operator: readSettings(ss).school ?? ss.getName(),
    // A list question cannot be empty: before any pair is confirmed it shows one explaining choice.
    pairChoices: pairChoices.length > 0 ? pairChoices : ['(пары ещё не утверждены)'],
    competences,
  });
  defs.push(practiceForm({ operator: readSettings(ss).school ?? ss.getName(), competences }));
  defs.push(
    checkinForm(
      readSettings(ss).school ?? ss.getName(),
      pairChoices.length > 0 ? pairChoices : ['(пары ещё не утверждены)'],
    ),
  );
  return Object.fromEntries(defs.map((d) => [d.key, d])) as YearForms;
}

/** Creates or updates the forms of the year's work (the pair choices follow «Пары и группы»). */
export function buildYearForms(ss: Spreadsheet): void {
  buildForms(ss, Object.values(yearForms(ss)));
  ensureFormSubmitTrigger(ss);
}

/** The year's forms that exist, by key. */
export function yearFormEntries(): Partial<Record<YearFormKey, FormEntry>> {
  const registry = readRegistry();
  return {
    meetingReport: registry.meetingReport,
    monitoringMentee: registry.monitoringMentee,
    monitoringMentor: registry.monitoringMentor,
    practice: registry.practice,
    checkin: registry.checkin,
  };
}

/**
 * How a form's prefilled links look: the address and the `entry.N` parameter of each question. Taken
 * once from one real prefilled URL (FormApp), so a run that makes many links costs a few calls.
 */
export interface PrefillTemplate {
  base: string;
  params: Record<string, string>;
}

export function prefillTemplate(entry: FormEntry, sample: Record<string, string>): PrefillTemplate {
  const form = FormApp.openById(entry.formId);
  let response = form.createResponse();
  for (const [key, value] of Object.entries(sample)) {
    const item = form.getItemById(entry.items[key]);
    if (item) response = response.withItemResponse(itemResponse(item, value));
  }
  const url = response.toPrefilledUrl();
  const [base, query = ''] = url.split('?');
  const params: Record<string, string> = {};
  for (const part of query.split('&')) {
    const [name, raw = ''] = part.split('=');
    if (!name.startsWith('entry.')) continue;
    const value = decodeURIComponent(raw.replace(/\+/g, ' '));
    const key = Object.keys(sample).find((k) => sample[k] === value && !params[k]);
    if (key) params[key] = name;
  }
  return { base, params };
}

function itemResponse(item: GoogleAppsScript.Forms.Item, value: string): GoogleAppsScript.Forms.ItemResponse {
  switch (item.getType()) {
    case FormApp.ItemType.LIST:
      return item.asListItem().createResponse(value);
    case FormApp.ItemType.MULTIPLE_CHOICE:
      return item.asMultipleChoiceItem().createResponse(value);
    case FormApp.ItemType.PARAGRAPH_TEXT:
      return item.asParagraphTextItem().createResponse(value);
    default:
      return item.asTextItem().createResponse(value);
  }
}

/** A personal link: the template with these answers filled in (plain string work, no service call). */
export function prefilledUrl(template: PrefillTemplate, values: Record<string, string>): string {
  const params = Object.entries(values)
    .filter(([key, value]) => template.params[key] && value !== '')
    .map(([key, value]) => `${template.params[key]}=${encodeURIComponent(value)}`);
  return `${template.base}?usp=pp_url${params.map((p) => `&${p}`).join('')}`;
}
