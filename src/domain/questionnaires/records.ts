/**
 * Clean records parsed from questionnaire responses. Plain JSON: strings, numbers, booleans and
 * arrays; date-times are ISO strings. The answers are kept verbatim (a text that looks like a formula
 * too: the sheet layer writes everything as safe text).
 */
import type { FormKey } from './forms';

interface PersonRecord {
  /** Normalized (trimmed, lower case): the bank's key. */
  email: string;
  fullName: string;
  position: string;
  subjects: string[];
  /** Full years; null when the answer could not be read as a number (a note says so). */
  experienceYears: number | null;
  category: string;
  /** «Очно» / «Дистанционно» / «Смешанно». */
  mode: string;
  times: string[];
  /** The free-text answer. */
  note: string;
  /** When the consent to personal-data processing was given: the response's time. */
  consentAt: string;
  /** The response's timestamp: a later one replaces the record, the same or an earlier one does not. */
  sourceTimestamp: string;
}

export interface MenteeRecord extends PersonRecord {
  kind: 'mentee';
  /** Professional requests / difficulties: list values and the «Другое» text. */
  requests: string[];
  /** «Индивидуальная (пара)» or «Групповая». */
  formatKind: string;
}

export interface MentorRecord extends PersonRecord {
  kind: 'mentor';
  /** Competences the mentor can share: list values and the «Другое» text. */
  competences: string[];
  formatKinds: string[];
  /** How many mentees at once, 1–5. */
  capacity: number;
  /** The written consent to the additional duties of mentoring (the order cites it). */
  dutiesConsent: boolean;
}

export interface WithdrawalRecord {
  kind: 'withdrawal';
  email: string;
  fullName: string;
  reason: string;
  sourceTimestamp: string;
}

export type PersonKind = 'mentee' | 'mentor';

export type SubmissionRecord = MenteeRecord | MentorRecord | WithdrawalRecord;

export type RecordFor<K extends FormKey> = K extends 'mentee'
  ? MenteeRecord
  : K extends 'mentor'
    ? MentorRecord
    : WithdrawalRecord;
