/** The Forms emulator: the FormApp global, its model, response sheets, submissions, trigger queue. */
export { createFormApp, formsCtxOf } from './formApp';
export { newFormsModel, formsModelFromJSON, type FormsModel, type FormModel, type ItemModel } from './model';
export { submitResponse, checkSubmission, FormSubmitError, type Answers, type SubmitResult } from './submit';
export { firingsFor, firingOrder, type PendingFiring, type TriggerRun, type FlushOptions } from './formTriggers';
export { RESPONSE_SHEET_BASE, TIMESTAMP_HEADER, EMAIL_HEADER, TIMESTAMP_FORMAT, destinationSheet } from './destination';
export { publishedUrl, editUrl, NO_ITEM_WITH_ID } from './context';
