/**
 * Embedded charts drawn into the .xlsx as real Excel charts. ExcelJS cannot write charts, so its
 * output is post-processed: per sheet with charts a drawing part (xl/drawings/drawingN.xml, one
 * twoCellAnchor + graphicFrame per chart), per chart a chart part (xl/charts/chartN.xml) whose series
 * reference the same cells as the Sheets chart (with cached values, so a viewer that does not
 * recalculate still draws them), the sheet's <drawing r:id>, the relationships and the content types.
 *
 * Only for whoever opens the file: the emulator loads its charts from the JSON sidecar and never
 * parses these parts. Types drawn: BAR, COLUMN, PIE, LINE, AREA; other chart types stay in the
 * sidecar only. Part layout: ECMA-376 Part 1, §21.2 (DrawingML charts) and §20.5 (spreadsheet drawing).
 */
import JSZip from 'jszip';
import { xmlSafe } from './xmlText';
import { columnToLetters } from '../spreadsheet/a1';
import { chartSeries, chartSize, chartTitle, getChartOption } from '../spreadsheet/chartModel';
import { DEFAULT_COLUMN_WIDTH, type ChartModel, type SheetModel, type SpreadsheetModel } from '../spreadsheet/model';

/** Sheets' default row height in pixels (the model keeps no row heights). */
const ROW_HEIGHT_PX = 21;
/** EMU per pixel at 96 dpi. */
const EMU_PER_PX = 9525;

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

type Kind = 'bar' | 'col' | 'pie' | 'line' | 'area';
const KINDS: Record<string, Kind> = { BAR: 'bar', COLUMN: 'col', PIE: 'pie', LINE: 'line', AREA: 'area' };

export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** An absolute Excel reference, the sheet name always quoted: 'Лист1'!$R$4:$R$12. */
export function excelRef(sheet: string, row0: number, col0: number, rows: number, cols: number): string {
  const start = `$${columnToLetters(col0 + 1)}$${row0 + 1}`;
  const end = `$${columnToLetters(col0 + cols)}$${row0 + rows}`;
  return `'${sheet.replace(/'/g, "''")}'!${start}${rows === 1 && cols === 1 ? '' : `:${end}`}`;
}

/** One line of cells (a column, or a row of a transposed chart) of the data table. */
interface Line {
  sheet: string;
  row: number;
  col: number;
  /** Along the line. */
  vertical: boolean;
}

function lineRef(line: Line, from: number, count: number): string {
  return line.vertical
    ? excelRef(line.sheet, line.row + from, line.col, Math.max(1, count), 1)
    : excelRef(line.sheet, line.row, line.col + from, 1, Math.max(1, count));
}

/** The chart's cell references, the way chartSeries reads them: labels line first, then one per series. */
function chartLines(chart: ChartModel, xlsxNames: Map<number, string>): Line[] {
  const lines: Line[] = [];
  for (const r of chart.ranges) {
    const name = xlsxNames.get(r.sheetId);
    if (name === undefined) continue;
    const g = r.range;
    const count = chart.transpose ? g.numRows : g.numCols;
    for (let i = 0; i < count; i++) {
      lines.push(
        chart.transpose
          ? { sheet: name, row: g.row + i, col: g.col, vertical: false }
          : { sheet: name, row: g.row, col: g.col + i, vertical: true },
      );
    }
  }
  return lines;
}

