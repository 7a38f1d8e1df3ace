import type { ResolvedFormDefinition, ResolvedQuestion } from '../domain/questionnaires';
import { logAction } from '../sheets/logSheet';
import { currentAccount, sameAccount } from '../state/manager';
import { UserError } from '../domain/userError';
import { markLinked } from './filed';
import { readRegistry, writeRegistry, type FormEntry, type FormRegistry, type RegistryKey } from './registry';
import { sheetById } from './responses';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface BuildResult {
  created: RegistryKey[];
  updated: RegistryKey[];
  /** What staff should know (Russian): forms made anew after their creator deleted them, forms published. */
  notes: string[];
}

/** A form as the builder takes it: a questionnaire or a form of the year's work, choices resolved. */
export type BuildableForm = Omit<ResolvedFormDefinition, 'key'> & { key: RegistryKey };

/**
 * Creates the questionnaires, or updates the existing ones in place (found by the ids stored in the
 * document): never a duplicate form, never a duplicate question, so the response sheets keep their
 * columns. Questions are updated by item id, so a question staff renamed is renamed back, not added.
 * A form this account cannot open is never replaced (its answers would be lost): that is a UserError
 * naming the account that created the forms. Every form ends up published.
 */
export function buildForms(ss: Spreadsheet, forms: readonly BuildableForm[]): BuildResult {
  const registry = readRegistry();
  const result: BuildResult = { created: [], updated: [], notes: [] };
  const me = currentAccount();
  for (const def of forms) {
    const key: RegistryKey = def.key;
    const known = registry[key];
    const existing = known ? openForm(known, def.title, me) : null;
    if (known && !existing) result.notes.push(recreatedNote(ss, def.title, known));
    const form = existing ?? FormApp.create(def.title);
    // Forms the API makes after 30 June 2026 start unpublished: publish new ones, and old ones staff unpublished.
    if (!existing) form.setPublished(true);
    else if (form.supportsAdvancedResponderPermissions() && !form.isPublished()) {
      form.setPublished(true);
      result.notes.push(`Анкета «${def.title}» была не опубликована и теперь снова принимает ответы.`);
    }
    const items = existing ? { ...known!.items } : {};
    form
      .setTitle(def.title)
      .setDescription(def.description)
      .setConfirmationMessage(def.confirmation)
      .setCollectEmail(true)
      .setAllowResponseEdits(false);
    const sheet = existing && known!.sheetId !== null ? sheetById(ss, known!.sheetId) : null;
    for (const question of def.questions) {
      items[question.key] = upsertItem(form, items[question.key], question, (old) => retireColumn(sheet, old));
    }
    if (!existing) form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const creator = existing ? known!.creator : me;
    registry[key] = {
      formId: form.getId(),
      items,
      // The builder has just given every question its title.
      titles: Object.fromEntries(def.questions.map((q) => [q.key, q.title])),
      sheetId: existing ? known!.sheetId : null,
      url: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      ...(creator ? { creator } : {}),
    };
    (existing ? result.updated : result.created).push(key);
  }
  linkResponseSheets(ss, registry);
  nameResponseSheets(ss, registry, forms);
  writeRegistry(registry);
  for (const note of result.notes) logAction(ss, 'Анкеты', note);
  return result;
}

/**
 * The registered form, or null when it was deleted. FormApp gives one error for a deleted form and
 * for one not shared with this account; only its creator can tell them apart (a creator can always
 * open their own form), so for anyone else it stops the build.
 */
function openForm(entry: FormEntry, title: string, me: string): Form | null {
  try {
    return FormApp.openById(entry.formId);
  } catch {
    if (entry.creator && me && sameAccount(entry.creator, me)) return null;
    const account = me ? ` (${me})` : '';
    const keep = 'Новые анкеты не созданы, чтобы ответы на прежние не потерялись.';
    if (entry.creator)
      throw new UserError(
        `Анкеты создавались из учётной записи ${entry.creator}, и у вашей учётной записи${account} нет доступа ` +
          `к анкете «${title}». Попросите владельца открыть форму и добавить вас в соавторы («Настройки доступа» → ` +
          `«Добавить соавторов») или выполнить «Создать/обновить анкеты» из своей учётной записи. ${keep}`,
      );
    throw new UserError(
      `Не удаётся открыть анкету «${title}»: её удалили, или её создал другой сотрудник и не открыл доступ ` +
        `вашей учётной записи${account}. Попросите того, кто создавал анкеты, добавить вас в соавторы формы ` +
        `или выполнить «Создать/обновить анкеты» из своей учётной записи. ${keep}`,
    );
  }
}

/** What staff are told when a deleted form is made anew: where the old answers stayed. */
function recreatedNote(ss: Spreadsheet, title: string, entry: FormEntry): string {
  const sheet = entry.sheetId === null ? null : sheetById(ss, entry.sheetId);
  const where = sheet ? ` Ответы на прежнюю анкету остались на листе «${sheet.getName()}».` : '';
  return `Анкета «${title}» была удалена из Google Диска: создана новая, ссылка на неё обновлена.${where}`;
}

/**
 * Updates the question's item in place, or adds it; returns its item id. A question whose kind changed
 * in a new version of the add-on (a date asked as text, now a date question) is replaced; `retire` is
 * told the old item first, so its column keeps the old answers under a name of its own.
 */
