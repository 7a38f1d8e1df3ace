/**
 * Character-level editing of one paragraph's text (its runs): insert, delete, replace, per-character
 * attributes. Pure functions over the model; callers bump the revision. Offsets are UTF-16 indices, as
 * in Apps Script.
 */
import { paragraphText, type ParagraphNode, type TextAttrs, type TextRun } from './model';

export const TEXT_ATTR_KEYS = ['bold', 'italic', 'underline', 'fontSize', 'fontFamily', 'linkUrl'] as const;
export type TextAttrKey = (typeof TEXT_ATTR_KEYS)[number];

/** A change of attributes: a value sets it, null clears it (back to the style's default). */
export type AttrPatch = { [K in TextAttrKey]?: TextAttrs[K] | null };

function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  return TEXT_ATTR_KEYS.every((k) => a[k] === b[k]);
}

function cleanAttrs(a: TextAttrs): TextAttrs {
  const out: TextAttrs = {};
  for (const k of TEXT_ATTR_KEYS) if (a[k] !== undefined && a[k] !== null) (out as Record<string, unknown>)[k] = a[k];
  return out;
}

/** Drops empty runs and merges neighbours with equal attributes (the model's invariant). */
export function normalizeRuns(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameAttrs(last.attrs, r.attrs)) last.text += r.text;
    else out.push({ text: r.text, attrs: cleanAttrs(r.attrs) });
  }
  return out;
}

/** One entry per UTF-16 unit: its attributes object (shared between the units of a run). */
function explode(p: ParagraphNode): TextAttrs[] {
  const out: TextAttrs[] = [];
  for (const r of p.runs) for (let i = 0; i < r.text.length; i++) out.push(r.attrs);
  return out;
}

function rebuild(text: string, attrs: TextAttrs[]): TextRun[] {
  const runs: TextRun[] = [];
  for (let i = 0; i < text.length; i++) runs.push({ text: text[i], attrs: attrs[i] });
  return normalizeRuns(runs);
}

/** The attributes of the character at `offset` (a copy); {} past the end of an empty text. */
export function attrsAt(p: ParagraphNode, offset: number): TextAttrs {
  let pos = 0;
  for (const r of p.runs) {
    if (offset < pos + r.text.length) return { ...r.attrs };
    pos += r.text.length;
  }
  return {};
}

/**
 * What newly inserted text at `offset` looks like: the character before it (as Docs does); at the
 * start, the first character; in an empty paragraph, no attributes.
 */
export function insertionAttrs(p: ParagraphNode, offset: number): TextAttrs {
  const length = paragraphText(p).length;
  if (length === 0) return {};
  return attrsAt(p, offset > 0 ? offset - 1 : 0);
}

export function insertText(p: ParagraphNode, offset: number, text: string, attrs = insertionAttrs(p, offset)): void {
  if (text === '') return;
  const all = paragraphText(p);
  const per = explode(p);
  const added = Array.from({ length: text.length }, () => attrs);
  p.runs = rebuild(all.slice(0, offset) + text + all.slice(offset), [
    ...per.slice(0, offset),
    ...added,
    ...per.slice(offset),
  ]);
}

/** Deletes characters start…endInclusive. */
export function deleteText(p: ParagraphNode, start: number, endInclusive: number): void {
  const all = paragraphText(p);
  const per = explode(p);
  p.runs = rebuild(all.slice(0, start) + all.slice(endInclusive + 1), [
    ...per.slice(0, start),
    ...per.slice(endInclusive + 1),
  ]);
}

/** Replaces start…endExclusive by `text`, which takes the attributes of the first replaced character. */
export function replaceRange(p: ParagraphNode, start: number, endExclusive: number, text: string): void {
  const attrs = attrsAt(p, start);
  const all = paragraphText(p);
  const per = explode(p);
  p.runs = rebuild(all.slice(0, start) + text + all.slice(endExclusive), [
    ...per.slice(0, start),
    ...Array.from({ length: text.length }, () => attrs),
    ...per.slice(endExclusive),
  ]);
}

/** Sets the whole text; it takes the attributes the first character had. */
export function setText(p: ParagraphNode, text: string): void {
  const attrs = attrsAt(p, 0);
  p.runs = normalizeRuns([{ text, attrs }]);
}

/** Applies `patch` to characters start…endInclusive. */
export function patchAttrs(p: ParagraphNode, start: number, endInclusive: number, patch: AttrPatch): void {
  const all = paragraphText(p);
  const per = explode(p);
  const cache = new Map<TextAttrs, TextAttrs>();
  for (let i = start; i <= endInclusive && i < per.length; i++) {
    const before = per[i];
    let after = cache.get(before);
    if (!after) {
      after = { ...before };
      for (const k of Object.keys(patch) as TextAttrKey[]) {
        const v = patch[k];
        if (v === null || v === undefined) delete after[k];
        else (after as Record<string, unknown>)[k] = v;
      }
      cache.set(before, after);
    }
    per[i] = after;
  }
  p.runs = rebuild(all, per);
}

/** Offsets where a run of different attributes starts (Text.getTextAttributeIndices). */
export function attributeIndices(p: ParagraphNode): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const r of p.runs) {
    out.push(pos);
    pos += r.text.length;
  }
  return out.length ? out : [0];
}
