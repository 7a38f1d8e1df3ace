/**
 * Placeholders in document templates: `{{имя}}`. A name is compared after normalisation (trim, lower
 * case, ё → е, runs of spaces, hyphens, dashes and underscores → one «_»), so `{{ Школа }}`,
 * `{{школа}}` and `{{ШКОЛА}}` are the same field and `{{номер приказа}}` is `{{номер_приказа}}`.
 *
 * Everything here is pure: the Docs layer reads a template's text, asks checkTemplate what is wrong
 * with it (in Russian, for a methodologist), and replaces each raw token it found with
 * placeholderPattern, an RE2-safe pattern for Body.replaceText / findText.
 */
import { foldRu } from '../dates';
import { NAME_FORMS, nameFieldBase } from './names';
import type { DocumentKind, PlaceholderSpec, TemplateBlock } from './types';

export interface PlaceholderToken {
  /** Exactly as written in the text, braces included: «{{ Школа }}». */
  raw: string;
  /** Normalised: «школа». */
  name: string;
}

export interface PlaceholderScan {
  tokens: PlaceholderToken[];
  /** The offending fragments, with a few characters of context: «…дата {{номер_прик…». */
  broken: string[];
}

/** Why a fragment is not a placeholder. */
export type BrokenReason =
  /** `{{` with no `}}` after it. */
  | 'unclosed'
  /** `}}` with no `{{` before it. */
  | 'unopened'
  /** `{{}}` or `{{  }}`. */
  | 'empty'
  /** `{{a {{b}} c}}`. */
  | 'nested'
  /** `{{{a}}}`: three or more braces in a row. */
  | 'extraBraces'
  /** `{{шко}ла}}`: a single brace inside. */
  | 'strayBrace'
  /** A placeholder split over two lines (paragraphs). */
  | 'lineBreak';

export interface BrokenPlaceholder {
  reason: BrokenReason;
  fragment: string;
  /** Offset of the problem in the text. */
  start: number;
}

export interface PlaceholderMatch extends PlaceholderToken {
  start: number;
  end: number;
}

export interface PlaceholderDetails {
  tokens: PlaceholderMatch[];
  broken: BrokenPlaceholder[];
}

/** Characters of context shown on each side of a broken fragment. */
const CONTEXT = 12;
/** A longer problem is shown shortened to its beginning and end. */
const MAX_SPAN = 48;

/** The name a placeholder's inner text stands for: «  Номер - приказа » → «номер_приказа». */
export function normalizePlaceholderName(inner: string): string {
  return foldRu(inner.trim())
    .replace(/[\s\-_\u2010-\u2015\u2212]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `{{name}}`, the canonical way to write a field. */
export function placeholder(name: string): string {
  return `{{${name}}}`;
}

function lineStart(text: string, at: number): number {
  const i = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1));
  return i + 1;
}

function lineEnd(text: string, at: number): number {
  const ends = [text.indexOf('\n', at), text.indexOf('\r', at)].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : text.length;
}

/** The problem text[start, end) with a little context from its line(s), «…» where the context is cut. */
function fragmentAt(text: string, start: number, end: number): string {
  const first = lineStart(text, start);
  const last = lineEnd(text, Math.max(start, end - 1));
  const from = Math.max(first, start - CONTEXT);
  const to = Math.min(last, end + CONTEXT);
  let middle = text.slice(start, end);
  if (middle.length > MAX_SPAN) middle = `${middle.slice(0, MAX_SPAN - 16)}…${middle.slice(-15)}`;
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const shown =
    (from > first ? `…${before.trimStart()}` : before) + middle + (to < last ? `${after.trimEnd()}…` : after);
  return shown.replace(/\s+/g, ' ').trim();
}

interface BraceRun {
  start: number;
  end: number;
  open: boolean;
  extra: boolean;
}

function braceRuns(text: string): BraceRun[] {
  const runs: BraceRun[] = [];
  for (const m of text.matchAll(/\{{2,}|\}{2,}/g)) {
    const start = m.index ?? 0;
    runs.push({ start, end: start + m[0].length, open: m[0][0] === '{', extra: m[0].length > 2 });
  }
  return runs;
}

