/**
 * Document kinds and their default templates, as data. The add-on builds each default template as a
 * real Google Doc from these blocks once (into «Шаблоны»); after that the Doc in Drive is the
 * template — staff may edit it — and generation only copies it and fills the placeholders.
 */

export type DocumentKindId =
  | 'regulationOrder'
  | 'pairsOrder'
  | 'program'
  | 'consentPersonalData'
  | 'consentDuties'
  | 'analyticalReport'
  | 'newsDraft';

/** What one document is about: the school as a whole, one pair/group, one person, or one event. */
export type DocumentScope = 'school' | 'pair' | 'person' | 'event';

/** Drive sub-folders of the period folder «Наставничество 2026–2027». */
export const DOCUMENT_FOLDERS = [
  'Шаблоны',
  'Приказы',
  'Программы',
  'Согласия',
  'Мониторинг',
  'Новости',
  'Методическая копилка',
] as const;
export type DocumentFolder = (typeof DOCUMENT_FOLDERS)[number];

export type BlockHeading = 'NORMAL' | 'TITLE' | 'HEADING1' | 'HEADING2' | 'HEADING3';
export type BlockAlign = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

/** One paragraph of a default template; `text` may hold placeholders like {{школа}}. */
export interface TemplateParagraph {
  type: 'paragraph';
  text: string;
  heading?: BlockHeading;
  align?: BlockAlign;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** A first-line indent, as order clauses have. */
  indent?: boolean;
  /** Points of space after the paragraph. */
  spaceAfter?: number;
}

/**
 * A table: fixed header rows, then (optionally) one template row whose cells hold row placeholders
 * ({{наставник}}…); generation repeats that row once per item and removes the template row. The row
 * belongs to the kind's `rowFields` or to one of its extra `tables`, by the fields it holds.
 */
export interface TemplateTable {
  type: 'table';
  header: string[][];
  /** The repeating row; absent for a fixed table. */
  row?: string[];
  /** Column widths in points. */
  widths?: number[];
  /** Make the header rows bold. */
  boldHeader?: boolean;
  /** Points for the whole table (official tables may be smaller than the 14 pt text, ГОСТ Р 7.0.97). */
  fontSize?: number;
}

export type TemplateBlock = TemplateParagraph | TemplateTable;

export interface PlaceholderSpec {
  /** As written between braces, lower case: «школа», «номер_приказа». */
  name: string;
  /** Russian, shown in the sidebar's «what goes in» list and in error messages. */
  label: string;
}

/**
 * An extra repeating table of a kind (the analytical report has four): the table row holding its
 * fields is repeated once per item of `DocumentItem.tables[key]`. Its field names differ from every
 * other field of the kind, so the fields in a row tell which table the row belongs to.
 */
export interface RepeatingTableSpec {
  /** Stable key, as `DocumentItem.tables` is keyed: «pairs», «events». */
  key: string;
  /** Russian, shown in error messages: «Мероприятия». */
  label: string;
  /** Placeholders of its repeating row. */
  fields: PlaceholderSpec[];
}

export interface DocumentKind {
  id: DocumentKindId;
  /** Russian, shown in the sidebar and the register: «Приказ «О закреплении наставнических пар (групп)»». */
  title: string;
  /** Short Russian name for the register's «Вид» column: «Приказ о парах». */
  shortTitle: string;
  scope: DocumentScope;
  folder: DocumentFolder;
  /** Name of the template Doc in «Шаблоны». */
  templateName: string;
  /** Default prefix of the register number (configurable in «Настройки»). */
  numberPrefix: string;
  /** Placeholders the template may use anywhere. */
  fields: PlaceholderSpec[];
  /** Placeholders of the repeating table row (empty when the kind has no repeating row). */
  rowFields: PlaceholderSpec[];
  /** Extra repeating tables, each with its own fields (filled from `DocumentItem.tables`). */
  tables?: RepeatingTableSpec[];
  /** The default template. */
  blocks: TemplateBlock[];
}

/** One document of a batch, with the values its template is filled with. */
export interface DocumentItem {
  /** Stable key within the batch: the period for school documents, the person's bank id. */
  key: string;
  /** «Связано с» in the register. */
  related: string;
  /** Title without the number: «Согласие на обработку персональных данных — Иванова Анна Петровна». */
  title: string;
  values: Record<string, string>;
  rows: Array<Record<string, string>>;
  /** Rows of the kind's extra repeating tables, by table key (`DocumentKind.tables`); a missing key is no rows. */
  tables?: Record<string, Array<Record<string, string>>>;
  /** Pairs the document concerns (the order links back to them). */
  pairIds: string[];
}
