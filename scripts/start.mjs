// npm start (after the build): opens the persistent workspace folder with the demo school, saves the
// spreadsheet as a real .xlsx and prints where it is. The browser workspace replaces this next.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { openWorkspace } = require('../dist/lib/index.js');

const dir = path.resolve(process.env.WORKSPACE_DIR || 'workspace');
const ws = await openWorkspace({ dir, demo: true });
await ws.save();
for (const problem of ws.loadProblems) console.warn(`! ${problem}`);
const report = ws.run('getProgress');
console.log(`Workspace: ${dir}`);
console.log(`Open ${path.join(dir, 'spreadsheet.xlsx')} in LibreOffice or Excel to see the sheets: ${ws.sheetNames().join(', ')}`);
console.log(`${report.school}, ${report.period}: выполнено ${report.overall.done} из ${report.overall.total}, просрочено ${report.overall.overdue}.`);
