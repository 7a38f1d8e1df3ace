import {
  assignPairIds,
  CRITERIA,
  matchPeople,
  normalizeWeights,
  WEIGHT_LABELS,
  type MenteeEntry,
  type MentorEntry,
  type Proposal,
} from '../domain/matching';
import { WITHDRAWN_STATUS } from '../domain/questionnaires';
import { defaultStartYear, resolveSpan, SEED_START_YEAR } from '../domain/roadmap';
import { Bank } from '../sheets/banks';
import { isoDayToCell, todayIso } from '../sheets/cells';
import { logAction } from '../sheets/logSheet';
import {
  isWorkingPair,
  openPairs,
  PROPOSED,
  readPairs,
  writePairs,
  type OpenPairs,
  type PairRow,
} from '../sheets/pairsSheet';
import { readChoices } from '../sheets/choicesSheet';
import { markActivitiesAll, roadmapStartYear } from '../sheets/roadmapSheet';
import { markSummaryStale } from '../sheets/summaryFreshness';
import type { PairingRequest, PairingView, SavePairsResult } from '../contract/serverApi';
import { pairingRequestSchema } from '../contract/requests';
import { parseRequest } from '../contract/validate';
import {
  draftSettings,
  dropDraft,
  keepDraft,
  lastIssuedPairNumber,
  markSaved,
  savedSettings,
  setLastIssuedPairNumber,
  type PairingSettings,
} from './pairingDraft';
import { UserError } from './errors';
import { addonLock, takeLock } from '../state/lock';
import { menuPath } from '../domain/addon';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const IN_PAIR = 'в паре';
const IN_BANK = 'в банке';

export interface People {
  banks: { mentee: Bank; mentor: Bank };
  mentees: MenteeEntry[];
  mentors: MentorEntry[];
  names: Map<string, string>;
  confirmed: PairRow[];
  pairs: PairRow[];
  /** «Выбор наставника»: each mentee's ranking, honoured by the engine. */
  choices: Record<string, string[]>;
  /** «Пары и группы» as read for a save, written back without a second read. */
  pairsSheet: OpenPairs | null;
}

/**
 * The banks (withdrawn entries left out) and the pairs sheet, each read once; `forSave` opens the
 * pairs sheet for the rewrite that follows (creating it if need be).
 */
export function readPeople(ss: Spreadsheet, forSave = false): People {
  const banks = { mentee: Bank.open(ss, 'mentee'), mentor: Bank.open(ss, 'mentor') };
  const live = <E extends { status: string }>(entries: E[]) => entries.filter((e) => e.status !== WITHDRAWN_STATUS);
  const mentees = live(banks.mentee.entries()) as MenteeEntry[];
  const mentors = live(banks.mentor.entries()) as MentorEntry[];
  if (mentees.length === 0) {
    throw new UserError(
      `В банке наставляемых пока нет записей. Сначала соберите анкеты: ${menuPath('questionnaires')}.`,
    );
  }
  const names = new Map<string, string>([...mentees, ...mentors].map((e) => [e.id, e.fullName]));
  const pairsSheet = forSave ? openPairs(ss) : null;
  const pairs = pairsSheet ? pairsSheet.rows : readPairs(ss);
  return {
    pairsSheet,
    banks,
    mentees,
    mentors,
    names,
    pairs,
    choices: readChoices(ss),
    confirmed: pairs.filter((p) => isWorkingPair(p.status) && p.mentorId !== ''),
  };
}

/** The request from the sidebar, checked: JSON only, ids as strings, weights as numbers 0–10. */
const checkRequest = (request: unknown): Required<PairingRequest> => parseRequest(pairingRequestSchema, request);

/** The engine's proposal; confirmed pairs and groups are fixed inputs it keeps as they are. */
export function propose(people: People, request: PairingSettings): Proposal {
  return matchPeople({
    mentees: people.mentees,
    mentors: people.mentors,
    weights: request.weights,
    fixed: people.confirmed.map((p) => ({ mentorId: p.mentorId, menteeIds: p.menteeIds })),
    locks: request.locks,
    exclusions: request.exclusions,
    capacityOverrides: request.capacityOverrides,
    choices: people.choices,
  });
}

