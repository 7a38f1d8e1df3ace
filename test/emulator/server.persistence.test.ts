import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startServer } from '../../workspace/server/server';
import type { ActionResult } from '../../workspace/server/protocol';
import { a1, column, fakeDist, get, jobUntilDone, post, ROADMAP, sheetView, start, tempDir } from './serverFixture';

describe('the workspace folder', () => {
  test('an edit survives closing the server and starting it again on the same folder', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const view = await sheetView(first);
    const comment = a1(2, column(view, 'Комментарий'));
    expect((await post(first, '/api/edit', { sheet: ROADMAP, a1: comment, values: [['Проверено']] })).json().ok).toBe(
      true,
    );
    await first.close();

    const second = await start(dir);
    try {
      const again = await sheetView(second);
      expect(again.rows[2][column(again, 'Комментарий')].v).toBe('Проверено');
    } finally {
      await second.close();
    }
  });

  test('download.xlsx is the spreadsheet as a real .xlsx, named in Russian', async () => {
    const server = await start();
    try {
      const reply = await get(server, '/api/download.xlsx');
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(reply.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('Наставничество.xlsx')}`,
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(reply.body as unknown as ArrayBuffer);
      expect(book.getWorksheet(ROADMAP)!.getRow(1).getCell(3).value).toBe('Мероприятие');
    } finally {
      await server.close();
    }
  });

  test('reset demo is a job with steps; it replaces only the files the workspace owns', async () => {
    const dir = tempDir();
    const server = await start(dir);
    try {
      writeFileSync(path.join(dir, 'notes.txt'), 'мои заметки');
      const view = await sheetView(server);
      const comment = a1(2, column(view, 'Комментарий'));
      await post(server, '/api/edit', { sheet: ROADMAP, a1: comment, values: [['до сброса']] });

      const started: ActionResult = (await post(server, '/api/reset', {})).json();
      expect(started.ok).toBe(true);
      expect(started.jobId).toBeTruthy();
      const last = (await jobUntilDone(server, started.jobId!)).pop()!;
      expect(last).toMatchObject({ done: true, step: 9, steps: 9, stepLabel: 'Сохранение' });
      expect(last.error).toBeUndefined();
      // That the page sees each step while the job runs is test/emulator/server.jobs.test.ts's (not timing's) business.

      const after = await sheetView(server);
      expect(after.rows[2][column(after, 'Комментарий')].v).toBe('');
      expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('мои заметки');
      expect(existsSync(path.join(dir, 'spreadsheet.xlsx'))).toBe(true);
      expect((await get(server, '/api/jobs/job-999')).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  test('a truncated spreadsheet.xlsx: the server does not start and says what is wrong and what to do', async () => {
    const dir = tempDir();
    const dist = fakeDist();
    const first = await startServer({ port: 0, dir, distDir: dist, demo: false });
    const sheet: string = (await get(first, '/api/state')).json().sheets[0].name;
    try {
      expect((await post(first, '/api/edit', { sheet, a1: 'B3', values: [['до обрыва']] })).json().ok).toBe(true);
    } finally {
      await first.close();
    }

    const file = path.join(dir, 'spreadsheet.xlsx');
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    const refusal = startServer({ port: 0, dir, distDir: dist, demo: false });
    await expect(refusal).rejects.toThrow(`Файл ${file} повреждён или это не таблица .xlsx`);
    await expect(refusal).rejects.toThrow('удалите этот файл — откроется последнее сохранённое состояние');

    // As the message says: without the damaged copy the last saved state opens.
    rmSync(file);
    const again = await startServer({ port: 0, dir, distDir: dist, demo: false });
    try {
      expect((await sheetView(again, sheet)).rows[2][1].v).toBe('до обрыва');
      expect(existsSync(file)).toBe(true);
    } finally {
      await again.close();
    }
  });

  test('alerts come back already answered (a script cannot wait for a click here)', async () => {
    const server = await startServer({ port: 0, dir: tempDir(), distDir: fakeDist(), demo: false });
    try {
      const result: ActionResult = (await post(server, '/api/menu', { fn: 'menuRefreshSummary' })).json();
      expect(result.ok).toBe(true);
      expect(result.messages).toEqual([
        expect.objectContaining({ kind: 'alert', title: 'Наставничество', answer: 'OK' }),
      ]);
      expect(result.messages[0].message).toMatch(/Дорожная карта|настро/i);
    } finally {
      await server.close();
    }
  });
});
