/**
 * The server side of google.script.run: which functions a page may call, and how a result crosses
 * to the client (Apps Script's rules: developers.google.com/apps-script/guides/html/reference/run).
 */
import vm from 'node:vm';
import type { ServerApi } from '../../src/contract/serverApi';
import { CIRCULAR, transported, type Transported } from '../../emulator/services/scriptRunValues';
import type { Workspace } from '../../emulator/workspace';

/** JavaScript's own globals (and Object.prototype's methods): functions, but not the script's. */
const BUILTINS: ReadonlySet<string> = new Set(
  vm.runInNewContext('[...Object.getOwnPropertyNames(globalThis), ...Object.getOwnPropertyNames(Object.prototype)]'),
);

export function notFound(fn: string): string {
  return `Script function not found: ${fn}`;
}

/**
 * Why `fn` may not be called from the client, or null when it may. Names ending in "_" are private
 * in Apps Script; builtins like `eval` or `constructor` are not the script's functions. Whether the
 * script defines `fn` at all is decided when it runs (the same message).
 */
export function refuseFunctionName(fn: unknown): string | null {
  if (typeof fn !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(fn)) return notFound(String(fn));
  if (fn.endsWith('_') || BUILTINS.has(fn)) return notFound(fn);
  return null;
}

/**
 * The sidebar's API (ServerApi of src/contract/serverApi.ts): what google.script.run is for. Typed against the
 * contract, so a function added there without being added here does not compile.
 */
const SIDEBAR_API: Record<keyof ServerApi, true> = {
  getMyPair: true,
  getSetupDefaults: true,
  setupSchoolYear: true,
  getProgress: true,
  setupQuestionnaires: true,
  getFormLinks: true,
  sendFormLinks: true,
  proposePairs: true,
  savePairs: true,
  keepPairingDraft: true,
  discardPairingDraft: true,
  getDocumentsView: true,
  previewDocuments: true,
  generateDocuments: true,
  continueDocuments: true,
  listProgramPairs: true,
  getProgramDraft: true,
  saveProgram: true,
  getYearView: true,
  sendMonitoringLinks: true,
  sendMeetingLinks: true,
  prepareNews: true,
  addPractice: true,
  getDistrictExport: true,
  getCheckin: true,
  sendCheckinLinks: true,
  dissolvePair: true,
  sendChoiceLinks: true,
};

/** Functions Apps Script calls by their names as simple triggers (developers.google.com/apps-script/guides/triggers). */
const SIMPLE_TRIGGERS: ReadonlySet<string> = new Set([
  'onOpen',
  'onEdit',
  'onInstall',
  'onSelectionChange',
  'doGet',
  'doPost',
]);

/**
 * Why the page may not run the script's function `fn`, or null when it may: the sidebar's API and the
 * add-on menu's functions only. Stricter than Apps Script, where google.script.run reaches every global
 * function: a trigger entry point called without its event only fails with a raw TypeError, so the
 * local server refuses it (403) with this message. `triggerHandlers`: handlers of installed triggers.
 */
export function refuseOutsideApi(
  fn: string,
  menuFns: readonly string[],
  triggerHandlers: readonly string[],
): string | null {
  if (Object.prototype.hasOwnProperty.call(SIDEBAR_API, fn) || menuFns.includes(fn)) return null;
  if (SIMPLE_TRIGGERS.has(fn) || triggerHandlers.includes(fn)) {
    return (
      `Функцию ${fn} нельзя вызвать из боковой панели: это обработчик триггера, его запускает Google ` +
      `(при открытии или правке таблицы, ответе на форму, по расписанию). / ${fn} is a trigger entry point, ` +
      `not callable through google.script.run.`
    );
  }
  return (
    `Функцию ${fn} нельзя вызвать из боковой панели: её нет ни в API боковой панели, ни в меню надстройки. / ` +
    `${fn} is not part of the sidebar or menu API.`
  );
}

export { CIRCULAR };

export type Serialized = Transported;

/** A server function's return value as the client's success handler receives it. */
export function serializeResult(value: unknown): Serialized {
  return transported(value, 'result');
}

/** An error thrown by the script (any realm) as the failure handler receives it. */
export function errorOf(e: unknown): { name: string; message: string } {
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: typeof err.name === 'string' ? err.name : 'Error', message: String(err.message) };
  }
  return { name: 'Error', message: String(e) };
}

export type ClientOutcome = { ok: true; result: unknown } | { ok: false; error: { name: string; message: string } };

/** Runs `fn(...args)` of the add-on as the active user (one execution) and serializes the result. */
export function runForClient(ws: Pick<Workspace, 'run'>, fn: unknown, args: unknown): ClientOutcome {
  const refused = refuseFunctionName(fn);
  if (refused) return { ok: false, error: { name: 'Error', message: refused } };
  if (!Array.isArray(args)) return { ok: false, error: { name: 'Error', message: 'args must be an array' } };
  let value: unknown;
  try {
    value = ws.run(fn as string, ...args);
  } catch (e) {
    return { ok: false, error: errorOf(e) };
  }
  const s = serializeResult(value);
  return s.ok ? { ok: true, result: s.value } : { ok: false, error: { name: 'Error', message: s.message } };
}
