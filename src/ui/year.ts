/** The «Итоги года» panel's server side: monitoring, events and their news, the best practices. */
import { foldRu } from '../domain/dates';
import { isHeld, looksLikeLink } from '../domain/events';
import { documentKind } from '../domain/documents/kinds';
import { cleanText } from '../domain/monitoring/parse';
import { MAX_PARAGRAPH_LENGTH, MAX_TEXT_LENGTH } from '../domain/questionnaires';
import { Register } from '../sheets/documentsSheet';
import { EVENTS_TABLE } from '../sheets/eventsSheet';
import { readLists } from '../sheets/listsSheet';
import { logAction } from '../sheets/logSheet';
import { putProposedPractice } from '../sheets/practicesSheet';
import { SHEETS } from '../sheets/schema';
import { Table } from '../sheets/table';
import { syncEvents } from '../year/events';
import {
  linksSentKey,
  sendMeetingLinks as sendMeetingMail,
  sendMonitoringLinks as sendMonitoringMail,
} from '../year/links';
import { LAST_RUN_KEY, reminderSettings } from '../year/reminders';
import { loadYearData, monitoringSummary, yearFigures } from '../year/yearData';
import { yearFormEntries } from '../year/yearForms';
import type { NewsResult, PracticeInput, SendLinksResult, YearView } from '../contract/serverApi';
import { startDocuments } from './documents';
import { shownValue, UserError } from './errors';
import { withLock } from '../state/lock';
import { requirePeriod } from '../docs/documents';
import { currentPeriod } from '../sheets/roadmapSheet';
import { readDocumentsState } from '../docs/state';
import { settleClockTrigger } from '../schedule/clock';
import { managerAccount } from '../state/manager';
import { readState } from '../state/store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ROLE = { mentee: 'наставляемый', mentor: 'наставник' } as const;

export function yearView(ss: Spreadsheet): YearView {
  const period = currentPeriod();
  const data = loadYearData(ss);
  const summary = monitoringSummary(data);
  const entries = yearFormEntries();
  const competences = readLists(ss).competences ?? [];
  const materialsFolder = readDocumentsState()?.folders['Методическая копилка'];
  return {
    period,
    figures: period ? yearFigures(data, summary) : null,
    monitoring: {
      formsReady: Boolean(entries.monitoringMentee && entries.monitoringMentor),
      linksSentAt: readState(linksSentKey()) ?? '',
      expected: summary.totals.expected,
      answered: summary.totals.answered,
      nonRespondents: summary.nonRespondents.map((n) => ({ name: n.name, role: ROLE[n.role], pairId: n.pairId })),
    },
    events: data.events
      .filter((e) => e.id)
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((e) => ({
        id: e.id,
        date: e.date,
        kind: e.kind,
        topic: e.topic,
        held: isHeld(e, data.today),
        publications: data.publications.filter((p) => foldRu(p.about) === foldRu(e.id)).length,
        newsUrl: e.newsUrl,
      })),
    practices: data.practices.map((p) => ({
      id: p.id,
      title: p.title,
      author: p.author,
      competence: p.competence,
      status: p.status,
      materials: p.materials,
    })),
    competences,
    materialsFolderUrl: materialsFolder ? `https://drive.google.com/drive/folders/${materialsFolder}` : null,
    practiceFormUrl: entries.practice?.url ?? null,
    reminders: { enabled: reminderSettings(ss).enabled, lastRun: readState(LAST_RUN_KEY) ?? '' },
  };
}

export function getYearView(): YearView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (ss.getSheetByName(SHEETS.events)) syncEvents(ss);
  // «Напоминания: включены» may have changed in «Настройки» (onEdit cannot touch triggers).
  // Re-syncs the manager's trigger; opening the panel never makes anyone the manager.
  if (currentPeriod() && managerAccount()) settleClockTrigger(ss);
  return yearView(ss);
}

export function sendMonitoringLinks(): SendLinksResult {
  return withDocumentLock(() => sendMonitoringMail(SpreadsheetApp.getActiveSpreadsheet()));
}

export function sendMeetingLinks(): SendLinksResult {
  return withDocumentLock(() => sendMeetingMail(SpreadsheetApp.getActiveSpreadsheet()));
}

function withDocumentLock<T>(work: () => T): T {
  return withLock(() => {
    throw new UserError('Таблицу сейчас обновляет другой пользователь. Подождите минуту и повторите.');
  }, work);
}

/** «Подготовить новость»: a draft Doc in «Новости» from the event's facts, linked from «Мероприятия». */
export function prepareNews(eventId: string): NewsResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  requirePeriod();
  const id = shownValue(eventId);
  if (!id) throw new UserError('Не выбрано мероприятие для новости.');
  const event = syncEvents(ss).find((e) => e.id === id);
  if (!event) throw new UserError(`Мероприятие ${id} не найдено на листе «Мероприятия».`);
  const progress = startDocuments({ kind: 'newsDraft' }, [id]);
  const kind = documentKind('newsDraft');
  const entry = Register.entriesOf(ss).find((e) => e.kindName === kind.shortTitle && e.related === id && e.docUrl);
  if (!entry) throw new UserError(progress.skipped[0] ?? 'Черновик новости не создан. Повторите через минуту.');
  const table = Table.read(ss, EVENTS_TABLE);
  if (table && table.text(event.row, 'news') !== entry.docUrl) {
    table.set(event.row, 'news', entry.docUrl);
    table.flush();
  }
  return {
    url: entry.docUrl,
    message:
      entry.status === 'подписан'
        ? `Новость о мероприятии ${id} уже отмечена как утверждённая — черновик не менялся.`
        : `Черновик новости о мероприятии ${id} готов: проверьте факты и передайте ответственному за сайт.`,
  };
}

/** A practice from the sidebar, status «предложена». */
export function addPractice(input: PracticeInput): YearView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // Cleaned as the form's proposals are (control and invisible characters, spaces, length).
  const line = (text: unknown) => cleanText(String(text ?? ''), MAX_TEXT_LENGTH, false);
  const practice = {
    title: line(input?.title),
    author: line(input?.author),
    competence: line(input?.competence),
    description: cleanText(String(input?.description ?? ''), MAX_PARAGRAPH_LENGTH, true),
    materials: line(input?.materials),
  };
  if (!practice.title) throw new UserError('Укажите название практики.');
  if (!practice.author) throw new UserError('Укажите автора практики.');
  if (practice.materials && !looksLikeLink(practice.materials))
    throw new UserError('Ссылка на материалы должна начинаться с http:// или https://.');
  withDocumentLock(() => {
    const id = putProposedPractice(ss, practice);
    logAction(ss, 'Методическая копилка', `Добавлена практика ${id}.`);
  });
  return yearView(ss);
}
