/**
 * Who may manage mentoring here. The managing account (state/manager.ts) and the staff whose e-mails
 * stand on «Настройки» (director, curator, methodologist) manage pairs, programs, documents and
 * mailings; every other account sees only its own pair («Моя пара»). The check is made on the server
 * for every sidebar call (ACCESS below), whatever the sidebar shows.
 */
import { readSettings, SETTING_LABELS, type SettingKey } from '../sheets/settings';
import { managerAccount, requireManagement, sameAccount } from '../state/manager';
import type { ServerApi } from '../contract/serverApi';
import { UserError } from './errors';
import { menuPath } from '../domain/addon';

/** «Настройки» rows whose e-mails may manage mentoring. */
export const MANAGING_SETTINGS: readonly SettingKey[] = ['directorEmail', 'curatorEmail', 'methodologistEmail'];

/**
 * everyone: no data of other teachers, nothing changed; curator: the managing staff; manager: only
 * the managing account (it owns the forms and the Drive files, so nobody else could do it anyway).
 */
export type Access = 'everyone' | 'curator' | 'manager';

/** Every sidebar function with its access and the Russian name of the action, for messages. */
export const ACCESS: Record<keyof ServerApi, { access: Access; action: string }> = {
  getProgress: { access: 'everyone', action: 'Ход реализации' },
  getMyPair: { access: 'everyone', action: 'Моя пара' },
  getSetupDefaults: { access: 'curator', action: 'Настроить учебный год' },
  setupSchoolYear: { access: 'curator', action: 'Настроить учебный год' },
  getFormLinks: { access: 'curator', action: 'Ссылки на анкеты' },
  sendFormLinks: { access: 'curator', action: 'Разослать ссылки' },
  proposePairs: { access: 'curator', action: 'Подобрать пары' },
  savePairs: { access: 'curator', action: 'Сохранить пары' },
  keepPairingDraft: { access: 'curator', action: 'Подобрать пары' },
  discardPairingDraft: { access: 'curator', action: 'Отменить изменения подбора пар' },
  listProgramPairs: { access: 'curator', action: 'Программы наставничества' },
  getProgramDraft: { access: 'curator', action: 'Создать программу' },
  saveProgram: { access: 'curator', action: 'Сохранить программу' },
  getYearView: { access: 'curator', action: 'Итоги года' },
  prepareNews: { access: 'curator', action: 'Подготовить новость' },
  addPractice: { access: 'curator', action: 'Добавить практику' },
  getDistrictExport: { access: 'curator', action: 'Выгрузка для района' },
  setupQuestionnaires: { access: 'manager', action: 'Создать/обновить анкеты' },
  getDocumentsView: { access: 'manager', action: 'Документы' },
  previewDocuments: { access: 'manager', action: 'Документы' },
  generateDocuments: { access: 'manager', action: 'Создать документы' },
  continueDocuments: { access: 'manager', action: 'Создать документы' },
  sendMonitoringLinks: { access: 'manager', action: 'Разослать ссылки на мониторинг' },
  sendMeetingLinks: { access: 'manager', action: 'Разослать наставникам ссылки на отчёт о встрече' },
  getCheckin: { access: 'curator', action: 'Подобрать пары' },
  sendCheckinLinks: { access: 'manager', action: 'Разослать промежуточный опрос' },
  dissolvePair: { access: 'curator', action: 'Расформировать и подобрать заново' },
  sendChoiceLinks: { access: 'manager', action: 'Разослать ссылки на выбор наставника' },
};

/** The account at the keyboard ('' when Google does not tell, e.g. a consumer account in an add-on). */
export function activeAccount(): string {
  return Session.getActiveUser().getEmail().trim();
}

export interface Standing {
  /** True when this account may manage pairs, programs, documents and mailings. */
  manages: boolean;
  me: string;
  /** Russian; why not, '' when it manages. */
  reason: string;
}

function namedAccounts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const settings = readSettings(ss);
  return MANAGING_SETTINGS.map((k) => settings[k] ?? '')
    .flatMap((v) => v.split(/[\s,;]+/))
    .filter(Boolean);
}

/** Whether the active account manages mentoring in this spreadsheet, and if not, why (Russian). */
export function standing(ss = SpreadsheetApp.getActiveSpreadsheet()): Standing {
  const me = activeAccount();
  const manager = managerAccount();
  const named = namedAccounts(ss);
  // A spreadsheet nobody has set up yet: whoever sets it up becomes its manager.
  if (!manager && named.length === 0) return { manages: true, me, reason: '' };
  if (me && ((manager && sameAccount(me, manager)) || named.some((n) => sameAccount(n, me)))) {
    return { manages: true, me, reason: '' };
  }
  const rows = MANAGING_SETTINGS.map((k) => `«${SETTING_LABELS[k]}»`).join(', ');
  const who =
    `Подбор пар, программы, документы и рассылки ведут сотрудники, чьи адреса указаны на листе «Настройки» ` +
    `(строки ${rows})` +
    (manager ? `, и учётная запись ${manager}, которая ведёт анкеты и документы.` : '.');
  const reason = me
    ? `${who} Вашей учётной записи (${me}) среди них нет. Свою пару, программу и отчёты о встречах вы ` +
      `найдёте в меню ${menuPath('myPair')}. Если вы куратор, попросите указать ваш адрес на листе «Настройки».`
    : `${who} Google не сообщил адрес вашей учётной записи (так бывает, когда таблицу открывают под ` +
      `личным аккаунтом Google или аккаунтом другой организации), поэтому проверить, входите ли вы в их ` +
      `число, нельзя. Откройте таблицу под школьной учётной записью.`;
  return { manages: false, me, reason };
}

/** Stops a sidebar call the active account may not make, with a Russian message. */
export function requireAccess(name: keyof ServerApi): void {
  const { access, action } = ACCESS[name];
  if (access === 'everyone') return;
  if (access === 'manager') {
    requireManagement(action);
    return;
  }
  const s = standing();
  if (!s.manages) throw new UserError(`«${action}» вам недоступно. ${s.reason}`);
}

/** A sidebar function that checks the caller's access before anything is read or changed. */
export function guarded<A extends unknown[], R>(name: keyof ServerApi, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    requireAccess(name);
    return fn(...args);
  };
}
