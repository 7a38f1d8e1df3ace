import { removeDraftsOf } from '../docs/withdrawal';
import { WITHDRAWN_NAME } from '../domain/questionnaires';
import { scrubMonitoringRecords } from '../sheets/monitoringAnswersSheet';
import { anonymizeInPairs } from '../sheets/pairsSheet';
import { scrubReminderLog } from '../sheets/reminderLogSheet';
import { markActivitiesStarted } from '../sheets/roadmapSheet';
import { SHEETS } from '../sheets/schema';
import { refreshSummary } from '../ui/progress';
import { schoolForms } from './definitions';
import { handleYearResponse, isYearFormKey } from '../year/yearResponses';
import { readRegistry, formKeyOfSheet, type FormKey } from './registry';
import {
  logOutcome,
  NO_CONSENT_MARK,
  readResponseRow,
  removeAnswers,
  ResponseProcessor,
  scrubResponses,
  type Outcome,
} from './responses';

/** Roadmap activities a first answer starts: stage 2 for mentees, stage 3 for mentors. */
const STARTS: Partial<Record<FormKey, string[]>> = { mentee: ['2.1', '2.2'], mentor: ['3.1', '3.2'] };

/**
 * The one installable form-submit trigger of the spreadsheet, for every questionnaire: finds the
 * questionnaire by the response sheet, maps the row by question, and files it into its bank under
 * the document lock. Processing the same response twice changes nothing.
 */
export function handleFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const lock = LockService.getDocumentLock();
  lock.waitLock(30000);
  try {
    const sheet = e.range.getSheet();
    const ss = sheet.getParent();
    const registry = readRegistry();
    const found = formKeyOfSheet(registry, sheet.getSheetId());
    if (!found) return;
    if (isYearFormKey(found)) {
      handleYearResponse(ss, found, sheet, e.range.getRow(), registry[found]!);
      return;
    }
    const key: FormKey = found;
    const def = schoolForms(ss)[key];
    const rowNumber = e.range.getRow();
    const response = readResponseRow(ss, sheet, rowNumber, def, registry[key]!);
    if (!response) return;
    const { columns, row } = response;
    const processor = new ResponseProcessor(ss, new Date().toISOString());
    const outcome: Outcome = processor.process(key, def, columns, row);
    processor.flush();
    if (outcome === 'noConsent' && row[columns.email] !== NO_CONSENT_MARK)
      removeAnswers(sheet, rowNumber, row, columns.email);
    if (outcome === 'withdrawn') {
      scrubResponses(ss, registry, String(row[columns.email]));
      anonymizeInPairs(ss, processor.withdrawnIds, WITHDRAWN_NAME);
      removeDraftsOf(ss, processor.withdrawnIds, WITHDRAWN_NAME);
      scrubMonitoringRecords(ss, processor.withdrawnIds);
      scrubReminderLog(ss, String(row[columns.email]));
    }
    if (outcome === 'added' && STARTS[key]) markActivitiesStarted(ss, STARTS[key]!);
    if (outcome !== 'unchanged') logOutcome(ss, def.title, outcome);
    if (ss.getSheetByName(SHEETS.roadmap)) refreshSummary(ss);
  } finally {
    lock.releaseLock();
  }
}
