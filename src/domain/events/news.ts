/**
 * A draft news item for the school site («Методическая работа») about one event, from the event's
 * own facts only. Names of participants are never used (they may be mentees); the responsible is
 * named as the organiser. A missing fact leaves a bracketed hint «[добавьте …]» for the editor.
 */
import { parseIsoDay, russianMonthGenitive, toIsoDay } from '../dates';
import { kindKey } from './kinds';
import type { SchoolEvent } from './types';

export interface NewsFacts {
  /** Short name of the school as it reads after «в»: «МОУ «КСОШ № 2»». */
  school: string;
  /** Title of the roadmap activity the event belongs to ('' when none). */
  activityTitle: string;
  /** Titles of the best practices presented at the event, if any. */
  practices?: string[];
}

export interface NewsDraft {
  title: string;
  /** The first sentence: when, where, what. */
  lead: string;
  /** The body after the lead. */
  paragraphs: string[];
}

/** The past-tense verb agreeing with each known kind («прошёл семинар», «прошла консультация»). */
const VERBS: Record<string, string> = {
  'педагогический совет': 'прошёл',
  'административное совещание': 'прошло',
  'обучение наставников': 'прошло',
  'консультация для наставников': 'прошла',
  'психолого-педагогическая консультация': 'прошла',
  'школьная конференция': 'прошла',
  семинар: 'прошёл',
  'круглый стол по лучшим практикам': 'прошёл',
  'мастер-класс': 'прошёл',
};

/** Kinds that say nothing about the event. */
const VAGUE_KINDS = new Set(['', 'другое']);

function clean(text: unknown): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** '2027-05-14' → «14 мая 2027 года». */
export function dateInWords(iso: string): string {
  const { year, month, day } = parseIsoDay(iso);
  return `${day} ${russianMonthGenitive(month)} ${year} года`;
}

function lowerFirst(text: string): string {
  // «ИКТ-семинар» keeps its capitals; «Семинар» → «семинар».
  if (text.length > 1 && text[1] !== text[1].toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(text: string): string {
  const t = text.replace(/[.;,\s]+$/, '');
  return /^[«"„]/.test(t) ? t : `«${t}»`;
}

/** A final period, unless the text already ends with one («… Смирнова О. В.»). */
function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** 1 педагог, 2 педагога, 5 педагогов, 21 педагог. */
function teachers(n: number): string {
  const [d10, d100] = [n % 10, n % 100];
  if (d10 === 1 && d100 !== 11) return `${n} педагог`;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return `${n} педагога`;
  return `${n} педагогов`;
}

function participation(count: number | null): string {
  if (count === null || !Number.isInteger(count) || count <= 0) {
    return 'В мероприятии приняли участие [добавьте число участников, например «12 педагогов»]';
  }
  const verb = count % 10 === 1 && count % 100 !== 11 ? 'принял' : 'приняли';
  return `В мероприятии ${verb} участие ${teachers(count)}`;
}

function roadmapRef(no: string, activityTitle: string): string {
  if (no && activityTitle) return ` (дорожная карта, пункт ${no} ${quoted(activityTitle)})`;
  if (no) return ` (дорожная карта, пункт ${no})`;
  if (activityTitle) return ` (дорожная карта: ${quoted(activityTitle)})`;
  return '';
}

/** A short neutral news text (3–5 sentences) about a held event. */
export function newsDraft(event: SchoolEvent, facts: NewsFacts): NewsDraft {
  const iso = toIsoDay(clean(event.date));
  const date = iso ? dateInWords(iso) : '[добавьте дату]';
  const school = clean(facts.school) || '[добавьте краткое название школы]';
  const kindText = clean(event.kind);
  const kind = VAGUE_KINDS.has(kindKey(kindText)) ? '' : kindText;
  const topic = clean(event.topic);
  const topicText = topic ? quoted(topic) : '[добавьте тему]';

  const verb = VERBS[kindKey(kind)];
  const what = verb
    ? `${verb} ${lowerFirst(kind)} ${topicText}`
    : kind
      ? `состоялось мероприятие программы наставничества — ${lowerFirst(kind)} ${topicText}`
      : `состоялось мероприятие программы наставничества ${topicText}`;
  const lead = `${date} в ${school} ${what}.`;

  const title = kind
    ? `${upperFirst(kind)} ${topicText}`
    : topic
      ? upperFirst(topic.replace(/[.;,\s]+$/, ''))
      : '[добавьте название мероприятия]';

  const responsible = clean(event.responsible);
  const sentences = [
    endSentence(`${participation(event.participantsCount)}${responsible ? `, организатор — ${responsible}` : ''}`),
  ];
  const practices = (facts.practices ?? []).map(clean).filter((p) => p !== '');
  if (practices.length > 0) {
    const list = practices.map(quoted).join(', ');
    sentences.push(
      practices.length === 1
        ? `На мероприятии была представлена практика наставничества ${list}.`
        : `На мероприятии были представлены практики наставничества: ${list}.`,
    );
  }

  const no = clean(event.roadmapNo).replace(/\.+$/, '');
  const closing =
    'Мероприятие проведено в рамках реализации целевой модели наставничества педагогических работников' +
    `${roadmapRef(no, clean(facts.activityTitle))}.`;

  return { title, lead, paragraphs: [sentences.join(' '), closing] };
}
