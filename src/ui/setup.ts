import { ensureDocumentsSpace } from '../docs/documents';
import { managerAccount, mayManage } from '../state/manager';
import { buildRoadmap, defaultStartYear, periodLabel, type People } from '../domain/roadmap';
import { todayIso } from '../sheets/cells';
import { writeLists } from '../sheets/listsSheet';
import { logAction } from '../sheets/logSheet';
import { ROADMAP_YEAR_KEY, roadmapStartYear, syncRoadmap } from '../sheets/roadmapSheet';
import { replayResponses } from '../triggers/replay';
import { idsByName, withoutEmail } from '../sheets/banks';
import { convertInstantColumns } from '../sheets/instantColumns';
import { describeRepairs, repairTables } from '../sheets/ownedTables';
import { fillPairIds } from '../sheets/pairsSheet';
import { SHEETS } from '../sheets/schema';
import { readSettings, SETTING_LABELS, writeSettings, type Settings } from '../sheets/settings';
import { ensureYearSpace } from '../year/yearSpace';
import type { SetupDefaults, SetupOptions, SetupResult } from '../contract/serverApi';
import { SETUP_TEXT_FIELDS, setupOptionsSchema } from '../contract/requests';
import { parseRequest } from '../contract/validate';
import { isTimeZone } from '../domain/timeZone';
import { UserError } from './errors';
import { refreshSummary } from '../summary/refreshSummary';
import { writeState } from '../state/store';
import { addonLock, takeLock } from '../state/lock';
import {
  closedByRollover,
  describeRollover,
  protectArchive,
  rollOverYear,
  YEAR_SHEETS,
  type RolloverResult,
} from '../rollover/rolloverYear';
import { closedYearRefusal, rolloverRefusal } from '../domain/rollover';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** «2026–2027», «2026-2027» or «2026» → 2026. */
export function parsePeriod(text: string | undefined): number | null {
  const m = /^\s*(\d{4})(?:\s*[–—-]\s*(\d{4}))?\s*(?:уч\.?\s*г(?:од|\.)?)?\s*$/i.exec(text ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  return m[2] && Number(m[2]) !== start + 1 ? null : start;
}

const setupOptions = setupOptionsSchema(SETTING_LABELS);

/**
 * Explicit options win, then «Настройки», then defaults (the period by the clock). A garbled period
 * in «Настройки» stops the setup (`strict`), but the dialog still opens with the default period.
 */
function resolve(options: SetupOptions, settings: Settings, ss: Spreadsheet, strict = true): Required<SetupOptions> {
  const timeZone =
    options.timeZone ?? (settings.timeZone && isTimeZone(settings.timeZone) ? settings.timeZone : DEFAULT_TIME_ZONE);
  const fromSettings = parsePeriod(settings.period);
  if (strict && settings.period && fromSettings === null && options.startYear === undefined) {
    throw new UserError(
      `На листе «${SHEETS.settings}» учебный год записан как «${settings.period}». Исправьте на вид «2026–2027» и повторите.`,
    );
  }
  const startYear = options.startYear ?? fromSettings ?? defaultStartYear(todayIso(timeZone));
  if (options.school === '') throw new UserError('Укажите название образовательной организации.');
  const text = (field: (typeof SETUP_TEXT_FIELDS)[number]) => options[field] ?? settings[field] ?? '';
  return {
    school: text('school') || ss.getName(),
    director: text('director'),
    curator: text('curator'),
    methodologist: text('methodologist'),
    psychologist: text('psychologist'),
    siteEditor: text('siteEditor'),
    startYear,
    timeZone,
  };
}

export function getSetupDefaults(): SetupDefaults {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const resolved = resolve({}, readSettings(ss), ss, false);
  const current = defaultStartYear(todayIso(resolved.timeZone));
  const startYears = [current - 1, current, current + 1];
  if (!startYears.includes(resolved.startYear)) startYears.push(resolved.startYear);
  return {
    ...resolved,
    // A year a rollover closed is not offered: going back to it is refused (setupSchoolYear).
    startYears: startYears.filter((y) => y >= resolved.startYear || !closedByRollover(ss, y)).sort((a, b) => a - b),
    alreadySetUp: ss.getSheetByName(SHEETS.roadmap) !== null,
    // Only those the school has: one that never used «Выбор наставника» is not told it is archived.
    yearSheets: [SHEETS.roadmap, ...YEAR_SHEETS].filter((name) => ss.getSheetByName(name) !== null),
  };
}

/** A free name for the previous period's roadmap: «Дорожная карта 2025–2026», then «… (2)». */
function archiveName(ss: Spreadsheet, startYear: number): string {
  const base = `${SHEETS.roadmap} ${periodLabel(startYear)}`;
  let name = base;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${base} (${n})`;
  return name;
}

/**
 * Creates or updates the roadmap tracker for a school year. Safe to run again: what staff entered is
 * kept; missing rows, columns and dropdowns are restored. A new period archives the old roadmap.
 */
export function setupSchoolYear(options?: SetupOptions): SetupResult {
  const checked = parseRequest(setupOptions, options);
  const lock = addonLock();
  if (!takeLock(lock, 30000)) {
    throw new UserError('Настройка уже выполняется другим пользователем. Подождите минуту и повторите.');
  }
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // First of all: every later step reads these tables, and a column staff deleted would stop it.
    const repairs = repairTables(ss);
    // Times an earlier version wrote as ISO text become date-time values.
    convertInstantColumns(ss);
    const unresolvedPairs = repairs.some((r) => r.sheetName === SHEETS.pairs)
      ? fillPairIds(ss, idsByName(ss, 'mentor'), idsByName(ss, 'mentee'))
      : [];
    // A bank's «Email» came back empty: the answers give the addresses back (replay finds each row).
    const unlinked = () => withoutEmail(ss, 'mentee') + withoutEmail(ss, 'mentor');
    const lost = unlinked();
    const refiled = lost > 0 ? replayResponses(ss) : null;
    const relinked = refiled ? lost - unlinked() : 0;
    const opts = resolve(checked, readSettings(ss), ss);
    // Before anything is written: a refused year must not land in «Настройки».
    const builtFor = roadmapStartYear();
    const existing = ss.getSheetByName(SHEETS.roadmap);
    if (existing && builtFor && builtFor < opts.startYear) {
      const refusal = rolloverRefusal(builtFor, opts.startYear, todayIso(opts.timeZone));
      if (refusal) throw new UserError(refusal);
    }
    if (existing && builtFor > opts.startYear && closedByRollover(ss, opts.startYear)) {
      throw new UserError(closedYearRefusal(builtFor, opts.startYear));
    }
    if (ss.getSpreadsheetTimeZone() !== opts.timeZone) ss.setSpreadsheetTimeZone(opts.timeZone);
    const period = periodLabel(opts.startYear);
    writeSettings(ss, {
      school: opts.school,
      director: opts.director,
      curator: opts.curator,
      methodologist: opts.methodologist,
      psychologist: opts.psychologist,
      siteEditor: opts.siteEditor,
      period,
      timeZone: opts.timeZone,
    });
    writeLists(ss);

    let archivedSheet: string | null = null;
    // The next year closes the last one; before the roadmap moves, so a run cut short is finished by the next.
    let rollover: RolloverResult | null = null;
    const archiveEditors = [managerAccount() ?? '', readSettings(ss).curatorEmail ?? ''];
    if (existing && builtFor && builtFor < opts.startYear) rollover = rollOverYear(ss, builtFor, archiveEditors);
    if (existing && builtFor && builtFor !== opts.startYear) {
      archivedSheet = archiveName(ss, builtFor);
      existing.setName(archivedSheet);
      // A closed year's roadmap is evidence like its other sheets; one set aside by a year corrected back stays editable.
      if (rollover) protectArchive(existing, archiveEditors);
    }

    const people: People = opts;
    const sync = syncRoadmap(ss, buildRoadmap(opts.startYear, people), opts.timeZone);
    writeState(ROADMAP_YEAR_KEY, String(opts.startYear));
    if (sync.created) arrangeSheets(ss);
    refreshSummary(ss);
    // The period's Drive folders and document templates (kept as staff edited them on a re-run),
    // made by the account that manages the add-on's files; another account sets up only the sheets.
    const managing = mayManage();
    if (managing) ensureDocumentsSpace(period);
    // «Мероприятия», «Встречи», «Методическая копилка», «Публикации», reminders' settings and trigger.
    ensureYearSpace(ss);

    const parts = [`Дорожная карта на ${period} учебный год ${sync.created ? 'создана' : 'обновлена'}`];
    if (sync.added && !sync.created) parts.push(`добавлено мероприятий: ${sync.added}`);
    if (sync.kept) parts.push(`сохранены записи по ${sync.kept} мероприятиям`);
    parts.push(...describeRepairs(repairs));
    if (relinked > 0) parts.push(`адреса в столбце «Email» возвращены из ответов анкет: ${relinked}`);
    for (const problem of refiled?.problems ?? []) logAction(ss, 'Ошибка: обработка ответов заново', problem);
    if (unresolvedPairs.length > 0) {
      parts.push(`на листе «${SHEETS.pairs}» не найдены ID по ФИО (впишите их вручную): ${unresolvedPairs.join('; ')}`);
    }
    if (archivedSheet) parts.push(`прежняя дорожная карта сохранена на листе «${archivedSheet}»`);
    if (rollover) parts.push(...describeRollover(rollover));
    if (!managing)
      parts.push(
        `папки документов на Google Диске и напоминания ведёт учётная запись ${managerAccount()}, их эта настройка не меняла`,
      );
    const message = `${parts.join('; ')}.`;
    logAction(ss, 'Настройка учебного года', message);
    return {
      period,
      added: sync.added,
      kept: sync.kept,
      restoredColumns: repairs.find((r) => r.sheetName === SHEETS.roadmap)?.restored ?? [],
      archivedSheet,
      yearArchives: rollover?.archived ?? [],
      message,
    };
  } finally {
    lock.releaseLock();
  }
}

/** On first setup: the roadmap first, its summary next; the empty default sheet goes away. */
function arrangeSheets(ss: Spreadsheet): void {
  const roadmap = ss.getSheetByName(SHEETS.roadmap)!;
  ss.setActiveSheet(roadmap);
  ss.moveActiveSheet(1);
  for (const sheet of ss.getSheets()) {
    const untouched = sheet.getLastRow() === 0 && sheet.getLastColumn() === 0;
    if (untouched && /^(Лист|Sheet)\d+$/.test(sheet.getName()) && ss.getSheets().length > 1) ss.deleteSheet(sheet);
  }
}