/** The saved proposals a new unit may continue (their IDs stay: see assignPairIds). */
function savedProposals(people: People) {
  return people.pairs
    .filter((p) => p.status === PROPOSED && p.mentorId !== '')
    .map((p) => ({ id: p.id, mentorId: p.mentorId, menteeIds: p.menteeIds }));
}

/** The IDs the proposal's units have on «Пары и группы» ('' for a unit not saved yet): nothing issued. */
function shownIds(people: People, proposal: Proposal): string[] {
  const open = proposal.units.filter((u) => !u.fixed);
  const { ids } = assignPairIds(open, savedProposals(people), [], 0, false);
  let k = 0;
  return proposal.units.map((u) =>
    u.fixed ? (people.confirmed.find((p) => p.mentorId === u.mentorId)?.id ?? '') : ids[k++],
  );
}

function toView(people: People, proposal: Proposal, request: PairingSettings, draft: boolean): PairingView {
  const name = (id: string) => people.names.get(id) ?? id;
  const weights = normalizeWeights(request.weights);
  const capacity = new Map(people.mentors.map((m) => [m.id, request.capacityOverrides[m.id] ?? m.capacity]));
  const ids = shownIds(people, proposal);
  return {
    weights: CRITERIA.map((key) => ({ key, label: WEIGHT_LABELS[key], value: weights[key] })),
    units: proposal.units.map((u, k) => ({
      pairId: ids[k],
      mentorId: u.mentorId,
      mentorName: name(u.mentorId),
      kind: u.kind,
      score: u.score,
      explanation: u.explanation,
      confirmed: u.fixed,
      capacity: capacity.get(u.mentorId) ?? u.pairs.length,
      mentees: u.pairs.map((p) => ({
        id: p.menteeId,
        name: name(p.menteeId),
        score: p.score,
        explanation: p.explanation,
        locked: p.locked,
        alternatives: (proposal.alternatives[p.menteeId] ?? []).map((a) => ({
          mentorId: a.mentorId,
          mentorName: name(a.mentorId),
          score: a.score,
          freeSlots: a.freeSlots,
          current: a.current,
        })),
      })),
    })),
    unmatched: proposal.unmatched.map((u) => ({ id: u.menteeId, name: name(u.menteeId), reason: u.reason })),
    rejectedLocks: proposal.rejectedLocks.map((l) => ({
      menteeName: name(l.menteeId),
      mentorName: name(l.mentorId),
      reason: l.reason,
    })),
    coverage: proposal.coverage,
    mentees: people.mentees.length,
    mentors: people.mentors.length,
    matched: proposal.matched,
    settings: request,
    draft,
    names: Object.fromEntries(
      [...request.locks, ...request.exclusions]
        .flatMap((r) => [r.menteeId, r.mentorId])
        .filter((id) => people.names.has(id))
        .map((id) => [id, name(id)]),
    ),
  };
}

/**
 * The settings a call works with: the request as sent (kept as the draft unless it is the saved
 * settings), or, without one (the panel opening), the draft, else the last saved settings.
 */
function settingsFor(request: PairingRequest | undefined | null): { settings: PairingSettings; draft: boolean } {
  if (request === undefined || request === null) {
    const draft = draftSettings();
    return draft ? { settings: draft, draft: true } : { settings: savedSettings(), draft: false };
  }
  const settings = checkRequest(request);
  return { settings, draft: keepDraft(settings) };
}

/**
 * «Подобрать», and the panel opening (no request: the kept settings). The proposal itself is not
 * written; the settings are kept as the draft until «Сохранить» or «Отменить изменения».
 */
export function proposePairs(request?: PairingRequest): PairingView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const people = readPeople(ss);
  const { settings, draft } = settingsFor(request);
  return toView(people, propose(people, settings), settings, draft);
}

/** The panel's edits, kept on the server as they are made (restored when the panel is opened again). */
export function keepPairingDraft(request: PairingRequest): boolean {
  return keepDraft(checkRequest(request));
}

