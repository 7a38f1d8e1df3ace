/**
 * What each template holds (its placeholders, repeating rows and problems), kept with the add-on's
 * state by template and its last change in Drive: a batch call reads a template it has inspected
 * before without opening it (a Doc open, its body and its text: three calls per call of a batch).
 * Any edit to the template changes its modifiedTime and it is inspected again.
 */
import type { DocumentKind } from '../domain/documents/types';
import { readJsonProperty, writeJsonProperty } from '../state/store';
import type { TemplateDoc } from './generate';
import { inspectTemplate, type TemplateShape } from './merge';

const SHAPES = 'templateShapes';
/** Bumped when inspectTemplate reads a template differently (new checks): older entries are not used. */
const VERSION = 1;

interface Saved {
  version: number;
  modifiedTime: string;
  shape: TemplateShape;
}

export function templateShape(kind: DocumentKind, template: TemplateDoc): TemplateShape {
  // Without Drive's last change there is nothing to tell a stale entry by: inspect every time.
  if (!template.modifiedTime) return inspectTemplate(kind, template.body);
  const key = `${kind.id}:${template.id}`;
  const saved = readJsonProperty<Record<string, Saved>>(SHAPES, {});
  const known = saved[key];
  if (known && known.version === VERSION && known.modifiedTime === template.modifiedTime) return known.shape;
  const shape = inspectTemplate(kind, template.body);
  // One entry per kind: the period's template replaces the previous one.
  for (const k of Object.keys(saved)) if (k.startsWith(`${kind.id}:`)) delete saved[k];
  saved[key] = { version: VERSION, modifiedTime: template.modifiedTime, shape };
  writeJsonProperty(SHAPES, saved);
  return shape;
}
