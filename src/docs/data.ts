/**
 * What goes into each kind of document, read from the spreadsheet once: the values common to the
 * batch (school, director, period, date) and one item per document (the school, a person) with its
 * own values and table rows.
 */
import { formatDateLong, formatDateShort } from '../domain/documents/dateWords';
import {
  genderOf,
  looksLikeName,
  nameFieldBase,
  nameFields,
  normalizeName,
  splitName,
} from '../domain/documents/names';
import type { DocumentItem, DocumentKind } from '../domain/documents/types';
import { WITHDRAWN_STATUS, type BankEntry } from '../domain/questionnaires';
import { Bank } from '../sheets/banks';
import { cellPlace, dayCellReader, timeZoneOf, type DayCell } from '../sheets/cells';
import { isWorkingPair, PAIR_DATE_COLUMNS, readPairs, type PairRow } from '../sheets/pairsSheet';
import { monthLabel, PROGRAM_COLUMNS, readProgramRows, readProgramTexts } from '../sheets/programsSheet';
import { SHEETS } from '../sheets/schema';
import { readSettings, SETTING_LABELS, type SettingKey, type Settings } from '../sheets/settings';
import { NAME_FORMS_SHEET, overridesOf, readNameOverrides } from '../sheets/nameFormsSheet';
import { analyticalReportItem, newsItems } from './yearDocuments';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DocumentData {
  common: Record<string, string>;
  items: DocumentItem[];
  /** Russian: what is left out and why. */
  warnings: string[];
  /** Russian: what must be fixed before anything is generated (empty settings, nothing to put in). */
  problems: string[];
  /** «Настройки» as read for this data (the number prefixes and the clock need them too). */
  settings: Settings;
}

/** Settings every document needs, by placeholder. */
const REQUIRED_SETTINGS: Array<[string, SettingKey]> = [
  ['школа', 'school'],
  ['директор', 'director'],
  ['куратор', 'curator'],
];

const live = (e: BankEntry) => e.status !== WITHDRAWN_STATUS;

/** The person's name as the register and titles show it. */
function personTitle(kind: DocumentKind, e: BankEntry): string {
  return `${kind.title} — ${normalizeName(e.fullName) || e.id}`;
}

function pairTerm(pair: PairRow, day: (v: unknown) => DayCell, period: string): string {
  const start = day(pair.start).iso;
  const end = day(pair.end).iso;
  return start && end ? `${formatDateShort(start)} – ${formatDateShort(end)}` : `${period} учебный год`;
}

/** The pair's «Начало»/«Окончание» cells that hold no real day, named for staff. */
function pairDateNotes(pair: PairRow, day: (v: unknown) => DayCell): string[] {
  return (['start', 'end'] as const).flatMap((key) => {
    const { problem } = day(pair[key]);
    return problem ? [`${cellPlace(SHEETS.pairs, pair.sheetRow ?? 0, PAIR_DATE_COLUMNS[key])}: ${problem}`] : [];
  });
}

