import { foldRu } from '../domain/dates';
import { nextId } from '../domain/events/rules';
import type { Practice, PracticeStatus } from '../domain/events/types';
import { safeText } from './cells';
import { SHEETS } from './schema';
import { ensureTable, Table, type TableSpec } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PRACTICE_STATUS_VALUES: readonly PracticeStatus[] = ['предложена', 'одобрена', 'опубликована'];

const C = {
  id: 'ID',
  title: 'Название практики',
  author: 'Автор',
  competence: 'Компетенция',
  description: 'Краткое описание',
  materials: 'Материалы (ссылка)',
  status: 'Статус',
} as const;

export const PRACTICES_TABLE: TableSpec = {
  sheetName: SHEETS.practices,
  columns: [
    { header: C.id, width: 80, numberFormat: '@' },
    { header: C.title, width: 280, wrap: true, numberFormat: '@' },
    { header: C.author, width: 200, numberFormat: '@' },
    { header: C.competence, width: 240, wrap: true },
    { header: C.description, width: 360, wrap: true, numberFormat: '@' },
    { header: C.materials, width: 220 },
    { header: C.status, width: 120 },
  ],
};

export function ensurePracticesTable(ss: Spreadsheet): Table {
  return ensureTable(ss, PRACTICES_TABLE, { header: C.status, values: PRACTICE_STATUS_VALUES });
}

function statusOf(text: string): PracticeStatus {
  const v = text.trim().toLowerCase();
  return (PRACTICE_STATUS_VALUES as readonly string[]).includes(v) ? (v as PracticeStatus) : 'предложена';
}

export function readPractices(ss: Spreadsheet): Practice[] {
  const table = Table.read(ss, PRACTICES_TABLE);
  if (!table) return [];
  const out: Practice[] = [];
  table.rows.forEach((_, r) => {
    const title = table.text(r, C.title);
    if (!title) return;
    out.push({
      id: table.text(r, C.id),
      title,
      author: table.text(r, C.author),
      competence: table.text(r, C.competence),
      description: table.text(r, C.description),
      materials: table.text(r, C.materials),
      status: statusOf(table.text(r, C.status)),
    });
  });
  return out;
}

/**
 * A practice proposed through the form: the same title by the same author (any case, ё = е) updates
 * its row — a proposal sent twice is one practice, its status kept; else a new row. Returns its id.
 */
export function putProposedPractice(ss: Spreadsheet, practice: Omit<Practice, 'id' | 'status'>): string {
  const key = (title: string, author: string) => `${foldRu(title).trim()}|${foldRu(author).trim()}`;
  const existing = readPractices(ss).find((p) => key(p.title, p.author) === key(practice.title, practice.author));
  if (!existing) {
    const id = nextId(
      'МП',
      readPractices(ss).map((p) => p.id),
    );
    appendPractice(ss, { id, ...practice, status: 'предложена' });
    return id;
  }
  const table = ensurePracticesTable(ss);
  const r = table.rows.findIndex((_, i) => table.text(i, C.id) === existing.id);
  table.set(r, C.competence, safeText(practice.competence));
  table.set(r, C.description, safeText(practice.description));
  table.set(r, C.materials, safeText(practice.materials));
  table.flush();
  return existing.id;
}

/** Adds a practice at the end with the given id. */
export function appendPractice(ss: Spreadsheet, practice: Practice): void {
  const table = ensurePracticesTable(ss);
  const r = table.append();
  table.set(r, C.id, practice.id);
  table.set(r, C.title, safeText(practice.title));
  table.set(r, C.author, safeText(practice.author));
  table.set(r, C.competence, safeText(practice.competence));
  table.set(r, C.description, safeText(practice.description));
  table.set(r, C.materials, safeText(practice.materials));
  table.set(r, C.status, practice.status);
  table.flush();
}
