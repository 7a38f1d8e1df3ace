/**
 * Documents reach their people: a pair's program is shared with its mentor and mentees, a consent
 * statement with the person who signs it, all as commenters — they read it, point at a mistake in a
 * comment, and cannot change the text the school approves or signs (Drive's roles for a Google Doc:
 * reader, commenter, writer — https://developers.google.com/drive/api/guides/ref-roles; «commenter»
 * is what Docs calls «Комментатор»). Sharing goes through the Drive API under drive.file (the add-on
 * made these Docs), with Drive's own notification off: each person gets ONE Russian letter per batch
 * listing every document newly opened to them, within the MailApp quota. A person whose letter the
 * quota cannot carry is not shared with yet: the next batch (or run) opens the access and writes.
 * Only the batch's documents are opened: those of the people and pairs it was made for (a dissolved
 * pair's program is history, not news), drafts and signed ones alike (a signer keeps a copy of what they
 * signed), and none that staff put in the trash or deleted.
 * «Доступ открыт» on «Документы» lists who the Doc is shared with; a withdrawal of consent takes the
 * person's access away everywhere (revokeAccess) and their address out of that column.
 */
import { ADDON_NAME } from '../domain/addon';
import type { DocumentKind, DocumentKindId } from '../domain/documents/types';
import { curatorSignature, letterBodies, linkLine, type LetterLine } from '../domain/letterBody';
import { WITHDRAWN_STATUS } from '../domain/questionnaires';
import { normalizeAddress } from '../domain/reminders';
import { Bank } from '../sheets/banks';
import { idFromUrl, REMOVED, type Register, type RegisterEntry } from '../sheets/documentsSheet';
import { logAction } from '../sheets/logSheet';
import { readPairs } from '../sheets/pairsSheet';
import { readSettings } from '../sheets/settings';
import { currentAccount } from '../state/manager';
import { liveFile, shareFile, unshareFile, type ShareRole } from './drive';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The kinds shared with the people they concern, and the role each gets. */
const SHARED: Partial<Record<DocumentKindId, ShareRole>> = {
  program: 'commenter',
  consentPersonalData: 'commenter',
  consentDuties: 'commenter',
};

const SEPARATOR = ', ';
const listOf = (cell: string | undefined) =>
  (cell ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);

export interface AccessResult {
  /** Letters sent (one per person). */
  letters: number;
  /** People left for the next run: the mail quota is spent. */
  waiting: number;
  /** The Docs shared in this call. */
  docs: string[];
  /** Accesses taken away from people the Doc no longer concerns. */
  revoked: number;
  /** People (bank ids) Drive would not share with, with the reason in Russian (no letter went to them). */
  refused: string[];
}

/** One person's documents newly opened in this batch. */
interface Letter {
  to: string;
  /** The person's bank id: «Журнал» names people by id, never by name or address. */
  id: string;
  docs: Array<{ row: number; title: string; url: string }>;
}

/** Live people's addresses by bank id. */
function addressesById(ss: Spreadsheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of ['mentee', 'mentor'] as const) {
    for (const e of Bank.open(ss, kind).entries()) {
      const address = e.status === WITHDRAWN_STATUS ? '' : normalizeAddress(e.email);
      if (address) out.set(e.id, address);
    }
  }
  return out;
}

/** The batch a sharing follows: what it was made for, and the register rows whose Doc it just saved. */
export interface SharedBatch {
  /** `related` of the batch's items (pair or person ids). */
  related: ReadonlySet<string>;
  /** Rows whose Doc this run made or checked: known to be live, no Drive request needed. */
  live: ReadonlySet<number>;
}

/**
 * Opens the batch's documents of this kind to the people they concern and writes each of them one letter;
 * what «Доступ открыт» already lists is neither shared nor announced again. The caller flushes the register.
 */
