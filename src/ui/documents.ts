/** The «Документы» sidebar API and the time-driven trigger's part in document batches. */
import { DOCUMENT_KINDS } from '../domain/documents/kinds';
import { nameFieldBase } from '../domain/documents/names';
import type { DocumentKindId } from '../domain/documents/types';
import { BUDGET, claimJob, readJob, type BatchJob } from '../schedule/batchJob';
import { batchMessage, ensureDocumentsSpace, prepare, requirePeriod, runBatch } from '../docs/documents';
import { currentPeriod } from '../sheets/roadmapSheet';
import { ensureNameFormsSheet, NAME_FORMS_SHEET } from '../sheets/nameFormsSheet';
import { readSettings } from '../sheets/settings';
import { timeZoneOf, todayIso } from '../sheets/cells';
import { docUrlOf, DRAFT, Register, SIGNED, type RegisterEntry } from '../sheets/documentsSheet';
import type {
  BatchProgress,
  DocumentEntry,
  DocumentPreview,
  DocumentStatus,
  DocumentsView,
  GenerateRequest,
} from '../contract/serverApi';
import { documentKindSchema, generateRequestSchema } from '../contract/requests';
import { parseRequest } from '../contract/validate';
import { UserError } from './errors';
import { contextSpreadsheet } from '../state/context';
import { withLock } from '../state/lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RECENT = 50;
const MAX_RESULTS = 200;

const folderUrl = (id: string) => `https://drive.google.com/drive/folders/${id}`;

const checkKind = (kind: unknown): DocumentKindId => parseRequest(documentKindSchema, kind);

/** The request with its date: a missing one is today. */
function checkRequest(request: unknown, today: string): Required<GenerateRequest> {
  const r = parseRequest(generateRequestSchema, request);
  return { kind: r.kind, date: r.date ?? today, pdf: r.pdf === true };
}

const kindOfName = new Map(Object.values(DOCUMENT_KINDS).map((k) => [k.shortTitle, k]));

function toEntry(e: RegisterEntry): DocumentEntry | null {
  const kind = kindOfName.get(e.kindName);
  if (!kind) return null;
  return {
    number: e.number,
    kind: kind.id,
    kindTitle: kind.title,
    title: e.title,
    date: e.date,
    docUrl: e.docUrl,
    pdfUrl: e.pdfUrl || null,
    status: e.status === SIGNED ? SIGNED : DRAFT,
    related: e.related,
  };
}

/** The batch as the sidebar shows it; `register` is the one the run just wrote (no second read). */
function progressOf(ss: Spreadsheet, job: BatchJob, message?: string, register?: Register): BatchProgress {
  const kind = DOCUMENT_KINDS[job.kind];
  const keys = new Set(job.keys.slice(0, job.done));
  const results = (register ? register.entries() : Register.entriesOf(ss))
    .filter((e) => e.kindName === kind.shortTitle && keys.has(e.related) && e.docUrl)
    .slice(0, MAX_RESULTS)
    .map(toEntry)
    .filter((e): e is DocumentEntry => e !== null);
  return {
    jobId: job.id,
    kind: job.kind,
    total: job.keys.length,
    done: job.done,
    finished: job.finished,
    results,
    skipped: job.skipped,
    message: message ?? batchMessage(job),
  };
}

export function getDocumentsView(): DocumentsView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const period = currentPeriod();
  const kinds = Object.values(DOCUMENT_KINDS);
  if (!period) {
    return {
      period: null,
      folderUrl: null,
      kinds: kinds.map((k) => ({ id: k.id, title: k.title, scope: k.scope, templateUrl: null })),
      recent: [],
      job: null,
    };
  }
  const space = ensureDocumentsSpace(period);
  // The curator corrects a declined name there; the people the documents name are listed at once.
  const settings = readSettings(ss);
  ensureNameFormsSheet(ss, [settings.director ?? '', settings.curator ?? '', settings.methodologist ?? '']);
  const job = readJob();
  return {
    period,
    folderUrl: folderUrl(space.state.folderId),
    kinds: kinds.map((k) => {
      const id = space.state.templates[k.id];
      return { id: k.id, title: k.title, scope: k.scope, templateUrl: id ? docUrlOf(id) : null };
    }),
    recent: Register.entriesOf(ss)
      .reverse()
      .slice(0, RECENT)
      .map(toEntry)
      .filter((e): e is DocumentEntry => e !== null),
    job: job && !job.finished ? progressOf(ss, job) : null,
  };
}

