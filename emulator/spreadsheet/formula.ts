/**
 * A small formula evaluator: enough of the Sheets language for the add-on's formulas and its
 * conditional-format rules, plus the reference rewriting Sheets does when rows/columns move.
 *
 * Supported: numbers, "strings", TRUE/FALSE, references (A1, $A$1, A1:B2, A:A, 2:5, Sheet!A1,
 * 'Лист 1'!A1), + - * / ^ & % unary minus, comparisons = <> < > <= >= (text compared case-
 * insensitively, as Sheets does), and the functions listed in FUNCTIONS. An unknown function gives
 * #NAME?. Arguments may be separated by "," (Apps Script syntax) or ";" (ru_RU UI syntax).
 */
import { REF_BODY, SHEET_PREFIX, formatRef, parseRefBody, type A1Ref } from './a1';
import { isDateLike, presentIndices } from './cells';
import { automaticNumber } from './display';
import type { CellValue, SheetModel, SpreadsheetModel } from './model';
import { dateToSerial, serialToMs } from './serial';

// ---------------------------------------------------------------- tokens

type TokKind = 'num' | 'str' | 'bool' | 'ref' | 'fn' | 'op' | 'lp' | 'rp' | 'sep' | 'err';
export interface Token {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
  ref?: A1Ref;
}

const REF_AT = new RegExp(`^(?:${SHEET_PREFIX})?(${REF_BODY})(?![A-Za-z0-9_(!])`);
const FN_AT = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/;
const BOOL_AT = /^(TRUE|FALSE)(?![A-Za-z0-9_(!])/i;
const NUM_AT = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const ERR_AT = /^#(NAME\?|REF!|VALUE!|DIV\/0!|N\/A|NUM!|NULL!|ERROR!)/;

export function tokenize(formula: string): Token[] {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const base = formula.length - src.length;
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const push = (kind: TokKind, text: string, extra: Partial<Token> = {}): void => {
      out.push({ kind, text, start: base + i, end: base + i + text.length, ...extra });
      i += text.length;
    };
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      if (j >= src.length) throw new SyntaxError('unterminated string');
      out.push({ kind: 'str', text: s, start: base + i, end: base + j + 1 });
      i = j + 1;
      continue;
    }
    let m = ERR_AT.exec(rest);
    if (m) {
      push('err', m[0]);
      continue;
    }
    m = FN_AT.exec(rest);
    if (m && !REF_AT.test(rest.slice(0, m[1].length) + '!')) {
      // A function call (a name followed by "("); the "(" becomes its own token.
      push('fn', m[1]);
      continue;
    }
    m = BOOL_AT.exec(rest);
    if (m) {
      push('bool', m[1].toUpperCase());
      continue;
    }
    m = REF_AT.exec(rest);
    if (m) {
      const ref = parseRefBody(m[3]);
      if (ref) {
        const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
        if (sheet !== undefined) ref.sheetName = sheet;
        push('ref', m[0], { ref });
        continue;
      }
    }
    m = NUM_AT.exec(rest);
    if (m) {
      push('num', m[0]);
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      push('op', two);
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) {
      push('op', ch);
      continue;
    }
    if (ch === '(') {
      push('lp', ch);
      continue;
    }
    if (ch === ')') {
      push('rp', ch);
      continue;
    }
    if (ch === ',' || ch === ';') {
      push('sep', ch);
      continue;
    }
    throw new SyntaxError(`unexpected "${ch}"`);
  }
  return out;
}

