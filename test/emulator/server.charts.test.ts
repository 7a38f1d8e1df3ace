/**
 * The local server's sheet view carries the sheet's embedded charts, their series re-read from the
 * live cells on every GET /api/sheet: a person's edit shows in the chart at the next fetch.
 */
import type { RunningServer } from '../../workspace/server/server';
import type { ChartView } from '../../workspace/server/protocol';
import { createCharts } from '../../emulator/spreadsheet/charts';
import { openWorkspace } from '../../workspace/workspace';
import { post, sheetView, start, tempDir } from './serverFixture';

const SHEET = 'Графики';

let server: RunningServer;
let otherSheet: string;

beforeAll(async () => {
  // A workspace with a sheet of stage percentages and two charts over it, saved to a folder the
  // server then opens as it is.
  const dir = tempDir();
  const ws = await openWorkspace({ dir });
  const ss = ws.spreadsheet().getActiveSpreadsheet();
  otherSheet = ss.getSheets()[0].getName();
  const sheet = ss.insertSheet(SHEET);
  sheet.getRange('A10:C13').setValues([
    ['Этап', 'Выполнение', 'План'],
    ['Диагностика', 1, 1],
    ['Планирование', 0.5, 0.75],
    ['Реализация', 0.25, 0.5],
  ]);
  sheet.getRange('B11:C13').setNumberFormat('0%');
  const Charts = createCharts(ws.env);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A10:B13'))
      .setPosition(2, 10, 4, 6)
      .setOption('title', 'Выполнение по этапам, %')
      .setOption('legend', { position: 'none' })
      .setOption('width', 480)
      .setOption('height', 300)
      .build(),
  );
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .setColors(['#123456', '#abcdef'])
      .addRange(sheet.getRange('A10:C13'))
      .setPosition(20, 1, 0, 0)
      .build(),
  );
  await ws.save();
  server = await start(dir);
});

afterAll(async () => {
  await server.close();
});

function byType(charts: ChartView[], type: string): ChartView {
  const chart = charts.find((c) => c.type === type);
  if (!chart) throw new Error(`no ${type} chart in ${JSON.stringify(charts)}`);
  return chart;
}

describe('charts in the sheet view', () => {
  test('each chart comes with its id, type, title, anchor, size, legend and series', async () => {
    const view = await sheetView(server, SHEET);
    expect(view.charts).toHaveLength(2);
    const bar = byType(view.charts, 'BAR');
    expect(bar).toEqual({
      id: expect.any(Number),
      type: 'BAR',
      title: 'Выполнение по этапам, %',
      anchor: { row: 2, column: 10, offsetX: 4, offsetY: 6 },
      width: 480,
      height: 300,
      legend: 'none',
      series: {
        labels: ['Диагностика', 'Планирование', 'Реализация'],
        names: ['Выполнение'],
        values: [[1, 0.5, 0.25]],
        display: [['100%', '50%', '25%']],
      },
    });
    const column = byType(view.charts, 'COLUMN');
    expect(column.id).not.toBe(bar.id);
    expect(column.title).toBe('');
    expect([column.width, column.height]).toEqual([600, 371]);
    expect(column.legend).toBe('right');
    expect(column.colors).toEqual(['#123456', '#abcdef']);
    expect(column.series.names).toEqual(['Выполнение', 'План']);
    expect(column.series.values[1]).toEqual([1, 0.75, 0.5]);
    // The grid reaches under the charts: the bar chart spans columns J…O, the column chart rows 20…38.
    expect(view.colCount).toBeGreaterThanOrEqual(15);
    expect(view.rowCount).toBeGreaterThanOrEqual(20 + Math.ceil(371 / 21));
  });

  test('a sheet without charts has an empty list', async () => {
    const view = await sheetView(server, otherSheet);
    expect(view.charts).toEqual([]);
  });

  test("a person's edit changes the series at the next fetch (live data, not a snapshot)", async () => {
    const edit = await post(server, '/api/edit', { sheet: SHEET, a1: 'B12', values: [['90%']] });
    expect(edit.status).toBe(200);
    expect(edit.json().ok).toBe(true);
    const label = await post(server, '/api/edit', { sheet: SHEET, a1: 'A13', values: [['Внедрение']] });
    expect(label.json().ok).toBe(true);
    const bar = byType((await sheetView(server, SHEET)).charts, 'BAR');
    expect(bar.series.values).toEqual([[1, 0.9, 0.25]]);
    expect(bar.series.display).toEqual([['100%', '90%', '25%']]);
    expect(bar.series.labels).toEqual(['Диагностика', 'Планирование', 'Внедрение']);
    // A row typed under the range is not part of it.
    await post(server, '/api/edit', { sheet: SHEET, a1: 'A14', values: [['Итоги']] });
    expect(byType((await sheetView(server, SHEET)).charts, 'BAR').series.labels).toHaveLength(3);
  });
});
