/**
 * The emulator configured for this add-on: its name, its people, the built bundle in <repo>/dist, and
 * the demo school a new folder may start with. Tests, benchmarks and the local server open workspaces
 * here; the emulator (emulator/) knows nothing of the add-on.
 */
import path from 'node:path';
import { ADDON_NAME } from '../src/domain/addon';
import { openEmulator, type EmulatorOptions, type Workspace } from '../emulator/workspace';
import { seedDemoSchool } from './demo/demoSchool';
import { DEMO_USERS } from './demo/demoUsers';

export {
  Workspace,
  SAVE_STEPS,
  type SaveStep,
  type SaveOptions,
  type MenuEntry,
  type FormSummary,
  type SubmitFormOptions,
  type TriggerSummary,
  type ClockRun,
} from '../emulator/workspace';
export { DEMO_USERS };

export interface WorkspaceOptions extends Omit<
  EmulatorOptions,
  'addonName' | 'owner' | 'fileName' | 'seed' | 'distDir'
> {
  /** Seed the demo school on first open (an empty folder, or `fresh`). */
  demo?: boolean;
  /** Folder holding the built Code.js and Sidebar.html (default: <repo>/dist). */
  distDir?: string;
}

export function defaultDistDir(): string {
  // dist/lib/index.js → dist; workspace/workspace.ts (tests via ts-jest) → <repo>/dist
  const here = __dirname;
  return path.basename(here) === 'lib' ? path.dirname(here) : path.join(here, '..', 'dist');
}

/**
 * Opens (or creates) a workspace folder with the add-on installed, the methodologist owning the file
 * (and the active user unless `user` says otherwise); with `demo`, a new folder gets the demo school,
 * set up by the real add-on.
 */
export function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const { demo, distDir, ...rest } = options;
  return openEmulator({
    ...rest,
    addonName: ADDON_NAME,
    owner: DEMO_USERS.methodologist,
    fileName: `${ADDON_NAME} — дорожная карта`,
    distDir: distDir ?? defaultDistDir(),
    seed: demo ? seedDemoSchool : undefined,
  });
}
