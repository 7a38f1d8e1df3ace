/**
 * The one contract between the sidebar/dialogs and the server. Every function here is a global of
 * dist/Code.js callable through google.script.run. Arguments and results are plain JSON: no Date,
 * no class instances; dates travel as ISO "YYYY-MM-DD" strings.
 */

import type { DocumentKindId } from '../domain/documents/types';
import type { IsJson } from './json';
import type { ActivityStatus, ProgramActivity } from '../domain/programs';
import type { MonitoringTotals, QuestionFigure } from '../domain/monitoring/types';
import type { OverdueItem, StageProgress } from '../domain/roadmap/progress';

export type { OverdueItem, StageProgress };

/** What the «Настроить учебный год…» dialog sends. Every field is optional: missing = «Настройки» or default. */
export interface SetupOptions {
  /** Full school name, e.g. «МОУ «Киришская СОШ № 2»». */
  school?: string;
  director?: string;
  /** Куратор наставничества (usually the deputy head for teaching). */
  curator?: string;
  /** Методист / руководитель методического объединения. */
  methodologist?: string;
  /** Педагог-психолог (stage 5.3). */
  psychologist?: string;
  /** Ответственный за сайт (stage 7). */
  siteEditor?: string;
  /** First calendar year of the period: 2026 means the roadmap of 2026–2027 (February 2026 – May 2027). */
  startYear?: number;
  timeZone?: string;
}

/** Defaults the dialog shows, resolved from «Настройки» and the clock. */
export interface SetupDefaults extends Required<SetupOptions> {
  /** Periods offered in the dialog (start years). */
  startYears: number[];
  /** True when the roadmap sheet already exists (the dialog then says «обновить»). */
  alreadySetUp: boolean;
  /** Sheets a move to the next year archives as «<лист> 2026–2027» (the dialog names them). */
  yearSheets: string[];
}

export interface SetupResult {
  /** «2026–2027» */
  period: string;
  /** Activity rows added this time (0 on a re-run that found everything in place). */
  added: number;
  /** Activity rows kept with staff's entries. */
  kept: number;
  /** Columns of «Дорожная карта» re-created because staff had deleted them (other sheets: in `message`). */
  restoredColumns: string[];
  /** The previous roadmap sheet renamed to an archive when the period changed, else null. */
  archivedSheet: string | null;
  /** Sheets of the closed year archived by this run («Пары и группы 2026–2027», …); [] when none. */
  yearArchives: string[];
  /** Russian, one line, for a toast or the dialog. */
  message: string;
}

/** Stages 2 and 3 in figures (null before the questionnaires exist). */
export interface QuestionnaireStats {
  responses: { mentee: number; mentor: number };
  inBank: { mentee: number; mentor: number };
  /** Answers removed because the consent was not given. */
  noConsent: number;
  /** Bank entries anonymized after a withdrawal of consent. */
  withdrawn: number;
}

export interface ProgressReport {
  period: string;
  school: string;
  /** ISO date the figures are computed for (today in the spreadsheet's time zone). */
  asOf: string;
  stages: StageProgress[];
  overall: StageProgress;
  overdue: OverdueItem[];
  /** Activities due within the next 14 days and not done. */
  upcoming: OverdueItem[];
  /** Activities marked «Выполнено» without an evidence link: not counted as done until one is added. */
  unconfirmed: OverdueItem[];
  questionnaires: QuestionnaireStats | null;
  /** The year's work in figures (pairs, programs, meetings, events, monitoring, practices); null before setup. */
  year: YearFigures | null;
}

/** «Ход реализации»: the report, or `noRoadmap` before the school year is set up (the sidebar explains what to do). */
export type ProgressState = { state: 'noRoadmap' } | { state: 'ready'; report: ProgressReport };

