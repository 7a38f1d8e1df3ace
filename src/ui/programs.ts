/** The «Программы» sidebar API: list the pairs, open a program or a fresh draft, save it in one call. */
import { dayProblem, formatRuDate, isIsoDay } from '../domain/dates';
import { ACTIVITY_KINDS, buildProgramDraft } from '../domain/programs';
import { WITHDRAWN_STATUS } from '../domain/questionnaires';
import { defaultStartYear, resolveSpan, SEED_START_YEAR } from '../domain/roadmap';
import { Bank } from '../sheets/banks';
import { todayIso } from '../sheets/cells';
import { logAction } from '../sheets/logSheet';
import { isWorkingPair, readPairs, type PairRow } from '../sheets/pairsSheet';
import {
  readProgramRows,
  readProgramTexts,
  writeProgram,
  writeProgramTexts,
  DONE,
  PROGRAM_COLUMNS,
  type ProgramRow,
} from '../sheets/programsSheet';
import { roadmapStartYear } from '../sheets/roadmapSheet';
import { readSettings } from '../sheets/settings';
import type {
  ActivityStatus,
  ProgramActivity,
  ProgramDraft,
  ProgramPairView,
  SaveProgramRequest,
  SaveProgramResult,
} from '../contract/serverApi';
import { pairIdSchema, saveProgramRequestSchema } from '../contract/requests';
import { UserError } from '../domain/userError';
import { programFigures, refreshPrograms } from '../programs/refreshPrograms';
import { parseRequest } from '../contract/validate';
import { addonLock, takeLock } from '../state/lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_ACTIVITIES = 60;
const MAX_TEXT = 300;

export const programIdOf = (pairId: string) => `ПР-${pairId}`;

/** The mentoring year of the roadmap's period (1 September – 31 May), ISO days. */
function mentoringYear(ss: Spreadsheet): { start: string; end: string } {
  const stored = roadmapStartYear();
  const startYear = stored || defaultStartYear(todayIso(ss.getSpreadsheetTimeZone()));
  return resolveSpan({ kind: 'schoolYear' }, SEED_START_YEAR, startYear);
}

export function listProgramPairs(): ProgramPairView[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const figures = programFigures(readProgramRows(ss), todayIso(ss.getSpreadsheetTimeZone()));
  return readPairs(ss)
    .filter((p) => isWorkingPair(p.status) && p.id)
    .map((p) => ({
      pairId: p.id,
      kind: p.kind,
      mentorName: p.mentorName,
      menteeNames: p.menteeNames,
      programId: figures.has(p.id) ? programIdOf(p.id) : '',
      progress: figures.get(p.id)?.progress ?? null,
      overdue: figures.get(p.id)?.overdue ?? 0,
    }));
}

function confirmedPair(ss: Spreadsheet, sent: unknown): PairRow {
  const pairId = parseRequest(pairIdSchema, sent);
  const pair = readPairs(ss).find((p) => p.id === pairId);
  if (!pair) throw new UserError(`Пары «${pairId}» нет на листе «Пары и группы».`);
  if (!isWorkingPair(pair.status)) {
    throw new UserError(`Пара «${pairId}» не утверждена: программа составляется для утверждённых пар (групп).`);
  }
  return pair;
}

function responsibleOptions(ss: Spreadsheet, pair: PairRow): string[] {
  const s = readSettings(ss);
  const names = [pair.mentorName, ...pair.menteeNames, s.curator, s.methodologist, s.psychologist];
  return [...new Set(names.filter((n): n is string => !!n && n.trim() !== ''))];
}

export function getProgramDraft(pairId: string): ProgramDraft {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const pair = confirmedPair(ss, pairId);
  const period = mentoringYear(ss);
  const programId = programIdOf(pair.id);
  const rows = readProgramRows(ss).filter((r) => r.programId === programId && !r.archived);
  const mentees = Bank.open(ss, 'mentee')
    .entries()
    .filter((e) => pair.menteeIds.includes(e.id) && e.status !== WITHDRAWN_STATUS);
  const requests = [
    ...new Map(
      mentees.flatMap((e) => (e.kind === 'mentee' ? e.requests : [])).map((r) => [r.trim().toLowerCase(), r.trim()]),
    ).values(),
  ].filter(Boolean);
  const base = {
    pairId: pair.id,
    mentorName: pair.mentorName,
    menteeNames: pair.menteeNames,
    requests,
    period,
    activityKinds: [...ACTIVITY_KINDS],
    responsibleOptions: responsibleOptions(ss, pair),
  };
  if (rows.length > 0) {
    const texts = readProgramTexts(programId);
    const activities: ProgramActivity[] = rows.map((r) => ({
      id: r.id,
      date: r.date,
      title: r.title,
      kind: r.kind,
      competence: r.competence,
      expectedResult: r.expectedResult,
      reporting: r.reporting,
      responsible: r.responsible,
      status: r.status,
    }));
    return { ...base, programId, goals: texts.goals, tasks: texts.tasks, activities, saved: true };
  }
  const draft = buildProgramDraft({
    requests,
    mentorName: pair.mentorName,
    menteeNames: pair.menteeNames,
    start: period.start,
    end: period.end,
    today: todayIso(ss.getSpreadsheetTimeZone()),
  });
  return { ...base, programId: '', ...draft, saved: false };
}

