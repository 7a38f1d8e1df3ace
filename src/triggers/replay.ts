import { readFiled, writeFiled } from '../forms/filed';
import { refileQuestionnaires } from './filing';
import { readRegistry } from '../forms/registry';

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
 * «Обработать ответы заново»: every response of every questionnaire, in time order, through the
 * trigger's own filing (filing.ts) — for when the trigger was missing or a bank was damaged.
 * Idempotent: responses already in a bank change nothing. Call it under the add-on's lock.
 */
export function replayResponses(ss: Spreadsheet): ReplayResult {
  const state = readFiled();
  const { outcomes, problems } = refileQuestionnaires(ss, readRegistry(), state);
  writeFiled(state);
  const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
  return {
    processed: outcomes.length,
    added: count('added'),
    updated: count('updated'),
    noConsent: count('noConsent'),
    withdrawn: count('withdrawn'),
    problems,
  };
}
