/**
 * The spreadsheets of one workspace in which the add-on is used, and the document each execution runs
 * in. An execution names its document (Execution.documentId: an id, or null for an add-on's
 * time-driven run); one that does not (interleaving tests, service calls outside any execution) is in
 * the workspace's first spreadsheet.
 */
import type { Env } from './core/env';
import type { SpreadsheetCtx } from './spreadsheet/context';
import type { SpreadsheetModel } from './spreadsheet/model';
import type { SpreadsheetFiles } from './spreadsheet/spreadsheetApp';

export class WorkspaceFiles implements SpreadsheetFiles {
  private readonly files = new Map<string, SpreadsheetCtx>();

  constructor(
    private readonly env: Env,
    /** The first spreadsheet's id: the default document. */
    private readonly home: string,
  ) {}

  /** Adds a spreadsheet; `ui` is what SpreadsheetApp.getUi() gives in its executions. */
  add(model: SpreadsheetModel, ui: unknown): SpreadsheetCtx {
    if (this.files.has(model.id)) throw new Error(`A spreadsheet with id ${model.id} is already open`);
    const ctx: SpreadsheetCtx = { env: this.env, model, ui };
    this.files.set(model.id, ctx);
    return ctx;
  }

  /** The current execution's document id; null in a run without one. */
  activeId(): string | null {
    const e = this.env.execution;
    return e && e.documentId !== undefined ? e.documentId : this.home;
  }

  active(): SpreadsheetCtx | null {
    const id = this.activeId();
    return id === null ? null : (this.files.get(id) ?? null);
  }

  byId(id: string): SpreadsheetCtx | null {
    return this.files.get(id) ?? null;
  }

  /** A free id in the emulator's form: spreadsheet-2, spreadsheet-3… */
  freeId(): string {
    let n = this.files.size + 1;
    while (this.files.has(`spreadsheet-${n}`)) n++;
    return `spreadsheet-${n}`;
  }
}
