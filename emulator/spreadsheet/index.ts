/** The fake SpreadsheetApp and the helpers the workspace, persistence and tests use. */
export { createSpreadsheetApp, PROTECTION_TYPE } from './spreadsheetApp';
export { parseUserInput, type ParsedInput } from './userInput';
export { displayValue, formatValue, AUTOMATIC_FORMAT } from './display';
export { effectiveFormat, matchingRule, type EffectiveFormat } from './conditionalFormat';
export { validateUserEdit } from './validation';
export { canUserEdit, warningProtectionsAt } from './protection';
export { a1ToGrid, applyUserEdit, sheetDisplayValues, userEditProblem, type UserEditEvent } from './staffEdit';
export { toastsOf, markChanged, invalidate, recalculate, ensureCalculated, runtimeOf, type Toast } from './runtime';
export { parseA1, gridToA1, columnToLetters, lettersToColumn, quoteSheetName } from './a1';
export { changeDimension } from './structure';
export { PROTECTED_MESSAGE } from './context';
export * from './model';