export function previewDocuments(kindId: DocumentKindId): DocumentPreview {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const kind = checkKind(kindId);
  const period = requirePeriod();
  const p = prepare(ss, kind, period, todayIso(timeZoneOf(ss)));
  const register = Register.entriesOf(ss);
  const statusOf = (related: string): DocumentStatus | null => {
    const e = register.find((r) => r.kindName === p.kind.shortTitle && r.related === related && r.docUrl);
    return e ? (e.status === SIGNED ? SIGNED : DRAFT) : null;
  };
  // A school document shows all its values; a batch (pairs, people) only what all its documents share.
  const single = p.kind.scope === 'school' ? p.data.items[0] : undefined;
  const values: Record<string, string> = { ...p.data.common, ...(single?.values ?? {}) };
  const fields = p.kind.fields
    .filter((f) => !['номер', 'номер_приказа'].includes(f.name) && f.name in values)
    .map((f) => ({ name: f.name, label: f.label, value: values[f.name] }));
  return {
    kind,
    title: p.kind.title,
    fields: fields.map(({ label, value }) => ({ label, value })),
    table: {
      header: single ? p.kind.rowFields.map((f) => f.label) : [],
      rows: (single?.rows ?? []).map((row) => p.kind.rowFields.map((f) => row[f.name] ?? '')),
    },
    documents: p.data.items.map((i) => ({ key: i.key, title: i.title, existing: statusOf(i.related) })),
    warnings: p.data.warnings,
    problems: [...p.shape.problems, ...p.data.problems],
    nameNote: fields.some((f) => nameFieldBase(f.name) !== f.name)
      ? `Имена в падежах и под подписями подобраны автоматически. Если форма неверна, впишите правильную ` +
        `на листе «${NAME_FORMS_SHEET}» (строка с ФИО, столбец падежа): при создании документов возьмётся она.`
      : '',
  };
}

export function generateDocuments(request: GenerateRequest): BatchProgress {
  return startDocuments(request);
}

/** Starts a batch of `request.kind` — of every document the kind makes now, or only those keyed `only`. */
export function startDocuments(request: GenerateRequest, only?: readonly string[]): BatchProgress {
  const ss = contextSpreadsheet();
  const req = checkRequest(request, todayIso(timeZoneOf(ss)));
  const period = requirePeriod();
  return withLock(
    () => {
      throw new UserError('Документы сейчас создаёт другой пользователь. Подождите минуту и повторите.');
    },
    () => {
      const running = readJob();
      if (running && !running.finished) {
        throw new UserError(
          `Ещё не закончено создание документов «${DOCUMENT_KINDS[running.kind].title}» (${running.done} из ${running.keys.length}). Продолжите его в этой панели.`,
        );
      }
      const p = prepare(ss, req.kind, period, req.date);
      const problems = [...p.shape.problems, ...p.data.problems];
      if (problems.length > 0) throw new UserError(`Документы не созданы:\n${problems.join('\n')}`);
      const job: BatchJob = {
        // Told apart only from the batch before it: plain JS, no service call.
        id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
        kind: req.kind,
        date: req.date,
        pdf: req.pdf,
        period,
        keys: p.data.items.map((i) => i.key).filter((key) => !only || only.includes(key)),
        done: 0,
        made: 0,
        updated: 0,
        // What the batch leaves out (a pair with an impossible date, …) is listed with what it skips.
        skipped: [...p.data.warnings],
        finished: false,
        startedMs: Date.now(),
      };
      // Saved by its run, which also makes the trigger hourly when the batch needs another call.
      claimJob(job, 'sidebar', false);
      const register = Register.open(ss);
      return progressOf(
        ss,
        runBatch(ss, job, BUDGET.sidebar, { ready: p, register, unsaved: true }),
        undefined,
        register,
      );
    },
  );
}

export function continueDocuments(jobId: string): BatchProgress {
  const ss = contextSpreadsheet();
  const current = (): BatchJob => {
    const job = readJob();
    if (!job || job.id !== jobId)
      throw new UserError('Этот пакет документов уже не выполняется. Откройте панель заново.');
    return job;
  };
  // The job is read once, under the lock (the lock makes the state be read again anyway).
  return withLock(
    () => progressOf(ss, current(), 'Документы создаются в другом окне или по расписанию…'),
    () => {
      const job = current();
      if (job.finished) return progressOf(ss, job);
      if (!claimJob(job, 'sidebar')) return progressOf(ss, job, 'Документы создаются по расписанию…');
      const register = Register.open(ss);
      return progressOf(ss, runBatch(ss, job, BUDGET.sidebar, { register }), undefined, register);
    },
  );
}
