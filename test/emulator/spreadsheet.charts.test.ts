/**
 * Embedded charts: the Charts enums, Sheet.newChart()'s builders, EmbeddedChart, ContainerInfo,
 * ChartOptions, insertChart / getCharts / updateChart / removeChart, how charts follow the sheet
 * (rows, renames, copies, deletions), the series read from live cells, and persistence.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSpreadsheet, saveSpreadsheet } from '../../emulator/persistence/xlsx';
import { chartSeries } from '../../emulator/spreadsheet/chartModel';
import {
  CHART_ALREADY_INSERTED,
  CHART_ANCHOR_OUTSIDE,
  CHART_NOT_FOUND,
  CHART_TYPE_NOT_SET,
  createCharts,
} from '../../emulator/spreadsheet/charts';
import { PROTECTED_MESSAGE } from '../../emulator/spreadsheet/context';
import { openWorkspace } from '../../workspace/workspace';
import { setup, type Fixture } from './spreadsheetFixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

const STAGES: Array<[string, number]> = [
  ['Диагностика', 1],
  ['Планирование', 0.75],
  ['Реализация', 0.5],
  ['Мониторинг', 0.25],
  ['Анализ', 0],
  ['Итоги', 0.1],
  ['Распространение', 0.05],
];

/** «Сводка» with a header row at A10 and seven stages below (B as percentages). */
function summary(f: Fixture): Sheet {
  const sheet = f.sheet.setName('Сводка');
  sheet.getRange('A10:B10').setValues([['Этап', 'Выполнение, %']]);
  sheet.getRange('A11:B17').setValues(STAGES);
  sheet.getRange('B11:B17').setNumberFormat('0%');
  return sheet;
}