/** What «Сводка» charts and the sidebar show of the year's work. Counts, no personal data. */
export interface YearFigures {
  /** `confirmed` counts every pair at work, those the check-in flagged («требует внимания», `attention`) too. */
  pairs: { proposed: number; confirmed: number; dissolved: number; attention: number };
  /** Mean «Выполнение программы, %» over confirmed pairs with a program; null when none. */
  programPercent: number | null;
  /** Meetings on «Встречи». */
  meetings: number;
  /** «Мероприятия»: held = dated in the past; unpublished = held without a row on «Публикации». */
  events: { held: number; planned: number; unpublished: number };
  /** The held events without a publication, oldest first (the dashboard flags each). */
  unpublishedEvents: Array<{ id: string; date: string; title: string }>;
  /** Null before anyone answered the monitoring. */
  monitoring: MonitoringTotals | null;
  /** Average score per scale question of the monitoring forms (empty before answers). */
  monitoringQuestions: QuestionFigure[];
  practices: { proposed: number; approved: number; published: number };
}

export interface FormLink {
  key: 'mentee' | 'mentor' | 'withdrawal' | 'meetingReport' | 'monitoringMentee' | 'monitoringMentor';
  title: string;
  /** For teachers. */
  url: string;
  /** For staff who edit the form. */
  editUrl: string;
  responses: number;
}

export interface FormsSetupResult {
  created: number;
  updated: number;
  message: string;
  links: FormLink[];
}

export interface SendLinksResult {
  sent: number;
  message: string;
}

/** A pair the mid-year check-in flagged «требует внимания», for the top of «Подбор пар». */
export interface AttentionPair {
  pairId: string;
  mentorName: string;
  menteeNames: string[];
  /** Russian: the latest note of the pair's «История». */
  reason: string;
}

export interface CheckinView {
  attention: AttentionPair[];
}

/** «Расформировать и подобрать заново»: what happened and the new mentors proposed for each mentee. */
export interface DissolveResult {
  message: string;
  proposals: Array<{
    menteeId: string;
    menteeName: string;
    mentors: Array<{ mentorId: string; mentorName: string; score: number }>;
  }>;
}

/** A mentee–mentor pair referred to by the banks' non-personal ids («НС-0001», «НТ-0001»). */
export interface PairRef {
  menteeId: string;
  mentorId: string;
}

/** What «Подобрать» and «Сохранить» send: the methodologist's weights, locks and exclusions. */
export interface PairingRequest {
  /** Criterion → weight 0–10 (requests, subject, experience, format, time); missing = default. */
  weights?: Record<string, number>;
  locks?: PairRef[];
  exclusions?: PairRef[];
  /** Mentor id → how many mentees, instead of the questionnaire's answer. */
  capacityOverrides?: Record<string, number>;
}

export interface WeightView {
  key: string;
  label: string;
  value: number;
}

export interface PairingMentee {
  id: string;
  name: string;
  score: number;
  explanation: string;
  locked: boolean;
  /** Feasible mentors for this mentee, best first (to pick another one). */
  alternatives: Array<{ mentorId: string; mentorName: string; score: number; freeSlots: number; current: boolean }>;
}

export interface PairingUnit {
  mentorId: string;
  mentorName: string;
  kind: 'пара' | 'группа';
  score: number;
  explanation: string;
  /** Already confirmed in «Пары и группы»: kept as it is. */
  confirmed: boolean;
  /** The ID on «Пары и группы» («ПГ-004»): a confirmed unit's, or the saved proposal this one continues; '' for a new one. */
  pairId: string;
  /** How many mentees the mentor takes (the questionnaire's answer or the methodologist's override). */
  capacity: number;
  mentees: PairingMentee[];
}

