/**
 * Docs' search patterns: findText / replaceText take a regular expression STRING in RE2 syntax ("Google
 * products use RE2 for regular expressions", https://support.google.com/docs/answer/3098245; syntax:
 * https://github.com/google/re2/wiki/Syntax). RE2 is not JavaScript: no lookaround, no backreferences, `{`
 * that starts no repetition is a literal (so «{{школа}}» is valid), `.` stops only at "\n", `\s` is ASCII
 * whitespace, flags may change mid-pattern (`a(?i)b`), `(?i)` folds case over all of Unicode (Cyrillic too).
 * re2js is a port of RE2 itself, so what it accepts, refuses and matches is RE2's, not a translation's.
 */
import { RE2JS, RE2JSException } from 're2js';

/** Why a pattern is refused; the caller turns it into the script-visible error. */
export class PatternError extends Error {}

/** Our wording (Apps Script's is not documented): see emulator/README.md. */
export function invalidPatternMessage(pattern: string, reason: string): string {
  return `Invalid argument: searchPattern «${pattern}» is not a valid RE2 regular expression (${reason})`;
}

const cache = new Map<string, RE2JS>();

/** The compiled RE2 pattern (stateless, so one per pattern is shared); throws PatternError. */
export function compileRe2(pattern: string): RE2JS {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    if (e instanceof RE2JSException) throw new PatternError(e.message.replace(/^error parsing regexp: /, ''));
    throw e;
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, re);
  return re;
}

/**
 * Non-empty matches of `re` in `text`, from `from` on: [start, endExclusive], offsets in UTF-16 code units
 * (as Text offsets). Empty matches are skipped. `^` and `\b` still see the text before `from`.
 */
export function* matches(re: RE2JS, text: string, from = 0): Generator<[number, number]> {
  const m = re.matcher(text);
  for (let found = m.find(from); found; found = m.find()) {
    if (m.end() > m.start()) yield [m.start(), m.end()];
  }
}
