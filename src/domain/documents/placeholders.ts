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

/** The text of a template, split the way checkTemplate needs it. */
export interface TemplateTexts {
  /** Paragraphs and table cells outside the repeating row. */
  outside: string[];
  /** The cells of the repeating row (a table row holding a row field); null when there is none. */
  row: string[] | null;
}

/**
 * The texts of template blocks as a template Doc built from them holds them: the repeating row is
 * the first table row with a row field of the kind, as the Docs layer finds it.
 */
export function blockTexts(kind: DocumentKind, blocks: TemplateBlock[] = kind.blocks): TemplateTexts {
  const rowNames = new Set(kind.rowFields.map((f) => f.name));
  const outside: string[] = [];
  let row: string[] | null = null;
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      outside.push(block.text);
      continue;
    }
    for (const cells of [...block.header, ...(block.row ? [block.row] : [])]) {
      const isRow = row === null && cells.some((c) => findPlaceholders(c).tokens.some((t) => rowNames.has(t.name)));
      if (isRow) row = [...cells];
      else outside.push(...cells);
    }
  }
  return { outside, row };
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

/**
 * Every problem of a template of `kind`, in Russian, for a methodologist who is not a programmer:
 * broken braces, unknown fields (with the closest known name), row fields outside the repeating
 * row, a missing repeating row. Empty when the template can be filled.
 */
export function checkTemplate(kind: DocumentKind, texts: TemplateTexts): string[] {
  const fieldNames = kind.fields.map((f) => f.name);
  const rowNames = kind.rowFields.map((f) => f.name);
  const known = [...fieldNames, ...rowNames];
  const brokenMessages: string[] = [];
  const unknown: string[] = [];
  const misplaced: string[] = [];

  const look = (text: string, inRow: boolean) => {
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
      } else if (!inRow && rowNames.includes(token.name) && !fieldNames.includes(token.name)) {
        misplaced.push(`Поле ${token.raw} можно использовать только в повторяющейся строке таблицы.`);
      }
    }
  };
  for (const text of texts.outside) look(text, false);
  for (const text of texts.row ?? []) look(text, true);

  const problems = [...brokenMessages, ...unknown, ...misplaced];
  if (rowNames.length > 0 && texts.row === null) {
    problems.push(
      `В шаблоне нет повторяющейся строки таблицы: добавьте в таблицу строку с полями ${list(kind.rowFields)}.`,
    );
  }
  if (unknown.length > 0) {
    problems.push(
      kind.rowFields.length > 0
        ? `Можно использовать поля: ${list(kind.fields)}; в повторяющейся строке таблицы — ещё ${list(kind.rowFields)}.`
        : `Можно использовать поля: ${list(kind.fields)}.`,
    );
  }
  return [...new Set(problems)];
}
