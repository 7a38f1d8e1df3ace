import type { ResolvedFormDefinition, ResolvedQuestion } from '../domain/questionnaires';
import { readRegistry, writeRegistry, type FormEntry, type FormRegistry, type RegistryKey } from './registry';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface BuildResult {
  created: RegistryKey[];
  updated: RegistryKey[];
}

/** A form as the builder takes it: a questionnaire or a form of the year's work, choices resolved. */
export type BuildableForm = Omit<ResolvedFormDefinition, 'key'> & { key: RegistryKey };

/**
 * Creates the questionnaires, or updates the existing ones in place (found by the ids stored in the
 * document): never a duplicate form, never a duplicate question, so the response sheets keep their
 * columns. Questions are updated by item id, so a question staff renamed is renamed back, not added.
 */
export function buildForms(ss: Spreadsheet, forms: readonly BuildableForm[]): BuildResult {
  const registry = readRegistry();
  const result: BuildResult = { created: [], updated: [] };
  for (const def of forms) {
    const key: RegistryKey = def.key;
    const existing = registry[key] ? openForm(registry[key]!.formId) : null;
    const form = existing ?? FormApp.create(def.title);
    const items = existing ? { ...registry[key]!.items } : {};
    form
      .setTitle(def.title)
      .setDescription(def.description)
      .setConfirmationMessage(def.confirmation)
      .setCollectEmail(true)
      .setAllowResponseEdits(false);
    for (const question of def.questions) items[question.key] = upsertItem(form, items[question.key], question);
    if (!existing) form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    registry[key] = {
      formId: form.getId(),
      items,
      sheetId: existing ? registry[key]!.sheetId : null,
      url: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
    };
    (existing ? result.updated : result.created).push(key);
  }
  linkResponseSheets(ss, registry);
  writeRegistry(registry);
  return result;
}

function openForm(id: string): Form | null {
  try {
    return FormApp.openById(id);
  } catch {
    // Deleted from Drive by someone: build a new one rather than fail.
    return null;
  }
}

/** Updates the question's item in place, or adds it; returns its item id. */
function upsertItem(form: Form, itemId: number | undefined, q: ResolvedQuestion): number {
  let item = itemId === undefined ? null : form.getItemById(itemId);
  if (item && item.getType() !== itemType(q)) {
    // The question changed its kind in a new version of the add-on: replace it.
    form.deleteItem(item);
    item = null;
  }
  const id = item ? item.getId() : addItem(form, q);
  configure(form.getItemById(id)!, q);
  return id;
}

function itemType(q: ResolvedQuestion): GoogleAppsScript.Forms.ItemType {
  const types = {
    text: FormApp.ItemType.TEXT,
    paragraph: FormApp.ItemType.PARAGRAPH_TEXT,
    multipleChoice: FormApp.ItemType.MULTIPLE_CHOICE,
    checkbox: FormApp.ItemType.CHECKBOX,
    list: FormApp.ItemType.LIST,
    scale: FormApp.ItemType.SCALE,
  };
  return types[q.type];
}

function addItem(form: Form, q: ResolvedQuestion): number {
  switch (q.type) {
    case 'text':
      return form.addTextItem().getId();
    case 'paragraph':
      return form.addParagraphTextItem().getId();
    case 'multipleChoice':
      return form.addMultipleChoiceItem().getId();
    case 'checkbox':
      return form.addCheckboxItem().getId();
    case 'list':
      return form.addListItem().getId();
    case 'scale':
      return form.addScaleItem().getId();
  }
}

function configure(item: Item, q: ResolvedQuestion): void {
  const help = q.help ?? '';
  const choices = [...(q.choices ?? [])];
  switch (q.type) {
    case 'text':
      item.asTextItem().setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
    case 'paragraph':
      item.asParagraphTextItem().setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
    case 'multipleChoice':
      item
        .asMultipleChoiceItem()
        .setTitle(q.title)
        .setHelpText(help)
        .setRequired(q.required)
        .setChoiceValues(choices)
        .showOtherOption(Boolean(q.other));
      return;
    case 'checkbox':
      item
        .asCheckboxItem()
        .setTitle(q.title)
        .setHelpText(help)
        .setRequired(q.required)
        .setChoiceValues(choices)
        .showOtherOption(Boolean(q.other));
      return;
    case 'list':
      item.asListItem().setTitle(q.title).setHelpText(help).setRequired(q.required).setChoiceValues(choices);
      return;
    case 'scale': {
      const scale = q.scale ?? { low: 1, high: 10, lowLabel: '', highLabel: '' };
      item
        .asScaleItem()
        .setTitle(q.title)
        .setHelpText(help)
        .setRequired(q.required)
        .setBounds(scale.low, scale.high)
        .setLabels(scale.lowLabel ?? '', scale.highLabel ?? '');
      return;
    }
  }
}

/**
 * Finds each form's response sheet (after setDestination Sheets adds it) by the form's URL, and
 * moves a new one to the end: Google puts it first, and staff should keep seeing the roadmap first.
 */
function linkResponseSheets(ss: Spreadsheet, registry: FormRegistry): void {
  SpreadsheetApp.flush();
  const sheets = ss.getSheets();
  const active = ss.getActiveSheet();
  for (const entry of Object.values(registry) as FormEntry[]) {
    if (entry.sheetId !== null && sheets.some((s) => s.getSheetId() === entry.sheetId)) continue;
    const sheet = sheets.find((s) => (s.getFormUrl() ?? '').includes(entry.formId));
    entry.sheetId = sheet ? sheet.getSheetId() : null;
    if (sheet) {
      ss.setActiveSheet(sheet);
      ss.moveActiveSheet(ss.getNumSheets());
    }
  }
  ss.setActiveSheet(active);
}