function text(value: unknown, what: string, max = MAX_TEXT): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new UserError(`${what}: ожидается текст.`);
  const clean = value.replace(/\s+/g, ' ').trim();
  if (clean.length > max) throw new UserError(`${what}: не больше ${max} символов.`);
  return clean;
}

function checkActivities(value: unknown, period: { start: string; end: string }, done: number): ProgramActivity[] {
  if (!Array.isArray(value)) throw new UserError('Список мероприятий программы не передан.');
  if (value.length + done === 0) throw new UserError('В программе нет ни одного мероприятия.');
  if (value.length + done > MAX_ACTIVITIES) {
    throw new UserError(`В программе не больше ${MAX_ACTIVITIES} мероприятий.`);
  }
  return value.map((raw, i) => {
    const a = (raw ?? {}) as Record<string, unknown>;
    const n = `Мероприятие ${i + 1}`;
    const title = text(a.title, n);
    if (!title) throw new UserError(`${n}: не заполнено название.`);
    const date = typeof a.date === 'string' ? a.date.trim() : '';
    const problem = dayProblem(typeof a.date === 'string' || typeof a.date === 'number' ? String(a.date) : '');
    if (problem || !isIsoDay(date))
      throw new UserError(`${n} («${title}»), поле «Дата»: ${problem || 'выберите дату в календаре'}.`);
    if (date < period.start || date > period.end) {
      throw new UserError(
        `${n} («${title}»), поле «Дата»: дата должна быть в пределах ${formatRuDate(period.start)} – ${formatRuDate(period.end)}.`,
      );
    }
    return {
      id: text(a.id, n, 20),
      date,
      title,
      kind: text(a.kind, n, 100) || 'Другое',
      competence: text(a.competence, n),
      expectedResult: text(a.expectedResult, n),
      reporting: text(a.reporting, n),
      responsible: text(a.responsible, n),
      status: 'запланировано' as ActivityStatus,
    };
  });
}

export function saveProgram(request: SaveProgramRequest): SaveProgramResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { pairId, goals, tasks, activities: sentActivities } = parseRequest(saveProgramRequestSchema, request);
  const pair = confirmedPair(ss, pairId);
  const lock = addonLock();
  if (!takeLock(lock, 30000))
    throw new UserError('Программу сейчас сохраняет другой пользователь. Повторите через минуту.');
  try {
    const programId = programIdOf(pair.id);
    const existing = readProgramRows(ss).filter((row) => row.programId === programId);
    // Done activities are history: kept as the sheet has them, whatever the sidebar sends.
    const done = existing.filter((e) => e.status === DONE);
    const doneIds = new Set(done.map((e) => e.id));
    // An activity whose «Дата» on the sheet is no real day comes back from the sidebar undated: unless a
    // date was picked for it, its row stays as the sheet has it, so the rest of the program still saves.
    const badOnSheet = new Map(
      existing
        .filter((e) => !doneIds.has(e.id) && e.id && e.badDates?.some((b) => b.column === PROGRAM_COLUMNS.date))
        .map((e) => [e.id, e]),
    );
    const idOf = (a: unknown) => String((a as Record<string, unknown> | null)?.id ?? '');
    const undated = (a: unknown) => {
      const date = (a as Record<string, unknown> | null)?.date;
      return badOnSheet.has(idOf(a)) && (date === undefined || date === null || date === '');
    };
    const sent = Array.isArray(sentActivities) ? sentActivities : [];
    const keptAsIs = sent.filter(undated).map((a) => badOnSheet.get(idOf(a))!);
    const incoming = Array.isArray(sentActivities)
      ? sentActivities.filter((a) => !doneIds.has(idOf(a)) && !undated(a))
      : sentActivities;
    const activities = checkActivities(incoming, mentoringYear(ss), done.length + keptAsIs.length);
    const known = new Set(existing.map((e) => e.id));
    let next = Math.max(0, ...existing.map((e) => Number(/(\d+)$/.exec(e.id)?.[1] ?? 0)));
    const rows: ProgramRow[] = activities.map((a) => ({
      ...a,
      id: a.id && known.has(a.id) && !doneIds.has(a.id) ? a.id : `А-${String(++next).padStart(2, '0')}`,
      programId,
      pairId: pair.id,
      doneOn: '',
      evidence: '',
      archived: false,
    }));
    const all = [...rows, ...done, ...keptAsIs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const badDates = writeProgram(ss, programId, all);
    writeProgramTexts(programId, { goals, tasks });
    refreshPrograms(ss);
    const kept =
      badDates.length > 0
        ? ` Строки с ошибкой в дате оставлены как были — исправьте дату: ${badDates.join('; ')}.`
        : '';
    logAction(ss, 'Программа наставничества', `${programId}: мероприятий ${all.length}.${kept}`);
    return {
      programId,
      activities: all.length,
      message: `Программа ${programId} сохранена: мероприятий — ${all.length}.${kept}`,
    };
  } finally {
    lock.releaseLock();
  }
}
