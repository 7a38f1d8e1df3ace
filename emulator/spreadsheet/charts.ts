/**
 * Embedded charts: the Charts global (enums), Sheet.newChart()'s EmbeddedChartBuilder and its typed
 * variants (asBarChart()…), EmbeddedChart, ContainerInfo, ChartOptions, and the Sheet operations
 * insertChart / getCharts / updateChart / removeChart over SheetModel.charts.
 *
 * Builders and EmbeddedChart objects are snapshots, as in Apps Script: nothing reaches the sheet until
 * insertChart / updateChart. Ranges keep their sheet, so a chart always reads the live cells.
 */
import type { Env } from '../core/env';
import { gasObject, unwrap } from '../core/gasObject';
import { enumKey, makeEnum, type GasEnum } from '../services/common';
import { chartsOf, getChartOption, jsonCopy, setChartOption, takeChartId } from './chartModel';
import { checkArgs, isInt, type GRange, type SpreadsheetCtx } from './context';
import type { ChartModel, GridRange, SheetModel } from './model';
import { assertCanChangeSheet } from './protection';
import { newRange, rangeImpl } from './range';

type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type GChartOptions = GoogleAppsScript.Charts.ChartOptions;

// ---------------------------------------------------------------------------------------------
// The Charts global

export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];

