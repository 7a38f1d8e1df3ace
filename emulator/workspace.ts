import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallSummary } from './core/calls';
import { Env } from './core/env';
import { unwrap } from './core/gasObject';
import { seedDemoSchool } from './demo/demoSchool';
import { readJson, writeJsonAtomic } from './persistence/atomicWrite';
import { loadSpreadsheet, saveSpreadsheet } from './persistence/xlsx';
import { AddonRuntime } from './runtime';
import { createCacheService, CacheStores } from './services/cache';
import { createHtmlService } from './services/html';
import { createLockService, LockTable } from './services/lock';
import { createConsole, createLogger, LogSink } from './services/logger';
import { createPropertiesService, PropertyStores } from './services/properties';
import { createScriptApp, TriggerRegistry } from './services/script';
import { createSession } from './services/session';
import { createUi, UiState, type MenuItemModel } from './services/ui';
import { createUtilities } from './services/utilities';
import {
  a1ToGrid,
  applyUserEdit,
  effectiveFormat,
  sheetDisplayValues,
  type EffectiveFormat,
} from './spreadsheet/staffEdit';
import { createSpreadsheetApp } from './spreadsheet/spreadsheetApp';
import { newSpreadsheetModel, type SpreadsheetModel } from './spreadsheet/model';

export interface WorkspaceOptions {
  /** Folder to persist into; a new temporary folder when omitted. */
  dir?: string;
  /** Seed the demo school on first open (an empty folder). */
  demo?: boolean;
  /** Active user e-mail (default: the methodologist, who owns the file). */
  user?: string;
  /** ISO date-time the simulated clock starts at. */
  now?: string;
  /** Folder holding the built Code.js and Sidebar.html (default: <repo>/dist). */
  distDir?: string;
}

export interface MenuEntry {
  caption: string;
  fn: string;
}

/** The methodologist owns the demo file; staff and teachers are other people. */
export const DEMO_USERS = {
  methodologist: 'metodist@school2.example',
  staff: 'zavuch@school2.example',
  teacher: 'uchitel@school2.example',
} as const;

const SERVICES_FILE = 'services.json';

interface ServicesState {
  properties: unknown;
  triggers: unknown;
}

/**
 * One emulated Google Workspace with the add-on installed: a spreadsheet (persisted as .xlsx),
 * the services' state (JSON), and the real dist/Code.js running against them.
 */
export class Workspace {
  readonly ui = new UiState();
  readonly logs = new LogSink();
  private readonly runtime: AddonRuntime;

  constructor(
    readonly dir: string,
    readonly env: Env,
    readonly model: SpreadsheetModel,
    readonly properties: PropertyStores,
    readonly triggers: TriggerRegistry,
    /** Cells the loader could not read from a hand-edited .xlsx, in Russian. */
    readonly loadProblems: string[],
    distDir: string,
  ) {
    const ui = createUi(env, this.ui, { addonName: 'Наставничество' });
    const doc = { documentId: () => model.id };
    const services = {
      SpreadsheetApp: createSpreadsheetApp(env, model, ui),
      PropertiesService: createPropertiesService(env, properties, doc),
      LockService: createLockService(env, new LockTable(), doc),
      CacheService: createCacheService(env, new CacheStores(), doc),
      Session: createSession(env),
      Utilities: createUtilities(env),
      Logger: createLogger(env, this.logs),
      console: createConsole(env, this.logs),
      HtmlService: createHtmlService(env, { filesDir: distDir }),
      ScriptApp: createScriptApp(env, triggers, doc),
    };
    this.spreadsheetApp = services.SpreadsheetApp;
    this.authModes = services.ScriptApp.AuthMode;
    this.runtime = new AddonRuntime(env, readFileSync(path.join(distDir, 'Code.js'), 'utf8'), services);
  }

  private readonly spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  private readonly authModes: typeof ScriptApp.AuthMode;

  /** Opens the file as a user does: the simple trigger onOpen builds the add-on menu. */
  open(): void {
    this.ui.menus = [];
    // The add-on is installed and used in this file, so onOpen runs in LIMITED mode (30 s limit).
    const event = { authMode: this.authModes.LIMITED, source: unwrap(this.spreadsheetApp).getActiveSpreadsheet() };
    this.runtime.call('onOpen', [event], { authMode: 'LIMITED', limitMs: 30000 });
  }