/** Everything a batch of `kind` dated `date` (ISO) would put in, with what is missing. */
export function collectData(ss: Spreadsheet, kind: DocumentKind, period: string, date: string): DocumentData {
  const settings = readSettings(ss);
  const problems: string[] = [];
  const warnings: string[] = [];
  const overrides = readNameOverrides(ss);
  // Names as an order writes them («петрова» typed in a form → «Петрова»), with their cases and
  // signature forms, the curator's corrections on «Склонения» first.
  const person = (field: string, name = '') => nameFields(field, name, overridesOf(overrides, name));
  const common: Record<string, string> = {
    школа: settings.school ?? '',
    ...person('директор', settings.director),
    ...person('куратор', settings.curator),
    ...person('методист', settings.methodologist),
    учебный_год: period,
    дата: formatDateLong(date),
    дата_приказа: formatDateLong(date),
  };
  // «куратор_дательный», «директор_подпись» need the setting as much as «куратор» does.
  const used = new Set([...kind.fields, ...kind.rowFields].map((f) => nameFieldBase(f.name)));
  for (const [field, key] of REQUIRED_SETTINGS) {
    if (used.has(field) && !common[field]) {
      problems.push(`На листе «Настройки» не заполнено: «${SETTING_LABELS[key]}».`);
    }
  }
  // A case is only declined with the gender, which comes from the patronymic.
  const PEOPLE: Array<[string, SettingKey]> = [
    ['директор', 'director'],
    ['куратор', 'curator'],
    ['методист', 'methodologist'],
  ];
  for (const [field, key] of PEOPLE) {
    const name = common[field];
    const declined = kind.fields.some((f) => nameFieldBase(f.name) === field && !f.name.endsWith('_подпись'));
    const corrected = Object.keys(overridesOf(overrides, name)).length > 0;
    if (declined && !corrected && name && looksLikeName(name) && !genderOf(splitName(name).middle)) {
      warnings.push(
        `На листе «Настройки» в строке «${SETTING_LABELS[key]}» нет отчества («${name}»): падеж имени ` +
          `подобрать нельзя. Впишите фамилию, имя и отчество или нужную форму на листе «${NAME_FORMS_SHEET}».`,
      );
    }
  }

  // Each bank read once for the checks and the items.
  const banks = new Map<'mentee' | 'mentor', Bank>();
  const bank = (k: 'mentee' | 'mentor'): Bank => {
    const open = banks.get(k) ?? Bank.open(ss, k);
    banks.set(k, open);
    return open;
  };
  const items: DocumentItem[] = [];
  if (kind.id === 'analyticalReport') items.push(analyticalReportItem(ss, kind, period));
  if (kind.scope === 'event') {
    items.push(...newsItems(ss, kind, common.школа || ss.getName()));
    if (items.length === 0) problems.push('Проведённых мероприятий пока нет: внесите их на лист «Мероприятия».');
  }
  if (kind.scope === 'school' && kind.id !== 'pairsOrder' && kind.id !== 'analyticalReport') {
    items.push({ key: period, related: period, title: kind.title, values: {}, rows: [], pairIds: [] });
  }
  if (kind.id === 'pairsOrder' || kind.scope === 'person') {
    // One id for two people: the order or a consent would name one of them for the other.
    for (const k of ['mentee', 'mentor'] as const) problems.push(...bank(k).duplicateIdProblems());
  }
  if (kind.id === 'pairsOrder') {
    const left: string[] = [];
    const order = pairsOrderItem(ss, kind, period, left, bank);
    if (order.rows.length > 0) {
      items.push(order);
      warnings.push(...left);
    } else if (left.length > 0) problems.push('В приказ не может войти ни одна утверждённая пара:', ...left);
    else problems.push('Нет утверждённых пар: приказу нечего закреплять.');
  }
  if (kind.scope === 'pair') {
    const left: string[] = [];
    items.push(...programItems(ss, kind, period, left));
    // With every program left out, the reasons are what must be fixed before anything is made.
    if (items.length === 0 && left.length > 0) problems.push(...left);
    else warnings.push(...left);
    if (items.length === 0 && left.length === 0) {
      problems.push('Программ пока нет: составьте их в панели «Программы наставничества».');
    }
  }
  if (kind.scope === 'person') {
    const mentors = bank('mentor').entries().filter(live);
    const people = kind.id === 'consentDuties' ? mentors : [...bank('mentee').entries().filter(live), ...mentors];
    const menteesOf = kind.id === 'consentDuties' ? confirmedMenteesByMentor(ss) : new Map<string, string[]>();
    for (const e of people) {
      items.push({
        key: e.id,
        related: e.id,
        title: personTitle(kind, e),
        values: {
          фио: normalizeName(e.fullName),
          должность: e.position || '—',
          роль: e.kind === 'mentor' ? 'наставник' : 'наставляемый',
          наставляемые:
            (menteesOf.get(e.id) ?? []).map(normalizeName).join(', ') ||
            'определяются приказом о закреплении наставнических пар (групп)',
          срок: `${period} учебный год`,
        },
        rows: [],
        pairIds: [],
      });
    }
    if (items.length === 0) problems.push('В банке пока нет участников: сначала соберите анкеты.');
  }
  return { common, items, warnings, problems, settings };
}

function confirmedMenteesByMentor(ss: Spreadsheet): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of readPairs(ss)) {
    if (isWorkingPair(p.status) && p.mentorId) out.set(p.mentorId, [...(out.get(p.mentorId) ?? []), ...p.menteeNames]);
  }
  return out;
}

/**
 * One program document per confirmed pair with a live program: its activities fill the table. A pair
 * whose dates (its term, an activity's «Дата») hold no real day is left out, named in `left`: its
 * document would be wrong, the others are made.
 */