// ---------------------------------------------------------------- parser

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'ref'; ref: A1Ref }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'neg'; a: Node }
  | { t: 'pct'; a: Node };

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  parse(): Node {
    const n = this.comparison();
    if (this.i < this.toks.length) throw new SyntaxError(`unexpected ${this.toks[this.i].text}`);
    return n;
  }

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private isOp(...ops: string[]): string | null {
    const t = this.peek();
    return t && t.kind === 'op' && ops.includes(t.text) ? t.text : null;
  }

  /** A left-associative level of binary operators over the next level down. */
  private binary(next: () => Node, ...ops: string[]): Node {
    let a = next();
    let op: string | null;
    while ((op = this.isOp(...ops))) {
      this.i++;
      a = { t: 'bin', op, a, b: next() };
    }
    return a;
  }

  private comparison(): Node {
    return this.binary(() => this.concat(), '=', '<>', '<', '>', '<=', '>=');
  }

  private concat(): Node {
    return this.binary(() => this.additive(), '&');
  }

  private additive(): Node {
    return this.binary(() => this.term(), '+', '-');
  }

  private term(): Node {
    return this.binary(() => this.power(), '*', '/');
  }

  private power(): Node {
    return this.binary(() => this.unary(), '^');
  }

  private unary(): Node {
    const op = this.isOp('-', '+');
    if (op) {
      this.i++;
      const a = this.unary();
      return op === '-' ? { t: 'neg', a } : a;
    }
    let a = this.primary();
    while (this.isOp('%')) {
      this.i++;
      a = { t: 'pct', a };
    }
    return a;
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new SyntaxError('unexpected end');
    switch (t.kind) {
      case 'num':
        return { t: 'num', v: Number(t.text) };
      case 'str':
        return { t: 'str', v: t.text };
      case 'bool':
        return { t: 'bool', v: t.text === 'TRUE' };
      case 'err':
        return { t: 'err', v: t.text };
      case 'ref':
        return { t: 'ref', ref: t.ref! };
      case 'lp': {
        const n = this.comparison();
        if (this.peek()?.kind !== 'rp') throw new SyntaxError('missing )');
        this.i++;
        return n;
      }
      case 'fn': {
        if (this.peek()?.kind !== 'lp') throw new SyntaxError('missing (');
        this.i++;
        const args: Node[] = [];
        if (this.peek()?.kind === 'rp') {
          this.i++;
          return { t: 'fn', name: t.text.toUpperCase(), args };
        }
        for (;;) {
          // An empty argument ("IF(A1,,1)") counts as an empty value.
          if (this.peek()?.kind === 'sep' || this.peek()?.kind === 'rp') args.push({ t: 'str', v: '' });
          else args.push(this.comparison());
          const n = this.toks[this.i++];
          if (!n) throw new SyntaxError('missing )');
          if (n.kind === 'rp') break;
          if (n.kind !== 'sep') throw new SyntaxError(`unexpected ${n.text}`);
        }
        return { t: 'fn', name: t.text.toUpperCase(), args };
      }
      default:
        throw new SyntaxError(`unexpected ${t.text}`);
    }
  }
}

const parseCache = new Map<string, Node | SyntaxError>();

/** The parsed formula (cached); a SyntaxError when it does not parse. */
export function parseFormula(formula: string): Node | SyntaxError {
  let n = parseCache.get(formula);
  if (n === undefined) {
    try {
      n = new Parser(tokenize(formula)).parse();
    } catch (e) {
      n = e instanceof SyntaxError ? e : new SyntaxError(String(e));
    }
    if (parseCache.size > 20_000) parseCache.clear();
    parseCache.set(formula, n);
  }
  return n;
}

// ---------------------------------------------------------------- values

export class FErr {
  constructor(readonly code: string) {}
}
export const ERROR_CODES = new Set(['#NAME?', '#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NUM!', '#NULL!', '#ERROR!']);
const EMPTY = { empty: true } as const;
type Empty = typeof EMPTY;
class DateV {
  constructor(readonly serial: number) {}
}
interface RangeV {
  range: true;
  sheet: SheetModel;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
type Scalar = number | string | boolean | Empty | DateV;
type V = Scalar | RangeV;

function isRange(v: V): v is RangeV {
  return typeof v === 'object' && v !== null && 'range' in v;
}

/** What the evaluator needs from its surroundings. */
export interface EvalContext {
  model: SpreadsheetModel;
  sheet: SheetModel;
  nowMs: number;
  /** Offset added to relative references (conditional formats: cell minus the rule's anchor). */
  dRow?: number;
  dCol?: number;
  /** The value of a cell (formula cells already computed, or computed on demand). */
  cellValue(sheet: SheetModel, r: number, c: number): CellValue | FErr;
}

function findSheet(model: SpreadsheetModel, name: string): SheetModel | undefined {
  const lower = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === lower);
}

