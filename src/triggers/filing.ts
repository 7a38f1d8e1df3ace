/**
 * Files every answer not filed yet (filed.ts): the questionnaires' into the banks, in time order
 * across forms, each bank read and written once; the year's forms' into their sheets. Called only
 * with the document lock held. Idempotent: an answer filed twice changes nothing. «Обработать ответы
 * заново» files every questionnaire answer again the same way.
 */
import { FORM_KEYS, normalizeEmail, type FormKey, type ResolvedFormDefinition } from '../domain/questionnaires';
import { logAction } from '../sheets/logSheet';
import { scrubReminderLog } from '../sheets/reminderLogSheet';
import { markActivitiesStarted } from '../sheets/roadmapSheet';
import { handleYearResponse, isYearFormKey } from '../year/yearResponses';
import { handleChoiceResponse } from '../choice/mentorChoice';
import { CHOICE_FORM_KEY } from '../domain/matching/choiceForm';
import { schoolForms } from '../questionnaires/definitions';
import type { FiledState } from '../forms/filed';
import { REGISTRY_KEYS, type FormEntry, type FormRegistry, type RegistryKey } from '../forms/registry';
import { deleteStoredResponse, deleteStoredResponsesOf } from '../forms/storedResponses';
import { eraseWithdrawn } from '../withdrawal/eraseWithdrawn';
import {
  currentTitles,
  logOutcomes,
  mapResponseColumns,
  NO_CONSENT_MARK,
  removeAnswers,
  ResponseProcessor,
  scrubResponses,
  sheetById,
  WITHDRAWN_MARK,
  type Outcome,
  type ResponseColumns,
} from '../forms/responses';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Roadmap activities a first answer starts: stage 2 for mentees, stage 3 for mentors. */
const STARTS: Partial<Record<FormKey, string[]>> = { mentee: ['2.1', '2.2'], mentor: ['3.1', '3.2'] };

/** A questionnaire's definition and where its answers are, worked out before taking the lock. */
export interface PreparedForm {
  def: ResolvedFormDefinition;
  columns: ResponseColumns;
  /** Required questions missing from the response sheet (then nothing of it can be filed). */
  missing: string[];
  /** How many columns the response sheet's header has. */
  width: number;
}

/**
 * Maps the response sheet's header to the questions, by the titles the registry remembers (the form's
 * own titles are read from FormApp, and remembered in `entry`, only when one of them is not in the
 * header: staff renamed a question). The header is read as the whole first row, so its width comes
 * with it.
 */
export function prepareQuestionnaire(entry: FormEntry, def: ResolvedFormDefinition, sheet: Sheet): PreparedForm {
  const row = sheet.getRange('1:1').getValues()[0];
  let width = row.length;
  while (width > 1 && row[width - 1] === '') width--;
  const header = row.slice(0, width);
  let mapped = mapResponseColumns(header, def, entry.titles ?? {});
  if (def.questions.some((q) => mapped.columns.questions[q.key] === undefined)) {
    const titles = currentTitles(entry);
    mapped = mapResponseColumns(header, def, titles);
    if (Object.keys(titles).length > 0) entry.titles = titles;
  }
  return { def, columns: mapped.columns, missing: mapped.missing, width };
}

export interface FilingResult {
  /** Response rows looked at. */
  rows: number;
  /** Whether a bank or a sheet of the year's work changed (then «Сводка» is stale). */
  changed: boolean;
}

interface Pending {
  key: RegistryKey;
  sheet: Sheet;
  from: number;
  to: number;
}

/** Forms filed row by row (not into a bank): the year's work and «Выбор наставника». */
export const isRowForm = (key: RegistryKey): boolean => isYearFormKey(key) || key === CHOICE_FORM_KEY;

export type SheetsById = Map<number, Sheet>;

/** Every sheet by id from one listing (a lookup per form would list the sheets each time). */
export function sheetsById(ss: Spreadsheet): SheetsById {
  return new Map(ss.getSheets().map((s) => [s.getSheetId(), s]));
}

