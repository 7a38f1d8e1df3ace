/**
 * The plain-data state of the emulated Google Forms (persisted by the workspace as forms.json). The
 * fake FormApp classes read and write it; nothing here has behaviour beyond constructors and the
 * shape check of a loaded file.
 */

/** The item types the emulator implements (a subset of FormApp.ItemType). */
export const ITEM_TYPES = [
  'TEXT',
  'PARAGRAPH_TEXT',
  'MULTIPLE_CHOICE',
  'CHECKBOX',
  'LIST',
  'SCALE',
  'DATE',
  'SECTION_HEADER',
] as const;
export type ItemTypeName = (typeof ITEM_TYPES)[number];

export interface ItemModel {
  /** Stable numeric id (Item.getId()). */
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  /** Choice items: the choice values in order. */
  choices: string[];
  /** Checkbox / multiple choice: an «Другое:» option with free text. */
  otherOption: boolean;
  /** Scale items. */
  lowerBound: number;
  upperBound: number;
  leftLabel: string;
  rightLabel: string;
  /** Date items: whether the respondent gives the year too (DateItem.setIncludesYear; Google's default is on). */
  includesYear: boolean;
}

/** Where responses go: a sheet of the workspace's spreadsheet, tracked by id so renames do not matter. */
export interface DestinationModel {
  spreadsheetId: string;
  sheetId: number;
  /** For each question that has a column: the header text last written for it (to find it after a rename). */
  columns: Array<{ itemId: number; header: string }>;
}

export interface ResponseModel {
  id: string;
  timestampMs: number;
  /** '' when the form does not collect e-mails. */
  email: string;
  /** Answered questions only, in form order at submission time. */
  answers: Array<{ itemId: number; value: string | string[] }>;
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  acceptingResponses: boolean;
  /**
   * Published forms are open to respondents. A form FormApp.create makes after 30 June 2026 starts
   * unpublished (Google's API change); forms.json files written before the flag existed read as published.
   */
  published: boolean;
  /** Who created it (FormApp.create runs as the active user): the owner, who can always open it. */
  owner: string;
  /** E-mails given edit access (Form.addEditor); the owner is not listed. Anyone else cannot open the form. */
  editors: string[];
  createdAtMs: number;
  items: ItemModel[];
  destination: DestinationModel | null;
  responses: ResponseModel[];
}

export interface FormsModel {
  forms: FormModel[];
  nextFormNumber: number;
  nextItemId: number;
  nextResponseNumber: number;
}

export function newFormsModel(): FormsModel {
  return { forms: [], nextFormNumber: 1, nextItemId: 1000000001, nextResponseNumber: 1 };
}

/** A loaded forms.json; its shape is checked, since people may edit the file. */
export function formsModelFromJSON(input: unknown): FormsModel {
  const json = input as Partial<FormsModel> | null;
  const ok =
    !!json &&
    Array.isArray(json.forms) &&
    typeof json.nextFormNumber === 'number' &&
    typeof json.nextItemId === 'number' &&
    typeof json.nextResponseNumber === 'number' &&
    json.forms.every(
      (f) =>
        f &&
        typeof f.id === 'string' &&
        typeof f.title === 'string' &&
        Array.isArray(f.items) &&
        Array.isArray(f.responses) &&
        f.items.every((i) => i && typeof i.id === 'number' && (ITEM_TYPES as readonly string[]).includes(i.type)),
    );
  if (!ok)
    throw new Error('forms.json: expected { forms: FormModel[], nextFormNumber, nextItemId, nextResponseNumber }');
  const model = structuredClone(json as FormsModel);
  // Files written before publishing and sharing were modelled: published, no editors.
  for (const form of model.forms) {
    if (typeof form.published !== 'boolean') form.published = true;
    if (!Array.isArray(form.editors)) form.editors = [];
    for (const item of form.items) if (typeof item.includesYear !== 'boolean') item.includesYear = true;
  }
  return model;
}

export function newItemModel(id: number, type: ItemTypeName): ItemModel {
  return {
    id,
    type,
    title: '',
    helpText: '',
    required: false,
    choices: [],
    otherOption: false,
    lowerBound: 1,
    upperBound: 5,
    leftLabel: '',
    rightLabel: '',
    includesYear: true,
  };
}

/** Items that are questions (get a column in the response sheet); section headers are not. */
export function isQuestion(item: ItemModel): boolean {
  return item.type !== 'SECTION_HEADER';
}
