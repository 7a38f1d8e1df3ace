/**
 * The Ui of SpreadsheetApp.getUi(): menus the workspace can render, dialogs it can show, and
 * scripted answers for alert/prompt (tests queue them with `UiState.answer`).
 */
import type { Env } from '../core/env';
import { gasObject, signatureError, unwrap } from '../core/gasObject';
import { enumKey, makeEnum, Wrapped, wrap } from './common';
import { asHtmlOutput } from './html';

export const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

/** Buttons of each set; the first is what an unscripted dialog answers. CLOSE (the ✕) is always possible. */
export const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuItemModel =
  | { kind: 'item'; caption: string; fn: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuItemModel[] };

export interface MenuModel {
  caption: string;
  /** Built with createAddonMenu (shown under Extensions → <add-on name>). */
  addon: boolean;
  items: MenuItemModel[];
}

export type DialogRecord =
  | {
      kind: 'alert';
      title: string;
      message: string;
      buttons: ButtonSetName;
      answer: ButtonName;
      atMs: number;
    }
  | {
      kind: 'prompt';
      title: string;
      message: string;
      buttons: ButtonSetName;
      answer: ButtonName;
      text: string;
      atMs: number;
    }
  | {
      kind: 'sidebar' | 'modal' | 'modeless';
      title: string;
      html: string;
      width: number;
      height: number;
      atMs: number;
    };

export interface ScriptedAnswer {
  button: ButtonName;
  text: string;
}

/** What the add-on did to the UI; shared with the workspace. */
export class UiState {
  menus: MenuModel[] = [];
  dialogs: DialogRecord[] = [];
  /** Answers for the next alert/prompt calls, in order. */
  answers: ScriptedAnswer[] = [];

  /** Queues the user's answer to the next alert or prompt. `button` is a name ("YES") or a Button value. */
  answer(button: ButtonName | { toString(): string }, text = ''): this {
    const name = String(button) as ButtonName;
    if (!(name in Button)) throw new Error(`UiState.answer: unknown button ${name}`);
    this.answers.push({ button: name, text });
    return this;
  }

  /** The last sidebar shown, if any. */
  get sidebar(): Extract<DialogRecord, { kind: 'sidebar' | 'modal' | 'modeless' }> | undefined {
    for (let i = this.dialogs.length - 1; i >= 0; i--) {
      const d = this.dialogs[i];
      if (d.kind === 'sidebar') return d;
    }
    return undefined;
  }

  reset(): void {
    this.menus = [];
    this.dialogs = [];
    this.answers = [];
  }
}

type M = GoogleAppsScript.Base.Menu;

type Entry =
  { kind: 'item'; caption: string; fn: string } | { kind: 'separator' } | { kind: 'submenu'; menu: FakeMenu };

export class FakeMenu extends Wrapped implements Pick<M, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly entries: Entry[] = [];

  constructor(
    private readonly env: Env,
    private readonly state: UiState,
    readonly caption: string,
    readonly addon: boolean,
  ) {
    super();
  }

  private ret(): M {
    return this._self as unknown as M;
  }

  addItem(caption: string, functionName: string): M {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError(this.env, 'Menu.addItem', [caption, functionName]);
    }
    if (functionName.trim() === '') throw this.env.error('Invalid argument: functionName');
    this.entries.push({ kind: 'item', caption, fn: functionName });
    return this.ret();
  }

  addSeparator(): M {
    this.entries.push({ kind: 'separator' });
    return this.ret();
  }

  addSubMenu(menu: M): M {
    const raw = unwrap(menu) as unknown;
    if (!(raw instanceof FakeMenu)) throw signatureError(this.env, 'Menu.addSubMenu', [menu]);
    if (raw.addon) throw this.env.error('Invalid argument: an add-on menu cannot be a submenu');
    if (raw === this) throw this.env.error('Invalid argument: a menu cannot contain itself');
    this.entries.push({ kind: 'submenu', menu: raw });
    return this.ret();
  }

  /** The menu as it is now (submenus copied), for the workspace. */
  model(): MenuItemModel[] {
    return this.entries.map((e): MenuItemModel => {
      if (e.kind === 'submenu') return { kind: 'submenu', caption: e.menu.caption, items: e.menu.model() };
      return { ...e };
    });
  }

  addToUi(): void {
    const model: MenuModel = { caption: this.caption, addon: this.addon, items: this.model() };
    const i = this.state.menus.findIndex((m) => m.addon === this.addon && m.caption === this.caption);
    if (i >= 0) this.state.menus[i] = model;
    else this.state.menus.push(model);
  }
}