/** A form's response sheet and, when the caller read it already, its last row. */
export interface ToCheck {
  sheet: Sheet;
  lastRow?: number;
}

/**
 * Files the rows below the marks of the forms in `check` and moves their marks (in `state`; the
 * caller saves it). `prepared` holds questionnaires already prepared; others are prepared here.
 */
export function filePending(
  ss: Spreadsheet,
  registry: FormRegistry,
  state: FiledState,
  prepared: Map<RegistryKey, PreparedForm>,
  check: Partial<Record<RegistryKey, ToCheck>>,
  forms: () => Record<FormKey, ResolvedFormDefinition>,
): FilingResult {
  const pending: Pending[] = [];
  for (const key of REGISTRY_KEYS) {
    const form = check[key];
    if (!form || !registry[key]) continue;
    // A questionnaire without a mark (made before marks were kept) is filed whole: that is idempotent.
    const last = form.lastRow ?? form.sheet.getLastRow();
    const mark = state.rows[key] ?? (isRowForm(key) ? last : 1);
    if (last > mark) pending.push({ key, sheet: form.sheet, from: mark + 1, to: last });
    state.rows[key] = Math.max(mark, last);
  }
  const result: FilingResult = { rows: 0, changed: false };
  const questionnaires = pending.filter((p) => !isRowForm(p.key));
  if (questionnaires.length > 0) {
    const { problems } = fileQuestionnaires(ss, registry, questionnaires, prepared, result, forms, state);
    for (const problem of problems) logAction(ss, 'Ошибка: обработка ответов', problem);
  }
  for (const p of pending.filter((x) => isRowForm(x.key))) {
    for (let row = p.from; row <= p.to; row++) {
      if (p.key === CHOICE_FORM_KEY) handleChoiceResponse(ss, p.sheet, row, registry[p.key]!);
      else
        handleYearResponse(
          ss,
          p.key as Exclude<RegistryKey, FormKey | typeof CHOICE_FORM_KEY>,
          p.sheet,
          row,
          registry[p.key]!,
        );
      result.rows++;
      result.changed = true;
    }
  }
  return result;
}

/** What filing questionnaires did: every answer's outcome, and what could not be read (Russian). */
export interface QuestionnaireFiling {
  outcomes: Outcome[];
  problems: string[];
}

