/**
 * Docs' search patterns: findText / replaceText take a regular expression STRING in RE2 syntax. RE2 is
 * not JavaScript: no lookaround, no backreferences, `{` that does not start a repetition is a literal
 * (so «{{школа}}» is a valid pattern), `.` stops only at "\n", `\s` is ASCII whitespace. This module
 * translates an RE2 pattern to an equivalent JavaScript RegExp (flag `u`) and refuses, with an error,
 * what RE2 refuses — so a pattern that would fail in Google fails here first.
 */

/** Why a pattern is refused; the caller turns it into the script-visible error. */
export class PatternError extends Error {}

/** Our wording (Apps Script's is not documented): see emulator/README.md. */
export function invalidPatternMessage(pattern: string, reason: string): string {
  if (reason.includes('not implemented by the emulator'))
    return `Invalid argument: searchPattern «${pattern}» uses RE2 syntax the emulator does not implement (${reason})`;
  return `Invalid argument: searchPattern «${pattern}» is not a valid RE2 regular expression (${reason})`;
}

/** Characters that keep their backslash in a JavaScript `u` pattern. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Unicode general categories RE2 accepts as `\pX` / `\p{X}`; other names are scripts (`\p{Cyrillic}`). */
const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co'.split(' '),
);

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
}

const ASCII_SPACE = '\\t\\n\\f\\r ';

class Translator {
  private i = 0;
  private out = '';
  readonly flags: Flags = { i: false, m: false, s: false };

  constructor(private readonly p: string) {}

  private fail(reason: string): never {
    throw new PatternError(reason);
  }

