import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkspace } from '../../workspace/workspace';
import { cellOf, NOW, records, ROADMAP } from './workspace';
import { api } from './api';

describe('a workspace folder keeps its state', () => {
  test('edits survive save and reopen; the .xlsx holds the roadmap a person can open', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ws-reopen-'));
    const ws = await openWorkspace({ dir, now: NOW });
    ws.run('setupSchoolYear', { school: 'Школа № 2', startYear: 2026 });
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'Выполнено');
    await ws.save();

    const again = await openWorkspace({ dir });
    expect(again.values(ROADMAP)).toEqual(ws.values(ROADMAP));
    expect(records(again, ROADMAP).find((r) => r['№'] === '1.3')!['Дата выполнения']).toBe('25.11.2026');
    expect(again.menu().length).toBe(13);
    // The roadmap's period survives too: re-running setup does not archive anything.
    expect(api(again, 'setupSchoolYear').archivedSheet).toBeNull();
    // Validation and highlights are still there after the round trip.
    expect(() => again.edit(ROADMAP, cellOf(again, 'Статус', '1.2'), 'Готово')).toThrow('Недопустимое значение');
    expect(again.format(ROADMAP, cellOf(again, 'Мероприятие', '1.2')).background).toBe('#f4cccc');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'spreadsheet.xlsx'));
    const sheet = book.getWorksheet(ROADMAP)!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Мероприятие');
  });

  test('require(<repo root>) gives openWorkspace from the built library', async () => {
    const lib = require('../..') as typeof import('../../workspace/index');
    const ws = await lib.openWorkspace({ demo: true, now: NOW });
    expect(ws.sheetNames()[0]).toBe(ROADMAP);
    expect(ws.calls()).toEqual({ total: 0, byMethod: {}, simulatedMs: 0 });
    ws.run('getProgress');
    expect(ws.calls().total).toBeGreaterThan(0);
  });
});
