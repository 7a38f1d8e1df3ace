/**
 * The process persistence.crash.test.ts kills: opens the workspace folder, adds a mentee with a document
 * (crashFixture.ts), then saves, reporting each step of the save to the parent and waiting for its «go».
 * argv: <dir> <distDir> <mentee number>.
 */
import { openWorkspace, type SaveStep } from '../../workspace/workspace';
import { addMentee, NOW } from './crashFixture';

async function main(): Promise<void> {
  const [dir, distDir, n] = process.argv.slice(2);
  const ws = await openWorkspace({ dir, distDir, now: NOW });
  addMentee(ws, Number(n));
  const afterStep = (step: SaveStep) =>
    new Promise<void>((resolve) => {
      process.once('message', () => resolve());
      process.send!({ step });
    });
  await ws.save({ afterStep });
  process.send!({ done: true }, () => process.exit(0));
}

main().catch((e: unknown) => {
  process.send!({ error: String((e as Error).stack ?? e) }, () => process.exit(1));
});