  run(): string {
    const p = this.p;
    // Flags for the whole pattern: (?i), (?s), (?m), (?is)… at the very start.
    for (let m = /^\(\?([imsU]+)\)/.exec(p); m; m = /^\(\?([imsU]+)\)/.exec(p.slice(this.i))) {
      for (const f of m[1]) {
        if (f === 'U') this.fail('the ungreedy flag (?U) is not implemented by the emulator');
        this.flags[f as keyof Flags] = true;
      }
      this.i += m[0].length;
    }
    while (this.i < p.length) {
      const c = p[this.i];
      if (c === '\\') this.escape(false);
      else if (c === '[') this.klass();
      else if (c === '(') this.group();
      else if (c === '{') {
        const m = /^\{(\d+)(?:,(\d*))?\}/.exec(p.slice(this.i));
        if (m) {
          if (Number(m[1]) > 1000 || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > 1000))
            this.fail('bad repetition operator: counts above 1000');
          if (m[2] !== undefined && m[2] !== '' && Number(m[2]) < Number(m[1]))
            this.fail(`bad repetition operator: ${m[0]}`);
          this.out += m[0];
          this.i += m[0].length;
        } else {
          // RE2: a brace that does not start a repetition is a literal.
          this.out += '\\{';
          this.i++;
        }
      } else if (c === '}' || c === ']') {
        this.out += `\\${c}`;
        this.i++;
      } else if (c === '.') {
        this.out += this.flags.s ? '[\\s\\S]' : '[^\\n]';
        this.i++;
      } else if ((c === '*' || c === '+' || c === '?') && p[this.i + 1] === '+') {
        // a*+ / a++ / a?+ are possessive in Perl; RE2 refuses them.
        this.fail(`bad repetition operator: ${c}+`);
      } else {
        this.out += c;
        this.i++;
      }
    }
    return this.out;
  }

  private group(): void {
    const p = this.p;
    if (p[this.i + 1] !== '?') {
      this.out += '(';
      this.i++;
      return;
    }
    const rest = p.slice(this.i + 2);
    if (rest.startsWith('=') || rest.startsWith('!')) this.fail(`lookahead (?${rest[0]} is not supported by RE2`);
    if (rest.startsWith('<=') || rest.startsWith('<!'))
      this.fail(`lookbehind (?${rest.slice(0, 2)} is not supported by RE2`);
    if (rest.startsWith('P=') || rest.startsWith('P>')) this.fail('backreferences are not supported by RE2');
    if (rest.startsWith('>')) this.fail('atomic groups (?> are not supported by RE2');
    const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      this.out += `(?<${named[1]}>`;
      this.i += 2 + named[0].length;
      return;
    }
    if (rest.startsWith(':')) {
      this.out += '(?:';
      this.i += 3;
      return;
    }
    if (/^[imsU-]+[:)]/.test(rest))
      this.fail('flags inside the pattern are not implemented by the emulator (put (?i) at the very start)');
    this.fail(`invalid or unsupported Perl operator (?${rest.slice(0, 1)}`);
  }

  /** A backslash sequence at this.i; inside a character class when `inClass`. */
  private escape(inClass: boolean): void {
    const p = this.p;
    const d = p[this.i + 1];
    if (d === undefined) this.fail('trailing backslash at end of expression');
    let len = 2;
    let s: string;
    if (/[1-9]/.test(d)) this.fail(`backreferences are not supported by RE2 (\\${d})`);
    switch (d) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'n':
      case 't':
      case 'r':
      case 'f':
      case 'v':
        s = `\\${d}`;
        break;
      case 's':
        s = inClass ? ASCII_SPACE : `[${ASCII_SPACE}]`;
        break;
      case 'S':
        if (inClass) this.fail('\\S inside a character class is not implemented by the emulator');
        s = `[^${ASCII_SPACE}]`;
        break;
      case 'b':
      case 'B':
        if (inClass) this.fail(`invalid escape sequence \\${d} in a character class`);
        s = `\\${d}`;
        break;
      case 'A':
        if (inClass) this.fail('invalid escape sequence \\A in a character class');
        s = this.flags.m ? '(?<![\\s\\S])' : '^';
        break;
      case 'z':
        if (inClass) this.fail('invalid escape sequence \\z in a character class');
        s = this.flags.m ? '(?![\\s\\S])' : '$';
        break;
      case 'a':
        s = '\\x07';
        break;
      case 'x': {
        const braced = /^\{([0-9A-Fa-f]{1,6})\}/.exec(p.slice(this.i + 2));
        const two = /^[0-9A-Fa-f]{2}/.exec(p.slice(this.i + 2));
        if (braced) {
          s = `\\u{${braced[1]}}`;
          len += braced[0].length;
        } else if (two) {
          s = `\\x${two[0]}`;
          len += 2;
        } else this.fail('invalid escape sequence \\x');
        break;
      }
      case 'p':
      case 'P': {
        const m = /^(?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(p.slice(this.i + 2));
        if (!m) this.fail(`invalid character class range \\${d}`);
        const negate = (d === 'P') !== (m[1] === '^');
        const name = m[2] ?? m[3];
        const body = name === 'Any' ? null : CATEGORIES.has(name) ? name : `Script=${name}`;
        if (body === null) s = negate ? '[^\\s\\S]' : '[\\s\\S]';
        else s = `\\${negate ? 'P' : 'p'}{${body}}`;
        if (body === null && inClass) this.fail('\\p{Any} inside a character class is not implemented by the emulator');
        len += m[0].length;
        break;
      }
      case 'Q': {
        if (inClass) this.fail('invalid escape sequence \\Q in a character class');
        const end = p.indexOf('\\E', this.i + 2);
        const literal = p.slice(this.i + 2, end < 0 ? p.length : end);
        s = [...literal].map((ch) => (SYNTAX.has(ch) ? `\\${ch}` : ch)).join('');
        len = (end < 0 ? p.length : end + 2) - this.i;
        break;
      }
      default:
        if (/[A-Za-z0-9]/.test(d)) this.fail(`invalid escape sequence \\${d}`);
        // Escaped punctuation is a literal; JavaScript's `u` mode keeps the backslash only where it must.
        s = SYNTAX.has(d) || (inClass && d === '-') ? `\\${d}` : d;
    }
    this.out += s;
    this.i += len;
  }

  private klass(): void {
    const p = this.p;
    let j = this.i + 1;
    let out = '[';
    if (p[j] === '^') {
      out += '^';
      j++;
    }
    if (p[j] === ']') {
      out += '\\]';
      j++;
    }
    while (j < p.length && p[j] !== ']') {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(j));
      if (posix) {
        const set = POSIX[posix[2]];
        if (!set) this.fail(`invalid character class range [:${posix[2]}:]`);
        if (posix[1]) this.fail('negated POSIX classes are not implemented by the emulator');
        out += set;
        j += posix[0].length;
      } else if (p[j] === '\\') {
        const saved = this.out;
        this.out = '';
        this.i = j;
        this.escape(true);
        out += this.out;
        this.out = saved;
        j = this.i;
      } else if (p[j] === '[') {
        out += '\\[';
        j++;
      } else {
        out += p[j];
        j++;
      }
    }
    if (j >= p.length) this.fail('missing closing ]');
    this.out += out + ']';
    this.i = j + 1;
  }
}

const cache = new Map<string, RegExp>();

/** The JavaScript RegExp (flags g, u, and i/m from a leading (?i)/(?m)) for an RE2 pattern; throws PatternError. */
export function compileRe2(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return new RegExp(hit.source, hit.flags);
  const t = new Translator(pattern);
  const source = t.run();
  let re: RegExp;
  try {
    re = new RegExp(source, `gu${t.flags.i ? 'i' : ''}${t.flags.m ? 'm' : ''}`);
  } catch (e) {
    throw new PatternError((e as Error).message.replace(/^Invalid regular expression: /, ''));
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, re);
  return new RegExp(re.source, re.flags);
}

/** Non-empty matches of `re` in `text`, from `from` on: [start, endExclusive]. Empty matches are skipped. */
export function* matches(re: RegExp, text: string, from = 0): Generator<[number, number]> {
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (!m) return;
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      if (re.lastIndex > text.length) return;
      continue;
    }
    yield [m.index, m.index + m[0].length];
  }
}
