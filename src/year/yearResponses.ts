/**
 * Answers to the forms of the year's work, filed by the one form-submit trigger under its lock
 * (triggers/filing.ts, which marks «Сводка» stale afterwards): «Отчёт о встрече» → «Встречи» (and the
 * program activity it covers becomes done), the monitoring forms → «Мониторинг — ответы» and
 * «Мониторинг». The same rules as the questionnaires: consent, one row per person and pair (a repeated
 * answer replaces it), hostile text kept harmless.
 */
import {
  parseMeetingReport,
  parseMonitoring,
  pairIdFromChoice,
  type MonitoringLookup,
  type MonitoringPerson,
} from '../domain/monitoring';
import { YEAR_FORM_KEYS, type YearFormKey } from '../domain/monitoring/types';
import { normalizeEmail, WITHDRAWN_STATUS, type BankEntry } from '../domain/questionnaires';
import type { FormEntry, RegistryKey } from '../forms/registry';
import { NO_CONSENT_MARK, readAnswers, readResponseRow, removeAnswers, type ResponseColumns } from '../forms/responses';
import { deleteStoredResponse } from '../forms/storedResponses';
import { formatRuDate } from '../domain/dates';
import { isoDayReader } from '../sheets/cells';
import { logAction } from '../sheets/logSheet';
import { parsePractice } from '../domain/events/practiceForm';
import { putMeeting } from '../sheets/meetingsSheet';
import { putProposedPractice } from '../sheets/practicesSheet';
import { putMonitoringRecord } from '../sheets/monitoringAnswersSheet';
import { writeMonitoringSheet } from '../sheets/monitoringSheet';
import { markProgramActivityDone } from '../sheets/programsSheet';
import { currentPeriod, markActivitiesStarted } from '../sheets/roadmapSheet';
import { refreshPrograms } from '../programs/refreshPrograms';
import { confirmedPairs, loadYearData, monitoringSummary, type YearData } from './yearData';
import { yearForms } from './yearForms';
import { fileCheckin } from './checkin';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function isYearFormKey(key: RegistryKey): key is YearFormKey {
  return (YEAR_FORM_KEYS as readonly string[]).includes(key);
}

/** The banks and pairs as the parsers ask them; a person in both banks answers in the form's role. */
function lookupFor(data: YearData, preferMentor: boolean): MonitoringLookup {
  const byEmail = new Map<string, BankEntry[]>();
  for (const e of data.people.values()) {
    if (e.status === WITHDRAWN_STATUS || !e.consentAt) continue;
    const key = normalizeEmail(e.email);
    byEmail.set(key, [...(byEmail.get(key) ?? []), e]);
  }
  const pairs = confirmedPairs(data);
  return {
    personIdByEmail(email: string): MonitoringPerson | null {
      const found = byEmail.get(normalizeEmail(email)) ?? [];
      const e = found.find((p) => (p.kind === 'mentor') === preferMentor) ?? found[0];
      if (!e) return null;
      return { id: e.id, role: e.kind, requests: e.kind === 'mentee' ? e.requests : [] };
    },
    pairIdOfChoice: pairIdFromChoice,
    pairsOf(personId: string): string[] {
      return pairs.filter((p) => p.mentorId === personId || p.menteeIds.includes(personId)).map((p) => p.id);
    },
  };
}

/** An answer without consent: its row is emptied and Google Forms' own copy deleted. */
function removeWithoutConsent(
  sheet: Sheet,
  rowNumber: number,
  row: unknown[],
  columns: ResponseColumns,
  entry: FormEntry,
): void {
  removeAnswers(sheet, rowNumber, row, columns.email);
  deleteStoredResponse(entry, String(row[columns.email] ?? ''), row[columns.timestamp]);
}

export function handleYearResponse(
  ss: Spreadsheet,
  key: YearFormKey,
  sheet: Sheet,
  rowNumber: number,
  entry: FormEntry,
): void {
  const forms = yearForms(ss);
  const def = forms[key];
  const response = readResponseRow(ss, sheet, rowNumber, def, entry);
  if (!response) return;
  const { columns, row } = response;
  if (row[columns.email] === NO_CONSENT_MARK) return;
  const { answers, meta } = readAnswers(columns, row, isoDayReader(ss.getSpreadsheetTimeZone()));
  if (key === 'checkin') {
    fileCheckin(ss, forms.checkin, answers, meta, `Строка ${rowNumber} листа «${sheet.getName()}»`);
    return;
  }
  if (key === 'practice') {
    const parsed = parsePractice(forms.practice, answers);
    if (!parsed.ok) {
      if (parsed.reason === 'noConsent') removeWithoutConsent(sheet, rowNumber, row, columns, entry);
      logAction(ss, `Ошибка: ${def.title}`, `${parsed.message}. Строка ${rowNumber} листа «${sheet.getName()}».`);
      return;
    }
    const id = putProposedPractice(ss, parsed.practice);
    logAction(ss, 'Методическая копилка', `Предложена практика ${id} (через форму).`);
    return;
  }
  const data = loadYearData(ss);
  if (key === 'meetingReport') {
    const parsed = parseMeetingReport(def, answers, meta, lookupFor(data, true));
    if (!parsed.ok) {
      logAction(
        ss,
        `Ошибка: ${def.title}`,
        `${parsed.message}. Ответ в строке ${rowNumber} листа «${sheet.getName()}» не учтён.`,
      );
      return;
    }
    const m = parsed.record;
    const added = putMeeting(ss, m);
    const covered = markProgramActivityDone(ss, {
      pairId: m.pairId,
      activityId: m.activityId,
      doneOn: m.date,
      evidence: `Отчёт о встрече ${formatRuDate(m.date)}`,
    });
    if (covered) refreshPrograms(ss);
    const activity = m.activityId
      ? covered
        ? `, мероприятие ${m.activityId} отмечено выполненным`
        : `, мероприятия ${m.activityId} в программе пары нет`
      : '';
    // A report processed again (a repeated trigger) is no new meeting: «Журнал» counts what «Встречи» holds.
    const verb = added ? 'записана' : 'пришла повторно, её строка обновлена';
    logAction(ss, 'Отчёт о встрече', `Пара ${m.pairId}: встреча ${formatRuDate(m.date)} ${verb}${activity}.`);
  } else {
    const parsed = parseMonitoring(def, answers, meta, lookupFor(data, key === 'monitoringMentor'));
    if (!parsed.ok) {
      if (parsed.reason === 'noConsent') removeWithoutConsent(sheet, rowNumber, row, columns, entry);
      logAction(ss, `Ошибка: ${def.title}`, `${parsed.message}. Строка ${rowNumber} листа «${sheet.getName()}».`);
      return;
    }
    const r = parsed.record;
    const added = putMonitoringRecord(ss, r, currentPeriod() ?? '');
    markActivitiesStarted(ss, ['6.1']);
    // The sheet now holds what was read plus this answer (in place of the person's earlier one).
    data.records = [...data.records.filter((x) => x.personId !== r.personId || x.pairId !== r.pairId), r];
    writeMonitoringSheet(ss, monitoringSummary(data), data.today);
    logAction(ss, def.title, `Пара ${r.pairId}: ответ ${added ? 'сохранён' : 'обновлён'}.`);
  }
}
