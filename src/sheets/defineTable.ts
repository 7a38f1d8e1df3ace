/**
 * A sheet the add-on owns, declared once: its name, and per field of its records the header staff see
 * (with width, format, dropdown). Reads and writes name the field (`table.text(r, 'mentor')`), so a
 * field that does not exist is a compile error and each header text lives in one place.
 */
import type { ColumnSpec } from './headers';

/** A column as a sheet module declares it (its key is the field's name). */
export interface ColumnDef extends ColumnSpec {
  /** Allowed values, offered as a dropdown when the add-on creates the sheet (staff pick, never type). */
  dropdown?: readonly string[];
}

export interface TableColumn extends ColumnDef {
  key: string;
}

export interface TableSpec<K extends string = string> {
  sheetName: string;
  /** In sheet order. */
  columns: readonly TableColumn[];
  /** Names the sheet had in earlier versions of the add-on: such a sheet is renamed on first use. */
  formerNames?: readonly string[];
  /**
   * Header of each field, for messages that name a column. Partial here, so that two sheets with
   * different fields (the banks) can stand behind one type of every field.
   */
  headers: Readonly<Partial<Record<K, string>>>;
}

export interface TableDef<K extends string> extends TableSpec<K> {
  headers: Readonly<Record<K, string>>;
}

/** Declares a table: `columns` in sheet order, keyed by field. */
export function defineTable<C extends Record<string, ColumnDef>>(
  sheetName: string,
  columns: C,
  options: { formerNames?: readonly string[] } = {},
): TableDef<Extract<keyof C, string>> {
  type K = Extract<keyof C, string>;
  const keys = Object.keys(columns) as K[];
  const headers = {} as Record<K, string>;
  for (const key of keys) headers[key] = columns[key].header;
  return { sheetName, ...options, columns: keys.map((key) => ({ ...columns[key], key })), headers };
}

/** The fields of a declared table. */
export type KeyOf<D> = D extends TableSpec<infer K> ? K : never;
