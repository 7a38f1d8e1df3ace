/**
 * «Склонения»: the curator's corrections of how documents write a person's name in a case. One row
 * per person (by «ФИО»), a column per form; an empty cell means «as the add-on declines it».
 */
import { NAME_FORMS, normalizeName, type NameForm } from '../domain/documents/names';
import { safeText } from './cells';
import { defineTable, type ColumnDef } from './defineTable';
import { styleNewTable, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NAME_FORMS_SHEET = 'Склонения';

const FORM = { width: 160, numberFormat: '@' };

/** «ФИО», then a column per form, in NAME_FORMS' order. */
export const NAME_FORMS_TABLE = defineTable(NAME_FORMS_SHEET, {
  name: { header: 'ФИО', width: 240, numberFormat: '@' },
  родительный: { header: 'Родительный (кого?)', ...FORM },
  дательный: { header: 'Дательный (кому?)', ...FORM },
  винительный: { header: 'Винительный (кого?)', ...FORM },
  творительный: { header: 'Творительный (кем?)', ...FORM },
  предложный: { header: 'Предложный (о ком?)', ...FORM },
  подпись: { header: 'Под подписью', ...FORM },
} satisfies Record<'name' | NameForm, ColumnDef>);

export type NameOverrides = Map<string, Partial<Record<NameForm, string>>>;

const key = (name: string) => normalizeName(name).toLowerCase().replace(/ё/g, 'е');

/** The corrections on «Склонения», by person. */
export function readNameOverrides(ss: Spreadsheet): NameOverrides {
  const out: NameOverrides = new Map();
  const table = Table.read(ss, NAME_FORMS_TABLE);
  if (!table) return out;
  table.rows.forEach((_, r) => {
    const name = table.text(r, 'name');
    if (!name) return;
    const forms: Partial<Record<NameForm, string>> = {};
    for (const f of NAME_FORMS) {
      const v = table.text(r, f);
      if (v) forms[f] = v;
    }
    out.set(key(name), forms);
  });
  return out;
}

export function overridesOf(overrides: NameOverrides, name: string): Partial<Record<NameForm, string>> {
  return overrides.get(key(name)) ?? {};
}

/** Makes «Склонения» with a row for each of `names` not listed yet (the cells left empty). */
export function ensureNameFormsSheet(ss: Spreadsheet, names: readonly string[]): void {
  const listed = readNameOverrides(ss);
  const missing = [...new Set(names.map(normalizeName).filter((n) => n && !listed.has(key(n))))];
  if (missing.length === 0 && ss.getSheetByName(NAME_FORMS_SHEET)) return;
  const { table, created } = Table.ensure(ss, NAME_FORMS_TABLE);
  for (const name of missing) table.set(table.append(), 'name', safeText(name));
  table.flush();
  if (created) styleNewTable(table);
}
