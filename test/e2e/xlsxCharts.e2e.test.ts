/**
 * The downloaded .xlsx opened by LibreOffice Calc: converted to .ods, its «Сводка» holds the charts
 * as chart objects with their titles. Needs Calc (apt-get install libreoffice-calc-nogui); skipped
 * with a message without it. The structure of the file is checked always by
 * test/integration/xlsxCharts.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { findSoffice } from '../../emulator/persistence/pdf';
import { setUpWorkspace } from '../integration/workspace';

/** soffice with Calc: the writer-only package cannot load spreadsheets. */
function calcSoffice(): string | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  return existsSync(path.join(path.dirname(realpathSync(soffice)), 'libsclo.so')) ? soffice : null;
}

const soffice = calcSoffice();
if (!soffice) {
  console.warn('xlsxCharts.e2e: LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui); skipped');
}

(soffice ? test : test.skip)('LibreOffice opens the downloaded .xlsx and sees the charts of «Сводка»', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-lo-'));
  const ws = await setUpWorkspace({ dir });
  await ws.save();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'soffice-profile-'));
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      'ods',
      '--outdir',
      dir,
      path.join(dir, 'spreadsheet.xlsx'),
    ],
    { env: { ...process.env, HOME: profile, SAL_USE_VCLPLUGIN: 'svp' }, timeout: 110_000 },
  );
  const ods = await JSZip.loadAsync(readFileSync(path.join(dir, 'spreadsheet.ods')));
  const content = await ods.file('content.xml')!.async('string');
  const summary = /<table:table table:name="Сводка"[\s\S]*?<\/table:table>/.exec(content)![0];
  const objects = [...summary.matchAll(/<draw:object [^>]*xlink:href="\.\/([^"]+)"/g)].map((m) => m[1]);
  const titles = ws.charts('Сводка').map((c) => c.title);
  expect(objects).toHaveLength(titles.length);
  const charts = await Promise.all(objects.map((o) => ods.file(`${o}/content.xml`)!.async('string')));
  for (const [i, title] of titles.entries()) {
    expect(charts[i]).toContain(title);
    expect(charts[i]).toMatch(/chart:class="chart:(bar|circle)"/);
    // The series still reads the sheet's cells.
    expect(charts[i]).toMatch(/table:cell-range-address="[^"]*Сводка/);
  }
});
