import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallSummary } from './core/calls';
import { Env, parseManifest, type ExecutionOptions } from './core/env';
import { unwrap } from './core/gasObject';
import {
  createFormApp,
  editUrl,
  firingOrder,
  firingsFor,
  formsCtxOf,
  formsModelFromJSON,
  newFormsModel,
  publishedUrl,
  submitResponse,
  destinationSheet,
  type Answers,
  type FlushOptions,
  type FormModel,
  type FormsModel,
  type PendingFiring,
  type TriggerRun,
} from './forms/index';
import { docPlainText, type DocModel } from './docs/model';
import { createDocumentApp } from './docs/documentApp';
import { createDriveApp } from './drive/driveApp';
import { createMimeType } from './drive/mimeType';
import { advancedServiceGlobals } from './drive/v3/service';
import type { DriveFileNode, DriveFileSummary, DriveModel } from './drive/model';
import { driveModelFromJSON, findNode, newDriveModel, summaries } from './drive/store';
import { errorWithCause, readJson, writeJsonAtomic } from './persistence/atomicWrite';
import { exportDriveFiles, exportedGeneration } from './persistence/driveExport';
import {
  beginGeneration,
  commitGeneration,
  copyWorkbookForPeople,
  currentGeneration,
  describeGeneration,
  pruneGenerations,
  spreadsheetSource,
} from './persistence/workspaceStore';
import { loadSpreadsheet, META_FILE, saveSpreadsheet, XLSX_FILE } from './persistence/xlsx';
import { AddonRuntime } from './runtime';
import { createCacheService, CacheStores } from './services/cache';
import { createHtmlService } from './services/html';
import { createLockService, LockTable } from './services/lock';
import { createMailApp, MailOutbox, type SentMail } from './services/mail';
import { createConsole, createLogger, LogSink } from './services/logger';
import { createPropertiesService, PropertyStores } from './services/properties';
import { createScriptApp, TriggerRegistry, type TriggerRecord } from './services/script';
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
import { newRange } from './spreadsheet/range';
import { createSpreadsheetApp, SpreadsheetAppImpl } from './spreadsheet/spreadsheetApp';
import { createCharts } from './spreadsheet/charts';
import { chartRangesA1, chartTitle } from './spreadsheet/chartModel';
import { newSpreadsheetModel, type SpreadsheetModel } from './spreadsheet/model';
import { runtimeOf } from './spreadsheet/runtime';
import { WorkspaceFiles } from './workspaceFiles';

/**
 * What the emulator needs to know about the add-on it runs and the people who use it: it knows nothing
 * of any particular add-on (workspace/workspace.ts configures it for this one).
 */
export interface EmulatorOptions {
  /** Folder to persist into; a new temporary folder when omitted. */
  dir?: string;
  /** The add-on's name: the title of its menu under «Расширения» (Ui.createAddonMenu). */
  addonName: string;
  /** Who owns the spreadsheet (and the script's files); the active user unless `user` is given. */
  owner: string;
  /** Active user e-mail (default: the owner). */
  user?: string;
  /** Name of the spreadsheet a new (empty) folder starts with. */
  fileName: string;
  /**
   * Fills a new workspace (an empty folder, or `fresh`) after onOpen, through the script and the
   * emulator's person-facing methods; the result is saved at once.
   */
  seed?: (workspace: Workspace) => void;
  /** ISO date-time the simulated clock starts at. */
  now?: string;
  /**
   * Keep the clock on real time: charged latency still counts against execution limits and in
   * calls(), but does not move the clock (the local server, where people watch the real date).
   */
  realTime?: boolean;
  /** Folder holding the script bundle: Code.js, appsscript.json and the HTML files HtmlService serves. */
  distDir: string;
  /**
   * For a NEW folder: the clock shows this date-time now and then runs with real time (the offset is
   * saved), so the local workspace can live in May of the school year. A saved folder keeps its offset.
   */
  shiftClockTo?: string;
  /**
   * Ignore what the folder holds: a new workspace (seeded by `seed`), whose first save replaces the
   * saved one as a whole. Nothing on disk changes until that save.
   */
  fresh?: boolean;
}

export interface MenuEntry {
  caption: string;
  fn: string;
}

const SERVICES_FILE = 'services.json';
const FORMS_FILE = 'forms.json';
const MAIL_FILE = 'mail.json';
const DRIVE_FILE = 'drive.json';
/** What a save wrote straight into the folder before generations (workspaceStore.ts); removed after a commit. */
const LEGACY_FILES = [META_FILE, SERVICES_FILE, FORMS_FILE, MAIL_FILE, DRIVE_FILE];

