import { FORM_KEYS, looksLikeEmail, type FormKey } from '../domain/questionnaires';
import { Bank } from '../sheets/banks';
import { writeLists } from '../sheets/listsSheet';
import { logAction } from '../sheets/logSheet';
import { readSettings, writeSettings, type SettingKey } from '../sheets/settings';
import type { FormLink, FormsSetupResult, SendLinksResult } from '../ui/contract';
import { UserError } from '../ui/errors';
import { schoolForms } from './definitions';
import { buildForms } from './formBuilder';
import { readRegistry } from './registry';
import { sheetById } from './responses';
import { ensureFormSubmitTrigger } from './trigger';
import { buildYearForms } from '../year/yearForms';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LINK_SETTINGS: Record<FormKey, [SettingKey, SettingKey]> = {
  mentee: ['menteeFormUrl', 'menteeFormEditUrl'],
  mentor: ['mentorFormUrl', 'mentorFormEditUrl'],
  withdrawal: ['withdrawalFormUrl', 'withdrawalFormEditUrl'],
};

/** Recipients per message allowed by Apps Script's MailApp. */
const RECIPIENTS_PER_MESSAGE = 50;

/**
 * «Создать/обновить анкеты»: the three forms built from the definitions and «Справочники» (updated in
 * place when they exist), the one form-submit trigger, and the links written into «Настройки».
 */
export function setUpQuestionnaires(ss: Spreadsheet): FormsSetupResult {
  writeLists(ss);
  // The banks exist from the start (empty), before the response sheets the forms add.
  Bank.open(ss, 'mentee');
  Bank.open(ss, 'mentor');
  const built = buildForms(ss, Object.values(schoolForms(ss)));
  // The forms of the year's work too (meeting report, monitoring, practices): their links are ready
  // when the school needs them, and the one trigger already serves them.
  buildYearForms(ss);
  const installed = ensureFormSubmitTrigger(ss);
  const registry = readRegistry();
  const links: Partial<Record<SettingKey, string>> = {};
  for (const key of FORM_KEYS) {
    const entry = registry[key];
    if (!entry) continue;
    links[LINK_SETTINGS[key][0]] = entry.url;
    links[LINK_SETTINGS[key][1]] = entry.editUrl;
  }
  writeSettings(ss, links);
  const message =
    built.created.length > 0
      ? `Анкеты созданы (${built.created.length}). Ссылки — на листе «Настройки» и в боковой панели «Анкеты».`
      : 'Анкеты обновлены: вопросы и списки выбора приведены в соответствие со «Справочниками».';
  logAction(ss, 'Анкеты', `${message} Триггер отправки форм: ${installed ? 'установлен' : 'уже был'}.`);
  return { created: built.created.length, updated: built.updated.length, message, links: formLinks(ss) };
}

/** The forms' links and how many answers each has, for the sidebar. */
export function formLinks(ss: Spreadsheet): FormLink[] {
  const registry = readRegistry();
  const forms = schoolForms(ss);
  return FORM_KEYS.filter((key) => registry[key]).map((key) => {
    const entry = registry[key]!;
    const sheet = entry.sheetId === null ? null : sheetById(ss, entry.sheetId);
    return {
      key,
      title: forms[key].title,
      url: entry.url,
      editUrl: entry.editUrl,
      responses: sheet ? Math.max(sheet.getLastRow() - 1, 0) : 0,
    };
  });
}

/** «Разослать ссылки»: one message with the links to the addresses listed in «Настройки». */
export function sendFormLinks(ss: Spreadsheet): SendLinksResult {
  const settings = readSettings(ss);
  const recipients = (settings.staffEmails ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (recipients.length === 0) {
    throw new UserError(
      'Укажите адреса для рассылки на листе «Настройки» (строка «Адреса для рассылки ссылок»), через запятую.',
    );
  }
  const bad = recipients.filter((r) => !looksLikeEmail(r));
  if (bad.length > 0)
    throw new UserError(`Неверные адреса для рассылки: ${bad.join(', ')}. Исправьте их на листе «Настройки».`);
  const links = formLinks(ss).filter((l) => l.key !== 'withdrawal');
  if (links.length === 0)
    throw new UserError('Анкеты ещё не созданы: выберите «Наставничество → Анкеты → Создать/обновить анкеты».');
  const withdrawal = readRegistry().withdrawal;
  const body = [
    'Здравствуйте!',
    '',
    `${settings.school ?? ss.getName()} формирует банки наставников и наставляемых. Пожалуйста, заполните анкету:`,
    ...links.map((l) => `• ${l.title}: ${l.url}`),
    '',
    withdrawal ? `Отозвать согласие на обработку персональных данных можно здесь: ${withdrawal.url}` : '',
  ].join('\n');
  for (let i = 0; i < recipients.length; i += RECIPIENTS_PER_MESSAGE) {
    MailApp.sendEmail({
      to: recipients.slice(i, i + RECIPIENTS_PER_MESSAGE).join(','),
      subject: 'Анкеты программы наставничества',
      body,
    });
  }
  logAction(ss, 'Рассылка ссылок на анкеты', `Отправлено адресатов: ${recipients.length}`);
  return { sent: recipients.length, message: `Ссылки отправлены: ${recipients.length} адресатам.` };
}