/** Placeholders of a text with their offsets, and what looks like a placeholder but is broken. */
export function scanPlaceholders(text: string): PlaceholderDetails {
  const tokens: PlaceholderMatch[] = [];
  const broken: BrokenPlaceholder[] = [];
  const bad = (reason: BrokenReason, start: number, end: number) =>
    broken.push({ reason, start, fragment: fragmentAt(text, start, end) });
  const runs = braceRuns(text);
  let i = 0;
  while (i < runs.length) {
    const run = runs[i];
    if (!run.open) {
      bad(run.extra ? 'extraBraces' : 'unopened', run.start, run.end);
      i += 1;
      continue;
    }
    const next = runs[i + 1];
    if (!next) {
      bad('unclosed', run.start, run.end);
      i += 1;
      continue;
    }
    if (!next.open) {
      const inner = text.slice(run.end, next.start);
      const name = normalizePlaceholderName(inner);
      if (run.extra || next.extra) bad('extraBraces', run.start, next.end);
      else if (/[\r\n\u2028\u2029]/.test(inner)) bad('lineBreak', run.start, next.end);
      else if (/[{}]/.test(inner)) bad('strayBrace', run.start, next.end);
      else if (name === '') bad('empty', run.start, next.end);
      else tokens.push({ raw: text.slice(run.start, next.end), name, start: run.start, end: next.end });
      i += 2;
      continue;
    }
    // `{{` then `{{` again: a placeholder inside another one, or this `{{` is never closed.
    let depth = 0;
    let k = i;
    for (; k < runs.length; k++) {
      depth += runs[k].open ? 1 : -1;
      if (depth === 0) break;
    }
    if (k < runs.length) {
      bad('nested', run.start, runs[k].end);
      i = k + 1;
    } else {
      bad('unclosed', run.start, run.end);
      i += 1;
    }
  }
  broken.sort((a, b) => a.start - b.start);
  return { tokens, broken };
}

/** The placeholders of a text, in order (repeats included), and the broken fragments. */
export function findPlaceholders(text: string): PlaceholderScan {
  const { tokens, broken } = scanPlaceholders(text);
  return { tokens: tokens.map(({ raw, name }) => ({ raw, name })), broken: broken.map((b) => b.fragment) };
}

/**
 * A regular expression (as a string) that matches exactly `raw`, safe for RE2 (Apps Script's
 * Body.replaceText / findText) and for JavaScript: every metacharacter is escaped.
 */