function barChart(f: Fixture, sheet: Sheet): EmbeddedChart {
  const Charts = createCharts(f.env);
  return sheet
    .newChart()
    .setChartType(Charts.ChartType.BAR)
    .addRange(sheet.getRange('A10:B17'))
    .setPosition(2, 10, 5, 7)
    .setOption('title', 'Выполнение по этапам, %')
    .setOption('legend', { position: 'none' })
    .setOption('width', 480)
    .setOption('height', 300)
    .build();
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('the Charts global', () => {
  test('ChartType has the documented values; enum values are identities with their name', () => {
    const { env } = setup();
    const Charts = createCharts(env);
    for (const name of ['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE', 'COMBO', 'HISTOGRAM']) {
      const value = (Charts.ChartType as unknown as Record<string, unknown>)[name];
      expect(String(value)).toBe(name);
    }
    expect(Charts.ChartType.BAR).toBe(createCharts(env).ChartType.BAR);
    expect(Charts.ChartType.BAR).not.toBe(Charts.ChartType.COLUMN);
    expect(String(Charts.Position.NONE)).toBe('NONE');
    expect(() => (Charts as unknown as { newBarChart(): unknown }).newBarChart()).toThrow(/not implemented/);
  });
});

describe('building, inserting and reading charts', () => {
  test('builder → build → insertChart → getCharts: type, ranges, options, position, id', () => {
    const f = setup();
    const sheet = summary(f);
    const Charts = createCharts(f.env);
    const builder = sheet.newChart().setChartType(Charts.ChartType.BAR);
    expect(builder.getChartType()).toBe(Charts.ChartType.BAR);
    const chart = barChart(f, sheet);
    expect(chart.getChartId()).toBeNull();
    expect(sheet.getCharts()).toHaveLength(0);

    sheet.insertChart(chart);
    const id = chart.getChartId();
    expect(typeof id).toBe('number');
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    const got = charts[0];
    expect(got.getChartId()).toBe(id);
    expect(got.getRanges().map((r) => r.getA1Notation())).toEqual(['A10:B17']);
    expect(got.getRanges()[0].getSheet().getName()).toBe('Сводка');
    expect(got.getOptions().get('title')).toBe('Выполнение по этапам, %');
    expect(got.getOptions().get('legend')).toEqual({ position: 'none' });
    expect(got.getOptions().get('legend.position')).toBe('none');
    expect(got.getOptions().get('width')).toBe(480);
    expect(got.getOptions().get('vAxis.title')).toBeNull();
    const info = got.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([2, 10, 5, 7]);
    expect(got.getNumHeaders()).toBe(-1);
    expect(got.getTransposeRowsAndColumns()).toBe(false);
    expect(String(got.getMergeStrategy())).toBe('MERGE_COLUMNS');
    expect(String(got.getHiddenDimensionStrategy())).toBe('IGNORE_BOTH');
    // A second chart gets another id.
    sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('A10:B17')).build());
    const ids = sheet.getCharts().map((c) => c.getChartId());
    expect(new Set(ids).size).toBe(2);
  });

  test('a chart without setPosition is anchored at A1; the builder reports its container', () => {
    const f = setup();
    const sheet = summary(f);
    const Charts = createCharts(f.env);
    const builder = sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(sheet.getRange('A10:B17'));
    expect(builder.getContainer().getAnchorRow()).toBe(1);
    builder.setPosition(3, 4, 0, 0);
    expect(builder.getContainer().getAnchorColumn()).toBe(4);
    sheet.insertChart(builder.build());
    expect(sheet.getCharts()[0].getContainerInfo().getAnchorRow()).toBe(3);
  });

  test('addRange does not add a range twice; removeRange ignores ranges not in the chart; getRanges is a copy', () => {
    const f = setup();
    const sheet = summary(f);
    const b = sheet.newChart().addRange(sheet.getRange('A10:A17')).addRange(sheet.getRange('A10:A17'));
    b.addRange(sheet.getRange('B10:B17'));
    expect(b.getRanges().map((r) => r.getA1Notation())).toEqual(['A10:A17', 'B10:B17']);
    b.removeRange(sheet.getRange('C1:C2'));
    b.removeRange(sheet.getRange('A10:A16'));
    expect(b.getRanges()).toHaveLength(2);
    b.removeRange(sheet.getRange('A10:A17'));
    expect(b.getRanges().map((r) => r.getA1Notation())).toEqual(['B10:B17']);
    b.getRanges().pop();
    expect(b.getRanges()).toHaveLength(1);
    b.clearRanges();
    expect(b.getRanges()).toEqual([]);
  });

  test('modify → update changes the chart in place (same id); the old snapshot stays as it was', () => {
    const f = setup();
    const sheet = summary(f);
    sheet.insertChart(barChart(f, sheet));
    const before = sheet.getCharts()[0];
    const id = before.getChartId();
    const Charts = createCharts(f.env);
    const changed = before
      .modify()
      .clearRanges()
      .addRange(sheet.getRange('A10:B14'))
      .setChartType(Charts.ChartType.COLUMN)
      .setOption('title', 'Новый заголовок')
      .setPosition(20, 1, 0, 0)
      .build();
    expect(changed.getChartId()).toBe(id);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Выполнение по этапам, %');
    sheet.updateChart(changed);
    const after = sheet.getCharts();
    expect(after).toHaveLength(1);
    expect(after[0].getChartId()).toBe(id);
    expect(after[0].getOptions().get('title')).toBe('Новый заголовок');
    expect(after[0].getRanges().map((r) => r.getA1Notation())).toEqual(['A10:B14']);
    expect(after[0].getContainerInfo().getAnchorRow()).toBe(20);
    expect(after[0].modify().getChartType()).toBe(Charts.ChartType.COLUMN);
    expect(before.getOptions().get('title')).toBe('Выполнение по этапам, %');
  });

  test('removeChart removes it; removing or updating it again is refused', () => {
    const f = setup();
    const sheet = summary(f);
    sheet.insertChart(barChart(f, sheet));
    const chart = sheet.getCharts()[0];
    sheet.removeChart(chart);
    expect(sheet.getCharts()).toEqual([]);
    expect(errorOf(() => sheet.removeChart(chart))).toBe(CHART_NOT_FOUND);
    expect(errorOf(() => sheet.updateChart(chart.modify().build()))).toBe(CHART_NOT_FOUND);
  });

  test('typed builders: as…Chart() sets the type and adds setTitle, legend, axis titles, stacking, 3D', () => {
    const f = setup();
    const sheet = summary(f);
    const Charts = createCharts(f.env);
    const bar = sheet
      .newChart()
      .asBarChart()
      .setTitle('Этапы')
      .setLegendPosition(Charts.Position.BOTTOM)
      .setXAxisTitle('%')
      .setStacked()
      .setColors(['#ff0000']);
    expect(bar.getChartType()).toBe(Charts.ChartType.BAR);
    bar.addRange(sheet.getRange('A10:B17'));
    sheet.insertChart(bar.build());
    const options = sheet.getCharts()[0].getOptions();
    expect(options.get('title')).toBe('Этапы');
    expect(options.get('legend.position')).toBe('bottom');
    expect(options.get('hAxis.title')).toBe('%');
    expect(options.get('isStacked')).toBe(true);
    expect(options.get('colors')).toEqual(['#ff0000']);

    const pie = sheet.newChart().asPieChart().set3D().setTitle('Доли');
    expect(pie.getChartType()).toBe(Charts.ChartType.PIE);
    const col = sheet.newChart().asColumnChart().setTitle('Столбцы');
    expect(col.getChartType()).toBe(Charts.ChartType.COLUMN);
    expect(sheet.newChart().asLineChart().getChartType()).toBe(Charts.ChartType.LINE);
    expect(sheet.newChart().asAreaChart().getChartType()).toBe(Charts.ChartType.AREA);
    // The plain builder has no typed methods, as in Apps Script; a line chart cannot be stacked.
    expect(() => (sheet.newChart() as unknown as { setTitle(t: string): void }).setTitle('x')).toThrow(
      /EmbeddedChartBuilder\.setTitle is not implemented/,
    );
    expect(() => (sheet.newChart().asLineChart() as unknown as { setStacked(): void }).setStacked()).toThrow(
      /EmbeddedLineChartBuilder\.setStacked is not implemented/,
    );
    // Not in Apps Script: EmbeddedChart has no getType() / getId().
    const chart = sheet.getCharts()[0] as unknown as { getType(): unknown; getId(): unknown };
    expect(() => chart.getType()).toThrow(/not implemented/);
    expect(() => chart.getId()).toThrow(/not implemented/);
  });

  test('bad input is refused with Apps Script signature errors and the documented choices', () => {
    const f = setup();
    const sheet = summary(f);
    const Charts = createCharts(f.env);
    const b = sheet.newChart() as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(errorOf(() => b.setChartType('BAR'))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
    expect(errorOf(() => b.addRange('A10:B17'))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
    );
    expect(errorOf(() => b.setPosition('2', 1, 0, 0))).toMatch(
      /^The parameters \(String,number,number,number\) don't match the method signature for SpreadsheetApp\.EmbeddedChartBuilder\.setPosition\.$/,
    );
    expect(errorOf(() => b.setPosition(0, 1, 0, 0))).toBe('Invalid argument: anchorRowPos');
    expect(errorOf(() => b.setPosition(1, 1, -1, 0))).toBe('Invalid argument: offsetX');
    expect(errorOf(() => b.setOption(5, 'x'))).toMatch(/SpreadsheetApp\.EmbeddedChartBuilder\.setOption\.$/);
    expect(errorOf(() => b.build())).toBe(CHART_TYPE_NOT_SET);
    expect(errorOf(() => sheet.insertChart({} as EmbeddedChart))).toBe(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
    );

    const chart = barChart(f, sheet);
    expect(errorOf(() => sheet.updateChart(chart))).toBe(CHART_NOT_FOUND);
    sheet.insertChart(chart);
    expect(errorOf(() => sheet.insertChart(chart))).toBe(CHART_ALREADY_INSERTED);
    expect(errorOf(() => sheet.insertChart(sheet.getCharts()[0]))).toBe(CHART_ALREADY_INSERTED);
    const far = sheet.newChart().setChartType(Charts.ChartType.BAR).setPosition(1001, 1, 0, 0).build();
    expect(errorOf(() => sheet.insertChart(far))).toBe(CHART_ANCHOR_OUTSIDE);
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('calls are counted under their Apps Script class names and charged latency', () => {
    const f = setup();
    const sheet = summary(f);
    f.env.calls.reset();
    const chart = barChart(f, sheet);
    sheet.insertChart(chart);
    sheet.getCharts()[0].getOptions().get('title');
    sheet.newChart().asBarChart().setTitle('x');
    const { byMethod, simulatedMs } = f.env.calls.summary();
    expect(byMethod['Sheet.newChart']).toBe(2);
    expect(byMethod['EmbeddedChartBuilder.setOption']).toBe(4);
    expect(byMethod['EmbeddedChartBuilder.build']).toBe(1);
    expect(byMethod['Sheet.insertChart']).toBe(1);
    expect(byMethod['Sheet.getCharts']).toBe(1);
    expect(byMethod['EmbeddedChart.getOptions']).toBe(1);
    expect(byMethod['ChartOptions.get']).toBe(1);
    expect(byMethod['EmbeddedBarChartBuilder.setTitle']).toBe(1);
    expect(simulatedMs).toBeGreaterThanOrEqual(300 + 60);
  });

  test('a non-editor cannot insert, update or remove a chart on a protected sheet', () => {
    const f = setup({ user: 'teacher@school.example', owner: 'metodist@school.example' });
    const sheet = f.sheet;
    sheet.getRange('A1:B3').setValues([
      ['a', 'b'],
      ['x', 1],
      ['y', 2],
    ]);
    const Charts = createCharts(f.env);
    const chart = sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B3')).build();
    sheet.insertChart(chart);
    f.env.activeUser = 'metodist@school.example';
    sheet.protect();
    f.env.activeUser = 'teacher@school.example';
    const fresh = sheet.newChart().setChartType(Charts.ChartType.PIE).build();
    expect(errorOf(() => sheet.insertChart(fresh))).toBe(PROTECTED_MESSAGE);
    const retitled = sheet.getCharts()[0].modify().setOption('title', 'x').build();
    expect(errorOf(() => sheet.updateChart(retitled))).toBe(PROTECTED_MESSAGE);
    expect(errorOf(() => sheet.removeChart(sheet.getCharts()[0]))).toBe(PROTECTED_MESSAGE);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBeNull();
    // The owner may.
    f.env.activeUser = 'metodist@school.example';
    sheet.updateChart(retitled);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('x');
  });
});

describe('charts follow the sheet', () => {
  test('rows inserted above move the range and the anchor; deleting all its rows drops the range', () => {
    const f = setup();
    const sheet = summary(f);
    sheet.insertChart(barChart(f, sheet));
    sheet.insertRowsBefore(1, 3);
    const chart = sheet.getCharts()[0];
    expect(chart.getRanges().map((r) => r.getA1Notation())).toEqual(['A13:B20']);
    expect(chart.getContainerInfo().getAnchorRow()).toBe(5);
    sheet.deleteRows(14, 2);
    expect(sheet.getCharts()[0].getRanges()[0].getA1Notation()).toBe('A13:B18');
    sheet.deleteRows(13, 6);
    expect(sheet.getCharts()[0].getRanges()).toEqual([]);
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('a renamed data sheet is followed; a deleted data sheet leaves the chart without that range', () => {
    const f = setup();
    const sheet = summary(f);
    const data = f.ss.insertSheet('Данные');
    data.getRange('A1:B3').setValues([
      ['Школа', 'Пары'],
      ['№1', 3],
      ['№2', 5],
    ]);
    const Charts = createCharts(f.env);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(data.getRange('A1:B3'))
        .addRange(sheet.getRange('A10:B17'))
        .build(),
    );
    data.setName('Пары по школам');
    const ranges = sheet.getCharts()[0].getRanges();
    expect(ranges.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([
      'Пары по школам!A1:B3',
      'Сводка!A10:B17',
    ]);
    f.ss.deleteSheet(data);
    expect(
      sheet
        .getCharts()[0]
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A10:B17']);
  });

  test('deleting the sheet removes its charts; a copied sheet gets its own charts over its own cells', () => {
    const f = setup();
    const sheet = summary(f);
    sheet.insertChart(barChart(f, sheet));
    const id = sheet.getCharts()[0].getChartId();
    const copy = f.ss.insertSheet('Сводка (копия)', { template: sheet });
    const copied = copy.getCharts();
    expect(copied).toHaveLength(1);
    expect(copied[0].getChartId()).not.toBe(id);
    expect(copied[0].getRanges()[0].getSheet().getName()).toBe('Сводка (копия)');
    expect(copied[0].getOptions().get('title')).toBe('Выполнение по этапам, %');
    f.ss.deleteSheet(sheet);
    expect(f.model.sheets.flatMap((s) => s.charts ?? []).map((c) => c.id)).toEqual([copied[0].getChartId()]);
    expect(() => sheet.getCharts()).toThrow('Sheet not found');
  });
});

describe('the series a chart shows', () => {
  test('header row, labels from the first column, values and display text read live', () => {
    const f = setup();
    const sheet = summary(f);
    sheet.insertChart(barChart(f, sheet));
    const model = f.model.sheets[0].charts![0];
    const s = chartSeries(f.model, model);
    expect(s.names).toEqual(['Выполнение, %']);
    expect(s.labels).toEqual(STAGES.map(([l]) => l));
    expect(s.values).toEqual([STAGES.map(([, v]) => v)]);
    expect(s.display[0].slice(0, 3)).toEqual(['100%', '75%', '50%']);
    sheet.getRange('B13').setValue(0.9);
    expect(chartSeries(f.model, model).values[0][2]).toBe(0.9);
  });

  test('numHeaders, transposition, MERGE_ROWS, trailing empty rows and hidden rows', () => {
    const f = setup();
    const sheet = f.sheet;
    sheet.getRange('A1:C3').setValues([
      ['', 'Пары', 'Встречи'],
      ['Сентябрь', 3, 10],
      ['Октябрь', 4, 12],
    ]);
    const Charts = createCharts(f.env);
    const build = (fn: (b: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder) => void) => {
      const b = sheet.newChart().setChartType(Charts.ChartType.COLUMN);
      fn(b);
      sheet.insertChart(b.build());
      const charts = f.model.sheets[0].charts!;
      return chartSeries(f.model, charts[charts.length - 1]);
    };
    const plain = build((b) => b.addRange(sheet.getRange('A1:C10')));
    expect(plain).toEqual({
      labels: ['Сентябрь', 'Октябрь'],
      names: ['Пары', 'Встречи'],
      values: [
        [3, 4],
        [10, 12],
      ],
      display: [
        ['3', '4'],
        ['10', '12'],
      ],
    });
    const noHeader = build((b) => b.addRange(sheet.getRange('A2:C3')).setNumHeaders(0));
    expect(noHeader.names).toEqual(['', '']);
    expect(noHeader.labels).toEqual(['Сентябрь', 'Октябрь']);
    const flipped = build((b) => b.addRange(sheet.getRange('A1:C3')).setTransposeRowsAndColumns(true));
    expect(flipped.labels).toEqual(['Пары', 'Встречи']);
    expect(flipped.names).toEqual(['Сентябрь', 'Октябрь']);
    expect(flipped.values).toEqual([
      [3, 10],
      [4, 12],
    ]);
    const stacked = build((b) =>
      b
        .addRange(sheet.getRange('A1:C2'))
        .addRange(sheet.getRange('A3:C3'))
        .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS),
    );
    expect(stacked.labels).toEqual(['Сентябрь', 'Октябрь']);
    sheet.hideRows(2);
    expect(build((b) => b.addRange(sheet.getRange('A1:C3'))).labels).toEqual(['Октябрь']);
    const shown = build((b) =>
      b.addRange(sheet.getRange('A1:C3')).setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH),
    );
    expect(shown.labels).toEqual(['Сентябрь', 'Октябрь']);
  });
});

describe('persistence and the workspace', () => {
  test('charts survive save and load (.xlsx + sidecar), ids are not reused', async () => {
    const f = setup();
    const sheet = summary(f);
    const data = f.ss.insertSheet('Данные');
    data.getRange('A1:B2').setValues([
      ['x', 'y'],
      ['a', 1],
    ]);
    sheet.insertChart(barChart(f, sheet));
    const Charts = createCharts(f.env);
    sheet.insertChart(
      sheet
        .newChart()
        .asPieChart()
        .setTitle('Доли')
        .addRange(data.getRange('A1:B2'))
        .setNumHeaders(1)
        .setTransposeRowsAndColumns(true)
        .build(),
    );
    sheet.removeChart(sheet.getCharts()[1]);
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(data.getRange('A1:B2')).build());
    const before = f.model.sheets.find((s) => s.name === 'Сводка')!.charts!;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'charts-'));
    await saveSpreadsheet(f.model, dir);
    const loaded = await loadSpreadsheet(dir);
    expect(loaded!.problems).toEqual([]);
    const after = loaded!.model.sheets.find((s) => s.name === 'Сводка')!.charts!;
    expect(after).toEqual(before);
    const dataId = loaded!.model.sheets.find((s) => s.name === 'Данные')!.id;
    expect(after[1].ranges[0].sheetId).toBe(dataId);
    expect(loaded!.model.nextChartId).toBe(f.model.nextChartId);
    expect(loaded!.model.sheets.find((s) => s.name === 'Данные')!.charts).toBeUndefined();
  });

  test('a chart range on a sheet missing from a hand-edited file is reported in Russian and dropped', async () => {
    const f = setup();
    const sheet = summary(f);
    sheet.insertChart(barChart(f, sheet));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'charts-'));
    await saveSpreadsheet(f.model, dir);
    const metaPath = path.join(dir, 'spreadsheet.meta.json');
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    expect(meta.sheets[0].charts[0].ranges).toEqual(['Сводка!A10:B17']);
    meta.sheets[0].charts[0].ranges.push("'Удалённый лист'!A1:B2");
    writeFileSync(metaPath, JSON.stringify(meta));
    const loaded = await loadSpreadsheet(dir);
    expect(loaded!.problems).toEqual([
      "Лист «Сводка», диаграмма «Выполнение по этапам, %»: диапазон 'Удалённый лист'!A1:B2 не найден, он пропущен",
    ]);
    expect(loaded!.model.sheets[0].charts![0].ranges).toHaveLength(1);
  });

  test('ws.charts() lists type, title and A1 ranges; they survive ws.save() and reopening', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'charts-ws-'));
    const ws = await openWorkspace({ dir });
    const app = ws.spreadsheet();
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A10:B12').setValues([
      ['Этап', '%'],
      ['Диагностика', 1],
      ['Итоги', 0.5],
    ]);
    const Charts = createCharts(ws.env);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.BAR)
        .addRange(sheet.getRange('A10:B12'))
        .setOption('title', 'Выполнение')
        .build(),
    );
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A10:B12')).build());
    const name = sheet.getName();
    const expected = [
      { type: 'BAR', title: 'Выполнение', ranges: ['A10:B12'] },
      { type: 'PIE', title: '', ranges: ['A10:B12'] },
    ];
    expect(ws.charts(name)).toEqual(expected);
    await ws.save();
    const reopened = await openWorkspace({ dir });
    expect(reopened.charts(name)).toEqual(expected);
    expect(() => reopened.charts('Нет такого листа')).toThrow();
  });
});
