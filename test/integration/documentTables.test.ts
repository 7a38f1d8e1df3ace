/**
 * Documents with several repeating tables, through the built bundle: the analytical report's
 * template is built in Drive, generation fills its four tables from the sheets.
 */
import { type Workspace } from '../../workspace/workspace';
import { generateDocuments, MAY, records, setUpWorkspace, useDemoSchool } from './workspace';
import { api } from './api';

const PERIOD = 'Наставничество 2026–2027';
const demo = useDemoSchool('documentTables', MAY);

/** A set-up school with the people every document names. */
async function school(): Promise<Workspace> {
  const ws = await setUpWorkspace();
  ws.run('setupSchoolYear', { director: 'Петров Пётр Петрович', curator: 'Орлова Ирина Сергеевна' });
  return ws;
}

const docIdOf = (url: string) => /\/d\/([^/]+)/.exec(url)![1];

/** The tables of a Doc as rows of cell texts. */
function tablesOf(ws: Workspace, id: string): string[][][] {
  return ws
    .documentApp()
    .openById(id)
    .getBody()
    .getTables()
    .map((t) => {
      const rows: string[][] = [];
      for (let r = 0; r < t.getNumRows(); r++) {
        const row = t.getRow(r);
        const cells: string[] = [];
        for (let c = 0; c < row.getNumCells(); c++) cells.push(row.getCell(c).getText());
        rows.push(cells);
      }
      return rows;
    });
}

function reportTemplate(ws: Workspace) {
  const file = ws.files().find((f) => f.path === `${PERIOD}/Шаблоны` && f.name === 'Шаблон — аналитическая справка');
  if (!file) throw new Error('no template of the analytical report');
  return ws.documentApp().openById(file.id);
}

describe('the analytical report', () => {
  test('a school with nothing yet: the tables show «—», no placeholder is left', async () => {
    const ws = await school();
    const entry = generateDocuments(ws, { kind: 'analyticalReport', date: '2027-06-10' }).results[0];
    expect(entry.number).toBe('АС-2027-001');
    const file = ws.files().find((f) => f.id === docIdOf(entry.docUrl))!;
    expect(file.path).toBe(`${PERIOD}/Мониторинг`);
    const text = ws.docText(file.id);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain('за 2026–2027 учебный год');
    const tables = tablesOf(ws, file.id);
    expect(tables.map((t) => t[0][0])).toEqual(['№', 'Вопрос', 'Дата', 'Практика']);
    for (const i of [0, 2, 3]) expect(tables[i].slice(1).map((r) => r[0])).toEqual(['—']);
  });

  test('at the end of the year: every confirmed pair, the events and practices in their tables', async () => {
    const ws = await demo();
    const entry = generateDocuments(ws, { kind: 'analyticalReport' }).results[0];
    const [pairs, questions, events, practices] = tablesOf(ws, docIdOf(entry.docUrl));
    // Pairs at work: confirmed, and confirmed but flagged by the mid-year check-in.
    const confirmed = records(ws, 'Пары и группы').filter((p) =>
      ['утверждено', 'требует внимания'].includes(p['Статус']),
    );
    expect(
      pairs
        .slice(1)
        .map((r) => r[1].split(' — ')[0])
        .sort(),
    ).toEqual(confirmed.map((p) => p['Наставник']).sort());
    expect(pairs.slice(1).map((r) => r[0])).toEqual(confirmed.map((_, i) => String(i + 1)));
    for (const table of [questions, events, practices]) {
      expect(table.length).toBeGreaterThan(1);
      expect(table[1][0]).not.toBe('—');
    }
    expect(ws.docText(docIdOf(entry.docUrl))).not.toMatch(/\{\{|\}\}/);
  });

  test('staff edits: a table whose row was deleted stays as it is; a table field out of its row is refused', async () => {
    const ws = await school();
    const template = reportTemplate(ws);
    template.getBody().getTables()[3].removeRow(1);
    template.saveAndClose();
    const entry = generateDocuments(ws, { kind: 'analyticalReport' }).results[0];
    const tables = tablesOf(ws, docIdOf(entry.docUrl));
    expect(tables[3]).toEqual([['Практика', 'Автор', 'Компетенция', 'Описание']]);
    expect(tables[2].slice(1)).toEqual([['—', '', '', '']]);

    const edited = reportTemplate(ws);
    edited.getBody().appendParagraph('Лучшая практика года: {{практика_название}}');
    edited.saveAndClose();
    const preview = api(ws, 'previewDocuments', 'analyticalReport');
    expect(preview.problems).toEqual([
      'Поле {{практика_название}} можно использовать только в повторяющейся строке таблицы «Лучшие практики ' +
        'наставничества».',
    ]);
    expect(() => ws.run('generateDocuments', { kind: 'analyticalReport' })).toThrow(/практика_название/);
  });
});
