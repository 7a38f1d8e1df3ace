/**
 * The matching domain (stages 4 and 5.1): the optimal solver, the pair score with its Russian
 * explanation and hard constraints, and the proposal of pairs and groups with coverage and
 * alternatives. Pure TypeScript: no Apps Script globals, no Node APIs.
 */
export { assign, type Assignment } from './assign';
export { greedyAssign } from './greedy';
export { CHOICE_RANKS, CHOICE_REASONS, choiceBonus } from './choice';
export {
  CRITERIA,
  DEFAULT_WEIGHTS,
  explain,
  forbiddenReason,
  FULL_EXPERIENCE_GAP,
  MAX_REASONS,
  MAX_WEIGHT,
  NO_COMMON_REQUEST,
  normalizeWeights,
  POINTS_PER_WEIGHT,
  scorePair,
  WEIGHT_LABELS,
  type Criterion,
  type MenteeEntry,
  type MentorEntry,
  type PairContext,
  type PairScore,
  type Weights,
} from './score';
export {
  formCapacity,
  GROUP_ONLY_ALONE,
  INDIVIDUAL_ONLY_TAKEN,
  menteeWish,
  mentorForms,
  WISH_NOTE_START,
  wishNote,
  type MentorForms,
} from './formats';
export {
  LOCK_REASONS,
  MAX_ALTERNATIVES,
  matchPeople,
  UNMATCHED_REASONS,
  type Alternative,
  type CoverageRow,
  type MatchInput,
  type PairRef,
  type Proposal,
  type ProposalPair,
  type ProposalUnit,
  type RejectedLock,
  type UnitKind,
  type UnmatchedMentee,
} from './match';
export { assignPairIds, formatPairId, PAIR_ID_PREFIX, pairIdNumber, type IdUnit, type SavedUnit } from './pairIds';
export { SUBJECT_AREAS, subjectArea } from './subjectAreas';
export {
  CHOICE_FORM_KEY,
  CHOICE_FORM_TITLE,
  choiceForm,
  mentorLabels,
  RANK_KEYS as CHOICE_RANK_KEYS,
  parseChoices,
  suggestionText,
  type ChoiceFormDefinition,
  type ChoiceFormKey,
  type ChoiceMentor,
} from './choiceForm';
