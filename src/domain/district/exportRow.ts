/**
 * The school's year in ONE row for the district (docs/district.md): counts and percentages only, never
 * a name of a teacher. The column names and their order are a contract with every district sheet and
 * BigQuery table that collects the rows: add columns only at the end and raise SCHEMA_VERSION when a
 * meaning changes.
 */
import type { StageProgress } from '../roadmap/progress';
import type { MonitoringTotals } from '../monitoring/types';

export const SCHEMA_VERSION = 1;

/** What the export reads of the progress report (contract ProgressReport has these fields). */
export interface DistrictSource {
  school: string;
  period: string;
  asOf: string;
  stages: readonly StageProgress[];
  overall: StageProgress;
  overdue: readonly unknown[];
  questionnaires: { inBank: { mentee: number; mentor: number } } | null;
  year: {
    pairs: { proposed: number; confirmed: number; dissolved: number };
    programPercent: number | null;
    meetings: number;
    events: { held: number; planned: number; unpublished: number };
    monitoring: MonitoringTotals | null;
    practices: { proposed: number; approved: number; published: number };
  } | null;
}

/** Confirmed pairs split by kind (YearFigures counts them together). */
export interface ConfirmedKinds {
  pairs: number;
  groups: number;
}

/** The row. A figure not known yet (no program, no answers) is null: an empty CSV field, not a zero. */
export interface DistrictRecord {
  schemaVersion: number;
  school: string;
  period: string;
  /** ISO day the figures are for. */
  asOf: string;
  stagesTotal: number;
  /** Stages with every activity done. */
  stagesDone: number;
  activitiesTotal: number;
  activitiesDone: number;
  activitiesOverdue: number;
  /** 0–100, as «Сводка» shows «% выполнения» of the whole roadmap. */
  overallPercent: number;
  /** People in the banks (questionnaires answered with consent). */
  mentees: number;
  mentors: number;
  /** Confirmed one-to-one pairs and confirmed groups. */
  pairs: number;
  groups: number;
  pairsProposed: number;
  pairsDissolved: number;
  programPercent: number | null;
  meetings: number;
  eventsHeld: number;
  eventsPlanned: number;
  monitoringAnswered: number;
  monitoringExpected: number;
  monitoringResponseRate: number;
  menteeSatisfaction: number | null;
  mentorSatisfaction: number | null;
  practicesApproved: number;
}

/** The columns in their fixed order (CSV header, the sheet's row 1, BigQuery's schema). */
export const DISTRICT_COLUMNS = [
  'schemaVersion',
  'school',
  'period',
  'asOf',
  'stagesTotal',
  'stagesDone',
  'activitiesTotal',
  'activitiesDone',
  'activitiesOverdue',
  'overallPercent',
  'mentees',
  'mentors',
  'pairs',
  'groups',
  'pairsProposed',
  'pairsDissolved',
  'programPercent',
  'meetings',
  'eventsHeld',
  'eventsPlanned',
  'monitoringAnswered',
  'monitoringExpected',
  'monitoringResponseRate',
  'menteeSatisfaction',
  'mentorSatisfaction',
  'practicesApproved',
] as const satisfies ReadonlyArray<keyof DistrictRecord>;

export function districtRecord(source: DistrictSource, kinds: ConfirmedKinds): DistrictRecord {
  const y = source.year;
  const m = y?.monitoring ?? null;
  const stagesDone = source.stages.filter((s) => s.total > s.cancelled && s.percent === 100).length;
  return {
    schemaVersion: SCHEMA_VERSION,
    school: source.school,
    period: source.period,
    asOf: source.asOf,
    stagesTotal: source.stages.length,
    stagesDone,
    activitiesTotal: source.overall.total,
    activitiesDone: source.overall.done,
    activitiesOverdue: source.overdue.length,
    overallPercent: source.overall.percent,
    mentees: source.questionnaires?.inBank.mentee ?? 0,
    mentors: source.questionnaires?.inBank.mentor ?? 0,
    pairs: kinds.pairs,
    groups: kinds.groups,
    pairsProposed: y?.pairs.proposed ?? 0,
    pairsDissolved: y?.pairs.dissolved ?? 0,
    programPercent: y?.programPercent ?? null,
    meetings: y?.meetings ?? 0,
    eventsHeld: y?.events.held ?? 0,
    eventsPlanned: y?.events.planned ?? 0,
    monitoringAnswered: m?.answered ?? 0,
    monitoringExpected: m?.expected ?? 0,
    monitoringResponseRate: m?.responseRate ?? 0,
    menteeSatisfaction: m?.menteeSatisfaction ?? null,
    mentorSatisfaction: m?.mentorSatisfaction ?? null,
    practicesApproved: (y?.practices.approved ?? 0) + (y?.practices.published ?? 0),
  };
}

/** The record's values in column order (null stays null: the sheet writes it as an empty cell). */
export function districtValues(record: DistrictRecord): Array<string | number | null> {
  return DISTRICT_COLUMNS.map((c) => record[c]);
}
