/**
 * The HTTP protocol between the local workspace page (workspace/web/) and its server
 * (workspace/server/). JSON in and out; every route is under 127.0.0.1 only.
 *
 *   GET  /                         the workspace page (dist/web/index.html)
 *   GET  /web/app.js, /web/app.css the page's bundle
 *   GET  /api/state                WorkspaceState
 *   GET  /api/sheet?name=…         SheetView (display values + effective formats of the data range)
 *   POST /api/edit                 EditRequest → ActionResult   (a staff edit: protections, validation, onEdit)
 *   POST /api/menu                 MenuRequest → ActionResult   (runs a menu item's function)
 *   POST /api/run                  RunRequest  → RunResult      (google.script.run from a sidebar/dialog;
 *                                  the sidebar API and menu functions only, else 403: scriptRun.ts)
 *   POST /api/user                 UserRequest → ActionResult   (switch the active user)
 *   POST /api/reset                ActionResult                 (reset the demo school; a job with progress)
 *   POST /api/close                CloseRequest → ActionResult  (google.script.host.close() of a sidebar/dialog)
 *   GET  /api/jobs/:id             JobState                     (progress of a long operation)
 *   GET  /api/download.xlsx        the spreadsheet as .xlsx
 *   GET  /ui/:dialogId             the HTML of a sidebar/dialog the add-on showed, with the
 *                                  google.script.run shim injected (/web/shim.js)
 *   GET  /api/forms                [{ id, title, url: '/forms/<id>' }] — forms the add-on created
 *   GET  /forms/:id                the form as a respondent sees it (server-rendered HTML, no scripts);
 *                                  a prefilled link's query (?usp=pp_url&entry.<n>=…) fills the answers in
 *   GET  /forms/d/e/:id/viewform   the same page: a published/prefilled Google URL with the origin swapped
 *   POST /forms/:id                urlencoded answers → confirmation page (200) or the form again
 *                                  with the Russian errors and the answers kept (422); triggers fire
 *   GET  /api/mail                 MailView[] (server/mail.ts): MailApp's outbox, newest first
 *   GET  /api/files                DriveListing[] (server/drive.ts): My Drive's files and folders
 *   GET  /api/files/:id/preview    a Google Doc's model (DocModel JSON), drawn by the page as text
 *   GET  /files/:id.docx           a Doc as .docx;  /files/:id.pdf  a Doc or PDF as PDF (LibreOffice,
 *                                  503 without it);  /files/:id  an uploaded file (attachments)
 */

export interface UserChoice {
  email: string;
  /** «Методист», «Сотрудник (завуч)», «Учитель» */
  label: string;
}

export interface SheetTab {
  name: string;
  hidden: boolean;
  tabColor?: string;
}

export type MenuNode =
  | { kind: 'item'; caption: string; fn: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuNode[] };

export interface MenuView {
  caption: string;
  items: MenuNode[];
}

/** A sidebar or dialog the add-on opened (its HTML is served at /ui/:id). */
export interface DialogView {
  id: string;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width: number;
  height: number;
}

/** An alert or prompt the add-on showed; already answered (see emulator/README.md). */
export interface MessageView {
  id: string;
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  answer: string;
}

export interface ToastView {
  id: string;
  title: string;
  message: string;
}

export interface WorkspaceState {
  spreadsheetName: string;
  user: string;
  users: UserChoice[];
  sheets: SheetTab[];
  menus: MenuView[];
  /** The sidebar currently open, if any. */
  sidebar: DialogView | null;
  /** Problems found when loading a hand-edited .xlsx (Russian). */
  loadProblems: string[];
  /** ISO date-time of the emulated clock. */
  now: string;
}

export interface CellView {
  /** Display value. */
  v: string;
  bg?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Dropdown choices from a list validation. */
  options?: string[];
  note?: string;
  /** A HYPERLINK formula's http(s) target: the cell text links there. */
  link?: string;
  /** The value breaks a validation rule that only warns: what is wrong (Sheets marks the cell). */
  invalid?: string;
}

export interface SheetView {
  name: string;
  /** Rows and columns to show: the data range plus some empty margin. */
  rowCount: number;
  colCount: number;
  frozenRows: number;
  frozenCols: number;
  /** Pixel width per column (0-based). */
  widths: number[];
  hiddenCols: number[];
  /** rows[r][c], 0-based, r < rowCount; missing trailing cells are empty. */
  rows: CellView[][];
  /** The sheet's embedded charts, their data read from the live cells of their ranges. */
  charts: ChartView[];
}

/** What an embedded chart shows (see spreadsheet/chartModel.ts, chartSeries). */
export interface ChartSeriesView {
  /** Category labels: the first column's display text, one per data row. */
  labels: string[];
  /** Series names (header text; '' without a header row). */
  names: string[];
  /** values[s][i]: series s at label i; cells that are not numbers count as 0. */
  values: number[][];
  /** display[s][i]: that cell as the sheet shows it ("50%"). */
  display: string[][];
}

export interface ChartView {
  /** EmbeddedChart.getChartId(). */
  id: number;
  /** Charts.ChartType name: 'BAR', 'COLUMN', 'PIE', 'LINE', … */
  type: string;
  title: string;
  /** 1-based anchor cell of the top-left corner, and the pixel offset from it. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  /** Pixels: options 'width' / 'height', else Sheets' default 600 × 371. */
  width: number;
  height: number;
  /** Option 'legend.position' ('right' when unset; 'none' hides the legend). */
  legend: string;
  /** Option 'colors', when set. */
  colors?: string[];
  series: ChartSeriesView;
}

export interface EditRequest {
  sheet: string;
  /** Top-left cell, e.g. "G5". */
  a1: string;
  /** What the user typed (one cell) or pasted (a block). */
  values: string[][];
}

export interface MenuRequest {
  fn: string;
}

export interface UserRequest {
  email: string;
}

/** google.script.host.close(): the sidebar/dialog with this id is closed. */
export interface CloseRequest {
  id: string;
}

/** What an action changed in the UI: new dialogs/sidebar to open, alerts and toasts to show. */
export interface ActionResult {
  ok: boolean;
  /** Russian message when !ok (e.g. a protected cell, a refused value, a script error). */
  error?: string;
  dialogs: DialogView[];
  messages: MessageView[];
  toasts: ToastView[];
  /** Set when the action started a long job; poll /api/jobs/:id. */
  jobId?: string;
}

export interface RunRequest {
  fn: string;
  /** Already checked by the shim: JSON values only. */
  args: unknown[];
}

export type RunResult =
  | { ok: true; result: unknown; dialogs: DialogView[]; messages: MessageView[]; toasts: ToastView[] }
  | { ok: false; error: { name: string; message: string } };

export interface JobState {
  id: string;
  label: string;
  /** Steps finished so far (0…steps). */
  step: number;
  steps: number;
  /** The step running now (the last one once done). */
  stepLabel: string;
  done: boolean;
  error?: string;
}
