/** The events domain: kinds of events, the rules linking them to the roadmap and publications, news drafts. */
export {
  PUBLICATION_CHANNELS,
  type EventKind,
  type Practice,
  type PracticeStatus,
  type Publication,
  type SchoolEvent,
} from './types';
export { EVENT_KINDS, findKind, kindKey, roadmapNoOfKind } from './kinds';
export {
  DEFAULT_PRACTICE_STATUS,
  eventClosesActivity,
  isHeld,
  looksLikeLink,
  nextId,
  normalizePracticeStatus,
  PRACTICE_STATUSES,
  roadmapUpdates,
  unpublishedEvents,
  type RoadmapUpdate,
} from './rules';
export { dateInWords, newsDraft, type NewsDraft, type NewsFacts } from './news';
