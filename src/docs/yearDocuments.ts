/**
 * What the analytical report and the news drafts put in: the same figures as «Сводка» and
 * «Мониторинг» (one load of the year's data, the same summary), never re-counted another way.
 */
import { formatRuDate } from '../domain/dates';
import { isHeld, newsDraft } from '../domain/events';
import { STAGE_TITLES } from '../domain/roadmap';
import type { DocumentItem, DocumentKind } from '../domain/documents/types';
import { timeZoneOf } from '../sheets/cells';
import { readRoadmap } from '../sheets/roadmapSheet';
import { confirmedPairs, loadYearData, monitoringSummary, yearFigures } from '../year/yearData';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ROLE = { mentee: 'наставляемые', mentor: 'наставники' } as const;
/** A figure in a table cell: «8,5», «—» when there is none. */
const show = (value: number | null) => (value === null ? '—' : String(value).replace('.', ','));
/** A figure in a sentence: «8,5» / «67%», «нет данных» when there is none. */
const said = (value: number | null, unit = '') => (value === null ? 'нет данных' : `${show(value)}${unit}`);

/** The one analytical report of the period. */
export function analyticalReportItem(ss: Spreadsheet, kind: DocumentKind, period: string): DocumentItem {
  const data = loadYearData(ss);
  const summary = monitoringSummary(data);
  const figures = yearFigures(data, summary);
  const t = summary.totals;
  const pairs = confirmedPairs(data);
  const mentees = new Set(pairs.flatMap((p) => p.menteeIds));
  const approved = data.practices.filter((p) => p.status !== 'предложена');
  return {
    key: period,
    related: period,
    title: kind.title,
    values: {
      число_пар: String(pairs.length),
      число_наставников: String(new Set(pairs.map((p) => p.mentorId)).size),
      число_наставляемых: String(mentees.size),
      выполнение_программ: said(figures.programPercent, '%'),
      встреч: String(figures.meetings),
      мероприятий: String(figures.events.held),
      охват_мониторинга: `${t.responseRate}%`,
      удовлетворенность_наставляемых: said(t.menteeSatisfaction),
      удовлетворенность_наставников: said(t.mentorSatisfaction),
      решено_запросов: said(t.resolvedShare, '%'),
      самооценка_до: said(t.before),
      самооценка_после: said(t.after),
    },
    rows: [],
    tables: {
      pairs: summary.pairs.map((p, i) => ({
        пара_номер: String(i + 1),
        пара_наставник: p.mentorName,
        пара_наставляемые: (pairs.find((x) => x.id === p.pairId)?.menteeNames ?? []).join(', '),
        пара_выполнение: show(p.programPercent),
        пара_встреч: String(p.meetings),
        пара_ответили: `${p.answered} из ${p.expected}`,
        пара_удовлетворенность: show(p.menteeSatisfaction),
        пара_решено: show(p.resolvedShare),
      })),
      questions: summary.questions.map((q) => ({
        вопрос: q.title,
        вопрос_роль: ROLE[q.role],
        вопрос_средний: show(q.average),
        вопрос_ответов: String(q.answers),
      })),
      events: data.events
        .filter((e) => isHeld(e, data.today))
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((e) => ({
          мероприятие_дата: formatRuDate(e.date),
          мероприятие_вид: e.kind,
          мероприятие_тема: e.topic,
          мероприятие_участники: e.participantsCount === null ? '—' : String(e.participantsCount),
        })),
      practices: approved.map((p) => ({
        практика_название: p.title,
        практика_автор: p.author,
        практика_компетенция: p.competence,
        практика_описание: p.description,
      })),
    },
    pairIds: [],
  };
}

/** One news draft per held event (or only `eventId`), from the event's facts. */
export function newsItems(ss: Spreadsheet, kind: DocumentKind, school: string, eventId?: string): DocumentItem[] {
  const data = loadYearData(ss);
  const roadmap = readRoadmap(ss, timeZoneOf(ss)) ?? [];
  const activityTitle = (no: string) => roadmap.find((r) => r.no === no)?.title ?? STAGE_TITLES[no] ?? '';
  return data.events
    .filter((e) => e.id && (eventId ? e.id === eventId : isHeld(e, data.today)))
    .map((e) => {
      const draft = newsDraft(e, { school, activityTitle: activityTitle(e.roadmapNo) });
      return {
        key: e.id,
        related: e.id,
        title: `${kind.title} — ${e.id} ${e.topic}`.trim(),
        values: {
          заголовок: draft.title,
          лид: draft.lead,
          текст: draft.paragraphs.join(' '),
          мероприятие_дата: e.date ? formatRuDate(e.date) : '—',
          мероприятие_вид: e.kind,
          мероприятие_тема: e.topic,
          участники_число: e.participantsCount === null ? '—' : String(e.participantsCount),
          ответственный: e.responsible,
          раздел_сайта: 'Методическая работа',
        },
        rows: [],
        pairIds: [],
      };
    });
}