/**
 * The steps of Workspace.save(), in order. Up to 'generation' the new state is being written beside the
 * old one; 'commit' makes it current; the rest tidies up and refreshes the copies for people.
 */
export const SAVE_STEPS = [
  'spreadsheet',
  'services',
  'forms',
  'mail',
  'drive',
  'generation',
  'commit',
  'prune',
  'workbook copy',
  'drive copy',
] as const;
export type SaveStep = (typeof SAVE_STEPS)[number];

export interface SaveOptions {
  /** Called after each step (crash tests stop or kill the process there). */
  afterStep?: (step: SaveStep) => void | Promise<void>;
}

/** One form as ws.forms() lists it. */
export interface FormSummary {
  id: string;
  title: string;
  /** Published (respondent) URL, as Form.getPublishedUrl(). */
  url: string;
  editUrl: string;
  acceptingResponses: boolean;
  /** Form.isPublished(): respondents can answer only a published form. */
  published: boolean;
  /** Who created the form, and who else may open it (Form.addEditor). */
  owner: string;
  editors: string[];
  collectsEmail: boolean;
  /** Name of the linked response sheet now (staff may rename it); null without a destination. */
  responseSheet: string | null;
  responses: number;
  items: Array<{
    id: number;
    title: string;
    type: string;
    required: boolean;
    choices: string[];
    otherOption: boolean;
  }>;
}

export interface SubmitFormOptions {
  email?: string;
  /** Write the response and row now, queue the trigger firings for flushFormTriggers(). */
  deferTriggers?: boolean;
}

export interface TriggerSummary {
  id: string;
  handler: string;
  eventType: string;
  source: string;
  sourceId: string | null;
  user: string;
}

/** One time-driven trigger run of ws.advanceTo(). */
export interface ClockRun {
  triggerId: string;
  handler: string;
  /** Simulated time the run started (epoch ms). */
  atMs: number;
  ok: boolean;
  error?: string;
}

interface ServicesState {
  properties: unknown;
  triggers: unknown;
  /** How far the workspace's clock runs ahead of (or behind) real time, ms. */
  clockOffsetMs?: number;
}

/**
 * One emulated Google Workspace with the add-on installed: a spreadsheet (persisted as .xlsx),
 * the services' state (JSON), and the real dist/Code.js running against them.
 */
export class Workspace {
  readonly ui = new UiState();
  /** The clock's lead over real time (the local server keeps it; see WorkspaceOptions.shiftClockTo). */
  clockOffsetMs = 0;
  /** Shared by every spreadsheet of the workspace (one script project). */
  readonly logs: LogSink;
  /** The workspace's spreadsheets; the first one opened owns the script's runtime and services. */
  readonly spreadsheets: WorkspaceFiles;
  /** Who holds which lock (and, during a simultaneous flush, until when on each execution's clock). */
  readonly locks: LockTable;
  private readonly runtime: AddonRuntime;

  constructor(
    readonly dir: string,
    readonly env: Env,
    readonly model: SpreadsheetModel,
    readonly properties: PropertyStores,
    readonly triggerRegistry: TriggerRegistry,
    /** Cells the loader could not read from a hand-edited .xlsx, in Russian. */
    readonly loadProblems: string[],
    /** The bundle's folder and the add-on's name (EmulatorOptions). */
    readonly script: { distDir: string; addonName: string },
    readonly formsModel: FormsModel = newFormsModel(),
    readonly outbox: MailOutbox = new MailOutbox(),
    /** My Drive: folders, files, the Docs' content (drive.json). */
    readonly drive: DriveModel = newDriveModel(),
    /** Set for a second spreadsheet of the same workspace (openOtherSpreadsheet): shares its script. */
    parent?: Workspace,
  ) {
    const ui = createUi(env, this.ui, { addonName: script.addonName });
    if (parent) {
      this.root = parent.root;
      this.logs = parent.logs;
      this.locks = parent.locks;
      this.spreadsheets = parent.spreadsheets;
      this.spreadsheets.add(model, ui);
      runtimeOf(model).env = env;
      this.runtime = parent.runtime;
      this.documentService = parent.documentService;
      this.driveService = parent.driveService;
      this.formService = parent.formService;
      this.spreadsheetApp = parent.spreadsheetApp;
      this.authModes = parent.authModes;
      return;
    }
    this.root = this;
    this.logs = new LogSink();
    this.locks = new LockTable();
    this.spreadsheets = new WorkspaceFiles(env, model.id);
    this.spreadsheets.add(model, ui);
    // The manifest that ships beside Code.js decides the scopes and advanced services the add-on has.
    env.manifest = parseManifest(readJson<unknown>(path.join(script.distDir, 'appsscript.json'), null));
    // Document properties, locks, caches and triggers follow the execution's document (none in a clock run).
    const doc = { documentId: () => this.spreadsheets.activeId() };
    const services = {
      SpreadsheetApp: createSpreadsheetApp(env, model, ui, this.spreadsheets),
      PropertiesService: createPropertiesService(env, properties, doc),
      LockService: createLockService(env, this.locks, doc),
      CacheService: createCacheService(env, new CacheStores(), doc),
      Session: createSession(env),
      Utilities: createUtilities(env),
      Logger: createLogger(env, this.logs),
      console: createConsole(env, this.logs),
      HtmlService: createHtmlService(env, { filesDir: script.distDir }),
      ScriptApp: createScriptApp(env, triggerRegistry, doc),
      FormApp: createFormApp(env, formsModel, model),
      MailApp: createMailApp(env, outbox),
      DocumentApp: createDocumentApp(env, drive),
      DriveApp: createDriveApp(env, drive),
      MimeType: createMimeType(env),
      Charts: createCharts(env),
      // Advanced services exist only when the manifest enables them (Drive → the Drive API v3).
      ...advancedServiceGlobals(env, env.manifest, drive),
    };
    this.documentService = services.DocumentApp;
    this.driveService = services.DriveApp;
    this.formService = services.FormApp;
    this.spreadsheetApp = services.SpreadsheetApp;
    this.authModes = services.ScriptApp.AuthMode;
    this.runtime = new AddonRuntime(env, readFileSync(path.join(script.distDir, 'Code.js'), 'utf8'), services);
  }

