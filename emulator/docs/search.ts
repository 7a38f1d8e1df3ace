/**
 * findText / replaceText: an RE2 pattern matched inside each paragraph's text on its own (never across
 * paragraphs or table cells), and the RangeElement a search returns.
 */
import type { RE2JS } from 're2js';
import { signatureError, unwrap } from '../core/gasObject';
import { Wrapped, wrap } from '../services/common';
import type { DocSession } from './context';
import { elementOf, type GElement, type GRangeElement } from './element';
import { paragraphsIn, type LayoutNode } from './layout';
import { paragraphText, type ParagraphNode } from './model';
import { compileRe2, invalidPatternMessage, matches, PatternError } from './regex';
import { replaceRange } from './runs';

type RE = GoogleAppsScript.Document.RangeElement;

export class RangeElementImpl
  extends Wrapped
  implements Pick<RE, 'getElement' | 'getStartOffset' | 'getEndOffsetInclusive' | 'isPartial'>
{
  constructor(
    readonly session: DocSession,
    readonly paragraph: ParagraphNode,
    readonly detached: boolean,
    readonly start: number,
    readonly endInclusive: number,
  ) {
    super();
  }
  getElement(): GElement {
    return elementOf(this.session, this.paragraph, 'TEXT', this.detached);
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.endInclusive;
  }
  /** True when the match covers only part of the Text element. */
  isPartial(): boolean {
    return this.start > 0 || this.endInclusive < paragraphText(this.paragraph).length - 1;
  }
}

export function compilePattern(session: DocSession, method: string, pattern: unknown): RE2JS {
  if (typeof pattern !== 'string') throw signatureError(session.ctx.env, method, [pattern]);
  try {
    return compileRe2(pattern);
  } catch (e) {
    if (e instanceof PatternError) throw session.ctx.env.error(invalidPatternMessage(pattern, e.message));
    throw e;
  }
}

/**
 * The first match in `root`'s paragraphs, in document order, after `from` when given (a RangeElement
 * from an earlier search inside the same element). null when there is none.
 */
export function findIn(
  session: DocSession,
  root: LayoutNode,
  detached: boolean,
  method: string,
  pattern: unknown,
  from?: unknown,
): GRangeElement | null {
  const re = compilePattern(session, method, pattern);
  const paragraphs = paragraphsIn(root);
  let startPara = 0;
  let startOffset = 0;
  if (from !== undefined && from !== null) {
    const prev = unwrap(from) as unknown;
    if (!(prev instanceof RangeElementImpl)) throw signatureError(session.ctx.env, method, [pattern, from]);
    startPara = paragraphs.indexOf(prev.paragraph);
    if (startPara < 0)
      throw session.ctx.env.error('Invalid argument: from (the RangeElement is not inside this element)');
    startOffset = prev.endInclusive + 1;
  }
  for (let i = startPara; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    for (const [s, e] of matches(re, paragraphText(p), i === startPara ? startOffset : 0)) {
      return wrap(
        session.ctx.env,
        'Document.RangeElement',
        new RangeElementImpl(session, p, detached, s, e - 1),
      ) as unknown as GRangeElement;
    }
  }
  return null;
}

/**
 * Replaces every match in each paragraph of `root` by `replacement`, literally (no $1 / \ handling —
 * our choice, see emulator/README.md); each replacement takes the attributes of the first character it
 * replaces. Returns whether anything changed.
 */
export function replaceIn(
  session: DocSession,
  root: LayoutNode,
  method: string,
  pattern: unknown,
  replacement: unknown,
): boolean {
  if (typeof replacement !== 'string') throw signatureError(session.ctx.env, method, [pattern, replacement]);
  const re = compilePattern(session, method, pattern);
  const text = replacement.replace(/\n/g, '\r');
  let any = false;
  for (const p of paragraphsIn(root)) {
    const found = [...matches(re, paragraphText(p))];
    for (let k = found.length - 1; k >= 0; k--) replaceRange(p, found[k][0], found[k][1], text);
    if (found.length) any = true;
  }
  return any;
}
