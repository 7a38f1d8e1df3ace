/**
 * The server's checks of what the sidebar sends (ServerApi's arguments), one valibot schema per
 * request type of ./serverApi, each with the Russian messages the user sees. Kept apart from the
 * contract's types so that the sidebar, which imports only those types, stays free of the server's
 * domain code; the assertion at the end keeps each schema and its type in step.
 */
import * as v from 'valibot';
import { isDocumentKindId } from '../domain/documents/kinds';
import type { DocumentKindId } from '../domain/documents/types';
import { dayProblem, isIsoDay } from '../domain/dates';
import { WEIGHT_LABELS } from '../domain/matching';
import { isTimeZone } from '../domain/timeZone';
import type { GenerateRequest, PairingRequest, SaveProgramRequest, SetupOptions } from './serverApi';
import { isPlainObject, jsonObject, optional, shownValue, type Matches } from './validate';

const SETUP_TEXT_MAX = 300;

/** A text field of the dialog: spaces squeezed, at most 300 characters. */
const setupText = (label: string) =>
  optional(
    v.pipe(
      v.string(`Поле «${label}» должно быть текстом.`),
      v.transform((text) => text.replace(/\s+/g, ' ').trim()),
      v.check(
        (text) => text.length <= SETUP_TEXT_MAX,
        `Поле «${label}» слишком длинное (больше ${SETUP_TEXT_MAX} символов).`,
      ),
    ),
  );

const startYearMessage = (issue: { input: unknown }) => {
  const shown = shownValue(issue.input);
  return `Учебный год указан неверно${shown ? `: «${shown}»` : ''}. Укажите год начала, например 2026 (для 2026–2027).`;
};

const timeZoneMessage = (issue: { input: unknown }) => {
  const shown = shownValue(issue.input);
  return `Часовой пояс указан неверно${shown ? `: «${shown}»` : ''}. Пример: Europe/Moscow.`;
};

/** SetupOptions as the server checks them; `labels` name the fields as «Настройки» does. */
export const setupOptionsSchema = (labels: Record<(typeof SETUP_TEXT_FIELDS)[number], string>) =>
  v.pipe(
    v.nullish(
      jsonObject(
        {
          ...(Object.fromEntries(SETUP_TEXT_FIELDS.map((f) => [f, setupText(labels[f])])) as Record<
            (typeof SETUP_TEXT_FIELDS)[number],
            ReturnType<typeof setupText>
          >),
          startYear: optional(
            v.pipe(
              v.number(startYearMessage),
              v.check((year) => Number.isInteger(year) && year >= 2000 && year <= 2100, startYearMessage),
            ),
          ),
          timeZone: optional(
            v.pipe(
              v.string(timeZoneMessage),
              v.transform((text) => text.trim()),
              v.check(isTimeZone, timeZoneMessage),
            ),
          ),
        },
        'Параметры настройки должны быть объектом, например { school: "…", startYear: 2026 }.',
      ),
      {},
    ),
    v.transform((o): SetupOptions => dropUndefined(o)),
  );

/** The dialog's text fields, in its order. */
export const SETUP_TEXT_FIELDS = [
  'school',
  'director',
  'curator',
  'methodologist',
  'psychologist',
  'siteEditor',
] as const;

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

const isWeight = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 10;
const weightLabel = (key: string) =>
  Object.prototype.hasOwnProperty.call(WEIGHT_LABELS, key)
    ? (WEIGHT_LABELS as Record<string, string>)[key]
    : shownValue(key);
const isPlaces = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 20;
const capacityMessage = 'Число наставляемых у наставника должно быть целым от 0 до 20.';
const refs = (what: string) => {
  const message = `Неверный список «${what}».`;
  return optional(v.array(jsonObject({ menteeId: v.string(message), mentorId: v.string(message) }, message), message));
};
const PAIRING_REQUEST = 'Неверный запрос подбора пар.';

/** PairingRequest as the server checks it: ids as text, weights 0–10, places 0–20; missing = empty. */
export const pairingRequestSchema = v.pipe(
  v.nullish(
    jsonObject(
      {
        weights: v.pipe(
          v.nullish(v.custom<Record<string, unknown>>(isPlainObject, PAIRING_REQUEST)),
          v.check(
            (w) => !w || Object.values(w).every(isWeight),
            (issue) => {
              const [key] = Object.entries(issue.input ?? {}).find(([, x]) => !isWeight(x)) ?? [''];
              return `Вес «${weightLabel(key)}» должен быть числом от 0 до 10.`;
            },
          ),
          v.transform((w) => (w ?? undefined) as Record<string, number> | undefined),
        ),
        locks: refs('закреплённые пары'),
        exclusions: refs('исключённые пары'),
        capacityOverrides: optional(
          v.pipe(
            v.custom<Record<string, unknown>>(isPlainObject, PAIRING_REQUEST),
            v.check((c) => Object.values(c).every(isPlaces), capacityMessage),
            v.transform((c) => c as Record<string, number>),
          ),
        ),
      },
      PAIRING_REQUEST,
    ),
    {},
  ),
  v.transform((r): Required<PairingRequest> => ({
    weights: r.weights ?? {},
    locks: r.locks ?? [],
    exclusions: r.exclusions ?? [],
    capacityOverrides: r.capacityOverrides ?? {},
  })),
);

