/** The reminders domain: what is due, who is told today, the letters and the send log. */
export type { Digest, ReminderItem, ReminderKind, ReminderPlan, ReminderSettings, SendLogEntry } from './types';
export {
  compareItems,
  isEmail,
  logEntriesFor,
  normalizeAddress,
  planReminders,
  selectDue,
  type DueActivity,
  type PlanInput,
} from './plan';
export { composeDigest, digestSubject, REMINDERS_OFF_HINT, type Letter, type LetterContext } from './letter';