export interface PairingView {
  weights: WeightView[];
  units: PairingUnit[];
  unmatched: Array<{ id: string; name: string; reason: string }>;
  /** Locks that could not be kept, with the reason. */
  rejectedLocks: Array<{ menteeName: string; mentorName: string; reason: string }>;
  /** Stage 4.1: for each requested competence, demand vs mentor capacity. */
  coverage: Array<{ competence: string; menteesAsking: number; mentorCapacity: number; gap: number }>;
  mentees: number;
  mentors: number;
  matched: number;
  /** The panel's settings this proposal was made with (the unsaved draft, else the last saved ones). */
  settings: Required<PairingRequest>;
  /** The settings are an unsaved draft (kept on the server until «Сохранить» or «Отменить изменения»). */
  draft: boolean;
  /** Id → name of the people the settings' locks and exclusions name (a restored exclusion is shown by name). */
  names: Record<string, string>;
}

export interface SavePairsResult {
  /** Units written as «предложено» (confirmed ones are kept as they were). */
  saved: number;
  kept: number;
  message: string;
}

export type { DocumentKindId };

export type DocumentStatus = 'черновик' | 'подписан';

/** One row of the register «Документы». */
export interface DocumentEntry {
  /** Register number, e.g. «Н-2026-003». */
  number: string;
  kind: DocumentKindId;
  /** Title of the kind, Russian. */
  kindTitle: string;
  title: string;
  /** ISO YYYY-MM-DD. */
  date: string;
  docUrl: string;
  pdfUrl: string | null;
  status: DocumentStatus;
  /** The pair/group id or the person's bank id («НС-0001»), '' for school documents. */
  related: string;
}

/** A kind as the «Документы» tab lists it. */
export interface DocumentKindView {
  id: DocumentKindId;
  title: string;
  scope: 'school' | 'pair' | 'person' | 'event';
  /** The template Doc to open and edit; null before the templates exist. */
  templateUrl: string | null;
}

export interface DocumentsView {
  /** «2026–2027», null before the school year is set up. */
  period: string | null;
  /** The period folder in Drive; null before the folders exist. */
  folderUrl: string | null;
  kinds: DocumentKindView[];
  /** The register, newest first (at most 50). */
  recent: DocumentEntry[];
  /** A batch still running (e.g. continued by the trigger after the sidebar was closed). */
  job: BatchProgress | null;
}

/** «What will go in» for one kind, before anything is generated. */
export interface DocumentPreview {
  kind: DocumentKindId;
  title: string;
  /** Placeholder values common to every document of the batch. */
  fields: Array<{ label: string; value: string }>;
  /** The repeating table (pairs of the order, …): header + rows; empty when none. */
  table: { header: string[]; rows: string[][] };
  /** One entry per document the batch will make (one for school documents). */
  documents: Array<{ key: string; title: string; existing: DocumentStatus | null }>;
  /** Russian; what will be left out and why (pairs without consent, …). Generation still allowed. */
  warnings: string[];
  /** Russian; template problems (unknown or broken placeholders). Generation refused while non-empty. */
  problems: string[];
  /** Russian; where to correct a declined name («Склонения»), '' when the kind declines none. */
  nameNote?: string;
}

export interface GenerateRequest {
  kind: DocumentKindId;
  /** Also save a PDF next to each Doc. */
  pdf?: boolean;
  /** Date of the documents, ISO; default today. */
  date?: string;
}

export interface BatchProgress {
  jobId: string;
  kind: DocumentKindId;
  total: number;
  done: number;
  finished: boolean;
  /** Documents made or updated by this batch so far. */
  results: DocumentEntry[];
  /** Russian: items skipped (signed documents kept as they are, …). */
  skipped: string[];
  /** Russian, one line for the progress bar. */
  message: string;
}

export type { ActivityStatus, ProgramActivity };

/** A pair/group with or without a program, as the «Программы» panel lists them. */
export interface ProgramPairView {
  pairId: string;
  kind: 'пара' | 'группа';
  mentorName: string;
  menteeNames: string[];
  /** '' when the pair has no program yet. */
  programId: string;
  /** Share of activities done, 0–100; null without a program. */
  progress: number | null;
  overdue: number;
}