export function placeholderPattern(raw: string): string {
  return raw.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/**
 * Replaces every placeholder of `text` whose name has a value, in one pass. Values go in literally:
 * a value holding «{{школа}}», «$1» or a backslash stays exactly as it is. Placeholders without a
 * value and broken fragments are left as written.
 */
export function fillText(text: string, values: Record<string, string>): string {
  const byName = new Map<string, string>();
  for (const key of Object.keys(values)) byName.set(normalizePlaceholderName(key), String(values[key] ?? ''));
  let out = '';
  let at = 0;
  for (const token of scanPlaceholders(text).tokens) {
    const value = byName.get(token.name);
    if (value === undefined) continue;
    out += text.slice(at, token.start) + value;
    at = token.end;
  }
  return out + text.slice(at);
}

/** The key of the repeating group made of a kind's `rowFields` (extra tables have their own keys). */
export const ROW_GROUP = '';

/** A repeating table row's fields: the kind's `rowFields` (key ROW_GROUP) or one extra table's. */
export interface RowGroup {
  key: string;
  /** Russian, for messages; '' for the rowFields group. */
  label: string;
  fields: PlaceholderSpec[];
}

/** The repeating groups of a kind: its `rowFields` when it has any, then its extra tables, in order. */
export function rowGroups(kind: DocumentKind): RowGroup[] {
  const groups: RowGroup[] = [];
  if (kind.rowFields.length > 0) groups.push({ key: ROW_GROUP, label: '', fields: kind.rowFields });
  for (const t of kind.tables ?? []) groups.push({ key: t.key, label: t.label, fields: t.fields });
  return groups;
}

/** Keys of the groups whose fields the text of a table row holds, in the kind's order. */
export function rowGroupsOf(kind: DocumentKind, rowText: string): string[] {
  const names = new Set(findPlaceholders(rowText).tokens.map((t) => t.name));
  return rowGroups(kind)
    .filter((g) => g.fields.some((f) => names.has(f.name)))
    .map((g) => g.key);
}

/** What a table row of a template is: a group's repeating row, a row mixing groups, or plain text. */
export type RowRole = { type: 'outside' } | { type: 'repeating'; group: string } | { type: 'mixed'; groups: string[] };

/**
 * Tells the table rows of a template apart, fed one row at a time in document order: the first row
 * holding fields of exactly one group is that group's repeating row; a later one is plain text (its
 * fields are then reported as used outside their row); a row holding fields of two groups is mixed.
 */
export function rowSorter(kind: DocumentKind): (rowText: string) => RowRole {
  const taken = new Set<string>();
  return (rowText) => {
    const groups = rowGroupsOf(kind, rowText);
    if (groups.length > 1) return { type: 'mixed', groups };
    if (groups.length === 1 && !taken.has(groups[0])) {
      taken.add(groups[0]);
      return { type: 'repeating', group: groups[0] };
    }
    return { type: 'outside' };
  };
}

/** The text of a template, split the way checkTemplate needs it. */
export interface TemplateTexts {
  /** Paragraphs and table cells outside the repeating rows. */
  outside: string[];
  /** The cells of the repeating row (a table row holding a row field); null when there is none. */
  row: string[] | null;
  /** The cells of each extra table's repeating row, by table key; a row the template lacks is absent. */
  tables?: Record<string, string[]>;
  /** The cells of each table row holding fields of two or more groups (no group can be filled from it). */
  mixed?: string[][];
}

/**
 * The texts of template blocks as a template Doc built from them holds them: the repeating row of a
 * group is the first table row with a field of that group only, as the Docs layer finds it.
 */
export function blockTexts(kind: DocumentKind, blocks: TemplateBlock[] = kind.blocks): TemplateTexts {
  const roleOf = rowSorter(kind);
  const outside: string[] = [];
  let row: string[] | null = null;
  const tables: Record<string, string[]> = {};
  const mixed: string[][] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      outside.push(block.text);
      continue;
    }
    for (const cells of [...block.header, ...(block.row ? [block.row] : [])]) {
      const role = roleOf(cells.join('\n'));
      if (role.type === 'mixed') mixed.push([...cells]);
      else if (role.type === 'outside') outside.push(...cells);
      else if (role.group === ROW_GROUP) row = [...cells];
      else tables[role.group] = [...cells];
    }
  }
  return {
    outside,
    row,
    ...((kind.tables ?? []).length > 0 ? { tables } : {}),
    ...(mixed.length > 0 ? { mixed } : {}),
  };
}

/** Edit distance (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Latin letters that look like Cyrillic ones, as they slip into names typed on a Latin layout. */
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

function cyrillicLookalike(name: string): string {
  return name.replace(/[a-z]/g, (ch) => LOOKALIKES[ch] ?? ch);
}

/**
 * The known name closest to `name`, when one is close enough to be a typo: a few letters off,
 * Latin look-alike letters, or a part of a longer name («номер» → «номер_приказа»); else null.
 */
export function closestPlaceholderName(name: string, known: readonly string[]): string | null {
  const cyr = cyrillicLookalike(name);
  if (known.includes(cyr)) return cyr;
  const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(cyr, candidate);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best) return best;
  return known.find((k) => k.startsWith(`${cyr}_`) || k.endsWith(`_${cyr}`)) ?? null;
}

const BROKEN_MESSAGES: Record<BrokenReason, (fragment: string) => string> = {
  unclosed: (f) => `Поле не закрыто: «${f}» — в конце поля нужны две скобки }}.`,
  unopened: (f) => `Скобки }} без открывающих {{: «${f}».`,
  empty: (f) => `Пустое поле: «${f}» — впишите имя поля или удалите скобки.`,
  nested: (f) => `Поле внутри другого поля: «${f}» — так писать нельзя, разделите поля.`,
  extraBraces: (f) => `Лишние фигурные скобки: «${f}» — поле пишется с двумя скобками с каждой стороны: {{имя}}.`,
  strayBrace: (f) => `Лишняя скобка внутри поля: «${f}».`,
  lineBreak: (f) => `Поле разорвано переносом строки: «${f}» — имя поля должно быть на одной строке.`,
};

const list = (specs: PlaceholderSpec[]) => specs.map((s) => placeholder(s.name)).join(', ');

/** Where a field of `group` may stand, for messages: «в повторяющейся строке таблицы «Мероприятия»». */
function rowPlace(group: RowGroup): string {
  return group.key === ROW_GROUP ? 'в повторяющейся строке таблицы' : `в повторяющейся строке таблицы «${group.label}»`;
}

/** A group named in the message about a mixed row. */
function groupName(group: RowGroup): string {
  return group.key === ROW_GROUP ? 'основная таблица' : `таблица «${group.label}»`;
}

