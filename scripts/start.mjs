// npm start (after the build): the local workspace in the browser. Serves the persistent workspace
// folder (WORKSPACE_DIR or ./workspace-data, the demo school on first start) on 127.0.0.1 until Ctrl+C.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startServer } = require('../dist/lib/index.js');

const dir = path.resolve(process.env.WORKSPACE_DIR || 'workspace-data');
let server;
try {
  // A new demo school lives on 14 May of the school year (DEMO_NOW=today keeps the real date).
  server = await startServer({ dir, demoNow: process.env.DEMO_NOW || undefined });
} catch (e) {
  console.error(`Не удалось запустить рабочую область: ${e.message ?? e}`);
  process.exit(1);
}
console.log(`Рабочая область: ${server.url}`);
console.log(`Папка с данными: ${dir}`);
console.log('Остановить: Ctrl+C');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nСохранение и остановка…');
  try {
    await server.close();
    process.exit(0);
  } catch (e) {
    console.error(`Ошибка при остановке: ${e.message ?? e}`);
    process.exit(1);
  }
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
