import { removeDraftsOf } from '../docs/withdrawal';
import { schoolForms } from './definitions';
import { FORM_KEYS, WITHDRAWN_NAME, type FormKey } from '../domain/questionnaires';
import { anonymizeInPairs } from '../sheets/pairsSheet';
import { readRegistry } from './registry';
import {
  currentTitles,
  mapResponseColumns,
  NO_CONSENT_MARK,
  removeAnswers,
  ResponseProcessor,
  scrubResponses,
  sheetById,
} from './responses';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReplayResult {
  processed: number;
  added: number;
  updated: number;
  noConsent: number;
  withdrawn: number;
  /** Russian problems: a missing response sheet, a question not found. */
  problems: string[];
}

/**
 * «Обработать ответы заново»: every response of every questionnaire, in time order, through the same
 * processing as the trigger — for when the trigger was missing or a bank was damaged. Idempotent:
 * responses already in a bank change nothing. Each sheet is read once and each bank written once.
 */
export function replayResponses(ss: Spreadsheet): ReplayResult {
  const registry = readRegistry();
  const forms = schoolForms(ss);
  const result: ReplayResult = { processed: 0, added: 0, updated: 0, noConsent: 0, withdrawn: 0, problems: [] };
  const queue: Array<{ key: FormKey; at: number; rowNumber: number; row: unknown[] }> = [];
  const contexts: Partial<
    Record<
      FormKey,
      { sheet: GoogleAppsScript.Spreadsheet.Sheet; columns: ReturnType<typeof mapResponseColumns>['columns'] }
    >
  > = {};
  for (const key of FORM_KEYS) {
    const entry = registry[key];
    if (!entry) continue;
    const sheet = entry.sheetId === null ? null : sheetById(ss, entry.sheetId);
    if (!sheet) {
      result.problems.push(`Не найден лист ответов анкеты «${forms[key].title}».`);
      continue;
    }
    const values = sheet.getDataRange().getValues();
    const { columns, missing } = mapResponseColumns(values[0], forms[key], currentTitles(entry));
    if (missing.length > 0) {
      result.problems.push(`Анкета «${forms[key].title}»: в листе ответов не найдены вопросы: ${missing.join('; ')}.`);
      continue;
    }
    contexts[key] = { sheet, columns };
    values.slice(1).forEach((row, i) => {
      if (row[columns.email] === NO_CONSENT_MARK || row.every((cell, c) => c === 0 || cell === '')) return;
      const at = Object.prototype.toString.call(row[0]) === '[object Date]' ? (row[0] as Date).getTime() : 0;
      queue.push({ key, at, rowNumber: i + 2, row });
    });
  }
  queue.sort((a, b) => a.at - b.at);
  const processor = new ResponseProcessor(ss, new Date().toISOString());
  const withdrawn: string[] = [];
  for (const item of queue) {
    const { sheet, columns } = contexts[item.key]!;
    const outcome = processor.process(item.key, forms[item.key], columns, item.row);
    result.processed++;
    if (outcome === 'added') result.added++;
    if (outcome === 'updated') result.updated++;
    if (outcome === 'noConsent') {
      result.noConsent++;
      removeAnswers(sheet, item.rowNumber, item.row, columns.email);
    }
    if (outcome === 'withdrawn') {
      result.withdrawn++;
      withdrawn.push(String(item.row[columns.email]));
    }
  }
  processor.flush();
  for (const email of withdrawn) scrubResponses(ss, registry, email);
  anonymizeInPairs(ss, processor.withdrawnIds, WITHDRAWN_NAME);
  removeDraftsOf(ss, processor.withdrawnIds, WITHDRAWN_NAME);
  return result;
}
