/** FormApp enums: Java-like values compared by identity, as Apps Script has them. */
import { makeEnum } from '../services/common';

export const ItemType = makeEnum('ItemType', [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
] as const);

export const DestinationType = makeEnum('DestinationType', ['SPREADSHEET'] as const);

export type GItemType = GoogleAppsScript.Forms.ItemType;