function programItems(ss: Spreadsheet, kind: DocumentKind, period: string, left: string[]): DocumentItem[] {
  const day = dayCellReader(timeZoneOf(ss));
  const rows = readProgramRows(ss).filter((r) => !r.archived);
  return readPairs(ss)
    .filter((p) => isWorkingPair(p.status) && p.id && rows.some((r) => r.pairId === p.id))
    .flatMap((pair) => {
      const activities = rows.filter((r) => r.pairId === pair.id);
      const notes = [
        ...pairDateNotes(pair, day),
        ...activities
          .filter((a) => a.date === '')
          .map((a) => {
            const bad = a.badDates?.find((b) => b.column === PROGRAM_COLUMNS.date);
            return `${cellPlace(SHEETS.programs, a.sheetRow ?? 0, PROGRAM_COLUMNS.date)}: ${bad?.problem ?? 'дата не указана'}`;
          }),
      ];
      if (notes.length > 0) {
        left.push(`Программа пары ${pair.id} не создана — исправьте дату: ${notes.join('; ')}.`);
        return [];
      }
      const texts = readProgramTexts(activities[0].programId);
      return {
        key: pair.id,
        related: pair.id,
        title: `${kind.title} — ${normalizeName(pair.mentorName)} (${pair.id})`,
        values: {
          наставник: normalizeName(pair.mentorName),
          наставляемые: pair.menteeNames.map(normalizeName).join(', '),
          форма: pair.kind === 'группа' ? 'групповая' : 'индивидуальная',
          срок: pairTerm(pair, day, period),
          цели: texts.goals.join('; '),
          задачи: texts.tasks.join('; '),
        },
        rows: activities.map((a, i) => ({
          номер_строки: String(i + 1),
          месяц: monthLabel(a.date),
          мероприятие: a.title,
          ответственный: a.responsible,
          результат: a.expectedResult,
          форма_отчетности: a.reporting,
        })),
        pairIds: [pair.id],
      };
    });
}

/** The order on pairs: confirmed pairs whose every member is in a bank with consent; the rest are warnings. */
function pairsOrderItem(
  ss: Spreadsheet,
  kind: DocumentKind,
  period: string,
  warnings: string[],
  bank: (k: 'mentee' | 'mentor') => Bank,
): DocumentItem {
  const day = dayCellReader(timeZoneOf(ss));
  const people = new Map<string, BankEntry>(
    [...bank('mentee').entries(), ...bank('mentor').entries()].map((e) => [e.id, e]),
  );
  const rows: Array<Record<string, string>> = [];
  const pairIds: string[] = [];
  for (const pair of readPairs(ss).filter((p) => isWorkingPair(p.status))) {
    const missing = [pair.mentorId, ...pair.menteeIds].filter((id) => {
      const e = people.get(id);
      return !e || !live(e) || !e.consentAt;
    });
    const mentor = people.get(pair.mentorId);
    if (mentor && mentor.kind === 'mentor' && !mentor.dutiesConsent) missing.push(pair.mentorId);
    const label = pair.id || pair.mentorName || '(без номера)';
    if (!pair.mentorId || pair.menteeIds.length === 0) {
      warnings.push(`Пара ${label} не войдёт в приказ: в ней не указаны ID наставника и наставляемых.`);
      continue;
    }
    const badDates = pairDateNotes(pair, day);
    if (badDates.length > 0) {
      warnings.push(`Пара ${label} не войдёт в приказ — исправьте срок: ${badDates.join('; ')}.`);
      continue;
    }
    if (missing.length > 0) {
      warnings.push(
        `Пара ${label} не войдёт в приказ: нет письменного согласия (${[...new Set(missing)].join(', ')}).`,
      );
      continue;
    }
    pairIds.push(pair.id);
    rows.push({
      номер_строки: String(rows.length + 1),
      наставник: normalizeName(pair.mentorName),
      наставляемые: pair.menteeNames.map(normalizeName).join(', '),
      форма: pair.kind === 'группа' ? 'групповая' : 'индивидуальная',
      срок: pairTerm(pair, day, period),
    });
  }
  return {
    key: period,
    related: period,
    title: kind.title,
    values: { число_пар: String(rows.length) },
    rows,
    pairIds,
  };
}
