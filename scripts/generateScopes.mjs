// npm run scopes: the OAuth scopes Google accepts for each built-in Apps Script method, read from the
// «Authorization» sections of Google's reference as mirrored by gas-types-detailed, written to
// emulator/core/methodScopes.json (committed; test/unit/methodScopes.test.ts checks it is current),
// with the global objects a script sees ("globals": DriveApp → Drive.DriveApp).
// Key: namespace.Class.method as in the reference's types ("Spreadsheet.Range.getValues"); value: the
// scopes, any one of which suffices; [] = the reference names no scope. Overloads are merged.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(ROOT, 'emulator/core/methodScopes.json');

function referenceDir() {
  const pkg = createRequire(import.meta.url).resolve('gas-types-detailed/package.json');
  return path.dirname(pkg);
}

/** Built-in services only: the advanced services (apis/) are REST APIs with their own scopes. */
function referenceFiles(dir) {
  return readdirSync(dir)
    .filter((f) => /^google-apps-script\.[a-z-]+\.d\.ts$/.test(f))
    .sort();
}

/** The scope URLs listed under "Authorization:" in a method's doc comment; null when it has none. */
export function scopesOfComment(comment) {
  const lines = comment.split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').trim());
  const start = lines.findIndex((l) => l === 'Authorization:');
  if (start < 0) return null;
  const scopes = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '' || line.startsWith('Scripts that use this method require authorization')) {
      if (scopes.length) break;
      continue;
    }
    const scope = /^- (https:\/\/\S+)$/.exec(line);
    if (!scope) break;
    scopes.push(scope[1]);
  }
  return scopes;
}

function docComment(source, node) {
  const ranges = ts.getLeadingCommentRanges(source.text, node.pos) ?? [];
  const last = ranges[ranges.length - 1];
  return last ? source.text.slice(last.pos, last.end) : '';
}

/** namespace → interface → { methods: Map<name, scopes[]>, bases: string[] } */
function readInterfaces(dir) {
  const namespaces = new Map();
  for (const file of referenceFiles(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node, namespace) => {
      if (ts.isModuleDeclaration(node) && node.body) {
        const name = node.name.text;
        const inner = name === 'GoogleAppsScript' ? null : name;
        ts.forEachChild(node.body, (child) => visit(child, inner ?? namespace));
        return;
      }
      if (!ts.isInterfaceDeclaration(node) || !namespace) return;
      if (!namespaces.has(namespace)) namespaces.set(namespace, new Map());
      const interfaces = namespaces.get(namespace);
      const entry = interfaces.get(node.name.text) ?? { methods: new Map(), bases: [] };
      interfaces.set(node.name.text, entry);
      for (const clause of node.heritageClauses ?? []) {
        for (const type of clause.types) entry.bases.push(type.expression.getText(source).split('.').pop());
      }
      for (const member of node.members) {
        if (!ts.isMethodSignature(member) || !member.name || !ts.isIdentifier(member.name)) continue;
        const scopes = scopesOfComment(docComment(source, member)) ?? [];
        const known = entry.methods.get(member.name.text) ?? [];
        entry.methods.set(member.name.text, [...known, ...scopes.filter((s) => !known.includes(s))]);
      }
    };
    ts.forEachChild(source, (node) => visit(node, null));
  }
  return namespaces;
}

/** The global objects a script sees and their class: { DriveApp: 'Drive.DriveApp', … }. */
function readGlobals(dir) {
  const globals = {};
  for (const file of referenceFiles(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/^declare var (\w+): GoogleAppsScript\.(\w+)\.(\w+);$/gm)) {
      globals[m[1]] = `${m[2]}.${m[3]}`;
    }
  }
  return Object.fromEntries(Object.entries(globals).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Methods declared on the interface and on the ones it extends (Body extends Element). */
function methodsWithInherited(interfaces, name, seen = new Set()) {
  const entry = interfaces.get(name);
  if (!entry || seen.has(name)) return new Map();
  seen.add(name);
  const all = new Map();
  for (const base of entry.bases) {
    for (const [method, scopes] of methodsWithInherited(interfaces, base, seen)) all.set(method, scopes);
  }
  for (const [method, scopes] of entry.methods) all.set(method, scopes);
  return all;
}

/** The table as the committed file's text: one method per line, keys sorted. */
export function generateMethodScopes(dir = referenceDir()) {
  const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const table = [];
  for (const [namespace, interfaces] of readInterfaces(dir)) {
    for (const name of interfaces.keys()) {
      for (const [method, scopes] of methodsWithInherited(interfaces, name)) {
        table.push([`${namespace}.${name}.${method}`, scopes]);
      }
    }
  }
  table.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = table.map(([key, scopes]) => `    ${JSON.stringify(key)}: ${JSON.stringify(scopes)}`);
  const globals = Object.entries(readGlobals(dir)).map(
    ([name, type]) => `    ${JSON.stringify(name)}: ${JSON.stringify(type)}`,
  );
  return [
    '{',
    `  "source": ${JSON.stringify(`gas-types-detailed ${version}, generated by scripts/generateScopes.mjs (npm run scopes); do not edit`)},`,
    '  "globals": {',
    globals.join(',\n'),
    '  },',
    '  "methods": {',
    rows.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = generateMethodScopes();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else {
    writeFileSync(OUTPUT, text);
    const { globals, methods } = JSON.parse(text);
    const counts = `${Object.keys(methods).length} methods, ${Object.keys(globals).length} globals`;
    console.log(`Wrote ${path.relative(ROOT, OUTPUT)} (${counts})`);
  }
}