function strCache(values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: number[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

const LEGEND_POS: Record<string, string> = { right: 'r', left: 'l', top: 't', bottom: 'b', labeled: 'r' };

/** The chart part, or null for a type not drawn or a chart with no series. */
export function chartXml(model: SpreadsheetModel, chart: ChartModel, xlsxNames: Map<number, string>): string | null {
  const kind = KINDS[chart.type];
  if (!kind) return null;
  const series = chartSeries(model, chart);
  const lines = chartLines(chart, xlsxNames);
  if (series.values.length === 0 || lines.length < 1) return null;
  // Header rows: what chartSeries took as names (it drops them from the labels).
  const headers = chart.numHeaders >= 0 ? chart.numHeaders : series.names.some((n) => n !== '') ? 1 : 0;
  const count = series.labels.length;
  const labelLine = lines.length >= 2 ? lines[0] : null;
  const valueLines = lines.slice(labelLine ? 1 : 0, (labelLine ? 1 : 0) + series.values.length);

  const sers = valueLines
    .map((line, s) => {
      const tx =
        headers > 0
          ? `<c:tx><c:strRef><c:f>${escapeXml(lineRef(line, 0, 1))}</c:f>${strCache([series.names[s] ?? ''])}</c:strRef></c:tx>`
          : '';
      const cat = labelLine
        ? `<c:cat><c:strRef><c:f>${escapeXml(lineRef(labelLine, headers, count))}</c:f>${strCache(series.labels)}</c:strRef></c:cat>`
        : '';
      const val = `<c:val><c:numRef><c:f>${escapeXml(lineRef(line, headers, count))}</c:f>${numCache(series.values[s] ?? [])}</c:numRef></c:val>`;
      const head = `<c:idx val="${s}"/><c:order val="${s}"/>${tx}`;
      if (kind === 'bar' || kind === 'col') return `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
      if (kind === 'line')
        return `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
      return `<c:ser>${head}${cat}${val}</c:ser>`;
    })
    .join('');

  const axes = '<c:axId val="500001"/><c:axId val="500002"/>';
  let plot: string;
  if (kind === 'pie') {
    plot = `<c:pieChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    const catPos = kind === 'bar' ? 'l' : 'b';
    const valPos = kind === 'bar' ? 'b' : 'l';
    const body =
      kind === 'line'
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/>${axes}</c:lineChart>`
        : kind === 'area'
          ? `<c:areaChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}${axes}</c:areaChart>`
          : `<c:barChart><c:barDir val="${kind}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}<c:gapWidth val="80"/>${axes}</c:barChart>`;
    plot =
      body +
      `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
      `<c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
      `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/>` +
      `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
      `<c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
      `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  }

  const title = chartTitle(chart);
  const titleXml = title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="ru-RU" b="1"/>` +
      `<a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  const position = getChartOption(chart.options, 'legend.position') ?? getChartOption(chart.options, 'legend');
  const pos = typeof position === 'string' ? position : 'right';
  const legend =
    pos === 'none' ? '' : `<c:legend><c:legendPos val="${LEGEND_POS[pos] ?? 'r'}"/><c:overlay val="0"/></c:legend>`;

  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    `xmlns:r="${NS_REL}">` +
    '<c:lang val="ru-RU"/><c:roundedCorners val="0"/>' +
    `<c:chart>${titleXml}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** A pixel offset from the sheet's top-left corner as a cell and the offset within it. */
function cellAt(px: number, size: (i: number) => number): { index: number; off: number } {
  let index = 0;
  let left = Math.max(0, px);
  while (left >= size(index) && index < 100_000) {
    left -= size(index);
    index++;
  }
  return { index, off: Math.round(left * EMU_PER_PX) };
}

function anchorXml(sheet: SheetModel, chart: ChartModel, n: number, relId: string): string {
  const colWidth = (c: number) =>
    (sheet.hiddenColumns[c] ? 0 : (sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH)) || 0.0001;
  const rowHeight = (r: number) => (sheet.hiddenRows[r] ? 0.0001 : ROW_HEIGHT_PX);
  let x = chart.offsetX;
  for (let c = 0; c < chart.anchorCol; c++) x += colWidth(c);
  let y = chart.offsetY;
  for (let r = 0; r < chart.anchorRow; r++) y += rowHeight(r);
  const { width, height } = chartSize(chart);
  const from = { c: cellAt(x, colWidth), r: cellAt(y, rowHeight) };
  const to = { c: cellAt(x + width, colWidth), r: cellAt(y + height, rowHeight) };
  const marker = (tag: string, p: typeof from) =>
    `<xdr:${tag}><xdr:col>${p.c.index}</xdr:col><xdr:colOff>${p.c.off}</xdr:colOff>` +
    `<xdr:row>${p.r.index}</xdr:row><xdr:rowOff>${p.r.off}</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from)}${marker('to', to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="${escapeXml(chartTitle(chart) || `Диаграмма ${n}`)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${width * EMU_PER_PX}" cy="${height * EMU_PER_PX}"/></xdr:xfrm>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    '</Relationships>'
  );
}

/** Worksheet name → part path (xl/worksheets/sheetN.xml), from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(unescapeXml(name), part);
  }
  return out;
}

/** Elements a worksheet may have after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function withDrawing(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
  const tag = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = xml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + tag + xml.slice(at);
}

/** Adds the model's embedded charts to an .xlsx ExcelJS wrote; `xlsxNames` maps sheet ids to worksheet names. */
export async function addChartsToXlsx(
  buffer: Buffer,
  model: SpreadsheetModel,
  xlsxNames: Map<number, string>,
): Promise<Buffer> {
  if (!model.sheets.some((s) => s.charts?.length)) return buffer;
  const zip = await JSZip.loadAsync(buffer);
  const parts = await sheetParts(zip);
  const free = (prefix: string) => {
    let n = 1;
    while (zip.file(`${prefix}${n}.xml`)) n++;
    return n;
  };
  const overrides: string[] = [];
  let drew = false;
  for (const sheet of model.sheets) {
    const name = xlsxNames.get(sheet.id);
    const part = name !== undefined ? parts.get(name) : undefined;
    if (!part || !sheet.charts?.length) continue;
    const sheetXml = await zip.file(part)!.async('string');
    if (/<drawing\b/.test(sheetXml)) continue; // ExcelJS drew images here: leave its drawing alone
    const anchors: string[] = [];
    const drawingRels: Array<{ id: string; type: string; target: string }> = [];
    for (const chart of sheet.charts) {
      const xml = chartXml(model, chart, xlsxNames);
      if (!xml) continue;
      const n = free('xl/charts/chart');
      zip.file(`xl/charts/chart${n}.xml`, xml);
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_CHART}"/>`);
      const relId = `rId${drawingRels.length + 1}`;
      drawingRels.push({ id: relId, type: REL_CHART, target: `../charts/chart${n}.xml` });
      anchors.push(anchorXml(sheet, chart, anchors.length + 1, relId));
    }
    if (anchors.length === 0) continue;
    const d = free('xl/drawings/drawing');
    zip.file(
      `xl/drawings/drawing${d}.xml`,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
        `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
        anchors.join('') +
        '</xdr:wsDr>',
    );
    zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="${CT_DRAWING}"/>`);

    // The sheet's relationships: keep ExcelJS's (hyperlinks, comments), add the drawing.
    const dir = part.slice(0, part.lastIndexOf('/'));
    const relsPath = `${dir}/_rels/${part.slice(dir.length + 1)}.rels`;
    const existing = (await zip.file(relsPath)?.async('string')) ?? '';
    const taken = new Set([...existing.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let k = 1;
    while (taken.has(`rIdChart${k}`)) k++;
    const relId = `rIdChart${k}`;
    const rel = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${d}.xml"/>`;
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${rel}</Relationships>`)
        : relsXml([]).replace('</Relationships>', `${rel}</Relationships>`),
    );
    zip.file(part, withDrawing(sheetXml, relId));
    drew = true;
  }
  if (!drew) return buffer;
  const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(
    '</Types>',
    `${overrides.join('')}</Types>`,
  );
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