  /** The workspace's first spreadsheet (itself, or the one a second spreadsheet was opened from). */
  private readonly root: Workspace;
  private readonly spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  private readonly formService: GoogleAppsScript.Forms.FormApp;
  private readonly documentService: GoogleAppsScript.Document.DocumentApp;
  private readonly driveService: GoogleAppsScript.Drive.DriveApp;
  /** Trigger firings of deferred submissions, waiting for flushFormTriggers(). Not persisted. */
  private pendingFirings: PendingFiring[] = [];
  private readonly authModes: typeof ScriptApp.AuthMode;

  /** This spreadsheet's id (SpreadsheetApp.openById takes it). */
  get id(): string {
    return this.model.id;
  }

  /**
   * A second spreadsheet where the same add-on is used by the same people: its own cells, document
   * properties and document lock; the same script, user and script properties, triggers, Drive, forms,
   * mail and clock. Opened as a user opens it (onOpen builds its menu). Not persisted: save() keeps
   * the first spreadsheet and the shared services only. Forms can send responses only to the first.
   */
  openOtherSpreadsheet(name = 'Другая таблица'): Workspace {
    const root = this.root;
    const model = newSpreadsheetModel(name, root.spreadsheets.freeId());
    const other = new Workspace(
      root.dir,
      root.env,
      model,
      root.properties,
      root.triggerRegistry,
      [],
      root.script,
      root.formsModel,
      root.outbox,
      root.drive,
      root,
    );
    other.clockOffsetMs = root.clockOffsetMs;
    other.open();
    return other;
  }

  /** Options of an execution in this spreadsheet (menu items, sidebar calls, simple and form triggers). */
  private here(options: ExecutionOptions = {}): ExecutionOptions {
    return { user: this.env.activeUser, ...options, documentId: this.model.id };
  }

