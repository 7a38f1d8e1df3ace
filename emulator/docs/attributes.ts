/**
 * getAttributes / setAttributes: DocumentApp.Attribute names ↔ the model's fields, per element kind.
 * Keys are the enum names (`style[DocumentApp.Attribute.BOLD] = true` keys the object by 'BOLD').
 * Unset attributes read as null. Setting an attribute the model does not have throws (not implemented).
 */
import { enumKey } from '../services/common';
import { Attribute, HorizontalAlignment, ParagraphHeading, type AttributeName } from './enums';
import type { AlignmentName, DocModel, HeadingName, ParagraphNode, TableCellNode, TableNode, TextAttrs } from './model';
import type { AttrPatch, TextAttrKey } from './runs';

/** Thrown for a bad value; the caller turns it into a script error. */
export class AttributeError extends Error {}

interface Spec<N> {
  get(node: N): unknown;
  set(node: N, value: unknown): void;
}

function num(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new AttributeError(`Invalid value for attribute ${name}`);
  return v;
}

function optNumber<N>(field: keyof N & string, name: string): Spec<N> {
  return {
    get: (n) => (n[field] as unknown) ?? null,
    set: (n, v) => {
      if (v === null) delete (n as Record<string, unknown>)[field];
      else (n as Record<string, unknown>)[field] = num(name, v);
    },
  };
}

export const PARAGRAPH_ATTRS: Partial<Record<AttributeName, Spec<ParagraphNode>>> = {
  HEADING: {
    get: (p) => ParagraphHeading[p.heading],
    set: (p, v) => {
      const k = v === null ? 'NORMAL' : enumKey(ParagraphHeading, v);
      if (!k) throw new AttributeError('Invalid value for attribute HEADING');
      p.heading = k as HeadingName;
    },
  },
  HORIZONTAL_ALIGNMENT: {
    get: (p) => (p.alignment ? HorizontalAlignment[p.alignment] : null),
    set: (p, v) => {
      const k = v === null ? null : enumKey(HorizontalAlignment, v);
      if (v !== null && !k) throw new AttributeError('Invalid value for attribute HORIZONTAL_ALIGNMENT');
      p.alignment = (k ?? null) as AlignmentName | null;
    },
  },
  INDENT_FIRST_LINE: optNumber('indentFirstLine', 'INDENT_FIRST_LINE'),
  INDENT_START: optNumber('indentStart', 'INDENT_START'),
  SPACING_BEFORE: optNumber('spacingBefore', 'SPACING_BEFORE'),
  SPACING_AFTER: optNumber('spacingAfter', 'SPACING_AFTER'),
  LINE_SPACING: optNumber('lineSpacing', 'LINE_SPACING'),
};

export const TABLE_ATTRS: Partial<Record<AttributeName, Spec<TableNode>>> = {
  BORDER_WIDTH: optNumber('borderWidth', 'BORDER_WIDTH'),
};

export const CELL_ATTRS: Partial<Record<AttributeName, Spec<TableCellNode>>> = {
  WIDTH: optNumber('width', 'WIDTH'),
  BACKGROUND_COLOR: {
    get: (c) => c.backgroundColor ?? null,
    set: (c, v) => {
      if (v === null) delete c.backgroundColor;
      else if (typeof v === 'string') c.backgroundColor = v;
      else throw new AttributeError('Invalid value for attribute BACKGROUND_COLOR');
    },
  },
};

export const BODY_ATTRS: Partial<Record<AttributeName, Spec<DocModel>>> = {
  MARGIN_TOP: { get: (d) => d.margins.top, set: (d, v) => (d.margins.top = num('MARGIN_TOP', v ?? 72)) },
  MARGIN_BOTTOM: { get: (d) => d.margins.bottom, set: (d, v) => (d.margins.bottom = num('MARGIN_BOTTOM', v ?? 72)) },
  MARGIN_LEFT: { get: (d) => d.margins.left, set: (d, v) => (d.margins.left = num('MARGIN_LEFT', v ?? 72)) },
  MARGIN_RIGHT: { get: (d) => d.margins.right, set: (d, v) => (d.margins.right = num('MARGIN_RIGHT', v ?? 72)) },
};

/** Character attributes: Attribute name → model key and value kind. */
export const TEXT_ATTRS: Partial<Record<AttributeName, { key: TextAttrKey; kind: 'boolean' | 'number' | 'string' }>> = {
  BOLD: { key: 'bold', kind: 'boolean' },
  ITALIC: { key: 'italic', kind: 'boolean' },
  UNDERLINE: { key: 'underline', kind: 'boolean' },
  FONT_SIZE: { key: 'fontSize', kind: 'number' },
  FONT_FAMILY: { key: 'fontFamily', kind: 'string' },
  LINK_URL: { key: 'linkUrl', kind: 'string' },
};

/** The attribute-object keys a script passed, each checked to be a DocumentApp.Attribute name. */
function entries(attributes: unknown): Array<[AttributeName, unknown]> {
  if (!attributes || typeof attributes !== 'object') throw new AttributeError('Invalid argument: attributes');
  return Object.entries(attributes as Record<string, unknown>)
    .filter(([k]) => k in Attribute)
    .map(([k, v]) => [k as AttributeName, v === undefined ? null : v]);
}

/**
 * Splits a script's attribute object into the element's own attributes and character attributes.
 * Throws AttributeError for an attribute this element kind does not model (with a non-null value).
 */
export function splitAttributes<N>(
  attributes: unknown,
  own: Partial<Record<AttributeName, Spec<N>>>,
  withText: boolean,
): { ownSets: Array<[Spec<N>, unknown]>; text: AttrPatch } {
  const ownSets: Array<[Spec<N>, unknown]> = [];
  const text: AttrPatch = {};
  for (const [name, value] of entries(attributes)) {
    const spec = own[name];
    const t = TEXT_ATTRS[name];
    if (spec) ownSets.push([spec, value]);
    else if (withText && t) {
      if (value !== null && typeof value !== t.kind) throw new AttributeError(`Invalid value for attribute ${name}`);
      (text as Record<string, unknown>)[t.key] = value;
    } else if (value !== null) {
      throw new AttributeError(`Attribute ${name} is not implemented by the emulator for this element`);
    }
  }
  return { ownSets, text };
}

export function readAttributes<N>(node: N, own: Partial<Record<AttributeName, Spec<N>>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(own)) out[name] = spec!.get(node);
  return out;
}

/** Character attributes as getAttributes shows them: a value when every character agrees, else null. */
export function readTextAttributes(perChar: TextAttrs[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, t] of Object.entries(TEXT_ATTRS)) {
    const values = new Set(perChar.map((a) => a[t!.key] ?? null));
    out[name] = values.size === 1 ? [...values][0] : null;
  }
  return out;
}
