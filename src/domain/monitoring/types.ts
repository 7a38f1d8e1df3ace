/**
 * Monitoring of the programs (roadmap 6.1) and the pairs' meeting reports, as data the sheets and the
 * documents share. Records carry the banks' non-personal ids; names are looked up only for display.
 */

export type MonitoringRole = 'mentee' | 'mentor';

/** One processed monitoring answer: one per person, pair and period (a new answer replaces it). */
export interface MonitoringRecord {
  /** Bank id of the respondent: «НС-0001» or «НТ-0001». */
  personId: string;
  role: MonitoringRole;
  pairId: string;
  /** ISO date-time of the answer. */
  submittedAt: string;
  /** Scale answers 1–10 by question key («satisfactionProgram», «satisfactionMentor», …). */
  scores: Record<string, number>;
  /** Mentee: the requests (competences) they came with, as the bank has them at answer time. */
  requests: string[];
  /** Mentee: which of them they mark resolved. */
  resolved: string[];
  /** Mentee: self-assessment of the requested competences before / now, 1–10. */
  before: number | null;
  after: number | null;
  /** Mentor: the readiness-to-continue choice, verbatim. */
  readiness: string;
  /** Free texts: work notes, never mailed or published. */
  difficulties: string;
  change: string;
}

/** A confirmed pair or group as monitoring sees it. */
export interface MonitoringPair {
  pairId: string;
  mentorId: string;
  mentorName: string;
  mentees: Array<{ id: string; name: string }>;
  /** Share of the program's activities done, 0–100; null without a program. */
  programPercent: number | null;
  /** Meetings reported on «Встречи». */
  meetings: number;
}

export interface QuestionFigure {
  key: string;
  /** Russian, as the form asks it. */
  title: string;
  role: MonitoringRole;
  /** Mean of the answers, one decimal; null when nobody answered. */
  average: number | null;
  answers: number;
}

export interface PairFigures {
  pairId: string;
  mentorName: string;
  /** People expected to answer: the mentor and every mentee. */
  expected: number;
  answered: number;
  /** 0–100, whole. */
  responseRate: number;
  /** Mentees' and mentor's mean satisfaction, one decimal; null when nobody answered. */
  menteeSatisfaction: number | null;
  mentorSatisfaction: number | null;
  /** Resolved requests / requests of the answering mentees, 0–100 whole; null when none. */
  resolvedShare: number | null;
  programPercent: number | null;
  meetings: number;
}

export interface NonRespondent {
  personId: string;
  name: string;
  role: MonitoringRole;
  pairId: string;
}

export interface MonitoringTotals {
  pairs: number;
  expected: number;
  answered: number;
  responseRate: number;
  menteeSatisfaction: number | null;
  mentorSatisfaction: number | null;
  resolvedShare: number | null;
  /** Mean of the pairs' program percentages (pairs with a program), whole. */
  programPercent: number | null;
  meetings: number;
  /** Mean self-assessment before / after, one decimal. */
  before: number | null;
  after: number | null;
}

export interface MonitoringSummary {
  pairs: PairFigures[];
  totals: MonitoringTotals;
  questions: QuestionFigure[];
  nonRespondents: NonRespondent[];
}

/** One meeting of a pair, as «Встречи» keeps it (from the report form or typed by staff). */
export interface MeetingRecord {
  pairId: string;
  /** ISO date. */
  date: string;
  format: string;
  topic: string;
  /** Minutes. */
  duration: number | null;
  /** Id of the program activity it covers («A3»), or ''. */
  activityId: string;
  note: string;
  /** Bank id of the mentor who reported it, or '' when staff typed it. */
  reportedBy: string;
  submittedAt: string;
}

/** The forms of the year's work, next to the questionnaires (`FormKey`) in the same form registry. */
export type YearFormKey = 'meetingReport' | 'monitoringMentee' | 'monitoringMentor' | 'practice' | 'checkin';
export const YEAR_FORM_KEYS: readonly YearFormKey[] = [
  'meetingReport',
  'monitoringMentee',
  'monitoringMentor',
  'practice',
  'checkin',
];
