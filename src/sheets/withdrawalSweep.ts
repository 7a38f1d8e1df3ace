/**
 * Consent withdrawn: after the add-on has anonymized what it knows by id (banks, pairs, programs,
 * monitoring, response sheets), one pass over every sheet finds the full name and the e-mail wherever
 * else they were copied or typed (a practice's author, a pair choice in someone else's answer) and puts
 * `replacement` there. A name someone who stays also has (a namesake in a bank, a school official in
 * «Настройки») cannot be told apart: those cells are left as they are and listed for the curator.
 */
import type { WithdrawnPerson } from '../domain/questionnaires';
import { STATE_SHEET } from '../state/stateSheet';
import { safeText } from './cells';
import { SHEETS } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SweepResult {
  /** Cells changed. */
  cells: number;
  /** Cells left for the curator (a namesake's name): «лист «…», строка N, столбец «…»». */
  unclear: string[];
}

/** At most this many unclear cells are named (the log line stays readable); the count is exact. */
const MAX_NAMED = 10;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `labels` are texts that name a withdrawn person for certain whatever namesakes there are (a pair
 * choice «ПГ-002 — <mentor>»): each becomes its replacement everywhere.
 */
export function sweepSheets(
  ss: Spreadsheet,
  people: readonly WithdrawnPerson[],
  stays: readonly string[],
  replacement: string,
  labels: ReadonlyMap<string, string> = new Map(),
): SweepResult {
  const result: SweepResult = { cells: 0, unclear: [] };
  const kept = new Set(stays.map((n) => n.trim().toLowerCase()).filter(Boolean));
  const patterns: Array<[RegExp, string]> = [...labels].map(([label, by]) => [new RegExp(escaped(label), 'gu'), by]);
  const unclear: RegExp[] = [];
  for (const p of people) {
    const name = p.fullName.trim().replace(/\s+/g, ' ');
    if (name) {
      const re = new RegExp(escaped(name).replace(/ /g, '\\s+'), 'giu');
      if (kept.has(name.toLowerCase())) unclear.push(re);
      else patterns.push([re, replacement]);
    }
    if (p.email.trim()) patterns.push([new RegExp(escaped(p.email.trim()), 'giu'), replacement]);
  }
  if (patterns.length === 0 && unclear.length === 0) return result;
  let unclearCount = 0;
  for (const sheet of ss.getSheets()) {
    // The add-on's state is no place for names; «Журнал» never holds any; «Документы» is the
    // documents' part (docs/withdrawal.ts), by the ids the rows are about.
    if ([STATE_SHEET, SHEETS.log, SHEETS.documents].includes(sheet.getName())) continue;
    if (sheet.getLastRow() < 1 || sheet.getLastColumn() < 1) continue;
    const range = sheet.getDataRange();
    const values = range.getValues();
    const changes: Array<{ r: number; c: number; text: string }> = [];
    values.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== 'string' || cell === '') return;
        const text = patterns.reduce((t, [re, by]) => t.replace(re, by), cell);
        if (text !== cell) changes.push({ r, c, text });
        if (unclear.some((re) => new RegExp(re.source, re.flags).test(text))) {
          unclearCount++;
          if (result.unclear.length < MAX_NAMED) {
            result.unclear.push(`лист «${sheet.getName()}», строка ${r + 1}, столбец «${String(values[0][c] ?? '')}»`);
          }
        }
      }),
    );
    if (changes.length === 0) continue;
    // A formula is staff's work: it is not overwritten (its result changes with the cells it reads).
    const formulas = range.getFormulas();
    for (const { r, c, text } of changes) {
      if (formulas[r][c]) continue;
      sheet.getRange(r + 1, c + 1).setValue(safeText(text));
      result.cells++;
    }
  }
  if (unclearCount > result.unclear.length) result.unclear.push(`и ещё ${unclearCount - result.unclear.length}`);
  return result;
}