/** What «Создать программу» opens: the saved program, or a draft assembled from the mentees' requests. */
export interface ProgramDraft {
  pairId: string;
  /** '' for a new program. */
  programId: string;
  mentorName: string;
  menteeNames: string[];
  /** The mentees' requests, deduplicated (a group: the union). */
  requests: string[];
  goals: string[];
  tasks: string[];
  activities: ProgramActivity[];
  /** The mentoring year: activities are dated inside it. ISO days. */
  period: { start: string; end: string };
  /** Choices for the editor. */
  activityKinds: string[];
  responsibleOptions: string[];
  /** True when loaded from «Программы», false for a fresh draft. */
  saved: boolean;
}

export interface SaveProgramRequest {
  pairId: string;
  goals: string[];
  tasks: string[];
  activities: ProgramActivity[];
}

export interface SaveProgramResult {
  programId: string;
  activities: number;
  /** Russian, one line. */
  message: string;
}

/** A row of «Мероприятия» as the «Итоги года» panel lists it. */
export interface EventView {
  id: string;
  /** ISO date, '' when not set. */
  date: string;
  kind: string;
  topic: string;
  /** Dated today or earlier. */
  held: boolean;
  /** Rows on «Публикации» about this event. */
  publications: number;
  /** The news draft Doc, '' before «Подготовить новость». */
  newsUrl: string;
}

export interface PracticeView {
  id: string;
  title: string;
  author: string;
  competence: string;
  status: 'предложена' | 'одобрена' | 'опубликована';
  materials: string;
}

export interface MonitoringView {
  /** Both monitoring forms exist. */
  formsReady: boolean;
  /** ISO date-time of the last «Разослать ссылки на мониторинг», '' when never sent. */
  linksSentAt: string;
  expected: number;
  answered: number;
  /** People of confirmed pairs without an answer yet (staff only see this panel). */
  nonRespondents: Array<{ name: string; role: 'наставник' | 'наставляемый'; pairId: string }>;
}

/** The «Итоги года» panel: monitoring, events and their publications, the best practices. */
export interface YearView {
  /** Null before the school year is set up. */
  period: string | null;
  figures: YearFigures | null;
  monitoring: MonitoringView;
  /** Newest first. */
  events: EventView[];
  practices: PracticeView[];
  /** Choices for a new practice's competence. */
  competences: string[];
  /** The Drive folder «Методическая копилка» for the practices' materials; null before the folders exist. */
  materialsFolderUrl: string | null;
  /** The form «Методическая копилка: предложить практику» for teachers; null before the forms exist. */
  practiceFormUrl: string | null;
  reminders: { enabled: boolean; lastRun: string };
}

/** A best practice added from the sidebar (status «предложена»). */
export interface PracticeInput {
  title: string;
  author: string;
  competence: string;
  description: string;
  /** A link to the materials (Drive folder, document), may be ''. */
  materials: string;
}

export interface NewsResult {
  /** The draft news Doc. */
  url: string;
  message: string;
}

/** One pair or group of the person, as «Моя пара» shows it. */
export interface MyPairEntry {
  pairId: string;
  kind: 'пара' | 'группа';
  /** «предложено», «утверждено», … as on «Пары и группы». */
  status: string;
  /** The person's part in it. */
  role: 'наставник' | 'наставляемый';
  mentorName: string;
  menteeNames: string[];
  /** ISO days, '' when not set. */
  start: string;
  end: string;
  /** Share of program activities done, null without a program. */
  progress: number | null;
  activities: Array<{ date: string; title: string; status: string }>;
  meetings: Array<{ date: string; topic: string; format: string; duration: number | null }>;
}

/** «Моя пара»: what any account may see — only its own pair, program and meeting reports. */
export interface MyPairView {
  /** The account's e-mail, '' when Google does not tell it. */
  email: string;
  /** True when the account may also open the curator's panels. */
  manages: boolean;
  /** Russian; why the curator's panels are closed to this account, '' when they are not. */
  notice: string;
  /** Russian; why nothing is shown (no e-mail, not in the banks, no pair yet), '' otherwise. */
  empty: string;
  pairs: MyPairEntry[];
}