  /** Opens the file as a user does: the simple trigger onOpen builds the add-on menu. */
  open(): void {
    this.ui.menus = [];
    // The add-on is installed and used in this file, so onOpen runs in LIMITED mode (30 s limit).
    const event = { authMode: this.authModes.LIMITED, source: unwrap(this.spreadsheetApp).openById(this.model.id) };
    this.runtime.call('onOpen', [event], this.here({ authMode: 'LIMITED', limitMs: 30000 }));
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

  /** True when dist/Code.js defines the global function `fn`. */
  defines(fn: string): boolean {
    return this.runtime.has(fn);
  }

  /** Calls a global function of dist/Code.js as the active user, as one execution. */
  run(fn: string, ...args: unknown[]): unknown {
    return this.runtime.call(fn, args, this.here());
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

  /**
   * The embedded charts over a sheet, in insertion order: type = Charts.ChartType name ('BAR'…),
   * title = option 'title' ('' when unset), ranges in A1 without the sheet name ('A10:B17').
   */
  charts(sheetName: string): Array<{ type: string; title: string; ranges: string[] }> {
    const sheet = this.requireSheet(sheetName);
    return (sheet.charts ?? []).map((c) => ({
      type: c.type,
      title: chartTitle(c),
      ranges: chartRangesA1(this.model, c),
    }));
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
      this.runtime.call('onEdit', [e], this.here({ authMode: 'LIMITED', limitMs: 30000 }));
    }
  }

  calls(): CallSummary {
    return this.env.calls.summary();
  }

  resetCalls(): void {
    this.env.calls.reset();
  }

  /**
   * Every service method the add-on has called since the workspace opened, seeding included, as Google's
   * reference names it ("Spreadsheet.Range.getValues"); resetCalls() does not clear it.
   */
  calledMethods(): string[] {
    return this.env.calls.calledMethods();
  }

  /** Lets simulated time pass (deadlines, cache expiry). */
  advance(ms: number): void {
    this.env.advance(ms);
  }

  /**
   * Moves the simulated clock forward to `isoDateTime`, running on the way, in time order, every
   * time-driven trigger that falls due — each its own execution (FULL, 6 minutes) as its owner, with
   * Apps Script's time-driven event object. A handler's error is recorded (and logged), not thrown.
   */
  advanceTo(isoDateTime: string): ClockRun[] {
    const target = new Date(isoDateTime).getTime();
    if (Number.isNaN(target)) throw new Error(`advanceTo: not a date-time: ${isoDateTime}`);
    if (target < this.env.now()) {
      throw new Error(`advanceTo: the clock cannot go back (now ${new Date(this.env.now()).toISOString()})`);
    }
    const runs: ClockRun[] = [];
    for (;;) {
      const [next] = this.triggerRegistry.due(target);
      if (!next) break;
      if (runs.length >= 100000) throw new Error('advanceTo: more than 100000 trigger runs');
      const atMs = Math.max(next.nextRunMs!, this.env.now());
      if (atMs > this.env.now()) this.env.advance(atMs - this.env.now());
      runs.push(this.fireClock(next, atMs));
    }
    if (target > this.env.now()) this.env.advance(target - this.env.now());
    return runs;
  }

  /** One time-driven run; the trigger is marked fired first, so a handler may delete it. */
  private fireClock(rec: TriggerRecord, atMs: number): ClockRun {
    this.triggerRegistry.markFired(rec.id, atMs);
    const base = { triggerId: rec.id, handler: rec.handler, atMs };
    try {
      // An add-on's time-driven trigger belongs to the script, not the file: no active document.
      const run = { user: rec.user, authMode: 'FULL', documentId: null, triggerDocumentId: rec.documentId } as const;
      const event = (parse: (text: string) => Record<string, unknown>) => [
        Object.assign(parse(JSON.stringify(clockEventFields(atMs, rec.id))), { authMode: this.authModes.FULL }),
      ];
      this.runtime.call(rec.handler, event, run);
      return { ...base, ok: true };
    } catch (e) {
      const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
      this.logs.add({
        level: 'error',
        message: `${rec.handler} (time-driven): ${message}`,
        atMs: this.env.now(),
        source: 'console',
      });
      return { ...base, ok: false, error: message };
    }
  }

  /**
   * Fault injection for crash tests: the `nth` counted call named `callName` (as calls() names it, e.g.
   * 'File.makeCopy', 'Document.saveAndClose') from now on throws `message` (default "Exceeded maximum
   * execution time") inside the script, before the call does anything. Once.
   */
  failAt(callName: string, nth: number, message?: string): void {
    this.env.failAt(callName, nth, message);
  }

  // ------------------------------------------------------------ forms, triggers, mail

  /** The forms the add-on created, with their questions. */
  forms(): FormSummary[] {
    return this.formsModel.forms.map((f) => ({
      id: f.id,
      title: f.title,
      url: publishedUrl(f.id),
      editUrl: editUrl(f.id),
      acceptingResponses: f.acceptingResponses,
      published: f.published,
      owner: f.owner,
      editors: [...f.editors],
      collectsEmail: f.collectEmail,
      responseSheet: destinationSheet(this.model, f)?.name ?? null,
      responses: f.responses.length,
      items: f.items.map((i) => ({
        id: i.id,
        title: i.title,
        type: i.type,
        required: i.required,
        choices: [...i.choices],
        otherOption: i.otherOption,
      })),
    }));
  }

  /** A form by id, else by title (a title shared by two forms is refused). */
  findForm(titleOrId: string): FormModel {
    const byId = this.formsModel.forms.find((f) => f.id === titleOrId);
    if (byId) return byId;
    const byTitle = this.formsModel.forms.filter((f) => f.title === titleOrId);
    if (byTitle.length === 1) return byTitle[0];
    throw new Error(
      byTitle.length ? `Несколько форм называются «${titleOrId}»: укажите id.` : `Нет формы «${titleOrId}».`,
    );
  }

  /**
   * A person deletes a form for good (from Drive and its trash): FormApp cannot open it any more; its
   * response sheet stays in the spreadsheet, unlinked (Sheet.getFormUrl() is null), as in Google.
   */
  deleteForm(titleOrId: string): void {
    const form = this.findForm(titleOrId);
    this.formsModel.forms.splice(this.formsModel.forms.indexOf(form), 1);
  }

  /**
   * A respondent submits the form: answers by question title (string, or string[] for checkboxes).
   * Refused like Google Forms refuses it (FormSubmitError, nothing written); otherwise the response
   * is stored, its row appended to the response sheet, and the add-on's ON_FORM_SUBMIT triggers
   * fire, each as its own execution (or are queued with deferTriggers).
   */
  submitForm(
    titleOrId: string,
    answers: Answers,
    options: SubmitFormOptions = {},
  ): { responseId: string; row: number | null; triggerRuns: TriggerRun[] } {
    const form = this.findForm(titleOrId);
    const result = submitResponse(formsCtxOf(unwrap(this.formService)), form.id, answers, { email: options.email });
    const firings = firingsFor(this.triggerRegistry, this.model.id, result);
    let triggerRuns: TriggerRun[] = [];
    if (options.deferTriggers) this.pendingFirings.push(...firings);
    else triggerRuns = firings.map((p) => this.fire(p));
    return { responseId: result.response.id, row: result.written?.row ?? null, triggerRuns };
  }

  /**
   * Fires the queued firings of deferred submissions: reordered and/or duplicated as asked; with
   * `simultaneous`, all starting at this instant, so their locks make them wait (and time out).
   */
  flushFormTriggers(options: FlushOptions = {}): TriggerRun[] {
    const queue = this.pendingFirings;
    this.pendingFirings = [];
    if (!options.simultaneous) return firingOrder(queue, options).map((p) => this.fire(p));
    this.locks.beginBurst(this.env.now());
    try {
      return firingOrder(queue, options).map((p) => this.fire(p));
    } finally {
      this.locks.endBurst();
    }
  }

  /** How many trigger firings wait for flushFormTriggers(). */
  pendingFormTriggers(): number {
    return this.pendingFirings.length;
  }

  /**
   * One trigger run with the event Apps Script gives a spreadsheet form-submit trigger: authMode,
   * range (the response row), values, namedValues, triggerUid — built in the script's realm. A
   * handler's error is recorded, not thrown: the submission stands, as in Google.
   */
  private fire(p: PendingFiring): TriggerRun {
    const base = { triggerId: p.triggerId, handler: p.handler, responseId: p.responseId };
    try {
      // A trigger deleted before its queued firing runs does not fire.
      if (!this.triggerRegistry.get(p.triggerId)) return { ...base, ok: false, error: 'Триггер удалён до запуска.' };
      const sheet = this.model.sheets.find((s) => s.id === p.sheetId);
      if (!sheet) throw new Error('Лист ответов удалён до запуска триггера.');
      const ctx = (unwrap(this.spreadsheetApp) as unknown as SpreadsheetAppImpl).ctxOf(this.model);
      const grid = { row: p.row - 1, col: 0, numRows: 1, numCols: Math.max(1, p.values.length) };
      const event = (parse: (text: string) => Record<string, unknown>) => {
        const e = parse(JSON.stringify({ values: p.values, namedValues: p.namedValues, triggerUid: p.triggerId }));
        return [Object.assign(e, { authMode: this.authModes.FULL, range: newRange(ctx, sheet, grid) })];
      };
      this.runtime.call(p.handler, event, this.here({ user: p.user, authMode: 'FULL' }));
      return { ...base, ok: true };
    } catch (e) {
      // Errors of the script's realm are not `instanceof Error` here.
      const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
      // Apps Script records a failed trigger run in the executions log; here it goes to the console log.
      this.logs.add({
        level: 'error',
        message: `${p.handler} (form submit): ${message}`,
        atMs: this.env.now(),
        source: 'console',
      });
      return { ...base, ok: false, error: message };
    }
  }

  /** Every installable trigger of the script (all users). */
  triggers(): TriggerSummary[] {
    return this.triggerRegistry.triggers.map((t) => ({
      id: t.id,
      handler: t.handler,
      eventType: t.eventType,
      source: t.source,
      sourceId: t.sourceId,
      user: t.user,
    }));
  }

  // ------------------------------------------------------------ Drive and Docs

  /**
   * Every file and folder of My Drive not in the trash: path = folder names from My Drive down,
   * «/»-joined ('' in the root); sorted by path, then name.
   */
  files(): DriveFileSummary[] {
    return summaries(this.drive);
  }

  /** The plain text of a Google Doc, as Body.getText() gives it. */
  docText(id: string): string {
    const doc = this.drive.docs[id];
    if (!doc) throw new Error(`Нет документа Google с id «${id}».`);
    return docPlainText(doc);
  }

  /** A Doc's content (the live model: read, do not change), or null. */
  docModel(id: string): DocModel | null {
    return this.drive.docs[id] ?? null;
  }

  /**
   * The address has no Google account behind it (a mail.ru box, say): Drive then refuses to share with it
   * without Google's invitation e-mail, as the real one does (drive/v3/permissions.ts).
   */
  withoutGoogleAccount(email: string): void {
    const known = (this.drive.withoutGoogleAccount ??= []);
    if (!known.includes(email.toLowerCase())) known.push(email.toLowerCase());
  }

  /** A file or folder of the drive (the live node), or null. */
  fileNode(id: string): DriveFileNode | null {
    return findNode(this.drive, id) ?? null;
  }

  /** DocumentApp as the add-on sees it, for tests acting as a person in Docs (calls not counted). */
  documentApp(): GoogleAppsScript.Document.DocumentApp {
    return uncounted(this.env, unwrap(this.documentService));
  }

  /** DriveApp as the add-on sees it, for tests acting as a person in Drive (calls not counted). */
  driveApp(): GoogleAppsScript.Drive.DriveApp {
    return uncounted(this.env, unwrap(this.driveService));
  }

  /**
   * Messages MailApp "sent" (the outbox; nothing leaves the machine), oldest first; `at` is the
   * simulated send time as an ISO date-time (UTC), the same instant as `atMs`.
   */
  mail(): Array<SentMail & { at: string }> {
    return this.outbox.sent.map((m) => ({ ...structuredClone(m), at: new Date(m.atMs).toISOString() }));
  }

  /**
   * Counts today's letters as sent on earlier days: a seed that plays a whole school year in one run
   * (the demo) leaves people today's full daily quota, as the real school would have it.
   */
  forgetTodaysMailQuota(): void {
    this.outbox.usage = { day: '', recipients: {} };
  }

  /**
   * Persists the whole workspace as one new generation (persistence/workspaceStore.ts): the spreadsheet as a
   * real .xlsx (+ sidecar), the other services as JSON; then the copies for people (spreadsheet.xlsx,
   * Docs as .docx under drive/). A process killed at any step leaves the old state or the new one.
   */
  save(options: SaveOptions = {}): Promise<void> {
    // A second spreadsheet is not persisted; the shared services are, with the first spreadsheet.
    if (this.root !== this) return this.root.save(options);
    const run = this.saving.catch(() => undefined).then(() => this.saveGeneration(options));
    this.saving = run;
    return run;
  }

  /** The save in progress, so two saves never write one generation. */
  private saving: Promise<void> = Promise.resolve();

  private async saveGeneration(options: SaveOptions): Promise<void> {
    const step = async (name: SaveStep) => {
      await options.afterStep?.(name);
    };
    const gen = beginGeneration(this.dir);
    await saveSpreadsheet(this.model, gen.path);
    await step('spreadsheet');
    const state: ServicesState = {
      properties: this.properties.toJSON(),
      triggers: this.triggerRegistry.toJSON(),
      clockOffsetMs: this.clockOffsetMs,
    };
    writeJsonAtomic(path.join(gen.path, SERVICES_FILE), state);
    await step('services');
    writeJsonAtomic(path.join(gen.path, FORMS_FILE), this.formsModel);
    await step('forms');
    writeJsonAtomic(path.join(gen.path, MAIL_FILE), this.outbox.toJSON());
    await step('mail');
    writeJsonAtomic(path.join(gen.path, DRIVE_FILE), this.drive);
    await step('drive');
    describeGeneration(this.dir, gen);
    await step('generation');
    commitGeneration(this.dir, gen);
    await step('commit');
    pruneGenerations(this.dir, gen.name);
    for (const file of LEGACY_FILES) rmSync(path.join(this.dir, file), { force: true });
    await step('prune');
    copyWorkbookForPeople(this.dir, gen);
    await step('workbook copy');
    // Docs as real .docx files under <dir>/drive, for LibreOffice or Word (unchanged ones are skipped).
    await exportDriveFiles(this.dir, this.drive, gen.name);
    await step('drive copy');
  }

  private requireSheet(name: string) {
    const sheet = this.model.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named «${name}»`);
    return sheet;
  }

  /** The FormApp the add-on sees, for tests that act as a person editing a form (calls not counted). */
  formApp(): GoogleAppsScript.Forms.FormApp {
    return unwrap(this.formService);
  }

  /**
   * The SpreadsheetApp the add-on sees, with this spreadsheet active (calls not counted): for tests
   * acting outside any execution.
   */
  spreadsheet(): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
    const impl = unwrap(this.spreadsheetApp) as unknown as SpreadsheetAppImpl;
    if (this.root === this) return impl as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const mine = this.spreadsheets.byId(this.model.id)!;
    const files = { active: () => mine, byId: (id: string) => this.spreadsheets.byId(id) };
    return new SpreadsheetAppImpl(mine, files) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  }
}

/**
 * Apps Script's time-driven event fields for a run at `atMs`: the date parts in UTC (the event says
 * timezone "UTC"), day-of-week 1 = Monday … 7 = Sunday, ISO week-of-year.
 */
export function clockEventFields(atMs: number, triggerUid: string): Record<string, unknown> {
  const d = new Date(atMs);
  const dow = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - dow));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86400000 + 1) / 7);
  return {
    triggerUid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': dow,
    'week-of-year': week,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

/**
 * A view of a fake service whose calls are not counted (a person at the keyboard, not the add-on):
 * every call runs one level deep, so gasObject does not record it; results are wrapped the same way.
 * Enum values and dates pass through untouched (identity comparisons keep working).
 */
function uncounted<T>(env: Env, value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => uncounted(env, v)) as T;
  if (Object.prototype.toString.call(value) === '[object Date]') return value;
  return new Proxy(value as object, {
    get(obj, prop, receiver) {
      const member = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof member !== 'function') return typeof prop === 'symbol' ? member : uncounted(env, member);
      return (...args: unknown[]) => {
        env.depth++;
        try {
          return uncounted(env, (member as (...a: unknown[]) => unknown).apply(obj, args));
        } finally {
          env.depth--;
        }
      };
    },
  }) as T;
}

/** What a workspace folder holds, read back; everything null for a new (or ignored) folder. */
interface SavedState {
  loaded: { model: SpreadsheetModel; problems: string[] } | null;
  saved: ServicesState | null;
  savedForms: unknown;
  savedMail: unknown;
  savedDrive: unknown;
}

const NOTHING_SAVED: SavedState = { loaded: null, saved: null, savedForms: null, savedMail: null, savedDrive: null };

/** True for the loader's "not a readable .xlsx" error about `file` (not, say, a damaged sidecar). */
function unreadableWorkbook(e: unknown, file: string): boolean {
  return e instanceof Error && e.message.startsWith(`Файл ${file} не удалось прочитать`);
}

/** The reason a workbook could not be read (the loader's error wraps the parser's). */
function causeOf(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause;
  return String((cause instanceof Error ? cause : (e as Error)).message ?? e);
}

/**
 * Reads the current generation (persistence/workspaceStore.ts): drops a half-written newer one, reads a
 * person's edit of spreadsheet.xlsx, and refreshes copies for people that a killed save left behind.
 * A folder saved before generations is read as it was (its files straight in the folder).
 */
async function readSavedState(dir: string): Promise<SavedState> {
  const gen = currentGeneration(dir);
  if (!gen) return readLegacyState(dir);
  pruneGenerations(dir, gen.name);
  const source = spreadsheetSource(dir, gen);
  let loaded: SavedState['loaded'];
  try {
    loaded = await loadSpreadsheet(gen.path, source.xlsx);
  } catch (e) {
    if (source.kind !== 'edited' || !unreadableWorkbook(e, source.xlsx)) throw e;
    throw errorWithCause(
      `Файл ${source.xlsx} повреждён или это не таблица .xlsx (${causeOf(e)}). Если вы правили его вручную, ` +
        `верните исправную копию; иначе удалите этот файл — откроется последнее сохранённое состояние. / ` +
        `${source.xlsx} is damaged: fix it, or delete it to open the last saved state.`,
      e,
    );
  }
  if (!loaded) throw new Error(`${source.xlsx}: not found`); // spreadsheetSource checked it exists
  if (source.kind === 'saved' && source.refresh !== 'no') copyWorkbookForPeople(dir, gen);
  if (source.kind === 'saved' && source.refresh === 'missing') {
    loaded.problems.push(`Файла ${XLSX_FILE} не было в папке: он восстановлен из последнего сохранения.`);
  }
  const savedDrive = readJson<unknown>(path.join(gen.path, DRIVE_FILE), null);
  // A save killed before its Docs were mirrored: mirror them now.
  if (savedDrive && exportedGeneration(dir) !== gen.name) {
    await exportDriveFiles(dir, driveModelFromJSON(savedDrive), gen.name);
  }
  return {
    loaded,
    saved: readJson<ServicesState | null>(path.join(gen.path, SERVICES_FILE), null),
    savedForms: readJson<unknown>(path.join(gen.path, FORMS_FILE), null),
    savedMail: readJson<unknown>(path.join(gen.path, MAIL_FILE), null),
    savedDrive,
  };
}

/** A folder written before generations: spreadsheet.xlsx, its sidecar and the JSON files side by side. */
async function readLegacyState(dir: string): Promise<SavedState> {
  const xlsx = path.join(dir, XLSX_FILE);
  const others = [SERVICES_FILE, FORMS_FILE, MAIL_FILE, DRIVE_FILE].filter((f) => existsSync(path.join(dir, f)));
  if (!existsSync(xlsx) && others.length > 0) {
    // Without the spreadsheet the forms and Drive would meet an empty file: refuse rather than mislead.
    throw new Error(
      `В папке ${dir} есть сохранённые данные (${others.join(', ')}), но нет таблицы ${XLSX_FILE}: без неё ` +
        `рабочую область не открыть. Верните ${XLSX_FILE} из резервной копии; чтобы начать заново, ` +
        `переименуйте или удалите папку. / ${dir} has saved state but no ${XLSX_FILE}: restore ` +
        `the file, or move the folder away to start anew.`,
    );
  }
  let loaded: SavedState['loaded'];
  try {
    loaded = await loadSpreadsheet(dir);
  } catch (e) {
    if (!unreadableWorkbook(e, xlsx)) throw e;
    throw errorWithCause(
      `Файл ${xlsx} повреждён или это не таблица .xlsx (${causeOf(e)}). Верните его из резервной копии; ` +
        `чтобы начать заново, переименуйте или удалите папку ${dir}. / ` +
        `${xlsx} is damaged: restore it from a backup, or move the folder away to start anew.`,
      e,
    );
  }
  return {
    loaded,
    saved: readJson<ServicesState | null>(path.join(dir, SERVICES_FILE), null),
    savedForms: readJson<unknown>(path.join(dir, FORMS_FILE), null),
    savedMail: readJson<unknown>(path.join(dir, MAIL_FILE), null),
    savedDrive: readJson<unknown>(path.join(dir, DRIVE_FILE), null),
  };
}

/**
 * Opens (or creates) a workspace folder. A saved folder is loaded as its last complete save left it; a
 * spreadsheet.xlsx a person edited in Excel or LibreOffice is loaded as it is. An empty folder starts a
 * new file, filled by `seed` when given. With `fresh`, whatever the folder holds is ignored: a new
 * workspace whose first save replaces it.
 */
export async function openEmulator(options: EmulatorOptions): Promise<Workspace> {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'emulated-workspace-'));
  mkdirSync(dir, { recursive: true });
  const { loaded, saved, savedForms, savedMail, savedDrive } = options.fresh
    ? NOTHING_SAVED
    : await readSavedState(dir);
  const owner = options.owner;
  const shift = !loaded && options.shiftClockTo ? Date.parse(options.shiftClockTo) - Date.now() : NaN;
  const clockOffsetMs = Number.isFinite(shift) ? shift : (saved?.clockOffsetMs ?? 0);
  const env = new Env({ now: options.now ?? Date.now() + clockOffsetMs, user: options.user ?? owner, owner });
  env.chargeLatency = !options.realTime;
  const workspace = new Workspace(
    dir,
    env,
    loaded?.model ?? newSpreadsheetModel(options.fileName),
    saved ? PropertyStores.fromJSON(saved.properties) : new PropertyStores(),
    saved ? TriggerRegistry.fromJSON(saved.triggers) : new TriggerRegistry(),
    loaded?.problems ?? [],
    { distDir: options.distDir, addonName: options.addonName },
    savedForms ? formsModelFromJSON(savedForms) : newFormsModel(),
    savedMail ? MailOutbox.fromJSON(savedMail) : new MailOutbox(),
    savedDrive ? driveModelFromJSON(savedDrive) : newDriveModel(),
  );
  workspace.clockOffsetMs = clockOffsetMs;
  workspace.open();
  if (options.seed && !loaded) {
    options.seed(workspace);
    await workspace.save();
  }
  workspace.resetCalls();
  return workspace;
}
