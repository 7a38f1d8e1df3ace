/**
 * «Выбор наставника»: each mentee's ranking of up to three mentors (issue 20.2), one row per mentee; a
 * new answer replaces the row. «Подбор пар» reads it as the engine's `choices`.
 */
import { safeText } from './cells';
import { defineTable } from './defineTable';
import { DATE_TIME_FORMAT, instantCell } from './instants';
import { ensureTable, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CHOICES_TABLE = defineTable('Выбор наставника', {
  mentee: { header: 'ID наставляемого', width: 120, numberFormat: '@' },
  name: { header: 'ФИО наставляемого', width: 220, numberFormat: '@' },
  first: { header: 'Первый выбор (ID)', width: 130, numberFormat: '@' },
  second: { header: 'Второй выбор (ID)', width: 130, numberFormat: '@' },
  third: { header: 'Третий выбор (ID)', width: 130, numberFormat: '@' },
  answeredAt: { header: 'Ответ получен', width: 140, numberFormat: DATE_TIME_FORMAT },
});

const RANKS = ['first', 'second', 'third'] as const;

/** Mentee id → the mentor ids they ranked, first choice first. */
export function readChoices(ss: Spreadsheet): Record<string, string[]> {
  const table = Table.read(ss, CHOICES_TABLE);
  const out: Record<string, string[]> = {};
  table?.rows.forEach((_, r) => {
    const mentee = table.text(r, 'mentee');
    const ranked = RANKS.map((k) => table.text(r, k)).filter((id) => id !== '');
    if (mentee !== '' && ranked.length > 0) out[mentee] = ranked;
  });
  return out;
}

/** Files one mentee's ranking: their row is replaced. True when the row is new. */
export function putChoice(
  ss: Spreadsheet,
  choice: { menteeId: string; name: string; mentorIds: readonly string[]; answeredAt: string },
): boolean {
  const table = ensureTable(ss, CHOICES_TABLE);
  let r = table.rows.findIndex((_, i) => table.text(i, 'mentee') === choice.menteeId);
  const added = r < 0;
  if (added) r = table.append();
  table.assign(r, {
    mentee: safeText(choice.menteeId),
    name: safeText(choice.name),
    first: safeText(choice.mentorIds[0] ?? ''),
    second: safeText(choice.mentorIds[1] ?? ''),
    third: safeText(choice.mentorIds[2] ?? ''),
    answeredAt: instantCell(choice.answeredAt),
  });
  table.flush();
  return added;
}
