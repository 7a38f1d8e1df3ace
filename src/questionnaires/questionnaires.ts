import { FORM_KEYS, looksLikeEmail, type FormKey } from '../domain/questionnaires';
import { Bank } from '../sheets/banks';
import { writeLists } from '../sheets/listsSheet';
import { logAction } from '../sheets/logSheet';
import { readSettings, writeSettings, type SettingKey } from '../sheets/settings';
import type { FormLink, FormsSetupResult, SendLinksResult } from '../contract/serverApi';
import { UserError } from '../domain/userError';
import { rememberFilingForms, schoolForms } from './definitions';
import { buildForms } from '../forms/formBuilder';
import { readRegistry } from '../forms/registry';
import { sheetById } from '../forms/responses';
import { ensureFormSubmitTrigger } from '../forms/trigger';
import { managerAccount, requireManagement } from '../state/manager';
import { protectBanks } from '../sheets/bankProtection';
import { buildYearForms } from '../year/yearForms';
import { letterBodies, linkLine } from '../domain/letterBody';
import { ADDON_NAME, menuPath } from '../domain/addon';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LINK_SETTINGS: Record<FormKey, [SettingKey, SettingKey]> = {
  mentee: ['menteeFormUrl', 'menteeFormEditUrl'],
  mentor: ['mentorFormUrl', 'mentorFormEditUrl'],
  withdrawal: ['withdrawalFormUrl', 'withdrawalFormEditUrl'],
};

/**
 * «Создать/обновить анкеты»: the three forms built from the definitions and «Справочники» (updated in
 * place when they exist), the one form-submit trigger, and the links written into «Настройки».
 */
export function setUpQuestionnaires(ss: Spreadsheet): FormsSetupResult {
  requireManagement('Создать/обновить анкеты');
  writeLists(ss);
  // The banks exist from the start (empty), before the response sheets the forms add.
  Bank.open(ss, 'mentee');
  Bank.open(ss, 'mentor');
  protectBanks(ss, [managerAccount() ?? '', readSettings(ss).curatorEmail ?? '']);
  const forms = schoolForms(ss);
  const built = buildForms(ss, Object.values(forms));
  rememberFilingForms(forms);
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
  const done =
    built.created.length > 0
      ? `Анкеты созданы (${built.created.length}). Ссылки — на листе «Настройки» и в боковой панели «Анкеты».`
      : 'Анкеты обновлены: вопросы и списки выбора приведены в соответствие со «Справочниками».';
  const message = [done, ...built.notes].join(' ');
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

/**
 * «Разослать ссылки»: the links to the addresses listed in «Настройки», one letter per person (nobody
 * sees the other addresses), as many as today's mail quota allows; who was left out is said and logged.
 */
export function sendFormLinks(ss: Spreadsheet): SendLinksResult {
  const settings = readSettings(ss);
  const listed = (settings.staffEmails ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (listed.length === 0) {
    throw new UserError(
      'Укажите адреса для рассылки на листе «Настройки» (строка «Адреса для рассылки ссылок»), через запятую.',
    );
  }
  const bad = listed.filter((r) => !looksLikeEmail(r));
  if (bad.length > 0)
    throw new UserError(`Неверные адреса для рассылки: ${bad.join(', ')}. Исправьте их на листе «Настройки».`);
  const links = formLinks(ss).filter((l) => l.key !== 'withdrawal');
  if (links.length === 0)
    throw new UserError(`Анкеты ещё не созданы: выберите ${menuPath('questionnaires', 'setupForms')}.`);
  // One letter per address, however it was typed.
  const seen = new Set<string>();
  const recipients = listed.filter((r) => !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase()));
  const withdrawal = readRegistry().withdrawal;
  const bodies = letterBodies([
    'Здравствуйте!',
    '',
    `${settings.school ?? ss.getName()} формирует банки наставников и наставляемых. Пожалуйста, заполните анкету:`,
    ...links.map((l) => linkLine(`• ${l.title}:`, l.url, 'Открыть анкету')),
    '',
    ...(withdrawal
      ? [
          linkLine(
            'Отозвать согласие на обработку персональных данных можно здесь:',
            withdrawal.url,
            'Отозвать согласие',
          ),
        ]
      : []),
  ]);
  let sent = 0;
  const quota = Math.max(MailApp.getRemainingDailyQuota(), 0);
  for (const to of recipients.slice(0, quota)) {
    try {
      MailApp.sendEmail({ to, subject: 'Анкеты программы наставничества', ...bodies, name: ADDON_NAME });
    } catch {
      // The quota ran out meanwhile (other mail of the same account): the rest is reported below.
      break;
    }
    sent++;
  }
  const left = recipients.slice(sent);
  // «Журнал» keeps no e-mails: the count; the addresses are in the message to the person who listed them.
  const notSent = left.length > 0 ? ` Не отправлено: ${left.length} (дневная квота писем исчерпана).` : '';
  logAction(ss, 'Рассылка ссылок на анкеты', `Отправлено писем: ${sent} из ${recipients.length}.${notSent}`);
  const message =
    left.length === 0
      ? `Ссылки отправлены: ${sent} адресатам, каждому отдельным письмом.`
      : `Ссылки отправлены ${sent} адресатам из ${recipients.length}, каждому отдельным письмом. ` +
        `Не отправлено ${left.length} — дневная квота писем исчерпана: ${left.join(', ')}. Завтра разошлите ` +
        'ссылки им: оставьте в строке «Адреса для рассылки ссылок» только эти адреса.';
  return { sent, message };
}