  /** The add-on menu items as the menu shows them (submenus flattened, separators left out). */
  menu(): MenuEntry[] {
    const out: MenuEntry[] = [];
    const walk = (items: MenuItemModel[]) => {
      for (const item of items) {
        if (item.kind === 'item') out.push({ caption: item.caption, fn: item.fn });
        if (item.kind === 'submenu') walk(item.items);
      }
    };
    for (const menu of this.ui.menus) walk(menu.items);
    return out;
  }

  /** Calls a global function of dist/Code.js as the active user, as one execution. */
  run(fn: string, ...args: unknown[]): unknown {
    return this.runtime.call(fn, args, { user: this.env.activeUser });
  }

  get user(): string {
    return this.env.activeUser;
  }

  setUser(email: string): void {
    this.env.activeUser = email;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** Display values of the sheet's data range, header row included; null if there is no such sheet. */
  values(sheetName: string): string[][] | null {
    const sheet = this.model.sheets.find((s) => s.name === sheetName);
    return sheet ? sheetDisplayValues(this.model, sheet) : null;
  }

  /** The formatting a user sees in a cell: static format with conditional rules applied. */
  format(sheetName: string, a1: string): EffectiveFormat {
    const sheet = this.requireSheet(sheetName);
    const g = a1ToGrid(a1);
    return effectiveFormat(this.model, sheet, g.row, g.col, this.env);
  }

  /**
   * Edits cells as a staff member types them: protections and dropdown validation are enforced,
   * text is interpreted as typed input, and the add-on's onEdit simple trigger fires.
   */
  edit(sheetName: string, a1: string, values: unknown[][] | string | number | boolean): void {
    const sheet = this.requireSheet(sheetName);
    const grid = Array.isArray(values) ? values : [[values]];
    const event = applyUserEdit(this.env, this.model, sheet, a1, grid, this.spreadsheetApp);
    if (this.runtime.has('onEdit')) {
      const e = { ...event, authMode: this.authModes.LIMITED };
      this.runtime.call('onEdit', [e], { user: this.env.activeUser, authMode: 'LIMITED', limitMs: 30000 });
    }
  }

  calls(): CallSummary {
    return this.env.calls.summary();
  }

  resetCalls(): void {
    this.env.calls.reset();
  }

  /** Lets simulated time pass (deadlines, cache expiry). */
  advance(ms: number): void {
    this.env.advance(ms);
  }

  /** Persists: the spreadsheet as a real .xlsx (+ sidecar), the other services as JSON. */
  async save(): Promise<void> {
    await saveSpreadsheet(this.model, this.dir);
    const state: ServicesState = {
      properties: this.properties.toJSON(),
      triggers: this.triggers.toJSON(),
    };
    writeJsonAtomic(path.join(this.dir, SERVICES_FILE), state);
  }

  private requireSheet(name: string) {
    const sheet = this.model.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named «${name}»`);
    return sheet;
  }

  /** The SpreadsheetApp the add-on sees (unwrapped calls are not counted). */
  spreadsheet(): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
    return unwrap(this.spreadsheetApp);
  }
}

export function defaultDistDir(): string {
  // dist/lib/index.js → dist; emulator/workspace.ts (tests via ts-jest) → <repo>/dist
  const here = __dirname;
  return path.basename(here) === 'lib' ? path.dirname(here) : path.join(here, '..', 'dist');
}

/**
 * Opens (or creates) a workspace folder. A folder with a spreadsheet.xlsx is loaded as it is, even if
 * a person edited the file in Excel or LibreOffice; an empty folder starts a new file, with the demo
 * school set up by the real add-on when `demo` is true.
 */
export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'mentoring-workspace-'));
  mkdirSync(dir, { recursive: true });
  const loaded = await loadSpreadsheet(dir);
  const saved = readJson<ServicesState | null>(path.join(dir, SERVICES_FILE), null);
  const owner = DEMO_USERS.methodologist;
  const env = new Env({ now: options.now ?? Date.now(), user: options.user ?? owner, owner });
  const workspace = new Workspace(
    dir,
    env,
    loaded?.model ?? newSpreadsheetModel('Наставничество — дорожная карта'),
    saved ? PropertyStores.fromJSON(saved.properties) : new PropertyStores(),
    saved ? TriggerRegistry.fromJSON(saved.triggers) : new TriggerRegistry(),
    loaded?.problems ?? [],
    options.distDir ?? defaultDistDir(),
  );
  workspace.open();
  if (options.demo && !loaded) {
    seedDemoSchool(workspace);
    await workspace.save();
  }
  workspace.resetCalls();
  return workspace;
}