/** A kind the sidebar picked: «Неизвестный вид документа» otherwise. */
export const documentKindSchema = v.custom<DocumentKindId>(isDocumentKindId, (issue) => {
  const shown = shownValue(issue.input);
  return shown ? `Неизвестный вид документа: «${shown}».` : 'Не выбран вид документа.';
});

const GENERATE_REQUEST = 'Неверный запрос на создание документов.';
const PDF_MESSAGE = 'Параметр «PDF» должен быть да/нет.';

/** GenerateRequest as the server checks it; a missing or empty date is left to the server (today). */
export const generateRequestSchema = v.pipe(
  v.nullish(
    jsonObject(
      {
        // A missing kind is checked too (valibot skips a missing key without a default).
        kind: v.pipe(v.nullish(v.unknown(), ''), documentKindSchema),
        date: v.pipe(
          v.nullish(
            v.custom<string>(
              (x) => x === '' || isIsoDay(x),
              (issue) => {
                const shown = shownValue(issue.input);
                return `Поле «Дата документов»: ${shown ? dayProblem(shown) : 'дата не распознана'}. Выберите дату в календаре.`;
              },
            ),
          ),
          v.transform((date) => date || undefined),
        ),
        // Missing: no PDF; null is no answer to «да/нет».
        pdf: v.pipe(
          v.nullish(v.boolean(PDF_MESSAGE)),
          v.check((x) => x !== null, PDF_MESSAGE),
          v.transform((x) => x ?? undefined),
        ),
      },
      GENERATE_REQUEST,
    ),
    {},
  ),
);

const PROGRAM_TEXT_MAX = 300;
const PROGRAM_LINES_MAX = 20;

/** The pair a program is for: its ID on «Пары и группы». */
export const pairIdSchema = v.pipe(
  v.nullish(v.unknown(), ''),
  v.custom<string>((x) => typeof x === 'string' && x !== '', 'Не указана пара (группа).'),
);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const lineProblem = (x: unknown) =>
  x === undefined || x === null
    ? ''
    : typeof x !== 'string'
      ? 'ожидается текст'
      : squash(x).length > PROGRAM_TEXT_MAX
        ? `не больше ${PROGRAM_TEXT_MAX} символов`
        : '';

/** «Цели» or «Задачи»: at most 20 lines of text, each named by its number in a message; empty ones dropped. */
const programLines = (what: string) =>
  v.pipe(
    v.nullish(v.unknown(), []),
    v.custom<unknown[]>(
      (x) => Array.isArray(x) && x.length <= PROGRAM_LINES_MAX,
      `${what}: не больше ${PROGRAM_LINES_MAX} строк.`,
    ),
    v.check(
      (list) => list.every((x) => !lineProblem(x)),
      (issue) => {
        const i = issue.input.findIndex((x) => lineProblem(x));
        return `${what}, строка ${i + 1}: ${lineProblem(issue.input[i])}.`;
      },
    ),
    v.transform((list) => list.map((x) => (typeof x === 'string' ? squash(x) : '')).filter(Boolean)),
  );

/**
 * SaveProgramRequest as the server checks it before reading the sheets. The activities are checked
 * by the server afterwards: done ones are history it keeps whatever is sent, and the dates must lie
 * in the mentoring year on «Дорожная карта».
 */
export const saveProgramRequestSchema = v.pipe(
  v.nullish(v.unknown(), {}),
  v.custom<object>(isPlainObject, 'Не указана пара (группа).'),
  v.object({
    pairId: pairIdSchema,
    goals: programLines('Цели'),
    tasks: programLines('Задачи'),
    activities: v.nullish(v.unknown()),
  }),
);

/** Each request schema takes every value of its contract type and gives one (a mismatch does not compile). */
type AssertTrue<T extends true> = T;
export type RequestSchemasMatch = [
  AssertTrue<Matches<ReturnType<typeof setupOptionsSchema>, SetupOptions | undefined>>,
  AssertTrue<Matches<typeof pairingRequestSchema, PairingRequest | undefined>>,
  AssertTrue<Matches<typeof generateRequestSchema, GenerateRequest>>,
  AssertTrue<Matches<typeof documentKindSchema, DocumentKindId>>,
  AssertTrue<
    Matches<typeof saveProgramRequestSchema, Omit<SaveProgramRequest, 'activities'> & { activities?: unknown }>
  >,
];
