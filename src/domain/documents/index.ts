/** The documents domain: kinds and their default templates, placeholders, dates in words. */
export {
  DOCUMENT_FOLDERS,
  type BlockAlign,
  type BlockHeading,
  type DocumentFolder,
  type DocumentKind,
  type DocumentKindId,
  type DocumentScope,
  type PlaceholderSpec,
  type TemplateBlock,
  type TemplateParagraph,
  type TemplateTable,
} from './types';
export { DOCUMENT_KIND_IDS, DOCUMENT_KINDS, documentKind, isDocumentKindId, repeatingTable } from './kinds';
export {
  blockTexts,
  checkTemplate,
  closestPlaceholderName,
  fillText,
  findPlaceholders,
  normalizePlaceholderName,
  placeholder,
  placeholderPattern,
  scanPlaceholders,
  type BrokenPlaceholder,
  type BrokenReason,
  type PlaceholderDetails,
  type PlaceholderMatch,
  type PlaceholderScan,
  type PlaceholderToken,
  type TemplateTexts,
} from './placeholders';
export { formatDateLong, formatDateShort, schoolYearLabel, schoolYearPhrase } from './dateWords';
