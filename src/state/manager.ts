/**
 * One account manages what the add-on owns outside the sheets: the forms, the Drive folder tree with
 * the templates and documents, and the installable triggers (form answers, reminders, batches). Files
 * belong to the account that created them, and under drive.file another account's add-on cannot even
 * see them; each account's triggers would run the same work twice. So the first account to create any
 * of these becomes the manager, recorded in the spreadsheet, and every other account is told who it is
 * instead of silently getting a second set.
 */
import { UserError } from '../domain/userError';
import { readJsonProperty, readState, writeState } from './store';

const KEY = 'manager';

let account: string | undefined;

/** The account this execution runs as ('' when Google does not tell, e.g. outside the domain). */
export function currentAccount(): string {
  // One execution runs as one account: asked once (module state does not outlive the execution).
  account ??= Session.getEffectiveUser().getEmail().trim();
  return account;
}

/** One account however its address was typed (case, spaces). */
export const sameAccount = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The recorded manager; for a spreadsheet set up before it was recorded, the creator of its forms. */
export function managerAccount(): string | null {
  const recorded = readState(KEY);
  if (recorded) return recorded;
  const forms = readJsonProperty<Record<string, { creator?: string } | undefined>>('forms', {});
  return Object.values(forms).find((f) => f?.creator)?.creator ?? null;
}

/** True when this account manages the add-on here, or nobody does yet and it becomes the manager. */
export function mayManage(): boolean {
  const me = currentAccount();
  const manager = managerAccount();
  if (manager) {
    if (!me || !sameAccount(manager, me)) return false;
    if (!readState(KEY)) writeState(KEY, manager);
    return true;
  }
  if (me) writeState(KEY, me);
  return true;
}

/** Stops `action` for any account but the manager, with a message that names the manager. */
export function requireManagement(action: string): void {
  if (mayManage()) return;
  const manager = managerAccount()!;
  const me = currentAccount();
  throw new UserError(
    `Анкеты, папку документов на Google Диске, обработку ответов и напоминания в этой таблице ведёт ` +
      `учётная запись ${manager}. Выполнить «${action}» может только она: файлы принадлежат ей, и ` +
      `${me ? `ваша учётная запись (${me})` : 'ваша учётная запись'} не может с ними работать. ` +
      `Попросите ${manager} сделать это. Ничего не создано заново, ответы и документы на месте.`,
  );
}