/** «Отменить изменения»: the draft is dropped; the proposal with the saved settings. */
export function discardPairingDraft(): PairingView {
  dropDraft();
  return proposePairs();
}

/**
 * «Сохранить»: the proposal (computed again here from the same request — the server never trusts a
 * list of pairs sent by the page) replaces the previous unconfirmed one in «Пары и группы»; confirmed
 * pairs and groups stay as they are. Statuses in the banks follow; roadmap 4.1 is done, 5.1 under way.
 */
export function savePairs(request?: PairingRequest): SavePairsResult {
  const lock = addonLock();
  if (!takeLock(lock, 30000)) throw new UserError('Пары сохраняет другой пользователь. Подождите минуту и повторите.');
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const people = readPeople(ss, true);
    const settings = request === undefined || request === null ? settingsFor(request).settings : checkRequest(request);
    const proposal = propose(people, settings);
    const timeZone = ss.getSpreadsheetTimeZone();
    const { start, end } = schoolYear(timeZone);
    const open = proposal.units.filter((u) => !u.fixed);
    // A unit continuing a saved proposal keeps its ID; new ones continue after the largest ever issued.
    const { ids, issued } = assignPairIds(
      open,
      savedProposals(people),
      people.pairs.map((p) => p.id),
      lastIssuedPairNumber(),
    );
    const proposed: PairRow[] = open.map((unit, k) => ({
      id: ids[k],
      kind: unit.kind,
      mentorId: unit.mentorId,
      mentorName: people.names.get(unit.mentorId) ?? '',
      menteeIds: unit.menteeIds,
      menteeNames: unit.menteeIds.map((id) => people.names.get(id) ?? ''),
      score: unit.score,
      reasons: unit.explanation,
      start,
      end,
      status: PROPOSED,
      program: '',
      progress: '',
      order: '',
    }));
    const kept = people.pairs.filter((p) => p.status !== PROPOSED);
    const pairsSheet = writePairs(ss, [...kept, ...proposed], people.pairsSheet!);
    setLastIssuedPairNumber(issued);
    markSaved(settings);
    updateStatuses(people, [...people.confirmed, ...proposed]);
    // The analysis is the pairs sheet itself: its link is the evidence «Выполнено» needs to count.
    markActivitiesAll(
      ss,
      [
        { numbers: ['4.1'], status: 'Выполнено', evidence: () => `${ss.getUrl()}#gid=${pairsSheet.getSheetId()}` },
        { numbers: ['5.1'], status: 'В работе' },
      ],
      timeZone,
    );
    const message = `Сохранено пар и групп: ${proposed.length} (предложено), утверждённых сохранено: ${people.confirmed.length}; без пары: ${proposal.unmatched.length}.`;
    logAction(ss, 'Подбор пар', message);
    markSummaryStale();
    return { saved: proposed.length, kept: people.confirmed.length, message };
  } finally {
    lock.releaseLock();
  }
}

/** People in a pair are «в паре»; people who were and no longer are go back «в банке». */
export function updateStatuses(people: People, rows: readonly PairRow[]): void {
  const paired = new Set(rows.flatMap((r) => [r.mentorId, ...r.menteeIds]));
  for (const [bank, entries] of [
    [people.banks.mentee, people.mentees],
    [people.banks.mentor, people.mentors],
  ] as const) {
    for (const e of entries) {
      if (paired.has(e.id) && (e.status === 'новый' || e.status === IN_BANK)) bank.setStatus(e.id, IN_PAIR);
      if (!paired.has(e.id) && e.status === IN_PAIR) bank.setStatus(e.id, IN_BANK);
    }
    bank.flush();
  }
}

/** The mentoring year of the roadmap's period: 1 September – 31 May, as cell dates. */
function schoolYear(timeZone: string): { start: unknown; end: unknown } {
  const stored = roadmapStartYear();
  const startYear = stored || defaultStartYear(todayIso(timeZone));
  const span = resolveSpan({ kind: 'schoolYear' }, SEED_START_YEAR, startYear);
  return { start: isoDayToCell(span.start, timeZone), end: isoDayToCell(span.end, timeZone) };
}
