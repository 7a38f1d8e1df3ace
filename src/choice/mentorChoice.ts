/**
 * «Выбор наставника» (issue 20.2): the form, the personal links by mail (one letter per mentee, within
 * the daily quota, logged so a second click sends only what is left), and the filing of answers into
 * «Выбор наставника», which «Подбор пар» passes to the engine as each mentee's ranking.
 */
import {
  CHOICE_FORM_KEY,
  CHOICE_RANK_KEYS,
  choiceForm,
  mentorLabels,
  matchPeople,
  parseChoices,
  suggestionText,
  type Alternative,
  type ChoiceFormDefinition,
  type ChoiceMentor,
  type MenteeEntry,
  type MentorEntry,
} from '../domain/matching';
import { linkLine } from '../domain/letterBody';
import { looksLikeEmail, normalizeEmail, WITHDRAWN_STATUS } from '../domain/questionnaires';
import { normalizeAddress } from '../domain/reminders';
import { UserError } from '../domain/userError';
import type { PairingRequest, SendLinksResult } from '../contract/serverApi';
import { buildForms } from '../forms/formBuilder';
import { readRegistry, type FormEntry, type FormRegistry } from '../forms/registry';
import { readAnswers, readResponseRow } from '../forms/responses';
import { deleteStoredResponsesNaming } from '../forms/storedResponses';
import { foldKey } from '../domain/questionnaires/parse';
import { ensureFormSubmitTrigger } from '../forms/trigger';
import { Bank } from '../sheets/banks';
import { isoDayReader } from '../sheets/cells';
import { putChoice } from '../sheets/choicesSheet';
import { logAction } from '../sheets/logSheet';
import { isWorkingPair, readPairs } from '../sheets/pairsSheet';
import { roadmapStartYear } from '../sheets/roadmapSheet';
import { readSettings } from '../sheets/settings';
import { requireManagement } from '../state/manager';
import { lettersOf, resultMessage, sendLetters, sentKeys } from '../year/links';
import { prefilledUrl, prefillTemplate } from '../year/yearForms';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// The school year is in the key: a mentee back in the bank after the rollover chooses again.
const linkKey = (menteeId: string) => `choice-link:${roadmapStartYear()}:${menteeId}`;

const usable = (e: { status: string; consentAt: string; email: string }) =>
  e.status !== WITHDRAWN_STATUS && Boolean(e.consentAt) && looksLikeEmail(e.email);

interface ChoiceSchool {
  mentees: MenteeEntry[];
  mentors: MentorEntry[];
  /** Mentees still to pair (not in a confirmed pair) who can get a letter. */
  waiting: MenteeEntry[];
  /** Mentee id → their top feasible mentors with the engine's reason. */
  suggestions: Map<string, { mentorId: string; reason: string }[]>;
  /** The mentors the dropdowns offer: feasible for someone, in the bank's order. */
  offered: ChoiceMentor[];
}

/**
 * The settings «Подбор пар» works with (its draft, else the last saved ones): the suggestions use them,
 * so a mentee is never offered a mentor the pairing would refuse (excluded, no places left).
 */
export type PairingSettings = Required<PairingRequest>;

function readSchool(ss: Spreadsheet, settings: PairingSettings): ChoiceSchool {
  const mentees = Bank.open(ss, 'mentee')
    .entries()
    .filter((e) => e.status !== WITHDRAWN_STATUS) as MenteeEntry[];
  const mentors = Bank.open(ss, 'mentor')
    .entries()
    .filter((e) => e.status !== WITHDRAWN_STATUS) as MentorEntry[];
  // Pairs at work, those the check-in flagged too: as «Подбор пар» keeps them (ui/pairing.ts).
  const confirmed = readPairs(ss).filter((p) => isWorkingPair(p.status) && p.mentorId !== '');
  const paired = new Set(confirmed.flatMap((p) => p.menteeIds));
  // The engine's alternatives are the feasible mentors (consent, places, form) ranked by score.
  const proposal = matchPeople({
    mentees,
    mentors,
    weights: settings.weights,
    locks: settings.locks,
    exclusions: settings.exclusions,
    capacityOverrides: settings.capacityOverrides,
    fixed: confirmed.map((p) => ({ mentorId: p.mentorId, menteeIds: p.menteeIds })),
  });
  // The methodologist's locks decide those mentees, and take their mentors' places from everyone else.
  const locked = new Map<string, number>();
  for (const u of proposal.units) {
    if (u.fixed) continue;
    for (const p of u.pairs) {
      if (p.locked) {
        paired.add(p.menteeId);
        locked.set(u.mentorId, (locked.get(u.mentorId) ?? 0) + 1);
      }
    }
  }
  const places = new Map(proposal.units.map((u) => [u.mentorId, u.pairs.length]));
  const open = (a: Alternative) => a.freeSlots + (places.get(a.mentorId) ?? 0) - (locked.get(a.mentorId) ?? 0) > 0;
  const waiting = mentees.filter((e) => !paired.has(e.id) && usable(e));
  const suggestions = new Map(
    waiting.map((e) => [
      e.id,
      (proposal.alternatives[e.id] ?? []).filter(open).map((a) => ({ mentorId: a.mentorId, reason: a.explanation })),
    ]),
  );
  const feasible = new Set([...suggestions.values()].flatMap((list) => list.map((a) => a.mentorId)));
  const offered = mentors.filter((m) => feasible.has(m.id)).map((m) => ({ id: m.id, fullName: m.fullName }));
  return { mentees, mentors, waiting, suggestions, offered };
}

/** The form offering `offered`, labelled as among `bank` (every mentor not withdrawn), as filing reads it. */
function definition(
  ss: Spreadsheet,
  offered: readonly ChoiceMentor[],
  bank: readonly ChoiceMentor[] = offered,
): ChoiceFormDefinition {
  return choiceForm({ operator: readSettings(ss).school ?? ss.getName(), mentors: offered, bank });
}

