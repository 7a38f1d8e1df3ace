/**
 * The workspace folder on disk (persistence/workspaceStore.ts): one generation under state/, the copies
 * for people beside it, a person's edit of spreadsheet.xlsx, damaged or missing workbooks, and folders
 * saved before generations.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeJsonAtomic } from '../../emulator/persistence/atomicWrite';
import { currentGeneration, STATE_DIR } from '../../emulator/persistence/workspaceStore';
import { saveSpreadsheet } from '../../emulator/persistence/xlsx';
import { openWorkspace, type Workspace } from '../../workspace/workspace';
import { fakeAddonDist, NOW } from './formsFixture';

const dist = fakeAddonDist();
const XLSX = 'spreadsheet.xlsx';

async function open(dir: string): Promise<Workspace> {
  return openWorkspace({ dir, distDir: dist, now: NOW });
}

/** A saved workspace with a value on a sheet, a form and a Drive folder. */
async function saved(): Promise<{ dir: string; ws: Workspace }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ws-store-'));
  const ws = await open(dir);
  ws.spreadsheet().getActiveSpreadsheet().getSheets()[0].setName('Данные').getRange('A1').setValue('сохранено');
  ws.formApp().create('Анкета');
  ws.driveApp().createFolder('Папка');
  await ws.save();
  return { dir, ws };
}

function cell(ws: Workspace): string {
  return ws.values('Данные')![0][0];
}

describe('a save', () => {
  test('is one generation under state/, with spreadsheet.xlsx beside it for people; older ones are removed', async () => {
    const { dir, ws } = await saved();
    const first = currentGeneration(dir)!.name;
    await ws.save();
    const gen = currentGeneration(dir)!;
    expect(gen.name).not.toBe(first);
    expect(readdirSync(path.join(dir, STATE_DIR)).sort()).toEqual(['CURRENT', gen.name]);
    expect(readdirSync(gen.path).sort()).toEqual(
      [
        'drive.json',
        'forms.json',
        'generation.json',
        'mail.json',
        'services.json',
        XLSX,
        'spreadsheet.meta.json',
      ].sort(),
    );
    expect(readFileSync(path.join(dir, XLSX))).toEqual(readFileSync(path.join(gen.path, XLSX)));
    expect(readdirSync(dir).sort()).toEqual(['drive', XLSX, STATE_DIR]);
  });
});

describe('spreadsheet.xlsx, the copy for people', () => {
  test('edited in LibreOffice while nothing ran: the edit is loaded and the next save puts it in the saved state', async () => {
    const { dir } = await saved();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, XLSX));
    book.getWorksheet('Данные')!.getCell('A1').value = 'исправлено вручную';
    await book.xlsx.writeFile(path.join(dir, XLSX));

    const ws = await open(dir);
    expect(cell(ws)).toBe('исправлено вручную');
    expect(ws.forms().map((f) => f.title)).toEqual(['Анкета']);
    await ws.save();
    // The edit is in the saved state now, not only in the copy.
    rmSync(path.join(dir, XLSX));
    expect(cell(await open(dir))).toBe('исправлено вручную');
  });

  test('missing: the saved state opens, the file is written again and the page is told', async () => {
    const { dir } = await saved();
    rmSync(path.join(dir, XLSX));
    const ws = await open(dir);
    expect(cell(ws)).toBe('сохранено');
    expect(ws.forms()).toHaveLength(1);
    expect(ws.loadProblems).toEqual([`Файла ${XLSX} не было в папке: он восстановлен из последнего сохранения.`]);
    expect(existsSync(path.join(dir, XLSX))).toBe(true);
  });

  test('truncated: refused with what is wrong and what to do; once deleted, the saved state opens', async () => {
    const { dir } = await saved();
    const file = path.join(dir, XLSX);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const refusal = open(dir);
    await expect(refusal).rejects.toThrow(`Файл ${file} повреждён или это не таблица .xlsx`);
    await expect(refusal).rejects.toThrow('удалите этот файл — откроется последнее сохранённое состояние');
    rmSync(file);
    expect(cell(await open(dir))).toBe('сохранено');
  });

  test("the saved state's own workbook damaged: refused, naming the saved state, not opened empty", async () => {
    const { dir } = await saved();
    const gen = currentGeneration(dir)!;
    writeFileSync(path.join(gen.path, XLSX), 'PK');
    await expect(open(dir)).rejects.toThrow(`Сохранённое состояние в папке ${path.join(dir, STATE_DIR)} повреждено`);
  });
});

describe('a folder saved before generations (files straight in the folder)', () => {
  /** The old layout: spreadsheet.xlsx, its sidecar and the services' JSON side by side. */
  async function legacy(): Promise<string> {
    const { dir, ws } = await saved();
    const gen = currentGeneration(dir)!;
    for (const file of ['services.json', 'forms.json', 'mail.json', 'drive.json']) {
      writeFileSync(path.join(dir, file), readFileSync(path.join(gen.path, file)));
    }
    rmSync(path.join(dir, STATE_DIR), { recursive: true });
    await saveSpreadsheet(ws.model, dir);
    return dir;
  }

  test('opens as it was; the first save moves it into state/ and removes the old files', async () => {
    const dir = await legacy();
    const ws = await open(dir);
    expect(cell(ws)).toBe('сохранено');
    expect(ws.forms()).toHaveLength(1);
    await ws.save();
    expect(readdirSync(dir).sort()).toEqual(['drive', XLSX, STATE_DIR]);
    expect((await open(dir)).forms()).toHaveLength(1);
  });

  test('without spreadsheet.xlsx: refused, saying what is missing and what to do (not opened as an empty file)', async () => {
    const dir = await legacy();
    rmSync(path.join(dir, XLSX));
    const refusal = open(dir);
    await expect(refusal).rejects.toThrow(
      `есть сохранённые данные (services.json, forms.json, mail.json, drive.json), но нет таблицы ${XLSX}`,
    );
    await expect(refusal).rejects.toThrow(`Верните ${XLSX} из резервной копии`);
  });

  test('with a truncated spreadsheet.xlsx: refused, saying what to do', async () => {
    const dir = await legacy();
    const file = path.join(dir, XLSX);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    await expect(open(dir)).rejects.toThrow(`Файл ${file} повреждён или это не таблица .xlsx (Corrupted zip`);
  });

  test('a damaged sidecar is still reported as such', async () => {
    const dir = await legacy();
    writeJsonAtomic(path.join(dir, 'spreadsheet.meta.json'), 'not a sidecar');
    await expect(open(dir)).rejects.toThrow('spreadsheet.meta.json повреждён');
  });
});
