/**
 * The reminder letter: short Russian text (plain and HTML) built from the digest's items only (numbers,
 * titles, deadlines, where they live) — never from the free-text notes of meetings or answers.
 */
import { formatRuDate, isIsoDay } from '../dates';
import { letterBodies, linkLine, type LetterLine } from '../letterBody';
import { plural } from '../russianPlural';
import type { Digest, ReminderItem, ReminderKind } from './types';
import { ADDON_NAME } from '../addon';

export interface LetterContext {
  school: string;
  spreadsheetUrl: string;
  todayIso: string;
}

export interface Letter {
  subject: string;
  /** Plain text, each link on its own line. */
  body: string;
  /** The same letter in HTML, each link a short named link. */
  htmlBody: string;
}

const SECTIONS: Array<{ kind: ReminderKind; heading: string }> = [
  { kind: 'overdue', heading: 'Просрочено:' },
  { kind: 'soon', heading: 'Срок в ближайшие дни:' },
  { kind: 'monitoring', heading: 'Мониторинг: просим заполнить анкету' },
];

export const REMINDERS_OFF_HINT =
  'Чтобы отключить напоминания, попросите куратора наставничества указать на листе «Настройки» ' +
  'в строке «Напоминания: включены» значение «нет».';

function oneLine(text: string): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** «Наставничество: 2 просроченных, 1 скоро срок, 1 анкета». */
export function digestSubject(digest: Digest): string {
  const count = (kind: ReminderKind) => digest.items.filter((i) => i.kind === kind).length;
  const [overdue, soon, monitoring] = [count('overdue'), count('soon'), count('monitoring')];
  const parts: string[] = [];
  if (overdue > 0) parts.push(`${overdue} ${plural(overdue, 'просроченное', 'просроченных', 'просроченных')}`);
  if (soon > 0) parts.push(`${soon} скоро срок`);
  if (monitoring > 0) parts.push(`${monitoring} ${plural(monitoring, 'анкета', 'анкеты', 'анкет')}`);
  return `${ADDON_NAME}: ${parts.length > 0 ? parts.join(', ') : 'напоминание'}`;
}

/** «• 6.1 Мониторинг … — срок 20.05.2027 (Дорожная карта)», plus the form link («Открыть анкету»). */
function itemLines(item: ReminderItem): LetterLine[] {
  const due = isIsoDay(item.due) ? ` — срок ${formatRuDate(item.due)}` : '';
  const source = oneLine(item.source);
  const lines: LetterLine[] = [`• ${oneLine(item.title)}${due}${source ? ` (${source})` : ''}`];
  const link = oneLine(item.link ?? '');
  if (link) lines.push(linkLine('  Ссылка на анкету:', link, 'Открыть анкету'));
  return lines;
}

/** The letter for one recipient. */
export function composeDigest(digest: Digest, ctx: LetterContext): Letter {
  const school = oneLine(ctx.school);
  const today = isIsoDay(ctx.todayIso) ? ` на ${formatRuDate(ctx.todayIso)}` : '';
  const lines: LetterLine[] = [
    'Здравствуйте!',
    '',
    `Напоминание о мероприятиях программы наставничества${school ? ` (${school})` : ''}${today}.`,
  ];
  for (const { kind, heading } of SECTIONS) {
    const items = digest.items.filter((i) => i.kind === kind);
    if (items.length === 0) continue;
    lines.push('', heading, ...items.flatMap(itemLines));
  }
  const url = oneLine(ctx.spreadsheetUrl);
  if (url) lines.push('', linkLine('Таблица наставничества:', url, 'Открыть таблицу'));
  lines.push('', '—', 'Письмо отправлено автоматически.', REMINDERS_OFF_HINT);
  return { subject: digestSubject(digest), ...letterBodies(lines) };
}