/** «Разослать ссылки на выбор наставника» in «Подбор пар». */
export function sendChoiceLinks(ss: Spreadsheet, settings: PairingSettings): SendLinksResult {
  const school = readSchool(ss, settings);
  if (school.waiting.length === 0) {
    throw new UserError(
      'Некому отправить ссылки: на листе «Наставляемые» нет наставляемых без утверждённой пары ' +
        'с адресом почты и согласием на обработку данных.',
    );
  }
  requireManagement('Разослать ссылки на выбор наставника');
  buildForms(ss, [definition(ss, school.offered, school.mentors)]);
  ensureFormSubmitTrigger(ss);
  const entry = readRegistry()[CHOICE_FORM_KEY]!;
  // Distinct sample values: the template finds each question's parameter by its value.
  const template = prefillTemplate(entry, { mentee: 'ID-образец', suggested: 'Список-образец' });
  const names = new Map(school.mentors.map((m) => [m.id, m.fullName]));
  const items = school.waiting.map((e) => ({
    to: normalizeAddress(e.email),
    key: linkKey(e.id),
    line: linkLine(
      '• Ваша личная ссылка:',
      prefilledUrl(template, {
        mentee: e.id,
        suggested: suggestionText(
          (school.suggestions.get(e.id) ?? []).map((s) => ({
            name: names.get(s.mentorId) ?? s.mentorId,
            reason: s.reason,
          })),
        ),
      }),
      'Открыть форму выбора наставника',
    ),
  }));
  const { sent, left } = sendLetters(ss, lettersOf(items, sentKeys(ss)), 'Наставничество: выберите наставника', [
    'Перед подбором пар вы можете сами выбрать наставника. По ссылке — наставники, которые лучше всего',
    'подходят по вашей анкете, и почему. Отметьте до трёх по порядку: ваш выбор учитывается в первую очередь.',
  ]);
  logAction(ss, 'Подбор пар', `Ссылки на форму «Выбор наставника» отправлены: ${sent}; ждут квоты: ${left}.`);
  return { sent, message: resultMessage('ссылки на выбор наставника', sent, left) };
}

/** One answer of «Выбор наставника» → the mentee's row on «Выбор наставника». */
export function handleChoiceResponse(ss: Spreadsheet, sheet: Sheet, rowNumber: number, entry: FormEntry): void {
  const mentors = Bank.open(ss, 'mentor')
    .entries()
    .filter((e) => e.status !== WITHDRAWN_STATUS)
    .map((m) => ({ id: m.id, fullName: m.fullName }));
  const def = definition(ss, mentors);
  const response = readResponseRow(ss, sheet, rowNumber, def, entry);
  if (!response) return;
  const { answers, meta } = readAnswers(response.columns, response.row, isoDayReader(ss.getSpreadsheetTimeZone()));
  const where = `строка ${rowNumber} листа «${sheet.getName()}»`;
  const menteeId = answers.mentee.trim();
  const mentee = Bank.open(ss, 'mentee')
    .entries()
    .find((e) => e.id === menteeId);
  if (!mentee || mentee.status === WITHDRAWN_STATUS || normalizeEmail(mentee.email) !== normalizeEmail(meta.email)) {
    logAction(
      ss,
      `Ошибка: ${def.title}`,
      `Ответ не учтён (${where}): код участника «${menteeId}» не совпадает с адресом отправителя на листе ` +
        '«Наставляемые». Отправьте наставляемому его личную ссылку ещё раз.',
    );
    return;
  }
  const mentorIds = parseChoices(answers, mentors);
  const added = putChoice(ss, { menteeId, name: mentee.fullName, mentorIds, answeredAt: meta.timestamp });
  logAction(ss, def.title, `${menteeId}: выбор ${added ? 'сохранён' : 'обновлён'} — ${mentorIds.length} из 3.`);
}

/**
 * Mentors who withdrew their consent (names as they were): «Выбор наставника» names them in its three
 * dropdowns and in the answers that ranked them. Those answers leave Google Forms (the rankings on the
 * sheet keep ids only) and the dropdowns are rebuilt without them. Returns the answers deleted.
 */
export function eraseMentorsFromChoices(ss: Spreadsheet, registry: FormRegistry, names: readonly string[]): number {
  const entry = registry[CHOICE_FORM_KEY];
  const gone = new Set(names.map(foldKey).filter(Boolean));
  if (!entry || gone.size === 0) return 0;
  // A label is the name, or «name (ID)» when two mentors share it (choiceForm.ts mentorLabels).
  const named = (answer: string) => gone.has(foldKey(answer.replace(/\s*\([^()]*\)$/, '')));
  const deleted = deleteStoredResponsesNaming(entry, CHOICE_RANK_KEYS, named);
  // The dropdowns keep the mentors they offered who are still in the bank.
  let shown: Set<string>;
  try {
    const item = FormApp.openById(entry.formId).getItemById(entry.items[CHOICE_RANK_KEYS[0]]);
    shown = new Set(
      item
        ? item
            .asListItem()
            .getChoices()
            .map((c) => c.getValue())
        : [],
    );
  } catch {
    return deleted; // the form is gone or not shared with this account: nothing of it to rebuild
  }
  const live = Bank.open(ss, 'mentor')
    .entries()
    .filter((e) => e.status !== WITHDRAWN_STATUS)
    .map((m) => ({ id: m.id, fullName: m.fullName }));
  const labels = mentorLabels(live);
  buildForms(ss, [
    definition(
      ss,
      live.filter((m) => shown.has(labels.get(m.id) ?? '')),
      live,
    ),
  ]);
  return deleted;
}
