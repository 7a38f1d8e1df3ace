/**
 * The subset of Drive's search language (files.list `q`) the emulator understands: terms joined by
 * `and` — `name = '…'`, `name != '…'`, `mimeType = '…'`, `mimeType != '…'`,
 * `'<id>' in parents`, `trashed = true|false`. Strings are single-quoted, `\'` and `\\` escaped
 * (https://developers.google.com/drive/api/guides/search-files). Anything else is refused, so a query
 * the emulator would get wrong fails here instead of answering something else.
 */
import type { DriveFileNode, DriveModel } from '../model';
import { isTrashedDeep } from '../store';

export type Term =
  | { field: 'name' | 'mimeType'; op: '=' | '!='; value: string }
  | { field: 'parents'; value: string }
  | { field: 'trashed'; value: boolean };

export class QueryError extends Error {}

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}

const STRING = String.raw`'(?:[^'\\]|\\.)*'`;
const TERMS: Array<[RegExp, (m: RegExpExecArray) => Term]> = [
  [
    new RegExp(String.raw`^(name|mimeType)\s*(=|!=)\s*(${STRING})$`),
    (m) => ({ field: m[1] as 'name' | 'mimeType', op: m[2] as '=' | '!=', value: unquote(m[3]) }),
  ],
  [new RegExp(String.raw`^(${STRING})\s+in\s+parents$`), (m) => ({ field: 'parents', value: unquote(m[1]) })],
  [/^trashed\s*=\s*(true|false)$/, (m) => ({ field: 'trashed', value: m[1] === 'true' })],
];

/** Splits at ` and ` outside string literals. */
function splitAnd(q: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let inString = false;
  for (let i = 0; i < q.length; i++) {
    const ch = q[i];
    if (inString && ch === '\\') {
      cur += ch + (q[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === "'") inString = !inString;
    if (!inString && /^\s+and\s+/i.test(q.slice(i)) && /\s/.test(ch)) {
      const m = /^\s+and\s+/i.exec(q.slice(i))!;
      parts.push(cur.trim());
      cur = '';
      i += m[0].length - 1;
      continue;
    }
    cur += ch;
  }
  if (inString) throw new QueryError('unterminated string');
  parts.push(cur.trim());
  return parts;
}

export function parseQuery(q: string): Term[] {
  if (q.trim() === '') return [];
  return splitAnd(q.trim()).map((part) => {
    for (const [re, make] of TERMS) {
      const m = re.exec(part);
      if (m) return make(m);
    }
    throw new QueryError(part);
  });
}

export function matches(drive: DriveModel, node: DriveFileNode, terms: readonly Term[]): boolean {
  return terms.every((t) => {
    switch (t.field) {
      case 'parents':
        return node.parents.includes(t.value);
      case 'trashed':
        return isTrashedDeep(drive, node) === t.value;
      default: {
        const equal = node[t.field] === t.value;
        return t.op === '=' ? equal : !equal;
      }
    }
  });
}
