/** The roadmap domain: template, date phrases, building rows for a period, statuses and progress. */
export {
  DatePhraseError,
  parseDatePhrase,
  resolveSpan,
  SCHOOL_YEAR,
  WHOLE_PERIOD,
  type DatePhrase,
  type MonthPoint,
  type Span,
} from './datePhrase';
export {
  ROADMAP,
  ROLES,
  ROLE_TITLES,
  SEED_START_YEAR,
  STAGE_TITLES,
  type Activity,
  type Role,
  type Stage,
} from './template';
export {
  buildRoadmap,
  defaultStartYear,
  periodBounds,
  periodLabel,
  responsibleFor,
  type ActivityRow,
  type People,
  type RoadmapRow,
  type StageRow,
} from './build';
export { DEFAULT_STATUS, isClosed, normalizeStatus, STATUSES, type Status } from './status';
export {
  compareNo,
  computeProgress,
  isOverdue,
  OVERALL_TITLE,
  stageOf,
  UPCOMING_DAYS,
  type ProgressInput,
  type ProgressSummary,
} from './progress';