class FakePromptResponse implements Pick<
  GoogleAppsScript.Base.PromptResponse,
  'getResponseText' | 'getSelectedButton'
> {
  constructor(
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.button] as unknown as GoogleAppsScript.Base.Button;
  }
}

type U = GoogleAppsScript.Base.Ui;

class FakeUi implements Pick<
  U,
  'alert' | 'prompt' | 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
> {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly env: Env,
    private readonly state: UiState,
    private readonly addonName: string,
  ) {}

  createAddonMenu(): M {
    return wrap(this.env, 'Base.Menu', new FakeMenu(this.env, this.state, this.addonName, true)) as unknown as M;
  }

  createMenu(caption: string): M {
    if (typeof caption !== 'string') throw signatureError(this.env, 'Ui.createMenu', [caption]);
    return wrap(this.env, 'Base.Menu', new FakeMenu(this.env, this.state, caption, false)) as unknown as M;
  }

  /** Sorts out the three overloads: (prompt) / (prompt, buttons) / (title, prompt, buttons). */
  private dialogArgs(method: string, args: unknown[]): { title: string; message: string; buttons: ButtonSetName } {
    const bad = () => signatureError(this.env, `Ui.${method}`, args);
    let title = '';
    let message: unknown;
    let set: unknown = ButtonSet.OK;
    if (args.length === 1) [message] = args;
    else if (args.length === 2) [message, set] = args;
    else if (args.length === 3) [title, message, set] = args as [string, unknown, unknown];
    else throw bad();
    if (typeof title !== 'string' || typeof message !== 'string') throw bad();
    const buttons = enumKey(ButtonSet, set);
    if (!buttons) throw bad();
    return { title, message, buttons };
  }

  private next(buttons: ButtonSetName, defaultButton: ButtonName): ScriptedAnswer {
    const scripted = this.state.answers.shift();
    if (!scripted) return { button: defaultButton, text: '' };
    if (scripted.button !== 'CLOSE' && !BUTTONS_OF[buttons].includes(scripted.button)) {
      throw this.env.error(
        `Emulator: the scripted answer ${scripted.button} is not a button of ButtonSet.${buttons} (${BUTTONS_OF[buttons].join(', ')}, CLOSE)`,
      );
    }
    return scripted;
  }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, message, buttons } = this.dialogArgs('alert', args);
    const { button } = this.next(buttons, BUTTONS_OF[buttons][0]);
    this.state.dialogs.push({ kind: 'alert', title, message, buttons, answer: button, atMs: this.env.now() });
    return Button[button] as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, message, buttons } = this.dialogArgs('prompt', args);
    const { button, text } = this.next(buttons, BUTTONS_OF[buttons][0]);
    this.state.dialogs.push({ kind: 'prompt', title, message, buttons, answer: button, text, atMs: this.env.now() });
    return gasObject(
      this.env,
      'Base.PromptResponse',
      new FakePromptResponse(text, button),
    ) as unknown as GoogleAppsScript.Base.PromptResponse;
  }

  private show(kind: 'sidebar' | 'modal' | 'modeless', method: string, output: unknown, title?: unknown): void {
    const html = asHtmlOutput(output);
    if (!html || (kind !== 'sidebar' && typeof title !== 'string')) {
      throw signatureError(this.env, `Ui.${method}`, title === undefined ? [output] : [output, title]);
    }
    this.state.dialogs.push({
      kind,
      title: kind === 'sidebar' ? html.title : (title as string),
      html: html.content,
      width: html.width,
      height: html.height,
      atMs: this.env.now(),
    });
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show('sidebar', 'showSidebar', userInterface);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modal', 'showModalDialog', userInterface, title);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modeless', 'showModelessDialog', userInterface, title);
  }
}

export interface UiOptions {
  /** Caption of the add-on menu (the add-on's name). Default "Add-on". */
  addonName?: string;
}

/** The object SpreadsheetApp.getUi() returns. Create one per spreadsheet/workspace and share `state`. */
export function createUi(env: Env, state: UiState, options: UiOptions = {}): U {
  return gasObject(env, 'Base.Ui', new FakeUi(env, state, options.addonName ?? 'Add-on')) as unknown as U;
}