export function shareDocuments(
  ss: Spreadsheet,
  kind: DocumentKind,
  register: Register,
  batch: SharedBatch,
): AccessResult {
  const role = SHARED[kind.id];
  const result: AccessResult = { letters: 0, waiting: 0, revoked: 0, docs: [], refused: [] };
  if (!role) return result;
  const rows = register
    .rows()
    .filter(
      ({ entry }) =>
        entry.kindName === kind.shortTitle &&
        entry.status !== REMOVED &&
        batch.related.has(entry.related) &&
        idFromUrl(entry.docUrl),
    );
  if (rows.length === 0) return result;
  const address = addressesById(ss);
  const members = new Map(
    kind.scope === 'pair' ? readPairs(ss).map((p) => [p.id, [p.mentorId, ...p.menteeIds]] as const) : [],
  );
  const me = currentAccount().toLowerCase();
  const letters = new Map<string, Letter>();
  for (const { entry, row } of rows) {
    const ids = kind.scope === 'pair' ? (members.get(entry.related) ?? []) : [entry.related];
    const shared = new Set(listOf(entry.sharedWith));
    let live: boolean | undefined;
    // Someone the Doc no longer concerns (left the group, a new address) loses it: it names the others.
    const concerned = new Set(ids.map((id) => address.get(id)));
    const stale = new Set([...shared].filter((a) => !concerned.has(a)));
    if (stale.size > 0) {
      live = batch.live.has(row) || liveFile(idFromUrl(entry.docUrl)) !== null;
      if (live) result.revoked += unshareFile(idFromUrl(entry.docUrl), stale);
      for (const a of stale) shared.delete(a);
      register.stage(row, { sharedWith: [...shared].join(SEPARATOR) });
    }
    for (const id of ids) {
      const to = address.get(id);
      // The owner has the Doc already.
      if (!to || to === me || shared.has(to)) continue;
      // A signed Doc the batch left alone may be in the trash: asked once, and only when someone is new to it.
      live ??= batch.live.has(row) || liveFile(idFromUrl(entry.docUrl)) !== null;
      if (!live) break;
      const letter = letters.get(to) ?? { to, id, docs: [] };
      letter.docs.push({ row, title: entry.title, url: entry.docUrl });
      letters.set(to, letter);
    }
  }
  const closed = result.revoked > 0 ? ` Закрыт доступ тем, кого документ больше не касается: ${result.revoked}.` : '';
  if (letters.size === 0) {
    if (closed) logAction(ss, 'Документы', `${kind.shortTitle}:${closed}`);
    return result;
  }
  const all = [...letters.values()];
  const fitting = all.slice(0, Math.max(MailApp.getRemainingDailyQuota(), 0));
  result.waiting = all.length - fitting.length;
  const settings = readSettings(ss);
  const signature = curatorSignature(settings.school ?? ss.getName(), settings.curator);
  for (const letter of fitting) {
    const refusal = shareAll(letter, role);
    if (refusal) {
      result.refused.push(`${letter.id}: ${refusal}`);
      continue;
    }
    for (const doc of letter.docs) {
      const id = idFromUrl(doc.url);
      if (!result.docs.includes(id)) result.docs.push(id);
      const now = listOf(register.entry(doc.row).sharedWith);
      register.stage(doc.row, { sharedWith: [...now, letter.to].join(SEPARATOR) });
    }
    MailApp.sendEmail({
      to: letter.to,
      subject: letter.docs.length > 1 ? 'Наставничество: ваши документы' : 'Наставничество: ваш документ',
      ...letterBodies(letterLines(letter, signature)),
      name: ADDON_NAME,
    });
    result.letters++;
  }
  const tail =
    (result.waiting > 0
      ? ` Ещё ${result.waiting} — при следующем создании документов: дневная квота писем исчерпана.`
      : '') +
    (result.refused.length > 0 ? ` Доступ не открыт: ${result.refused.join('; ')}.` : '') +
    closed;
  logAction(ss, 'Документы', `${kind.shortTitle}: доступ открыт, писем отправлено ${result.letters}.${tail}`);
  return result;
}

/**
 * Opens the person's documents, or says in Russian why Drive refused: an address with no Google account
 * can only be invited by Google's own e-mail (emulator/RULES.md), so the person is told by the curator instead
 * of getting a link that would not open; their other documents are not opened either, and nobody else waits.
 */
function shareAll(letter: Letter, role: ShareRole): string {
  try {
    for (const doc of letter.docs) shareFile(idFromUrl(doc.url), letter.to, role);
    return '';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return /no Google account/i.test(message)
      ? 'у адреса нет аккаунта Google, Google Диск открывает документы только владельцам аккаунтов — передайте документ иначе или попросите другой адрес'
      : `Google Диск отказал: ${message}`;
  }
}

function letterLines(letter: Letter, signature: string): LetterLine[] {
  const many = letter.docs.length > 1;
  return [
    'Здравствуйте!',
    '',
    // A signed document is not edited any more: the comment reaches the curator, who decides.
    `Вам открыт доступ к ${many ? 'документам' : 'документу'} по наставничеству. Вы можете читать ${many ? 'их' : 'его'} ` +
      'и оставлять комментарии: если заметите ошибку, отметьте её комментарием — куратор его увидит.',
    '',
    ...letter.docs.map((d) => linkLine(`${d.title}:`, d.url, 'Открыть документ')),
    '',
    signature,
  ];
}

/**
 * A withdrawal of consent: these addresses lose their access to every document of the register and
 * leave «Доступ открыт»; how many accesses were taken away. Documents that concern the people (`concerns`:
 * their own, their pairs') are asked of Drive even when the column does not list them: staff may have
 * cleared it. The caller flushes the register.
 */
export function revokeAccess(
  register: Register,
  emails: readonly string[],
  concerns: (entry: RegisterEntry) => boolean = () => false,
): number {
  const gone = new Set(emails.map(normalizeAddress).filter(Boolean));
  if (gone.size === 0) return 0;
  let revoked = 0;
  for (const { entry, row } of register.rows()) {
    const shared = listOf(entry.sharedWith);
    const listed = shared.some((a) => gone.has(a));
    if (!listed && (entry.status === REMOVED || !concerns(entry))) continue;
    const id = idFromUrl(entry.docUrl);
    // A Doc deleted already has no access to take away; the column still loses the address.
    if (id && liveFile(id)) revoked += unshareFile(id, gone);
    if (listed) register.stage(row, { sharedWith: shared.filter((a) => !gone.has(a)).join(SEPARATOR) });
  }
  return revoked;
}
