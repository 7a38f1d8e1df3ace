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

function practiceOf(table: Table, r: number): Practice {
  return {
    id: table.text(r, C.id),
    title: table.text(r, C.title),
    author: table.text(r, C.author),
    competence: table.text(r, C.competence),
    description: table.text(r, C.description),
    materials: table.text(r, C.materials),
    status: statusOf(table.text(r, C.status)),
  };
}

/** Every practice with a title, read once. */
export function readPractices(ss: Spreadsheet): Practice[] {
  const table = Table.read(ss, PRACTICES_TABLE);
  if (!table) return [];
  return table.rows.map((_, r) => practiceOf(table, r)).filter((p) => p.title !== '');
}

/**
 * A practice proposed (from the form or the sidebar): the same title by the same author (any case,
 * ё = е) updates its row — a proposal sent twice is one practice, its status kept; else a new row
 * «предложена» with the next id. One read, one write. Returns its id.
 */
export function putProposedPractice(ss: Spreadsheet, practice: Omit<Practice, 'id' | 'status'>): string {
  const table = ensurePracticesTable(ss);
  const key = (title: string, author: string) => `${foldRu(title).trim()}|${foldRu(author).trim()}`;
  const all = table.rows.map((_, r) => practiceOf(table, r));
  let r = all.findIndex((p) => p.title !== '' && key(p.title, p.author) === key(practice.title, practice.author));
  const id =
    r >= 0
      ? all[r].id
      : nextId(
          'МП',
          all.map((p) => p.id),
        );
  if (r < 0) {
    r = table.append();
    table.set(r, C.id, id);
    table.set(r, C.title, safeText(practice.title));
    table.set(r, C.author, safeText(practice.author));
    table.set(r, C.status, 'предложена');
  }
  table.set(r, C.competence, safeText(practice.competence));
  table.set(r, C.description, safeText(practice.description));
  table.set(r, C.materials, safeText(practice.materials));
  table.flush();
  return id;
}
