/** The sheet edit route refuses what Sheets would not take from a person (emulator/RULES.md §10). */
import type { RunningServer } from '../../workspace/server/server';
import { post, sheetView, start } from './serverFixture';

const SETTINGS = 'Настройки';

let server: RunningServer;

beforeAll(async () => {
  server = await start();
});

afterAll(async () => {
  await server.close();
});

describe('POST /api/edit within Google’s limits', () => {
  test('a cell beyond the grid is a 400 with a Russian message, and the sheet stays as it was', async () => {
    const before = await sheetView(server, SETTINGS);
    const reply = await post(server, '/api/edit', { sheet: SETTINGS, a1: 'A9999999', values: [['x']] });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(
      /^Лист «Настройки», строка 9\u00a0999\u00a0999, столбец A: такой ячейки на листе нет — на нём строки 1–[\d\u00a0]+ и столбцы A–[A-Z]+\. Сначала добавьте строки или столбцы, затем введите значение\.$/,
    );
    expect(await sheetView(server, SETTINGS)).toEqual(before);
  });

  test('text over 50 000 characters is a 400 naming the cell, and nothing is written', async () => {
    const before = await sheetView(server, SETTINGS);
    const reply = await post(server, '/api/edit', { sheet: SETTINGS, a1: 'C2', values: [['я'.repeat(50_001)]] });
    expect(reply.status).toBe(400);
    expect(reply.text).toBe(
      'Лист «Настройки», строка 2, столбец C: в ячейке может быть не больше 50\u00a0000 символов, а введено 50\u00a0001. Сократите текст.',
    );
    expect(await sheetView(server, SETTINGS)).toEqual(before);
  });
});