function fileQuestionnaires(
  ss: Spreadsheet,
  registry: FormRegistry,
  pending: Pending[],
  prepared: Map<RegistryKey, PreparedForm>,
  result: FilingResult,
  definitions: () => Record<FormKey, ResolvedFormDefinition>,
  /** The trigger's state: activities a first answer started are not looked at again. Null: always. */
  filed: FiledState | null = null,
): QuestionnaireFiling {
  const problems: string[] = [];
  let forms: Record<FormKey, ResolvedFormDefinition> | null = null;
  const queue: Array<{ key: FormKey; p: Pending; form: PreparedForm; rowNumber: number; row: unknown[]; at: number }> =
    [];
  for (const p of pending) {
    const key = p.key as FormKey;
    const form = prepared.get(key) ?? prepareQuestionnaire(registry[key]!, (forms ??= definitions())[key], p.sheet);
    if (form.missing.length > 0) {
      problems.push(
        `Анкета «${form.def.title}»: в листе «${p.sheet.getName()}» не найдены вопросы: ${form.missing.join('; ')}. ` +
          `Ответы в строках ${p.from}–${p.to} не учтены: верните заголовки столбцов или обновите анкеты, ` +
          `затем выберите «Обработать ответы заново».`,
      );
      continue;
    }
    const width = Math.max(form.width, 1);
    const values = p.sheet.getRange(p.from, 1, p.to - p.from + 1, width).getValues();
    values.forEach((row, i) => {
      result.rows++;
      const email = row[form.columns.email];
      if (email === NO_CONSENT_MARK || email === WITHDRAWN_MARK) return;
      if (row.every((cell, c) => c === 0 || cell === '')) return;
      const at = Object.prototype.toString.call(row[0]) === '[object Date]' ? (row[0] as Date).getTime() : 0;
      queue.push({ key, p, form, rowNumber: p.from + i, row, at });
    });
  }
  // In time order across the forms: a withdrawal after the answer it withdraws.
  queue.sort((a, b) => a.at - b.at);
  const processor = new ResponseProcessor(ss, new Date().toISOString());
  const outcomes = new Map<FormKey, Outcome[]>();
  const withdrawn: string[] = [];
  for (const item of queue) processor.relink(item.key, item.form.def, item.form.columns, item.row);
  for (const item of queue) {
    const outcome = processor.process(item.key, item.form.def, item.form.columns, item.row);
    outcomes.set(item.key, [...(outcomes.get(item.key) ?? []), outcome]);
    if (outcome === 'noConsent') {
      removeAnswers(item.p.sheet, item.rowNumber, item.row, item.form.columns.email);
      // Google Forms keeps its own copy of the answer: it goes too.
      deleteStoredResponse(registry[item.key]!, String(item.row[item.form.columns.email] ?? ''), item.row[0]);
    }
    if (outcome === 'invalid') {
      problems.push(
        `Анкета «${item.form.def.title}»: ответ в строке ${item.rowNumber} листа «${item.p.sheet.getName()}» не учтён — ` +
          `${processor.lastProblem.replace(/\.$/, '')}. Попросите педагога заполнить анкету заново.`,
      );
    }
    if (outcome === 'withdrawn') withdrawn.push(String(item.row[item.form.columns.email]));
    if (outcome !== 'unchanged') result.changed = true;
  }
  processor.flush();
  // A withdrawal of someone not in the banks still clears their answers and reminders.
  const known = new Set(processor.withdrawn.map((p) => normalizeEmail(p.email)));
  for (const email of withdrawn.filter((e) => !known.has(normalizeEmail(e)))) {
    scrubResponses(ss, registry, email);
    scrubReminderLog(ss, email);
    deleteStoredResponsesOf(registry, [email], []);
  }
  if (processor.withdrawn.length > 0) {
    eraseWithdrawn(ss, registry, processor.withdrawn, [processor.bank('mentee'), processor.bank('mentor')]);
  }
  for (const [key, list] of outcomes) {
    if (list.includes('added') && STARTS[key] && !filed?.started?.includes(key)) {
      markActivitiesStarted(ss, STARTS[key]!);
      // Once started they stay so for the add-on (it never moves them back): no roadmap read per answer.
      if (filed) filed.started = [...(filed.started ?? []), key];
    }
    const def = queue.find((q) => q.key === key)!.form.def;
    logOutcomes(ss, def.title, list);
  }
  return { outcomes: [...outcomes.values()].flat(), problems };
}

/**
 * «Обработать ответы заново»: every answer of every questionnaire, from the first row, through the same
 * filing as the trigger (idempotent: answers already in a bank change nothing); the marks move to the
 * last rows. For when the trigger was missing or a bank was damaged.
 */
export function refileQuestionnaires(ss: Spreadsheet, registry: FormRegistry, state: FiledState): QuestionnaireFiling {
  const forms = schoolForms(ss);
  const pending: Pending[] = [];
  const missing: string[] = [];
  for (const key of FORM_KEYS) {
    const entry = registry[key];
    if (!entry) continue;
    const sheet = entry.sheetId === null ? null : sheetById(ss, entry.sheetId);
    if (!sheet) {
      missing.push(`Не найден лист ответов анкеты «${forms[key].title}».`);
      continue;
    }
    const last = sheet.getLastRow();
    if (last > 1) pending.push({ key, sheet, from: 2, to: last });
    state.rows[key] = Math.max(last, 1);
  }
  // The replay records what it started, as the trigger does, so the next answer does not read the roadmap.
  const filing = fileQuestionnaires(ss, registry, pending, new Map(), { rows: 0, changed: false }, () => forms, state);
  return { outcomes: filing.outcomes, problems: [...missing, ...filing.problems] };
}
