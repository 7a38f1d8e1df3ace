/**
 * The emulator's library entry: `require('<repo root>')` after `npm run build` (package.json "main"
 * points at the CommonJS build dist/lib/index.js). See emulator/README.md.
 */
export {
  openWorkspace,
  Workspace,
  DEMO_USERS,
  type WorkspaceOptions,
  type MenuEntry,
  type FormSummary,
  type SubmitFormOptions,
  type TriggerSummary,
  type ClockRun,
} from './workspace';
export type { DocModel } from './docs/model';
export type { DriveModel, DriveFileNode, DriveFileSummary } from './drive/model';
export { docToDocx } from './persistence/docx';
export { renderPdf, convertToPdf } from './persistence/pdf';
export { exportDriveFiles } from './persistence/driveExport';
export { FormSubmitError } from './forms/submit';
export type { FlushOptions, TriggerRun } from './forms/formTriggers';
export type { SentMail } from './services/mail';
export { LATENCY_MS, type CallSummary } from './core/calls';
export { startServer, type ServerOptions, type RunningServer } from './server/server';

/** The questionnaires' definitions, for scripts and benchmarks that fill the forms. */
export * as questionnaireDomain from '../src/domain/questionnaires';
export * as monitoringDomain from '../src/domain/monitoring';

/** The matching engine: `require('<repo>').assign` for scripts and benchmarks, and the whole domain. */
export { assign } from '../src/domain/matching';
export * as matchingDomain from '../src/domain/matching';
