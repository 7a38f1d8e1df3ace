/**
 * The library entry of the local workspace (the emulator configured for this add-on):
 * `require('<repo root>')` after `npm run build` (package.json "main" points at the CommonJS build
 * dist/lib/index.js). See emulator/README.md.
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
export type { DocModel } from '../emulator/docs/model';
export type { DriveModel, DriveFileNode, DriveFileSummary } from '../emulator/drive/model';
export { docToDocx } from '../emulator/persistence/docx';
export { renderPdf, convertToPdf } from '../emulator/persistence/pdf';
export { exportDriveFiles } from '../emulator/persistence/driveExport';
export { FormSubmitError } from '../emulator/forms/submit';
export type { FlushOptions, TriggerRun } from '../emulator/forms/formTriggers';
export type { SentMail } from '../emulator/services/mail';
export { LATENCY_MS, type CallSummary } from '../emulator/core/calls';
export { startServer, type ServerOptions, type RunningServer } from './server/server';
/** A1 letters of a 1-based column, for scripts that address cells. */
export { columnToLetters } from '../emulator/spreadsheet/a1';

/** The questionnaires' definitions, for scripts and benchmarks that fill the forms. */
export * as questionnaireDomain from '../src/domain/questionnaires';
export * as monitoringDomain from '../src/domain/monitoring';

/** The matching engine: `require('<repo>').assign` for scripts and benchmarks, and the whole domain. */
export { assign } from '../src/domain/matching';
export * as matchingDomain from '../src/domain/matching';
