import { safeText } from './cells';
import { normalizeHeader } from './headers';
import { SETTINGS_TABLE } from './schema';
import { Table, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** «Настройки» rows: a setting per row, found by its label in «Параметр», so staff may reorder them. */
export const SETTING_LABELS = {
  school: 'Образовательная организация',
  director: 'Директор',
  curator: 'Куратор наставничества',
  methodologist: 'Методист',
  psychologist: 'Педагог-психолог',
  siteEditor: 'Ответственный за сайт',
  period: 'Учебный год',
  timeZone: 'Часовой пояс',
  menteeFormUrl: 'Анкета наставляемого: ссылка',
  menteeFormEditUrl: 'Анкета наставляемого: редактирование',
  mentorFormUrl: 'Анкета наставника: ссылка',
  mentorFormEditUrl: 'Анкета наставника: редактирование',
  withdrawalFormUrl: 'Отзыв согласия: ссылка',
  withdrawalFormEditUrl: 'Отзыв согласия: редактирование',
  staffEmails: 'Адреса для рассылки ссылок',
  orderPrefix: 'Префикс номеров приказов',
  consentPrefix: 'Префикс номеров согласий',
  programPrefix: 'Префикс номеров программ',
  directorEmail: 'Директор: e-mail',
  curatorEmail: 'Куратор наставничества: e-mail',
  methodologistEmail: 'Методист: e-mail',
  psychologistEmail: 'Педагог-психолог: e-mail',
  siteEditorEmail: 'Ответственный за сайт: e-mail',
  remindersEnabled: 'Напоминания: включены',
  reminderDaysBefore: 'Напоминать за, дней до срока',
  reminderRepeatDays: 'Повторять напоминание не чаще, раз в дней',
} as const;

export type SettingKey = keyof typeof SETTING_LABELS;
export type Settings = Partial<Record<SettingKey, string>>;

const KEYS = Object.keys(SETTING_LABELS) as SettingKey[];

function rowsByKey(table: TableOf<typeof SETTINGS_TABLE>): Map<SettingKey, number> {
  const byLabel = new Map<string, SettingKey>(KEYS.map((k) => [normalizeHeader(SETTING_LABELS[k]), k]));
  const rows = new Map<SettingKey, number>();
  table.rows.forEach((_, r) => {
    const key = byLabel.get(normalizeHeader(table.text(r, 'name')));
    if (key && !rows.has(key)) rows.set(key, r);
  });
  return rows;
}

/** The settings staff entered; empty values are left out. */
export function readSettings(ss: Spreadsheet): Settings {
  const table = Table.read(ss, SETTINGS_TABLE);
  if (!table) return {};
  const settings: Settings = {};
  for (const [key, r] of rowsByKey(table)) {
    const value = table.text(r, 'value');
    if (value) settings[key] = value;
  }
  return settings;
}

/** Writes the given settings (creating the sheet and missing rows); other rows stay as they are. */
export function writeSettings(ss: Spreadsheet, values: Settings): void {
  const { table, created } = Table.ensure(ss, SETTINGS_TABLE);
  const rows = rowsByKey(table);
  for (const key of KEYS) {
    const value = values[key];
    if (value === undefined) continue;
    let r = rows.get(key);
    if (r === undefined) {
      r = table.append();
      table.set(r, 'name', SETTING_LABELS[key]);
    }
    if (table.text(r, 'value') !== value) table.set(r, 'value', safeText(value));
  }
  table.flush();
  if (created) {
    table.sheet.setFrozenRows(1);
    table.sheet.getRange(1, 1, 1, 2).setFontWeight('bold');
  }
}
