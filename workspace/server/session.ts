/**
 * The workspace behind the server: opened once at start, replaced by «Reset demo». Requests are
 * processed one at a time (Apps Script runs one user's executions in order here; the page may send
 * google.script.run calls concurrently), the emulated clock follows real time, and every mutating
 * request answers from the model in memory and has its save scheduled (saveScheduler.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_STEP_LABELS, seedDemoSchoolSteps, type DemoStep } from '../demo/demoSchool';
import { XLSX_FILE } from '../../emulator/persistence/xlsx';
import { toastsOf, userEditProblem } from '../../emulator/spreadsheet/index';
import type { MenuItemModel } from '../../emulator/services/ui';
import { DEMO_USERS, openWorkspace, type Workspace } from '../workspace';
import { FormSubmitError } from '../../emulator/forms/submit';
import { dialogView, injectShim, messageView } from './dialogs';
import { answersFrom, filledFromQuery, parseFilled, renderConfirmation, renderForm } from './formPage';
import { Jobs } from './jobs';
import type {
  ActionResult,
  DialogView,
  EditRequest,
  JobState,
  MenuNode,
  MessageView,
  RunResult,
  SheetView,
  ToastView,
  UserChoice,
  WorkspaceState,
} from './protocol';
import { errorOf, refuseFunctionName, refuseOutsideApi, runForClient } from './scriptRun';
import { SaveScheduler, type SaveTiming } from './saveScheduler';
import { HttpError } from './security';
import { buildSheetView } from './sheetView';

export const USERS: UserChoice[] = [
  { email: DEMO_USERS.methodologist, label: 'Методист (владелец)' },
  { email: DEMO_USERS.staff, label: 'Сотрудник (завуч)' },
  { email: DEMO_USERS.teacher, label: 'Учитель' },
];

interface Changes {
  dialogs: DialogView[];
  messages: MessageView[];
  toasts: ToastView[];
}

function menuNodes(items: MenuItemModel[]): MenuNode[] {
  return items.map((i) => (i.kind === 'submenu' ? { ...i, items: menuNodes(i.items) } : { ...i }));
}

function isStringGrid(v: unknown): v is string[][] {
  return Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'));
}

export class Session {
  readonly jobs = new Jobs();
  /** Sidebars/dialogs closed by google.script.host.close(). */
  private readonly closed = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();
  /** Saves the current workspace (this.ws, also after a reset) some time after its changes. */
  readonly saves: SaveScheduler;

  private constructor(
    public ws: Workspace,
    readonly dir: string,
    /** Where a new demo's clock starts (null: today). */
    private readonly demoNow: string | null,
    saveTiming?: SaveTiming,
  ) {
    this.saves = new SaveScheduler(
      () => this.ws.save(),
      (body) => this.serial(body),
      saveTiming,
    );
  }

  static async open(
    dir: string,
    demo: boolean,
    demoNow: string | null = null,
    saveTiming?: SaveTiming,
  ): Promise<Session> {
    const shiftClockTo = demo && demoNow ? demoNow : undefined;
    const ws = await openWorkspace({ dir, demo, realTime: true, shiftClockTo });
    for (const problem of ws.loadProblems) console.warn(`Внимание: ${problem}`);
    return new Session(ws, dir, demoNow, saveTiming);
  }

  /** Runs `body` after every request before it; the emulated clock catches up with real time first. */
  serial<T>(body: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(() => {
      const behind = Date.now() + this.ws.clockOffsetMs - this.ws.env.now();
      if (behind > 0) this.ws.env.advance(behind);
      return body();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  state(): Promise<WorkspaceState> {
    return this.serial(() => {
      const ws = this.ws;
      const model = ws.model;
      let sidebar: DialogView | null = null;
      for (let i = ws.ui.dialogs.length - 1; i >= 0 && !sidebar; i--) {
        if (ws.ui.dialogs[i].kind === 'sidebar') {
          sidebar = this.closed.has(String(i)) ? null : dialogView(ws.ui.dialogs[i], i);
          break;
        }
      }
      return {
        spreadsheetName: model.name,
        user: ws.user,
        users: USERS,
        sheets: model.sheets.map((s) => ({
          name: s.name,
          hidden: s.hidden,
          ...(s.tabColor && { tabColor: s.tabColor }),
        })),
        menus: ws.ui.menus.map((m) => ({ caption: m.caption, items: menuNodes(m.items) })),
        sidebar,
        loadProblems: [...ws.loadProblems],
        now: new Date(ws.env.now()).toISOString(),
      };
    });
  }

  sheet(name: string): Promise<SheetView> {
    return this.serial(() => {
      const sheet = this.ws.model.sheets.find((s) => s.name === name);
      if (!sheet) throw new HttpError(404, `Лист «${name}» не найден. / No such sheet.`);
      return buildSheetView(this.ws.model, sheet, this.ws.env);
    });
  }

  /** What appeared in the UI since the counts were taken. */
  private changesSince(dialogs0: number, toasts0: number): Changes {
    const ws = this.ws;
    const out: Changes = { dialogs: [], messages: [], toasts: [] };
    ws.ui.dialogs.forEach((d, i) => {
      if (i < dialogs0) return;
      const dialog = dialogView(d, i);
      if (dialog) out.dialogs.push(dialog);
      const message = messageView(d, i);
      if (message) out.messages.push(message);
    });
    toastsOf(ws.model).forEach((t, i) => {
      if (i >= toasts0) out.toasts.push({ id: String(i), title: t.title, message: t.message });
    });
    return out;
  }

  /** Runs a mutating action in the queue, reports what it showed, schedules its save. */
  private act(body: () => string | null): Promise<ActionResult> {
    return this.serial(() => {
      const ws = this.ws;
      const dialogs0 = ws.ui.dialogs.length;
      const toasts0 = toastsOf(ws.model).length;
      let error: string | null;
      try {
        error = body();
      } catch (e) {
        error = errorOf(e).message;
      }
      this.saves.changed();
      return { ok: error === null, ...(error !== null && { error }), ...this.changesSince(dialogs0, toasts0) };
    });
  }

  async edit(req: Partial<EditRequest>): Promise<ActionResult> {
    if (typeof req.sheet !== 'string' || typeof req.a1 !== 'string' || !/^[A-Z]{1,3}[1-9][0-9]{0,6}$/.test(req.a1)) {
      throw new HttpError(400, 'Нужны sheet, a1 (например G5) и values. / Bad edit request.');
    }
    if (!isStringGrid(req.values) || req.values.length === 0) {
      throw new HttpError(400, 'values должен быть массивом строк строк. / values must be string[][].');
    }
    const { sheet, a1, values } = req as EditRequest;
    // A cell beyond the grid or text over Sheets' limits is a bad request: refused before it is queued.
    const problem = await this.serial(() => {
      const target = this.ws.model.sheets.find((s) => s.name === sheet);
      return target ? userEditProblem(this.ws.model, target, a1, values) : null;
    });
    if (problem) throw new HttpError(400, problem);
    return this.act(() => {
      if (!this.ws.sheetNames().includes(sheet)) return `Лист «${sheet}» не найден.`;
      this.ws.edit(sheet, a1, values);
      return null;
    });
  }

  menu(fn: unknown): Promise<ActionResult> {
    if (typeof fn !== 'string') throw new HttpError(400, 'Нужно имя функции fn. / fn is required.');
    return this.act(() => {
      if (!this.ws.menu().some((item) => item.fn === fn)) return `В меню нет пункта с функцией ${fn}.`;
      this.ws.run(fn);
      return null;
    });
  }

  /** The page was (re)loaded: the user opens the file, and the simple trigger onOpen runs as in Sheets. */
  openFile(): Promise<ActionResult> {
    return this.act(() => {
      this.ws.open();
      return null;
    });
  }

  setUser(email: unknown): Promise<ActionResult> {
    return this.act(() => {
      if (!USERS.some((u) => u.email === email)) return `Неизвестный пользователь: ${String(email)}.`;
      this.ws.setUser(email as string);
      return null;
    });
  }

  close(id: unknown): Promise<ActionResult> {
    if (typeof id !== 'string') throw new HttpError(400, 'Нужен id. / id is required.');
    return this.serial(() => {
      this.closed.add(id);
      return { ok: true, dialogs: [], messages: [], toasts: [] };
    });
  }

  /** google.script.run: the result (Apps Script's serialization rules) and what the call showed. */
  run(fn: unknown, args: unknown): Promise<RunResult> {
    const refused = refuseFunctionName(fn);
    // Refused without running: nothing to save.
    if (refused) return Promise.resolve({ ok: false, error: { name: 'Error', message: refused } });
    return this.serial(() => {
      const ws = this.ws;
      // A function the script does not define keeps Apps Script's "not found" (runForClient).
      if (typeof fn === 'string' && ws.defines(fn)) {
        const handlers = ws.triggers().map((t) => t.handler);
        const outside = refuseOutsideApi(
          fn,
          ws.menu().map((m) => m.fn),
          handlers,
        );
        if (outside) throw new HttpError(403, outside);
      }
      const dialogs0 = ws.ui.dialogs.length;
      const toasts0 = toastsOf(ws.model).length;
      const outcome = runForClient(ws, fn, args);
      this.saves.changed();
      return outcome.ok ? { ...outcome, ...this.changesSince(dialogs0, toasts0) } : outcome;
    });
  }

  /** The HTML of a sidebar/dialog the add-on showed, shim injected; null if there is no such dialog. */
  dialogHtml(id: string): Promise<string | null> {
    return this.serial(() => {
      const index = /^[0-9]{1,9}$/.test(id) ? Number(id) : -1;
      const record = this.ws.ui.dialogs[index];
      if (!record || record.kind === 'alert' || record.kind === 'prompt') return null;
      // The panel runs in the browser on real time; it is told how far the workspace clock is ahead.
      return injectShim(record.html, index, this.ws.env.now() - Date.now());
    });
  }

  /** The Forms tab: every form the add-on created, linking to its local page. */
  forms(): Promise<Array<{ id: string; title: string; url: string }>> {
    return this.serial(() =>
      this.ws.forms().map((f) => ({ id: f.id, title: f.title, url: `/forms/${encodeURIComponent(f.id)}` })),
    );
  }

  /**
   * The fillable page of a form, with the answers of a prefilled link's query (`entry.<n>=…`) filled
   * in; null if there is no such form.
   */
  formPage(id: string, query: URLSearchParams = new URLSearchParams()): Promise<string | null> {
    return this.serial(() => {
      const form = this.ws.formsModel.forms.find((f) => f.id === id);
      return form ? renderForm(form, filledFromQuery(form, query)) : null;
    });
  }

  /**
   * A respondent posts the form: submitted (the add-on's triggers fire), saved, and the confirmation
   * shown — or the form again with the Russian problems and the answers kept. null: no such form.
   */
  submitFormPage(id: string, body: string): Promise<{ ok: boolean; html: string } | null> {
    return this.serial(() => {
      const form = this.ws.formsModel.forms.find((f) => f.id === id);
      if (!form) return null;
      const filled = parseFilled(body);
      const { answers, email } = answersFrom(form, filled);
      try {
        this.ws.submitForm(form.id, answers, { email });
      } catch (e) {
        if (!(e instanceof FormSubmitError)) throw e;
        return { ok: false, html: renderForm(form, filled, e.problems) };
      }
      this.saves.changed();
      return { ok: true, html: renderConfirmation(form) };
    });
  }

  /** The saved .xlsx, as it is after everything before this request (saved again first). */
  async download(): Promise<Buffer> {
    // Queued, so every request before this one has changed the model when the save is asked for.
    await this.serial(() => this.saves.changed());
    await this.saves.flush();
    return readFileSync(path.join(this.dir, XLSX_FILE));
  }

  /**
   * «Reset demo»: a new, empty workspace with the demo school seeded again, as a job. Nothing of the old
   * one is kept (Drive, forms, mail, properties, triggers, quotas): the new workspace is built in memory
   * and its first save replaces the saved one as a whole. Until then the old workspace stays current,
   * so a reset that fails leaves it as it was.
   */
  reset(): ActionResult {
    let fresh: Workspace | null = null;
    let seed: DemoStep[] = [];
    const job: JobState = this.jobs.start(
      'Сброс демонстрационной школы',
      [
        {
          label: 'Создание таблицы',
          run: async () => {
            fresh = await openWorkspace({
              dir: this.dir,
              demo: false,
              fresh: true,
              realTime: true,
              shiftClockTo: this.demoNow ?? undefined,
            });
            seed = seedDemoSchoolSteps(fresh);
          },
        },
        ...DEMO_STEP_LABELS.map((label, i) => ({ label, run: () => seed[i].run() })),
        {
          label: 'Сохранение',
          run: async () => {
            await fresh!.save();
            this.ws = fresh!;
            this.closed.clear();
          },
        },
      ],
      (body) => this.serial(body),
    );
    return { ok: true, dialogs: [], messages: [], toasts: [], jobId: job.id };
  }

  job(id: string): JobState | undefined {
    return this.jobs.get(id);
  }

  /** Waits for the queue, then saves everything and schedules nothing more (the server is closing). */
  async flush(): Promise<void> {
    // Saved even when no request changed anything, as every close did before saves were scheduled.
    await this.serial(() => this.saves.changed());
    await this.saves.close();
  }
}
