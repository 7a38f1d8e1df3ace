// What `clasp push` would upload, computed by clasp's own code (no login, no network): the files it
// collects under .clasp.json's rootDir, filtered by the project's .claspignore or clasp's defaults.
// Usage: node scripts/claspFiles.mjs [projectDir]  →  JSON [{ localPath, remotePath, type }]
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** clasp's package exports only its CLI, so its core module is loaded by file path. */
async function loadClaspCore() {
  const cli = createRequire(import.meta.url).resolve('@google/clasp');
  return import(pathToFileURL(path.join(path.dirname(cli), 'core', 'clasp.js')).href);
}

/** The files `clasp push` would send from the project in `projectDir`, sorted by local path. */
export async function claspPushFiles(projectDir) {
  const root = path.resolve(projectDir);
  const { initClaspInstance } = await loadClaspCore();
  const clasp = await initClaspInstance({ configFile: path.join(root, '.clasp.json') });
  const { files } = await clasp.files.collectLocalFiles();
  return files
    .map((f) => ({
      localPath: path.relative(root, path.resolve(f.localPath)).split(path.sep).join('/'),
      remotePath: f.remotePath,
      type: f.type,
    }))
    .sort((a, b) => a.localPath.localeCompare(b.localPath));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  claspPushFiles(process.argv[2] ?? '.').then(
    (files) => console.log(JSON.stringify(files, null, 2)),
    (err) => {
      console.error(err.message ?? err);
      process.exit(1);
    },
  );
}