function resolveRef(ref: A1Ref, ctx: EvalContext): RangeV {
  const sheet = ref.sheetName !== undefined ? findSheet(ctx.model, ref.sheetName) : ctx.sheet;
  if (!sheet) throw new FErr('#REF!');
  const dr = ctx.dRow ?? 0;
  const dc = ctx.dCol ?? 0;
  const r1 = ref.startRow === undefined ? 0 : ref.startRow - 1 + (ref.absStartRow ? 0 : dr);
  const c1 = ref.startCol === undefined ? 0 : ref.startCol - 1 + (ref.absStartCol ? 0 : dc);
  let r2: number;
  let c2: number;
  if (ref.kind === 'cell') {
    r2 = r1;
    c2 = c1;
  } else {
    r2 = ref.endRow === undefined ? sheet.maxRows - 1 : ref.endRow - 1 + (ref.absEndRow ? 0 : dr);
    c2 = ref.endCol === undefined ? sheet.maxCols - 1 : ref.endCol - 1 + (ref.absEndCol ? 0 : dc);
  }
  if (r1 < 0 || c1 < 0 || r2 >= sheet.maxRows || c2 >= sheet.maxCols) throw new FErr('#REF!');
  return { range: true, sheet, r1, c1, r2, c2 };
}

function toScalar(v: CellValue | FErr, tz: string): Scalar {
  if (v instanceof FErr) throw v;
  if (v === '' || v === null || v === undefined) return EMPTY;
  if (isDateLike(v)) return new DateV(dateToSerial(v.getTime(), tz));
  return v as Scalar;
}

function cellAt(ctx: EvalContext, sheet: SheetModel, r: number, c: number): Scalar {
  return toScalar(ctx.cellValue(sheet, r, c), ctx.model.timeZone);
}

/** All cells of a range, row by row (only up to the used part of the sheet, to stay cheap). */
function* rangeCells(ctx: EvalContext, rv: RangeV): Generator<Scalar> {
  for (const r of presentIndices(rv.sheet.rows, rv.r1, rv.r2 + 1)) {
    for (const c of presentIndices(rv.sheet.rows[r]!, rv.c1, rv.c2 + 1)) yield cellAt(ctx, rv.sheet, r, c);
  }
}

function rangeSize(rv: RangeV): number {
  return (rv.r2 - rv.r1 + 1) * (rv.c2 - rv.c1 + 1);
}

function scalar(v: V, ctx: EvalContext): Scalar {
  if (!isRange(v)) return v;
  if (rangeSize(v) === 1) return cellAt(ctx, v.sheet, v.r1, v.c1);
  // Implicit intersection with the formula's row/column is not modelled.
  throw new FErr('#VALUE!');
}

function toNumber(v: Scalar, locale: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof DateV) return v.serial;
  if (v === EMPTY) return 0;
  const s = (v as string).trim();
  const dec = locale.toLowerCase().startsWith('ru') ? s.replace(',', '.') : s;
  if (s !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(dec)) return Number(dec);
  throw new FErr('#VALUE!');
}

function toText(v: Scalar, locale: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === EMPTY) return '';
  if (v instanceof DateV) return automaticNumber(v.serial, locale);
  return automaticNumber(v as number, locale);
}

function toBool(v: Scalar): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof DateV) return v.serial !== 0;
  if (v === EMPTY) return false;
  const u = (v as string).toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  throw new FErr('#VALUE!');
}

