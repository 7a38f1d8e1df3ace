/**
 * The workspace folder as ONE consistent state on disk, whatever moment a process is killed at.
 *
 *   <dir>/state/CURRENT            the name of the current generation ("gen-000042"); replaced by one
 *                                  atomic rename, which is the commit point of a save
 *   <dir>/state/gen-000042/        one complete save: spreadsheet.xlsx, spreadsheet.meta.json,
 *                                  services.json, forms.json, mail.json, drive.json, generation.json
 *   <dir>/spreadsheet.xlsx         a copy of the generation's workbook for people (LibreOffice, Excel),
 *                                  refreshed after the commit
 *   <dir>/drive/                   Google Docs as .docx (driveExport.ts), refreshed after the commit
 *
 * A save writes a new generation folder completely (every file fsynced), renames CURRENT over, then
 * removes the older generations and refreshes the copies for people. CURRENT always names a complete
 * generation, the old or the new one; opening removes every generation it does not name.
 *
 * The copy for people can lag behind (killed before it was refreshed) or be a person's edit (saved
 * from LibreOffice while the server was stopped). generation.json tells them apart: the workbook's
 * hash, and the hash of the copy the save found in place (the copy it was about to replace).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isTempFileName, readJson, writeFileAtomic, writeJsonAtomic } from './atomicWrite';
import { XLSX_FILE } from './xlsx';

export const STATE_DIR = 'state';
export const CURRENT_FILE = 'CURRENT';
export const GENERATION_FILE = 'generation.json';

/** What a generation says about itself (written last into its folder). */
export interface GenerationInfo {
  format: 'gas-emulator-workspace';
  version: 1;
  /** sha256 of the generation's spreadsheet.xlsx; the copy for people has the same bytes. */
  xlsxSha256: string;
  /** sha256 of <dir>/spreadsheet.xlsx when the save began (the copy it replaces); null if there was none. */
  replacesXlsxSha256: string | null;
  /** Real time of the save, ISO. */
  savedAt: string;
}

export interface Generation {
  name: string;
  /** Absolute path of its folder. */
  path: string;
}

const GENERATION_NAME = /^gen-(\d{6,})$/;

/** sha256 of a file, hex; null when it does not exist. */
export function sha256OfFile(file: string): string | null {
  if (!existsSync(file)) return null;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function stateDir(dir: string): string {
  return path.join(dir, STATE_DIR);
}

/** A damaged state folder: what is wrong and what to do, Russian then English (the server's style). */
function damaged(dir: string, what: string): Error {
  return new Error(
    `Сохранённое состояние в папке ${stateDir(dir)} повреждено: ${what}. Верните папку из резервной копии; ` +
      `чтобы начать с новой демо-школы, переименуйте или удалите папку ${dir}. / ` +
      `The saved state in ${stateDir(dir)} is damaged: restore it from a backup, or move ${dir} away to start anew.`,
  );
}

/** The generation CURRENT names, with its info; null when the folder has never been saved this way. */
export function currentGeneration(dir: string): (Generation & { info: GenerationInfo }) | null {
  const pointer = path.join(stateDir(dir), CURRENT_FILE);
  if (!existsSync(pointer)) return null;
  const name = readFileSync(pointer, 'utf8').trim();
  if (!GENERATION_NAME.test(name)) throw damaged(dir, `файл ${CURRENT_FILE} не называет сохранение («${name}»)`);
  const folder = path.join(stateDir(dir), name);
  const info = readJson<Partial<GenerationInfo> | null>(path.join(folder, GENERATION_FILE), null);
  if (!info || info.format !== 'gas-emulator-workspace' || typeof info.xlsxSha256 !== 'string') {
    throw damaged(dir, `в сохранении ${name} нет описания ${GENERATION_FILE}`);
  }
  return { name, path: folder, info: info as GenerationInfo };
}

/** A new, empty generation folder after the current one (a leftover of a killed save is removed first). */
export function beginGeneration(dir: string): Generation {
  const current = currentGeneration(dir);
  const n = current ? Number(GENERATION_NAME.exec(current.name)![1]) + 1 : 1;
  const name = `gen-${String(n).padStart(6, '0')}`;
  const folder = path.join(stateDir(dir), name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return { name, path: folder };
}

/** generation.json, written last: the generation is complete once it exists. */
export function describeGeneration(dir: string, gen: Generation): void {
  const info: GenerationInfo = {
    format: 'gas-emulator-workspace',
    version: 1,
    xlsxSha256: sha256OfFile(path.join(gen.path, XLSX_FILE)) ?? '',
    replacesXlsxSha256: sha256OfFile(path.join(dir, XLSX_FILE)),
    savedAt: new Date().toISOString(),
  };
  writeJsonAtomic(path.join(gen.path, GENERATION_FILE), info);
}

/** The commit point: CURRENT names `gen`, by one atomic rename. */
export function commitGeneration(dir: string, gen: Generation): void {
  writeFileAtomic(path.join(stateDir(dir), CURRENT_FILE), `${gen.name}\n`);
}

/** Removes every generation but `keep` (older ones, a half-written newer one) and stray temp files. */
export function pruneGenerations(dir: string, keep: string): void {
  const state = stateDir(dir);
  if (!existsSync(state)) return;
  for (const entry of readdirSync(state)) {
    if ((GENERATION_NAME.test(entry) && entry !== keep) || isTempFileName(entry)) {
      rmSync(path.join(state, entry), { recursive: true, force: true });
    }
  }
}

/** The copy for people: the generation's workbook, byte for byte, at <dir>/spreadsheet.xlsx. */
export function copyWorkbookForPeople(dir: string, gen: Generation): void {
  writeFileAtomic(path.join(dir, XLSX_FILE), readFileSync(path.join(gen.path, XLSX_FILE)));
}

/**
 * Where the spreadsheet of the current generation is read from:
 *   - 'saved': <dir>/spreadsheet.xlsx is the generation's copy, or lags behind, or is missing — the
 *     generation's workbook is read (`refresh`: the copy for people must be written again);
 *   - 'edited': a person changed <dir>/spreadsheet.xlsx — it is read, with the generation's sidecar.
 */
export function spreadsheetSource(
  dir: string,
  gen: Generation & { info: GenerationInfo },
): { kind: 'saved'; xlsx: string; refresh: 'no' | 'stale' | 'missing' } | { kind: 'edited'; xlsx: string } {
  const saved = path.join(gen.path, XLSX_FILE);
  if (sha256OfFile(saved) !== gen.info.xlsxSha256) {
    throw damaged(dir, `таблица ${path.join(STATE_DIR, gen.name, XLSX_FILE)} отсутствует или изменена`);
  }
  const copy = path.join(dir, XLSX_FILE);
  const hash = sha256OfFile(copy);
  if (hash === gen.info.xlsxSha256) return { kind: 'saved', xlsx: saved, refresh: 'no' };
  if (hash === null) return { kind: 'saved', xlsx: saved, refresh: 'missing' };
  if (hash === gen.info.replacesXlsxSha256) return { kind: 'saved', xlsx: saved, refresh: 'stale' };
  return { kind: 'edited', xlsx: copy };
}