/** Context of a text being checked: outside every row, a group's row, or a row mixing groups. */
const MIXED = Symbol('mixed');

/**
 * Every problem of a template of `kind`, in Russian, for a methodologist who is not a programmer:
 * broken braces, unknown fields (with the closest known name), row fields outside their repeating
 * row, fields of two tables in one row, a missing repeating row. Empty when the template can be
 * filled. (The row of an extra table may be missing: that table is then simply not filled.)
 */
export function checkTemplate(kind: DocumentKind, texts: TemplateTexts): string[] {
  const fieldNames = kind.fields.map((f) => f.name);
  const rowNames = kind.rowFields.map((f) => f.name);
  const groups = rowGroups(kind);
  // A person named in one form may be named in any other («{{куратор}}» of a template made before the
  // forms existed, «{{куратор_родительный}}» a curator adds): the data fills them all.
  const forms = fieldNames
    .filter((f) => nameFieldBase(f) !== f)
    .map(nameFieldBase)
    .flatMap((b) => [b, ...NAME_FORMS.map((form) => `${b}_${form}`)]);
  const known = [
    ...new Set([
      ...fieldNames,
      ...forms,
      ...rowNames,
      ...(kind.tables ?? []).flatMap((t) => t.fields.map((f) => f.name)),
    ]),
  ];
  const groupOf = new Map<string, RowGroup>();
  for (const g of groups) for (const f of g.fields) if (!groupOf.has(f.name)) groupOf.set(f.name, g);
  const brokenMessages: string[] = [];
  const unknown: string[] = [];
  const misplaced: string[] = [];
  const mixedMessages: string[] = [];

  /** `context`: the key of the group whose row `text` is in, null outside every row. */
  const look = (text: string, context: string | null | typeof MIXED) => {
    const { tokens, broken } = scanPlaceholders(text);
    for (const b of broken) brokenMessages.push(BROKEN_MESSAGES[b.reason](b.fragment));
    for (const token of tokens) {
      if (!known.includes(token.name)) {
        const latin = /[a-z]/.test(token.name) ? ': в имени есть латинские буквы' : '';
        const suggestion = closestPlaceholderName(token.name, known);
        unknown.push(
          suggestion
            ? `Неизвестное поле ${token.raw}${latin} — может быть, ${placeholder(suggestion)}?`
            : `Неизвестное поле ${token.raw}${latin}.`,
        );
        continue;
      }
      const group = groupOf.get(token.name);
      if (context !== MIXED && group && group.key !== context && !fieldNames.includes(token.name)) {
        misplaced.push(`Поле ${token.raw} можно использовать только ${rowPlace(group)}.`);
      }
    }
  };
  for (const text of texts.outside) look(text, null);
  for (const text of texts.row ?? []) look(text, ROW_GROUP);
  for (const [key, cells] of Object.entries(texts.tables ?? {})) for (const text of cells) look(text, key);
  for (const cells of texts.mixed ?? []) {
    for (const text of cells) look(text, MIXED);
    const tokens = cells.flatMap((c) => scanPlaceholders(c).tokens);
    const parts = groups.flatMap((g) => {
      const raws = [...new Set(tokens.filter((t) => groupOf.get(t.name) === g).map((t) => t.raw))];
      return raws.length > 0 ? [`${raws.join(', ')} (${groupName(g)})`] : [];
    });
    mixedMessages.push(
      `В одной строке таблицы поля разных таблиц: ${parts.join(', ')} — у каждой таблицы должна быть своя ` +
        'строка с её полями.',
    );
  }

  const problems = [...brokenMessages, ...unknown, ...misplaced, ...mixedMessages];
  if (rowNames.length > 0 && texts.row === null) {
    problems.push(
      `В шаблоне нет повторяющейся строки таблицы: добавьте в таблицу строку с полями ${list(kind.rowFields)}.`,
    );
  }
  if (unknown.length > 0) {
    const parts = [`Можно использовать поля: ${list(kind.fields)}`];
    if (kind.rowFields.length > 0) parts.push(`в повторяющейся строке таблицы — ещё ${list(kind.rowFields)}`);
    for (const t of kind.tables ?? []) parts.push(`в строке таблицы «${t.label}» — ещё ${list(t.fields)}`);
    problems.push(`${parts.join('; ')}.`);
  }
  return [...new Set(problems)];
}