/** Sheets ordering: numbers < text < booleans; empty equals 0, "" and FALSE. */
function compare(a: Scalar, b: Scalar): number {
  const kind = (v: Scalar): number =>
    typeof v === 'number' || v instanceof DateV ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : -1;
  let ka = kind(a);
  let kb = kind(b);
  if (ka === -1 && kb === -1) return 0;
  if (ka === -1) {
    a = kb === 0 ? 0 : kb === 1 ? '' : false;
    ka = kb;
  }
  if (kb === -1) {
    b = ka === 0 ? 0 : ka === 1 ? '' : false;
    kb = ka;
  }
  if (ka !== kb) return ka - kb;
  if (ka === 0) {
    const x = a instanceof DateV ? a.serial : (a as number);
    const y = b instanceof DateV ? b.serial : (b as number);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (ka === 1) {
    const x = (a as string).toLowerCase();
    const y = (b as string).toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return (a ? 1 : 0) - (b ? 1 : 0);
}

/** All scalars of the arguments, ranges flattened; `fromRange` tells the two apart. */
function* flatten(args: V[], ctx: EvalContext): Generator<{ v: Scalar; fromRange: boolean }> {
  for (const a of args) {
    if (isRange(a)) for (const v of rangeCells(ctx, a)) yield { v, fromRange: true };
    else yield { v: a, fromRange: false };
  }
}

/** COUNTIF criterion: "x", 5, "<>x", ">5", "<=3", "=x". */
function matcher(crit: Scalar, locale: string): (v: Scalar) => boolean {
  if (typeof crit !== 'string') return (v) => v !== EMPTY && compare(v, crit) === 0;
  const m = /^(<>|>=|<=|=|>|<)?(.*)$/s.exec(crit)!;
  const op = m[1] ?? '=';
  const raw = m[2];
  let target: Scalar = raw;
  if (raw !== '' && /^[+-]?(\d+[.,]?\d*|[.,]\d+)$/.test(raw.trim())) target = toNumber(raw, locale);
  else if (raw.toUpperCase() === 'TRUE' || raw.toUpperCase() === 'FALSE') target = raw.toUpperCase() === 'TRUE';
  return (v) => {
    if (raw === '') {
      const empty = v === EMPTY || v === '';
      return op === '<>' ? !empty : op === '=' ? empty : false;
    }
    const sameKind =
      (typeof target === 'number') === (typeof v === 'number' || v instanceof DateV) &&
      (typeof target === 'boolean') === (typeof v === 'boolean');
    if (op === '<>') return v === EMPTY || !sameKind || compare(v, target) !== 0;
    if (v === EMPTY || !sameKind) return false;
    const c = compare(v, target);
    switch (op) {
      case '=':
        return c === 0;
      case '>':
        return c > 0;
      case '<':
        return c < 0;
      case '>=':
        return c >= 0;
      default:
        return c <= 0;
    }
  };
}

type Fn = (args: Node[], ctx: EvalContext) => V;

function todaySerial(ctx: EvalContext): number {
  return Math.floor(dateToSerial(ctx.nowMs, ctx.model.timeZone));
}

const num = (n: Node, ctx: EvalContext): number => toNumber(scalar(evaluate(n, ctx), ctx), ctx.model.locale);
const text = (n: Node, ctx: EvalContext): string => toText(scalar(evaluate(n, ctx), ctx), ctx.model.locale);
const all = (args: Node[], ctx: EvalContext): V[] => args.map((a) => evaluate(a, ctx));

function roundHalfAway(x: number, d: number): number {
  const f = Math.pow(10, d);
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}

export const FUNCTIONS: Record<string, Fn> = {
  TODAY: (_a, ctx) => new DateV(todaySerial(ctx)),
  NOW: (_a, ctx) => new DateV(dateToSerial(ctx.nowMs, ctx.model.timeZone)),
  AND: (args, ctx) => {
    let any = false;
    let result = true;
    for (const { v, fromRange } of flatten(all(args, ctx), ctx)) {
      if (fromRange && (typeof v === 'string' || v === EMPTY)) continue;
      any = true;
      if (!toBool(v)) result = false;
    }
    if (!any) throw new FErr('#VALUE!');
    return result;
  },
  OR: (args, ctx) => {
    let any = false;
    let result = false;
    for (const { v, fromRange } of flatten(all(args, ctx), ctx)) {
      if (fromRange && (typeof v === 'string' || v === EMPTY)) continue;
      any = true;
      if (toBool(v)) result = true;
    }
    if (!any) throw new FErr('#VALUE!');
    return result;
  },
  NOT: (args, ctx) => !toBool(scalar(evaluate(args[0], ctx), ctx)),
  IF: (args, ctx) => {
    if (args.length < 2 || args.length > 3) throw new FErr('#N/A');
    const c = toBool(scalar(evaluate(args[0], ctx), ctx));
    if (c) return evaluate(args[1], ctx);
    return args[2] ? evaluate(args[2], ctx) : false;
  },
  IFERROR: (args, ctx) => {
    try {
      return scalar(evaluate(args[0], ctx), ctx);
    } catch (e) {
      if (e instanceof FErr) return args[1] ? evaluate(args[1], ctx) : '';
      throw e;
    }
  },
  ISBLANK: (args, ctx) => {
    const v = evaluate(args[0], ctx);
    return isRange(v) ? rangeSize(v) === 1 && cellAt(ctx, v.sheet, v.r1, v.c1) === EMPTY : v === EMPTY;
  },
  ISNUMBER: (args, ctx) => {
    const v = scalar(evaluate(args[0], ctx), ctx);
    return typeof v === 'number' || v instanceof DateV;
  },
  LEN: (args, ctx) => text(args[0], ctx).length,
  // LEFT(text, [number_of_characters]): 1 when omitted, #VALUE! when negative
  // (https://support.google.com/docs/answer/3094079).
  LEFT: (args, ctx) => {
    const n = args[1] ? Math.trunc(num(args[1], ctx)) : 1;
    if (n < 0) throw new FErr('#VALUE!');
    return text(args[0], ctx).slice(0, n);
  },
  UPPER: (args, ctx) => text(args[0], ctx).toUpperCase(),
  LOWER: (args, ctx) => text(args[0], ctx).toLowerCase(),
  TRIM: (args, ctx) => text(args[0], ctx).trim().replace(/ +/g, ' '),
  CONCATENATE: (args, ctx) => [...flatten(all(args, ctx), ctx)].map(({ v }) => toText(v, ctx.model.locale)).join(''),
  SUM: (args, ctx) => {
    let s = 0;
    for (const { v, fromRange } of flatten(all(args, ctx), ctx)) {
      if (fromRange && typeof v !== 'number' && !(v instanceof DateV)) continue;
      s += toNumber(v, ctx.model.locale);
    }
    return s;
  },
  MIN: (args, ctx) => {
    const ns = [...flatten(all(args, ctx), ctx)]
      .filter(({ v, fromRange }) => !fromRange || typeof v === 'number' || v instanceof DateV)
      .map(({ v }) => toNumber(v, ctx.model.locale));
    return ns.length ? Math.min(...ns) : 0;
  },
  MAX: (args, ctx) => {
    const ns = [...flatten(all(args, ctx), ctx)]
      .filter(({ v, fromRange }) => !fromRange || typeof v === 'number' || v instanceof DateV)
      .map(({ v }) => toNumber(v, ctx.model.locale));
    return ns.length ? Math.max(...ns) : 0;
  },
  COUNT: (args, ctx) => {
    let n = 0;
    for (const { v } of flatten(all(args, ctx), ctx)) if (typeof v === 'number' || v instanceof DateV) n++;
    return n;
  },
  COUNTA: (args, ctx) => {
    let n = 0;
    for (const { v } of flatten(all(args, ctx), ctx)) if (v !== EMPTY) n++;
    return n;
  },
  COUNTBLANK: (args, ctx) => {
    const v = evaluate(args[0], ctx);
    if (!isRange(v)) throw new FErr('#VALUE!');
    let filled = 0;
    for (const x of rangeCells(ctx, v)) if (x !== EMPTY && x !== '') filled++;
    return rangeSize(v) - filled;
  },
  COUNTIF: (args, ctx) => {
    const r = evaluate(args[0], ctx);
    if (!isRange(r)) throw new FErr('#VALUE!');
    const match = matcher(scalar(evaluate(args[1], ctx), ctx), ctx.model.locale);
    let n = 0;
    let seen = 0;
    for (const v of rangeCells(ctx, r)) {
      seen++;
      if (match(v)) n++;
    }
    // Cells never stored are empty too.
    if (match(EMPTY)) n += rangeSize(r) - seen;
    return n;
  },
  ROUND: (args, ctx) => roundHalfAway(num(args[0], ctx), args[1] ? Math.trunc(num(args[1], ctx)) : 0),
  ABS: (args, ctx) => Math.abs(num(args[0], ctx)),
  INT: (args, ctx) => Math.floor(num(args[0], ctx)),
  DATE: (args, ctx) => {
    const y = num(args[0], ctx);
    const m = num(args[1], ctx);
    const d = num(args[2], ctx);
    return new DateV((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  },
  HYPERLINK: (args, ctx) => (args[1] ? scalar(evaluate(args[1], ctx), ctx) : text(args[0], ctx)),
};

/** Evaluates a node; throws FErr for spreadsheet errors. */
export function evaluate(n: Node, ctx: EvalContext): V {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'str':
      return n.v;
    case 'bool':
      return n.v;
    case 'err':
      throw new FErr(n.v);
    case 'ref':
      return resolveRef(n.ref, ctx);
    case 'neg':
      return -toNumber(scalar(evaluate(n.a, ctx), ctx), ctx.model.locale);
    case 'pct':
      return toNumber(scalar(evaluate(n.a, ctx), ctx), ctx.model.locale) / 100;
    case 'fn': {
      const f = FUNCTIONS[n.name];
      if (!f) throw new FErr('#NAME?');
      return f(n.args, ctx);
    }
    case 'bin': {
      const a = scalar(evaluate(n.a, ctx), ctx);
      const b = scalar(evaluate(n.b, ctx), ctx);
      const loc = ctx.model.locale;
      switch (n.op) {
        case '&':
          return toText(a, loc) + toText(b, loc);
        case '=':
          return compare(a, b) === 0;
        case '<>':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b) < 0;
        case '>':
          return compare(a, b) > 0;
        case '<=':
          return compare(a, b) <= 0;
        case '>=':
          return compare(a, b) >= 0;
      }
      const x = toNumber(a, loc);
      const y = toNumber(b, loc);
      switch (n.op) {
        case '+':
        case '-': {
          const r = n.op === '+' ? x + y : x - y;
          // A date plus or minus days stays a date; date minus date is a number of days.
          const aDate = a instanceof DateV;
          const bDate = b instanceof DateV;
          return aDate !== bDate && (aDate || n.op === '+') ? new DateV(r) : r;
        }
        case '*':
          return x * y;
        case '/':
          if (y === 0) throw new FErr('#DIV/0!');
          return x / y;
        default:
          return Math.pow(x, y);
      }
    }
  }
}

/** The value a formula leaves in its cell: a model CellValue (errors as their code, e.g. "#NAME?"). */
export function evaluateFormula(formula: string, ctx: EvalContext): CellValue {
  const ast = parseFormula(formula);
  if (ast instanceof SyntaxError) return '#ERROR!';
  try {
    const v = evaluate(ast, ctx);
    const s = scalar(v, ctx);
    if (s === EMPTY) return ast.t === 'ref' ? 0 : '';
    if (s instanceof DateV) return new Date(serialToMs(s.serial, ctx.model.timeZone));
    if (typeof s === 'number' && !Number.isFinite(s)) return '#NUM!';
    return s as CellValue;
  } catch (e) {
    if (e instanceof FErr) return e.code;
    throw e;
  }
}

/** Whether a conditional-format formula holds: TRUE or a non-zero number; errors do not. */
export function formulaHolds(formula: string, ctx: EvalContext): boolean {
  const ast = parseFormula(formula);
  if (ast instanceof SyntaxError) return false;
  try {
    const s = scalar(evaluate(ast, ctx), ctx);
    return s === true || (typeof s === 'number' && s !== 0);
  } catch (e) {
    if (e instanceof FErr) return false;
    throw e;
  }
}

// ---------------------------------------------------------------- reference rewriting

/** A structural change: rows or columns inserted (count > 0) or deleted (count < 0) at index0. */
export interface DimensionChange {
  dim: 'row' | 'col';
  index0: number;
  count: number;
}

/** Moves a 0-based inclusive span [s, e] through a change; null when it is deleted entirely. */
export function shiftSpan(
  s: number,
  e: number,
  ch: Pick<DimensionChange, 'index0' | 'count'>,
): [number, number] | null {
  const i = ch.index0;
  if (ch.count > 0) return [s >= i ? s + ch.count : s, e >= i ? e + ch.count : e];
  const n = -ch.count;
  const ns = s < i ? s : s >= i + n ? s - n : i;
  const ne = e < i ? e : e >= i + n ? e - n : i - 1;
  return ne < ns ? null : [ns, ne];
}

/**
 * The formula with each reference replaced by what `rewrite` returns for it (null: left as written).
 * A formula that does not tokenize is returned unchanged.
 */
function rewriteRefs(formula: string, rewrite: (ref: NonNullable<Token['ref']>) => string | null): string {
  let toks: Token[];
  try {
    toks = tokenize(formula);
  } catch {
    return formula;
  }
  let out = '';
  let pos = 0;
  for (const t of toks) {
    if (t.kind !== 'ref' || !t.ref) continue;
    const replaced = rewrite(t.ref);
    if (replaced === null) continue;
    out += formula.slice(pos, t.start) + replaced;
    pos = t.end;
  }
  return pos === 0 ? formula : out + formula.slice(pos);
}

/**
 * Rewrites the references of a formula for a row/column change in sheet `changedSheet`.
 * `formulaSheet` is the sheet the formula lives in (references without a sheet name point there).
 * With `anchor`, relative parts are kept relative to it (conditional-format formulas): they move
 * with the rule's range instead of being shifted themselves.
 */
export function adjustFormula(
  formula: string,
  formulaSheet: string,
  changedSheet: string,
  ch: DimensionChange,
  anchor?: { oldRow: number; oldCol: number; newRow: number; newCol: number },
): string {
  const same = formulaSheet.toLowerCase() === changedSheet.toLowerCase();
  return rewriteRefs(formula, (ref) => {
    const targetsChanged =
      ref.sheetName === undefined ? same : ref.sheetName.toLowerCase() === changedSheet.toLowerCase();
    return adjustRef(ref, targetsChanged ? ch : null, anchor);
  });
}

function moveEndpoint(p0: number, ch: DimensionChange, isEnd: boolean): number {
  const i = ch.index0;
  if (ch.count > 0) return p0 >= i ? p0 + ch.count : p0;
  const n = -ch.count;
  if (p0 < i) return p0;
  if (p0 >= i + n) return p0 - n;
  return isEnd ? i - 1 : i;
}

function adjustRef(
  ref: A1Ref,
  ch: DimensionChange | null,
  anchor?: { oldRow: number; oldCol: number; newRow: number; newCol: number },
): string {
  const r: A1Ref = { ...ref };
  const single = r.kind === 'cell';
  // Absolute parts (and every part outside conditional formats) follow the change; relative parts
  // of a conditional-format formula keep their offset from the rule's anchor.
  const axis = (dim: 'row' | 'col'): boolean => {
    const startKey = dim === 'row' ? 'startRow' : 'startCol';
    const endKey = dim === 'row' ? 'endRow' : 'endCol';
    const absS = dim === 'row' ? r.absStartRow : r.absStartCol;
    const absE = single ? absS : dim === 'row' ? r.absEndRow : r.absEndCol;
    const s = r[startKey];
    if (s === undefined) return true;
    const e = single ? s : r[endKey];
    const delta = anchor ? (dim === 'row' ? anchor.newRow - anchor.oldRow : anchor.newCol - anchor.oldCol) : 0;
    const endpoint = (p: number, abs: boolean, isEnd: boolean): number => {
      if (anchor && !abs) return p - 1 + delta;
      if (ch && ch.dim === dim) return moveEndpoint(p - 1, ch, isEnd);
      return p - 1;
    };
    const ns = endpoint(s, absS, false);
    const ne = e === undefined ? undefined : endpoint(e, absE, true);
    if (ns < 0 || (ne !== undefined && ne < ns)) return false;
    r[startKey] = ns + 1;
    if (!single && ne !== undefined) r[endKey] = ne + 1;
    return true;
  };
  if (!axis('row') || !axis('col')) return '#REF!';
  return formatRef(r);
}

/** Rewrites references to a renamed sheet. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return rewriteRefs(formula, (ref) =>
    ref.sheetName?.toLowerCase() === oldName.toLowerCase() ? formatRef({ ...ref, sheetName: newName }) : null,
  );
}

/** The formula as it reads when copied dRow rows down and dCol columns right (relative parts move). */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return rewriteRefs(formula, (ref) => adjustRef(ref, null, { oldRow: 0, oldCol: 0, newRow: dRow, newCol: dCol }));
}
