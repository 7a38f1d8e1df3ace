/**
 * The layers of README «Архитектура» are checked, not promised: a planted violation must fail
 * `npm run lint` (dependency-cruiser) or `npm run typecheck` (a tsconfig per layer). Each case plants
 * one file in a copy of the sources, so the real tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/.bin');

function copyOfSources(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  for (const entry of ['src', 'sidebar', 'emulator', 'workspace', 'tsconfig.base.json', '.dependency-cruiser.cjs']) {
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** Output and exit code of a command run in `dir`. */
function run(dir: string, bin: string, args: string[]): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync(path.join(BIN, bin), args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const failed = e as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

const cruise = (dir: string) =>
  run(dir, 'depcruise', ['src', 'sidebar', 'emulator', 'workspace', '--config', '.dependency-cruiser.cjs']);

let dir: string;
beforeAll(() => {
  dir = copyOfSources();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  for (const planted of [
    'src/forms/planted.ts',
    'src/domain/planted.ts',
    'sidebar/planted.ts',
    'emulator/planted.ts',
  ]) {
    fs.rmSync(path.join(dir, planted), { force: true });
  }
});

test('the sources as they are keep the layers', () => {
  const { code, output } = cruise(dir);
  expect(output).toContain('no dependency violations');
  expect(code).toBe(0);
});

test('an import from ui/ in forms/ fails the layer check', () => {
  fs.writeFileSync(path.join(dir, 'src/forms/planted.ts'), "export { buildMenu } from '../ui/menu';\n");
  const { code, output } = cruise(dir);
  expect(code).not.toBe(0);
  expect(output).toMatch(/layer-forms: src\/forms\/planted\.ts → src\/ui\/menu\.ts/);
});

test('a sidebar import of server code fails the layer check', () => {
  fs.writeFileSync(path.join(dir, 'sidebar/planted.ts'), "export { readSettings } from '../src/sheets/settings';\n");
  const { code, output } = cruise(dir);
  expect(code).not.toBe(0);
  expect(output).toContain('sidebar-contract-and-domain-only');
});

test('Node in the add-on fails the layer check', () => {
  fs.writeFileSync(path.join(dir, 'src/forms/planted.ts'), "export { readFileSync } from 'node:fs';\n");
  const { code, output } = cruise(dir);
  expect(code).not.toBe(0);
  expect(output).toContain('addon-only-its-own: src/forms/planted.ts → fs');
});

test('an emulator import of the add-on fails the layer check', () => {
  fs.writeFileSync(path.join(dir, 'emulator/planted.ts'), "export { MENU } from '../src/domain/addon';\n");
  const { code, output } = cruise(dir);
  expect(code).not.toBe(0);
  expect(output).toContain('emulator-knows-no-addon: emulator/planted.ts → src/domain/addon.ts');
});

test('an Apps Script call in domain/ fails the typecheck of the domain layer', () => {
  fs.writeFileSync(
    path.join(dir, 'src/domain/planted.ts'),
    'export const planted = (): string => SpreadsheetApp.getActiveSpreadsheet().getName();\n',
  );
  const { code, output } = run(dir, 'tsc', ['-p', 'src/domain', '--noEmit']);
  expect(code).not.toBe(0);
  expect(output).toContain("src/domain/planted.ts(1,38): error TS2304: Cannot find name 'SpreadsheetApp'");
});

test('the DOM in the add-on fails the typecheck of the add-on layer', () => {
  fs.writeFileSync(path.join(dir, 'src/forms/planted.ts'), 'export const planted = (): string => document.title;\n');
  const { code, output } = run(dir, 'tsc', ['-p', 'src', '--noEmit']);
  expect(code).not.toBe(0);
  expect(output).toContain("error TS2584: Cannot find name 'document'");
});