function upsertItem(form: Form, itemId: number | undefined, q: ResolvedQuestion, retire: (old: Item) => void): number {
  let item = itemId === undefined ? null : form.getItemById(itemId);
  if (item && item.getType() !== itemType(q)) {
    retire(item);
    form.deleteItem(item);
    item = null;
  }
  const id = item ? item.getId() : addItem(form, q);
  configure(form.getItemById(id)!, q);
  return id;
}

/** What the column of a replaced question is renamed to; its answers stay where they were. */
export const RETIRED_SUFFIX = ' (прежний вопрос)';

/**
 * The response sheet keeps a deleted question's column (Google does not remove answers). The new
 * question of the same title gets a column of its own; renaming the old header first keeps the two
 * apart, so the answers are read from the new column and the old ones stay readable beside it.
 */
function retireColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet | null, old: Item): void {
  if (!sheet || sheet.getLastColumn() < 1) return;
  const title = old.getTitle();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const col = header.findIndex((h) => String(h).trim() === title.trim());
  if (col >= 0) sheet.getRange(1, col + 1).setValue(`${title}${RETIRED_SUFFIX}`);
}

function itemType(q: ResolvedQuestion): GoogleAppsScript.Forms.ItemType {
  const types = {
    text: FormApp.ItemType.TEXT,
    paragraph: FormApp.ItemType.PARAGRAPH_TEXT,
    multipleChoice: FormApp.ItemType.MULTIPLE_CHOICE,
    checkbox: FormApp.ItemType.CHECKBOX,
    list: FormApp.ItemType.LIST,
    scale: FormApp.ItemType.SCALE,
    date: FormApp.ItemType.DATE,
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
    case 'date':
      return form.addDateItem().getId();
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
    case 'date':
      item.asDateItem().setTitle(q.title).setHelpText(help).setRequired(q.required).setIncludesYear(true);
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
 * Rows already in a newly found sheet count as filed (see filed.ts).
 */
function linkResponseSheets(ss: Spreadsheet, registry: FormRegistry): void {
  SpreadsheetApp.flush();
  const sheets = ss.getSheets();
  const active = ss.getActiveSheet();
  for (const [key, entry] of Object.entries(registry) as Array<[RegistryKey, FormEntry]>) {
    if (entry.sheetId !== null && sheets.some((s) => s.getSheetId() === entry.sheetId)) continue;
    const sheet = sheets.find((s) => (s.getFormUrl() ?? '').includes(entry.formId));
    entry.sheetId = sheet ? sheet.getSheetId() : null;
    if (sheet) {
      markLinked(key, Math.max(sheet.getLastRow(), 1));
      ss.setActiveSheet(sheet);
      ss.moveActiveSheet(ss.getNumSheets());
    }
  }
  ss.setActiveSheet(active);
}

/** Google's names for a new response sheet («Ответы на форму (3)»; "Form Responses 3" in English). */
const DEFAULT_RESPONSE_SHEET = /^(?:Ответы на форму \(\d+\)|Form Responses \d+)$/;
/**
 * The response sheets' names: at most 31 characters and none of : \ / ? * [ ], Excel's rules for a
 * sheet name, so that the spreadsheet downloaded as .xlsx keeps them (Sheets itself allows 100).
 */
const MAX_SHEET_NAME = 31;
const RESPONSE_SHEET_NAMES: Readonly<Record<string, string>> = {
  mentee: 'Ответы — анкета наставляемого',
  mentor: 'Ответы — анкета наставника',
  withdrawal: 'Ответы — отзыв согласия',
  meetingReport: 'Ответы — отчёты о встречах',
  monitoringMentee: 'Ответы мониторинга наставляемых',
  monitoringMentor: 'Ответы мониторинга наставников',
  practice: 'Ответы — методическая копилка',
  checkin: 'Ответы — промежуточный опрос',
  mentorChoice: 'Ответы — выбор наставника',
};

/** «Ответы — анкета наставляемого»: says which form the sheet holds. */
export function responseSheetName(key: string, title: string): string {
  const fallback = `Ответы — ${title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}`;
  return (RESPONSE_SHEET_NAMES[key] ?? fallback).slice(0, MAX_SHEET_NAME).trim();
}

/**
 * Gives each response sheet that still has Google's name («Ответы на форму (1)») the name of its form.
 * Renaming keeps the link (Google follows the sheet, not its name; the add-on finds it by id). A name
 * staff chose is left alone. A name taken by another sheet gets « (2)», « (3)»…
 */
function nameResponseSheets(ss: Spreadsheet, registry: FormRegistry, forms: readonly BuildableForm[]): void {
  const sheets = ss.getSheets();
  const taken = new Set(sheets.map((s) => s.getName().toLowerCase()));
  for (const def of forms) {
    const entry = registry[def.key];
    const sheet = entry && entry.sheetId !== null ? sheets.find((s) => s.getSheetId() === entry.sheetId) : undefined;
    if (!sheet || !DEFAULT_RESPONSE_SHEET.test(sheet.getName())) continue;
    const base = responseSheetName(def.key, def.title);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX_SHEET_NAME - 5)} (${n})`;
    taken.delete(sheet.getName().toLowerCase());
    sheet.setName(name);
    taken.add(name.toLowerCase());
  }
}