/** The school's year figures as one row for the district (docs/district.md): file contents, no personal data. */
export interface DistrictExport {
  /** UTF-8 text, RFC 4180: one header line and one row, CRLF line ends. */
  csv: string;
  /** The same record as a JSON object, keys in column order. */
  json: string;
}

/** Which view the shared sidebar bundle opens with. */
export type SidebarView = 'progress' | 'setup' | 'forms' | 'pairing' | 'documents' | 'programs' | 'year' | 'mine';

/** The server functions the sidebar may call, by global name. */
export interface ServerApi {
  /** Any account: its own pair, program and meeting reports. */
  getMyPair(): MyPairView;
  getSetupDefaults(): SetupDefaults;
  setupSchoolYear(options?: SetupOptions): SetupResult;
  getProgress(): ProgressState;
  setupQuestionnaires(): FormsSetupResult;
  getFormLinks(): FormLink[];
  sendFormLinks(): SendLinksResult;
  proposePairs(request?: PairingRequest): PairingView;
  savePairs(request?: PairingRequest): SavePairsResult;
  /** Keeps the panel's unsaved settings on the server (restored on reopening); true when they differ from the saved ones. */
  keepPairingDraft(request: PairingRequest): boolean;
  /** Drops the unsaved settings: the proposal with the last saved ones. */
  discardPairingDraft(): PairingView;
  getDocumentsView(): DocumentsView;
  previewDocuments(kind: DocumentKindId): DocumentPreview;
  /** Starts a batch and makes its first chunk; the sidebar then calls continueDocuments until finished. */
  generateDocuments(request: GenerateRequest): BatchProgress;
  continueDocuments(jobId: string): BatchProgress;
  listProgramPairs(): ProgramPairView[];
  getProgramDraft(pairId: string): ProgramDraft;
  /** One call saves the whole program: rows on «Программы», statuses of done activities kept. */
  saveProgram(request: SaveProgramRequest): SaveProgramResult;
  getYearView(): YearView;
  /** Creates/updates the monitoring forms if needed and mails each participant of a confirmed pair a personal prefilled link. */
  sendMonitoringLinks(): SendLinksResult;
  /** Mails each mentor of a confirmed pair a prefilled link to «Отчёт о встрече». */
  sendMeetingLinks(): SendLinksResult;
  /** Creates/updates «Выбор наставника» and mails each mentee still to pair a personal prefilled link. */
  sendChoiceLinks(): SendLinksResult;
  /** A draft news text (Doc) from the event's facts, for the site editor. */
  prepareNews(eventId: string): NewsResult;
  /** The pairs the mid-year check-in flagged, for the top of «Подбор пар». */
  getCheckin(): CheckinView;
  /** Mails both sides of every confirmed pair a personal link to the mid-year check-in. */
  sendCheckinLinks(): SendLinksResult;
  /** Dissolves a pair (history kept), returns its mentees to the pool and proposes new mentors. */
  dissolvePair(pairId: string): DissolveResult;
  addPractice(input: PracticeInput): YearView;
  /** Writes «Выгрузка для района» and returns the same row as CSV and JSON. */
  getDistrictExport(): DistrictExport;
}

/**
 * Every argument and result of ServerApi travels as JSON (see ./json): a Date, a Map, a function or
 * undefined inside a list would fail or change on the way. A function that breaks this is named in
 * the compiler's error here («"getProgress"» does not satisfy the constraint «never»).
 */
type Assert<T extends never> = T;
export type ServerApiIsJson = Assert<
  {
    [K in keyof ServerApi]: IsJson<Exclude<Parameters<ServerApi[K]>[number], undefined>> extends true
      ? IsJson<ReturnType<ServerApi[K]>> extends true
        ? never
        : K
      : K;
  }[keyof ServerApi]
>;