export const ChartType = makeEnum('ChartType', CHART_TYPES);
export const Position = makeEnum('Position', ['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
export const ChartMergeStrategy = makeEnum('ChartMergeStrategy', ['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
export const ChartHiddenDimensionStrategy = makeEnum('ChartHiddenDimensionStrategy', [
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
] as const);

/** The Charts global: the enums embedded charts use (Charts.newBarChart() etc. are not modelled). */
export function createCharts(env: Env): GoogleAppsScript.Charts.Charts {
  return gasObject(env, 'Charts.Charts', {
    ChartType,
    Position,
    ChartMergeStrategy,
    ChartHiddenDimensionStrategy,
  }) as unknown as GoogleAppsScript.Charts.Charts;
}

// ---------------------------------------------------------------------------------------------
// Error texts (ours where Google documents none; see emulator/README.md)

export const CHART_NOT_FOUND = 'Chart not found on this sheet. It may have been removed already.';
export const CHART_ALREADY_INSERTED =
  'This chart is already on a sheet. Use Sheet.updateChart(chart) to change it, or build a new chart.';
export const CHART_TYPE_NOT_SET = 'The chart type is not set. Call setChartType(type) or as…Chart() before build().';
export const CHART_ANCHOR_OUTSIDE = 'The chart anchor is outside the dimensions of the sheet.';

// ---------------------------------------------------------------------------------------------
// The state a builder edits and a built chart holds

interface ChartDraft {
  /** Null until the chart is inserted into a sheet (getChartId() is null then). */
  id: number | null;
  type?: ChartTypeName;
  ranges: Array<{ sheet: SheetModel; grid: GridRange }>;
  /** 0-based. */
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: ChartModel['mergeStrategy'];
  hiddenDimensionStrategy: ChartModel['hiddenDimensionStrategy'];
}

function newDraft(): ChartDraft {
  return {
    id: null,
    ranges: [],
    anchorRow: 0,
    anchorCol: 0,
    offsetX: 0,
    offsetY: 0,
    options: {},
    numHeaders: -1,
    transpose: false,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_BOTH',
  };
}

function copyDraft(d: ChartDraft): ChartDraft {
  return {
    ...d,
    ranges: d.ranges.map((r) => ({ sheet: r.sheet, grid: { ...r.grid } })),
    options: jsonCopy(d.options) as Record<string, unknown>,
  };
}

function draftToModel(d: ChartDraft, id: number): ChartModel {
  return {
    id,
    type: d.type!,
    ranges: d.ranges.map((r) => ({ sheetId: r.sheet.id, range: { ...r.grid } })),
    anchorRow: d.anchorRow,
    anchorCol: d.anchorCol,
    offsetX: d.offsetX,
    offsetY: d.offsetY,
    options: jsonCopy(d.options) as Record<string, unknown>,
    numHeaders: d.numHeaders,
    transpose: d.transpose,
    mergeStrategy: d.mergeStrategy,
    hiddenDimensionStrategy: d.hiddenDimensionStrategy,
  };
}

function draftOfModel(ctx: SpreadsheetCtx, c: ChartModel): ChartDraft {
  const ranges: ChartDraft['ranges'] = [];
  for (const r of c.ranges) {
    const sheet = ctx.model.sheets.find((s) => s.id === r.sheetId);
    if (sheet) ranges.push({ sheet, grid: { ...r.range } });
  }
  return {
    id: c.id,
    type: (CHART_TYPES as readonly string[]).includes(c.type) ? (c.type as ChartTypeName) : undefined,
    ranges,
    anchorRow: c.anchorRow,
    anchorCol: c.anchorCol,
    offsetX: c.offsetX,
    offsetY: c.offsetY,
    options: jsonCopy(c.options) as Record<string, unknown>,
    numHeaders: c.numHeaders,
    transpose: c.transpose,
    mergeStrategy: c.mergeStrategy,
    hiddenDimensionStrategy: c.hiddenDimensionStrategy,
  };
}

const sameRange = (a: { sheet: SheetModel; grid: GridRange }, b: { sheet: SheetModel; grid: GridRange }) =>
  a.sheet === b.sheet &&
  a.grid.row === b.grid.row &&
  a.grid.col === b.grid.col &&
  a.grid.numRows === b.grid.numRows &&
  a.grid.numCols === b.grid.numCols;

function containerInfo(ctx: SpreadsheetCtx, d: ChartDraft): GContainerInfo {
  const { anchorRow, anchorCol, offsetX, offsetY } = d;
  const impl: GContainerInfo = {
    getAnchorRow: () => anchorRow + 1,
    getAnchorColumn: () => anchorCol + 1,
    getOffsetX: () => offsetX,
    getOffsetY: () => offsetY,
  };
  return gasObject(ctx.env, 'Spreadsheet.ContainerInfo', impl);
}

function chartOptions(ctx: SpreadsheetCtx, options: Record<string, unknown>): GChartOptions {
  const frozen = jsonCopy(options) as Record<string, unknown>;
  const get = (option: string): unknown => {
    checkArgs(ctx, 'ChartOptions.get', [option], typeof option === 'string');
    return getChartOption(frozen, option);
  };
  // getOrDefault: Gviz defaults are not modelled, so it answers as get() does.
  const impl = { get, getOrDefault: get };
  return gasObject(ctx.env, 'Charts.ChartOptions', impl) as unknown as GChartOptions;
}

// ---------------------------------------------------------------------------------------------
// EmbeddedChartBuilder and its typed variants

/** What is implemented, for the README's table. */
export const CHART_BUILDER_METHODS = [
  'addRange',
  'asAreaChart',
  'asBarChart',
  'asColumnChart',
  'asLineChart',
  'asPieChart',
  'build',
  'clearRanges',
  'getChartType',
  'getContainer',
  'getRanges',
  'removeRange',
  'setChartType',
  'setHiddenDimensionStrategy',
  'setMergeStrategy',
  'setNumHeaders',
  'setOption',
  'setPosition',
  'setTransposeRowsAndColumns',
] as const;

export class EmbeddedChartBuilderImpl implements Pick<GBuilder, (typeof CHART_BUILDER_METHODS)[number]> {
  self!: GBuilder;
  constructor(
    readonly ctx: SpreadsheetCtx,
    /** Shared with the typed builders made by as…Chart(), as Apps Script's are one builder. */
    readonly d: ChartDraft,
    readonly className: string,
  ) {}

  addRange(range: GRange): GBuilder {
    const impl = rangeImpl(this.ctx, `${this.className}.addRange`, range);
    const r = { sheet: impl.sheet, grid: { ...impl.grid } };
    // "Does not add the range if it has already been added to the chart."
    if (!this.d.ranges.some((x) => sameRange(x, r))) this.d.ranges.push(r);
    return this.self;
  }

  removeRange(range: GRange): GBuilder {
    const impl = rangeImpl(this.ctx, `${this.className}.removeRange`, range);
    const r = { sheet: impl.sheet, grid: impl.grid };
    // Only a range equal to an added one is removed; anything else is ignored without an error.
    this.d.ranges = this.d.ranges.filter((x) => !sameRange(x, r));
    return this.self;
  }

  clearRanges(): GBuilder {
    this.d.ranges = [];
    return this.self;
  }

  /** A copy of the list: new Range objects over the same cells. */
  getRanges(): GRange[] {
    return this.d.ranges
      .filter((r) => this.ctx.model.sheets.includes(r.sheet))
      .map((r) => newRange(this.ctx, r.sheet, r.grid));
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): GBuilder {
    const key = enumKey(ChartType, type);
    checkArgs(this.ctx, `${this.className}.setChartType`, [type], key !== undefined);
    this.d.type = key;
    return this.self;
  }

  /** Null until a type is set (setChartType or as…Chart). */
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return (this.d.type ? ChartType[this.d.type] : null) as unknown as GoogleAppsScript.Charts.ChartType;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    checkArgs(this.ctx, `${this.className}.setPosition`, args, args.length === 4 && args.every(isInt));
    const names = ['anchorRowPos', 'anchorColPos', 'offsetX', 'offsetY'];
    args.forEach((v, i) => {
      if (v < (i < 2 ? 1 : 0)) throw this.ctx.env.error(`Invalid argument: ${names[i]}`);
    });
    this.d.anchorRow = Math.trunc(anchorRowPos) - 1;
    this.d.anchorCol = Math.trunc(anchorColPos) - 1;
    this.d.offsetX = Math.trunc(offsetX);
    this.d.offsetY = Math.trunc(offsetY);
    return this.self;
  }

  getContainer(): GContainerInfo {
    return containerInfo(this.ctx, this.d);
  }

  /** Stores any option; like Apps Script, neither the name nor the value is checked against the type. */
  setOption(option: string, value: unknown): GBuilder {
    checkArgs(this.ctx, `${this.className}.setOption`, [option, value], typeof option === 'string' && option !== '');
    setChartOption(this.d.options, option, value);
    return this.self;
  }

  setNumHeaders(headers: number): GBuilder {
    checkArgs(this.ctx, `${this.className}.setNumHeaders`, [headers], isInt(headers));
    if (headers < -1) throw this.ctx.env.error('Invalid argument: headers');
    this.d.numHeaders = Math.trunc(headers);
    return this.self;
  }

  setTransposeRowsAndColumns(transpose: boolean): GBuilder {
    checkArgs(this.ctx, `${this.className}.setTransposeRowsAndColumns`, [transpose], typeof transpose === 'boolean');
    this.d.transpose = transpose;
    return this.self;
  }

  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): GBuilder {
    const key = enumKey(ChartMergeStrategy, mergeStrategy);
    checkArgs(this.ctx, `${this.className}.setMergeStrategy`, [mergeStrategy], key !== undefined);
    this.d.mergeStrategy = key!;
    return this.self;
  }

  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): GBuilder {
    const key = enumKey(ChartHiddenDimensionStrategy, strategy);
    checkArgs(this.ctx, `${this.className}.setHiddenDimensionStrategy`, [strategy], key !== undefined);
    this.d.hiddenDimensionStrategy = key!;
    return this.self;
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return typedBuilder(this.ctx, this.d, 'AREA') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder;
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return typedBuilder(this.ctx, this.d, 'BAR') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return typedBuilder(
      this.ctx,
      this.d,
      'COLUMN',
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return typedBuilder(this.ctx, this.d, 'LINE') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder;
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return typedBuilder(this.ctx, this.d, 'PIE') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder;
  }

  /** A chart reflecting the builder now; it reaches the sheet only through insertChart / updateChart. */
  build(): GChart {
    if (!this.d.type) throw this.ctx.env.error(CHART_TYPE_NOT_SET);
    return EmbeddedChartImpl.create(this.ctx, copyDraft(this.d));
  }
}

/** Options the typed builders set, as Google Charts (Gviz) names them. */
const LEGEND_POSITION: Record<string, string> = { TOP: 'top', RIGHT: 'right', BOTTOM: 'bottom', NONE: 'none' };

/** setTitle, legend, colors, background: on every typed builder. */
class TitledChartBuilderImpl extends EmbeddedChartBuilderImpl {
  setTitle(chartTitle: string): GBuilder {
    checkArgs(this.ctx, `${this.className}.setTitle`, [chartTitle], typeof chartTitle === 'string');
    setChartOption(this.d.options, 'title', chartTitle);
    return this.self;
  }

  setLegendPosition(position: GoogleAppsScript.Charts.Position): GBuilder {
    const key = enumKey(Position, position);
    checkArgs(this.ctx, `${this.className}.setLegendPosition`, [position], key !== undefined);
    setChartOption(this.d.options, 'legend.position', LEGEND_POSITION[key!]);
    return this.self;
  }

  setColors(cssValues: string[]): GBuilder {
    checkArgs(this.ctx, `${this.className}.setColors`, [cssValues], Array.isArray(cssValues));
    setChartOption(
      this.d.options,
      'colors',
      cssValues.map((c) => String(c)),
    );
    return this.self;
  }

  setBackgroundColor(cssValue: string): GBuilder {
    setChartOption(this.d.options, 'backgroundColor', String(cssValue));
    return this.self;
  }
}

/** Axis titles and the value range: bar, column, line, area. */
class AxisChartBuilderImpl extends TitledChartBuilderImpl {
  setXAxisTitle(title: string): GBuilder {
    setChartOption(this.d.options, 'hAxis.title', String(title));
    return this.self;
  }

  setYAxisTitle(title: string): GBuilder {
    setChartOption(this.d.options, 'vAxis.title', String(title));
    return this.self;
  }

  setRange(start: number, end: number): GBuilder {
    checkArgs(
      this.ctx,
      `${this.className}.setRange`,
      [start, end],
      typeof start === 'number' && typeof end === 'number',
    );
    // The value axis is horizontal in a bar chart, vertical otherwise.
    const axis = this.d.type === 'BAR' ? 'hAxis' : 'vAxis';
    setChartOption(this.d.options, `${axis}.viewWindow`, { min: start, max: end });
    return this.self;
  }
}

class StackedChartBuilderImpl extends AxisChartBuilderImpl {
  setStacked(): GBuilder {
    setChartOption(this.d.options, 'isStacked', true);
    return this.self;
  }
}

class PieChartBuilderImpl extends TitledChartBuilderImpl {
  set3D(): GBuilder {
    setChartOption(this.d.options, 'is3D', true);
    return this.self;
  }
}

const TYPED: Partial<Record<ChartTypeName, [string, typeof EmbeddedChartBuilderImpl]>> = {
  AREA: ['EmbeddedAreaChartBuilder', StackedChartBuilderImpl],
  BAR: ['EmbeddedBarChartBuilder', StackedChartBuilderImpl],
  COLUMN: ['EmbeddedColumnChartBuilder', StackedChartBuilderImpl],
  LINE: ['EmbeddedLineChartBuilder', AxisChartBuilderImpl],
  PIE: ['EmbeddedPieChartBuilder', PieChartBuilderImpl],
};

function wrapBuilder(impl: EmbeddedChartBuilderImpl): GBuilder {
  impl.self = gasObject(impl.ctx.env, `Spreadsheet.${impl.className}`, impl) as unknown as GBuilder;
  return impl.self;
}

/** as…Chart(): sets the type and returns the typed builder over the same draft. */
function typedBuilder(ctx: SpreadsheetCtx, d: ChartDraft, type: ChartTypeName): GBuilder {
  d.type = type;
  const [className, Cls] = TYPED[type]!;
  return wrapBuilder(new Cls(ctx, d, className));
}

/** Sheet.newChart(): an empty builder; position defaults to A1 with no offset. */
export function newChartBuilder(ctx: SpreadsheetCtx): GBuilder {
  return wrapBuilder(new EmbeddedChartBuilderImpl(ctx, newDraft(), 'EmbeddedChartBuilder'));
}

// ---------------------------------------------------------------------------------------------
// EmbeddedChart

export const EMBEDDED_CHART_METHODS = [
  'getChartId',
  'getContainerInfo',
  'getHiddenDimensionStrategy',
  'getMergeStrategy',
  'getNumHeaders',
  'getOptions',
  'getRanges',
  'getTransposeRowsAndColumns',
  'modify',
] as const;

export class EmbeddedChartImpl implements Pick<GChart, (typeof EMBEDDED_CHART_METHODS)[number]> {
  constructor(
    readonly ctx: SpreadsheetCtx,
    readonly d: ChartDraft,
  ) {}

  static create(ctx: SpreadsheetCtx, d: ChartDraft): GChart {
    return gasObject(ctx.env, 'Spreadsheet.EmbeddedChart', new EmbeddedChartImpl(ctx, d)) as unknown as GChart;
  }

  /** Null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    return this.d.id;
  }

  getContainerInfo(): GContainerInfo {
    return containerInfo(this.ctx, this.d);
  }

  getOptions(): GChartOptions {
    return chartOptions(this.ctx, this.d.options);
  }

  getRanges(): GRange[] {
    return this.d.ranges
      .filter((r) => this.ctx.model.sheets.includes(r.sheet))
      .map((r) => newRange(this.ctx, r.sheet, r.grid));
  }

  getNumHeaders(): number {
    return this.d.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    return this.d.transpose;
  }

  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return ChartMergeStrategy[this.d.mergeStrategy] as unknown as GoogleAppsScript.Charts.ChartMergeStrategy;
  }

  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return ChartHiddenDimensionStrategy[
      this.d.hiddenDimensionStrategy
    ] as unknown as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  }

  /** Not a data source chart. */
  asDataSourceChart(): null {
    return null;
  }

  /**
   * A plain EmbeddedChartBuilder starting from this chart (same id, so Sheet.updateChart accepts what
   * it builds); as…Chart() gives the typed builder.
   */
  modify(): GBuilder {
    return wrapBuilder(new EmbeddedChartBuilderImpl(this.ctx, copyDraft(this.d), 'EmbeddedChartBuilder'));
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet operations

function chartImpl(ctx: SpreadsheetCtx, method: string, chart: unknown): EmbeddedChartImpl {
  const impl = unwrap(chart) as unknown;
  if (!(impl instanceof EmbeddedChartImpl)) checkArgs(ctx, method, [chart], false);
  return impl as EmbeddedChartImpl;
}

function checkAnchor(ctx: SpreadsheetCtx, sheet: SheetModel, d: ChartDraft): void {
  if (d.anchorRow >= sheet.maxRows || d.anchorCol >= sheet.maxCols) throw ctx.env.error(CHART_ANCHOR_OUTSIDE);
}

function findChart(model: SpreadsheetCtx['model'], id: number | null): { sheet: SheetModel; index: number } | null {
  if (id === null) return null;
  for (const sheet of model.sheets) {
    const index = (sheet.charts ?? []).findIndex((c) => c.id === id);
    if (index >= 0) return { sheet, index };
  }
  return null;
}

export function insertChart(ctx: SpreadsheetCtx, sheet: SheetModel, chart: GChart): void {
  const impl = chartImpl(ctx, 'Sheet.insertChart', chart);
  if (findChart(ctx.model, impl.d.id)) throw ctx.env.error(CHART_ALREADY_INSERTED);
  checkAnchor(ctx, sheet, impl.d);
  assertCanChangeSheet(ctx, sheet);
  const id = takeChartId(ctx.model);
  chartsOf(sheet).push(draftToModel(impl.d, id));
  // The chart object the script holds is now the inserted chart (getChartId() answers).
  impl.d.id = id;
}

export function getCharts(ctx: SpreadsheetCtx, sheet: SheetModel): GChart[] {
  return (sheet.charts ?? []).map((c) => EmbeddedChartImpl.create(ctx, draftOfModel(ctx, c)));
}

export function updateChart(ctx: SpreadsheetCtx, sheet: SheetModel, chart: GChart): void {
  const impl = chartImpl(ctx, 'Sheet.updateChart', chart);
  const index = (sheet.charts ?? []).findIndex((c) => c.id === impl.d.id);
  if (impl.d.id === null || index < 0) throw ctx.env.error(CHART_NOT_FOUND);
  checkAnchor(ctx, sheet, impl.d);
  assertCanChangeSheet(ctx, sheet);
  sheet.charts![index] = draftToModel(impl.d, impl.d.id);
}

export function removeChart(ctx: SpreadsheetCtx, sheet: SheetModel, chart: GChart): void {
  const impl = chartImpl(ctx, 'Sheet.removeChart', chart);
  const index = (sheet.charts ?? []).findIndex((c) => c.id === impl.d.id);
  if (impl.d.id === null || index < 0) throw ctx.env.error(CHART_NOT_FOUND);
  assertCanChangeSheet(ctx, sheet);
  sheet.charts!.splice(index, 1);
}

/** For the README and tests: the enum objects by name. */
export const CHART_ENUMS: Record<string, GasEnum<string>> = {
  ChartType,
  Position,
  ChartMergeStrategy,
  ChartHiddenDimensionStrategy,
};
