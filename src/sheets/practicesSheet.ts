import { foldRu } from '../domain/dates';
import { nextId } from '../domain/events/rules';
import type { Practice, PracticeStatus } from '../domain/events/types';
import { safeText } from './cells';
import { SHEETS } from './schema';
import { defineTable } from './defineTable';
import { ensureTable, Table, type TableOf } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PRACTICE_STATUS_VALUES: readonly PracticeStatus[] = ['предложена', 'одобрена', 'опубликована'];

export const PRACTICES_TABLE = defineTable(SHEETS.practices, {
  id: { header: 'ID', width: 80, numberFormat: '@' },
  title: { header: 'Название практики', width: 280, wrap: true, numberFormat: '@' },
  author: { header: 'Автор', width: 200, numberFormat: '@' },
  competence: { header: 'Компетенция', width: 240, wrap: true },
  description: { header: 'Краткое описание', width: 360, wrap: true, numberFormat: '@' },
  materials: { header: 'Материалы (ссылка)', width: 220 },
  status: { header: 'Статус', width: 120, dropdown: PRACTICE_STATUS_VALUES },
});
type PracticesTable = TableOf<typeof PRACTICES_TABLE>;

export function ensurePracticesTable(ss: Spreadsheet): PracticesTable {
  return ensureTable(ss, PRACTICES_TABLE);
}

function statusOf(text: string): PracticeStatus {
  const v = text.trim().toLowerCase();
  return (PRACTICE_STATUS_VALUES as readonly string[]).includes(v) ? (v as PracticeStatus) : 'предложена';
}

function practiceOf(table: PracticesTable, r: number): Practice {
  const fields = table.texts(r);
  return { ...fields, status: statusOf(fields.status) };
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
    table.assign(r, { id, title: safeText(practice.title), author: safeText(practice.author), status: 'предложена' });
  }
  table.assign(r, {
    competence: safeText(practice.competence),
    description: safeText(practice.description),
    materials: safeText(practice.materials),
  });
  table.flush();
  return id;
}
