/**
 * The .xlsx the workspace page downloads (the saved spreadsheet.xlsx): the charts of «Сводка» are
 * real Excel charts over the same cells, and every sheet keeps its Russian name. Structure only; the
 * e2e test xlsxCharts.e2e.test.ts opens the file in LibreOffice.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { openWorkspace } from '../../workspace/workspace';
import { MAY, setUpWorkspace, useDemoSchool } from './workspace';

const demo = useDemoSchool('xlsxSheetNames', MAY);

/** Worksheet names in workbook order, and their part paths. */
async function sheetsOf(zip: JSZip): Promise<Array<{ name: string; part: string }>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  return [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].map((m) => {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)![1];
    return { name: m[1].replace(/&amp;/g, '&'), part: `xl/${target}` };
  });
}

/** The chart parts a sheet's drawing points at, in anchor order. */
async function chartsOfSheet(zip: JSZip, part: string): Promise<string[]> {
  const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
  const sheetXml = await zip.file(part)!.async('string');
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
  if (!drawingId) return [];
  const rels = await zip.file(relsPath)!.async('string');
  const drawingTarget = new RegExp(`Id="${drawingId}"[^>]*Target="\\.\\./([^"]*)"`).exec(rels)![1];
  const drawing = await zip.file(`xl/${drawingTarget}`)!.async('string');
  const drawingRels = await zip.file(`xl/${drawingTarget.replace(/([^/]+)$/, '_rels/$1.rels')}`)!.async('string');
  const anchors = [...drawing.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)].map((m) => m[0]);
  return Promise.all(
    anchors.map((a) => {
      expect(a).toContain('<xdr:graphicFrame');
      const id = /<c:chart [^>]*r:id="([^"]+)"/.exec(a)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="\\.\\./([^"]*)"`).exec(drawingRels)![1];
      return zip.file(`xl/${target}`)!.async('string');
    }),
  );
}

describe('the downloaded .xlsx', () => {
  test('«Сводка» carries its charts as Excel charts over the same cells; sheet names are the Russian ones', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-charts-'));
    const ws = await setUpWorkspace({ dir });
    const charts = ws.charts('Сводка');
    expect(charts.length).toBeGreaterThanOrEqual(3);
    await ws.save();
    const file = path.join(dir, 'spreadsheet.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(file));

    const sheets = await sheetsOf(zip);
    // Every sheet keeps its exact name: the add-on names none with what Excel forbids (: \\ / ? * [ ]
    // or over 31 characters).
    expect(sheets.map((s) => s.name)).toEqual(ws.sheetNames());
    expect(sheets.map((s) => s.name)).toContain('Сводка');

    const summary = sheets.find((s) => s.name === 'Сводка')!;
    const xml = await chartsOfSheet(zip, summary.part);
    expect(xml).toHaveLength(charts.length);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const [i, chart] of charts.entries()) {
      const part = xml[i];
      expect(part).toContain(`<a:t>${chart.title}</a:t>`);
      expect(part).toContain(chart.type === 'PIE' ? '<c:pieChart>' : '<c:barDir val="bar"/>');
      // The one range «R3:S12» → header row, labels column R, values column S.
      const [, a, b] = /^([A-Z]+\d+):([A-Z]+\d+)$/.exec(chart.ranges[0])!;
      const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a)!;
      const [, c2] = /^([A-Z]+)(\d+)$/.exec(b)!;
      const refs = [...part.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
      expect(refs[0]).toBe(`'Сводка'!$${c2}$${r1}`);
      expect(refs[1]).toMatch(new RegExp(`^'Сводка'!\\$${c1}\\$${Number(r1) + 1}:\\$${c1}\\$\\d+$`));
      expect(refs[2]).toMatch(new RegExp(`^'Сводка'!\\$${c2}\\$${Number(r1) + 1}:\\$${c2}\\$\\d+$`));
    }
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(charts.length);
    expect(types).toContain('application/vnd.openxmlformats-officedocument.drawing+xml');

    // The emulator's own load takes the charts from the sidecar, unchanged.
    const reopened = await openWorkspace({ dir });
    expect(reopened.charts('Сводка')).toEqual(charts);
  });
});

test('a spreadsheet of an earlier version: «Мониторинг: ответы» is renamed, its answers kept', async () => {
  const ws = await demo();
  const answers = ws.values('Мониторинг — ответы');
  expect(answers!.length).toBeGreaterThan(1);
  ws.spreadsheet().getActiveSpreadsheet().getSheetByName('Мониторинг — ответы')!.setName('Мониторинг: ответы');
  ws.run('getYearView');
  expect(ws.sheetNames()).not.toContain('Мониторинг: ответы');
  expect(ws.values('Мониторинг — ответы')).toEqual(answers);
});
