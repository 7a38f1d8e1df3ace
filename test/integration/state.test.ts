/**
 * The add-on's state lives in the hidden sheet «Служебные данные», readable by spreadsheet id: no
 * 9 KB limit, migration from document properties, clock runs with no active spreadsheet, and two
 * spreadsheets of one user keeping their own clock triggers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../../workspace/workspace';
import { useDemoSchool } from './workspace';
import { api, progressReport } from './api';

const STATE = 'Служебные данные';
const demo = useDemoSchool('state');

/** The stored values by key, as the sheet holds them (parts joined). */
function stateOf(ws: Workspace): Record<string, string> {
  const rows = ws.values(STATE) ?? [];
  return Object.fromEntries(rows.slice(1).map(([key, ...parts]) => [key, parts.join('')]));
}

const clockTriggers = (ws: Workspace) => ws.triggerRegistry.triggers.filter((t) => t.eventType === 'CLOCK');

describe('the state sheet', () => {
  test('is hidden, warns before edits, and the add-on keeps nothing in document properties', async () => {
    const ws = await demo();
    const sheet = ws.spreadsheet().getActiveSpreadsheet().getSheetByName(STATE)!;
    expect(sheet.isSheetHidden()).toBe(true);
    const [protection] = sheet.getProtections(ws.spreadsheet().ProtectionType.SHEET);
    expect(protection.isWarningOnly()).toBe(true);
    expect(stateOf(ws)).toEqual(expect.objectContaining({ roadmapStartYear: '2026', clockMode: 'daily' }));
    expect(ws.properties.documents[ws.id] ?? {}).toEqual({});
  });

  test('a program with 20 goals and 20 tasks of 300 characters is saved and read back whole', async () => {
    const ws = await demo();
    const [pair] = api(ws, 'listProgramPairs');
    const draft = api(ws, 'getProgramDraft', pair.pairId);
    const line = (what: string, i: number) =>
      `${what} ${i + 1}: ${'развитие профессиональных компетенций '.repeat(10)}`.slice(0, 299) + '.';
    const goals = Array.from({ length: 20 }, (_, i) => line('Цель', i));
    const tasks = Array.from({ length: 20 }, (_, i) => line('Задача', i));
    expect(Buffer.byteLength(JSON.stringify({ goals, tasks }))).toBeGreaterThan(9 * 1024);
    ws.run('saveProgram', { pairId: draft.pairId, goals, tasks, activities: draft.activities });
    const again = api(ws, 'getProgramDraft', pair.pairId);
    expect(again.goals).toEqual(goals);
    expect(again.tasks).toEqual(tasks);
  });

  test('values of a school set up by an earlier version move from document properties on first use', async () => {
    const ws = await demo();
    const before = stateOf(ws);
    // An earlier version: the same values in document properties, no state sheet.
    const ss = ws.spreadsheet().getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName(STATE)!);
    Object.assign(ws.properties.documentStore(ws.id), before);
    const progress = progressReport(ws);
    expect(progress.period).toBe('2026–2027');
    expect(stateOf(ws)).toEqual(before);
    expect(ws.properties.documents[ws.id]).toEqual({});
  });
});

describe('the clock trigger', () => {
  test('whose spreadsheet is unknown removes itself and says so in the log, without failing', async () => {
    const ws = await demo();
    const [trigger] = clockTriggers(ws);
    delete ws.properties.users[trigger.user][`clockTrigger:${trigger.id}`];
    const runs = ws.advanceTo('2026-11-26T08:00:00+03:00');
    expect(runs).toEqual([expect.objectContaining({ triggerId: trigger.id, ok: true })]);
    expect(clockTriggers(ws)).toEqual([]);
    expect(ws.logs.entries.map((e) => e.message).join('\n')).toMatch(/не найдена или недоступна: триггер удалён/);
  });

  test('two schools of one user: each keeps its own trigger, and each run works in its own file', async () => {
    const ws = await demo();
    const other = ws.openOtherSpreadsheet('Школа № 5');
    other.run('setupSchoolYear', { school: 'МБОУ «СОШ № 5»', startYear: 2026 });
    expect(
      clockTriggers(ws)
        .map((t) => t.documentId)
        .sort(),
    ).toEqual([ws.id, other.id].sort());

    // A batch of documents in the first school makes its trigger hourly; the other one stays daily.
    // A new director: every statement is made again, more than one sidebar call holds.
    ws.run('setupSchoolYear', { director: 'Сидорова Нина Ивановна' });
    const batch = api(ws, 'generateDocuments', { kind: 'consentPersonalData' });
    expect(batch.finished).toBe(false);
    expect(clockTriggers(ws)).toHaveLength(2);
    expect(stateOf(ws).clockMode).toBe('hourly');
    expect(stateOf(other).clockMode).toBe('daily');

    const runs = ws.advanceTo('2026-11-26T08:00:00+03:00');
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(api(ws, 'getDocumentsView').job).toBeNull();
    expect(stateOf(ws).remindersLastRun).toBe('2026-11-26');
    expect(stateOf(other).remindersLastRun).toBe('2026-11-26');
    // The other school got none of the first one's documents.
    expect(other.values('Документы')?.slice(1) ?? []).toEqual([]);
    expect(
      clockTriggers(ws)
        .map((t) => t.documentId)
        .sort(),
    ).toEqual([ws.id, other.id].sort());
  });
});

test('the add-on keeps nothing in document properties: only the migration reads them', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
  const src = path.join(__dirname, '..', '..', 'src');
  const users = files(src).filter((f) => readFileSync(f, 'utf8').includes('getDocumentProperties'));
  expect(users.map((f) => path.relative(src, f))).toEqual([path.join('state', 'legacy.ts')]);
});
