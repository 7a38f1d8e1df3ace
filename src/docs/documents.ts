/**
 * The documents service: preview what a kind would put in, start a batch, run it in budgeted
 * chunks. The sidebar API (ui/documents.ts) and the time-driven trigger both go through here.
 */
import { documentKind } from '../domain/documents/kinds';
import type { DocumentFolder, DocumentKind, DocumentKindId } from '../domain/documents/types';
import { DRAFT, Register } from '../sheets/documentsSheet';
import { logAction } from '../sheets/logSheet';
import { setPairCells } from '../sheets/pairsSheet';
import { currentPeriod } from '../sheets/roadmapSheet';
import type { SettingKey, Settings } from '../sheets/settings';
import { UserError } from '../domain/userError';
import { setClockMode, settleClockTrigger } from '../schedule/clock';
import { writeJsonProperty } from '../state/store';
import { writeJob, type BatchJob } from '../schedule/batchJob';
import type { DocumentItem } from '../domain/documents/types';
import { collectData, type DocumentData } from './data';
import { liveFile, liveFolder, type DriveItem } from './drive';
import { FINGERPRINTS, readFingerprints, restamp } from './fingerprints';
import { ensureFolders, type DocumentFolders } from './folders';
import { generateOne, type GenerationContext, type TemplateDoc } from './generate';
import { templateShape } from './templateShapes';
import { readDocumentsState, takeNumbers } from './state';
import type { TemplateShape } from './merge';
import { ensureTemplates } from './templates';
import { shareDocuments } from './access';
import { menuPath } from '../domain/addon';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Which «Настройки» row overrides the number prefix of a folder's documents. */
const PREFIX_SETTINGS: Partial<Record<DocumentFolder, SettingKey>> = {
  Приказы: 'orderPrefix',
  Согласия: 'consentPrefix',
  Программы: 'programPrefix',
};

export function requirePeriod(): string {
  const period = currentPeriod();
  if (!period) {
    throw new UserError(`Сначала настройте учебный год: ${menuPath('setup')}.`);
  }
  return period;
}

/** The folder tree and the templates of the period, made where missing. */
export function ensureDocumentsSpace(period: string): DocumentFolders {
  const folders = ensureFolders(period);
  ensureTemplates(folders);
  return folders;
}

export interface Prepared {
  kind: DocumentKind;
  /** The Drive folder of this kind's documents (checked in Drive on first use). */
  readonly folderId: string;
  template: TemplateDoc;
  shape: TemplateShape;
  data: DocumentData;
}

/**
 * The kind's template, and its folder as a getter: the template is checked at once (its last change
 * tells whether drafts and the cached shape are current), the folder only when a file goes into it
 * (a batch whose drafts are all as they were, or signed, puts nothing there). When the saved state
 * does not know them, or either is gone, the whole tree is made or repaired.
 */
function kindSpace(period: string, kind: DocumentKind): { readonly folderId: string; template: DriveItem } {
  const repaired = () => {
    const space = ensureDocumentsSpace(period);
    const templateId = space.state.templates[kind.id]!;
    return { folderId: space.folders[kind.folder], template: liveFile(templateId) ?? { id: templateId, name: '' } };
  };
  const saved = readDocumentsState();
  const template = saved && saved.period === period ? liveFile(saved.templates[kind.id]) : null;
  if (!saved || !template) return repaired();
  let folderId: string | undefined;
  return {
    template,
    get folderId() {
      folderId ??= liveFolder(saved.folders[kind.folder])?.id ?? repaired().folderId;
      return folderId;
    },
  };
}

/** Everything a preview or a run needs, each source read once. */
export function prepare(ss: Spreadsheet, kindId: DocumentKindId, period: string, date: string): Prepared {
  const kind = documentKind(kindId);
  const space = kindSpace(period, kind);
  const { template } = space;
  // Opened only when needed: a draft made again copies it; new Docs are copies made by Drive.
  let body: GoogleAppsScript.Document.Body | undefined;
  const templateDoc: TemplateDoc = {
    id: template.id,
    modifiedTime: template.modifiedTime ?? '',
    get body() {
      body ??= DocumentApp.openById(template.id).getBody();
      return body;
    },
  };
  return {
    kind,
    get folderId() {
      return space.folderId;
    },
    template: templateDoc,
    shape: templateShape(kind, templateDoc),
    data: collectData(ss, kind, period, date),
  };
}

function prefixFor(kind: DocumentKind, settings: Settings): string {
  const key = PREFIX_SETTINGS[kind.folder];
  const configured = key ? settings[key] : undefined;
  // A prefix becomes part of file names and numbers: letters, digits and dashes only.
  const clean = (configured ?? '').replace(/[^0-9A-Za-zА-Яа-яЁё-]/g, '');
  return clean || kind.numberPrefix;
}

/** Russian line about a finished or running batch. */
export function batchMessage(job: BatchJob): string {
  const parts = [`Готово ${job.done} из ${job.keys.length}`];
  if (job.made) parts.push(`создано ${job.made}`);
  if (job.updated) parts.push(`обновлено ${job.updated}`);
  if (job.skipped.length) parts.push(`пропущено ${job.skipped.length}`);
  return (job.finished ? 'Документы готовы. ' : 'Создаются документы… ') + parts.join(', ') + '.';
}

/** What generateOne needs for documents of a prepared kind dated `date` (ISO). */
export function generationContext(
  prepared: Prepared,
  date: string,
  pdf: boolean,
  register: Register,
): GenerationContext {
  return {
    kind: prepared.kind,
    prefix: prefixFor(prepared.kind, prepared.data.settings),
    template: prepared.template,
    shape: prepared.shape,
    get folderId() {
      return prepared.folderId;
    },
    register,
    common: prepared.data.common,
    date,
    pdf,
  };
}

/** How many documents a batch numbers ahead at once: one counter write and one register write per block. */
const RESERVE_BLOCK = 10;

/**
 * Numbers the next documents of the batch that have no register row yet, from the key at `from`: one
 * counter write and one register write for up to RESERVE_BLOCK of them, instead of two writes per
 * document. A number is still in the register before any Doc carries it; a row numbered ahead gets
 * its Doc later in this run or in the next one (the job keeps its key in `fresh`).
 */
function reserveAhead(
  ctx: GenerationContext,
  job: BatchJob,
  items: Map<string, DocumentItem>,
  from: number,
  fresh: Map<number, string>,
): void {
  const block: Array<{ key: string; item: DocumentItem }> = [];
  for (let i = from; i < job.keys.length && block.length < RESERVE_BLOCK; i++) {
    const item = items.get(job.keys[i]);
    if (item && ctx.register.find(ctx.kind.shortTitle, item.related) < 0) block.push({ key: job.keys[i], item });
  }
  if (block.length === 0) return;
  const numbers = takeNumbers(ctx.prefix, Number(ctx.date.slice(0, 4)), block.length);
  const rows = ctx.register.reserve(
    block.map(({ item }, k) => ({
      number: numbers[k],
      kindName: ctx.kind.shortTitle,
      date: ctx.date,
      title: item.title,
      docUrl: '',
      pdfUrl: '',
      status: DRAFT,
      related: item.related,
    })),
  );
  rows.forEach((row, k) => {
    fresh.set(row, block[k].key);
    ctx.fresh?.add(row);
  });
}

/**
 * Makes documents of the batch until it is done or `budgetMs` of this execution is spent (at least
 * one document per run, so a batch always moves). Progress, the register's links and the
 * fingerprints are saved once, when the run ends (also when it fails): a run killed before that is
 * repeated safely (generate.ts finds its Docs by name).
 */
export interface RunOptions {
  /** What the caller prepared already (a batch started in this call). */
  ready?: Prepared;
  /** The register the caller reads the progress from afterwards. */
  register?: Register;
  /** The job is in no saved state yet: a batch that finishes in this call need not be saved at all. */
  unsaved?: boolean;
}

export function runBatch(ss: Spreadsheet, job: BatchJob, budgetMs: number, options: RunOptions = {}): BatchJob {
  const { ready, register = Register.open(ss), unsaved = false } = options;
  const started = Date.now();
  const prepared = ready ?? prepare(ss, job.kind, job.period, job.date);
  if (prepared.shape.problems.length > 0) {
    throw new UserError(
      `Шаблон «${prepared.kind.templateName}» нужно исправить:\n${prepared.shape.problems.join('\n')}`,
    );
  }
  const items = new Map(prepared.data.items.map((i) => [i.key, i]));
  const ctx = generationContext(prepared, job.date, job.pdf, register);
  ctx.fingerprints = readFingerprints();
  // Rows numbered ahead that carry no Doc yet, by row: from the last run, then this run's blocks.
  const fresh = new Map<number, string>();
  for (const key of job.fresh ?? []) {
    const item = items.get(key);
    const row = item ? register.find(prepared.kind.shortTitle, item.related) : -1;
    if (row >= 0 && register.entry(row).docUrl === '') fresh.set(row, key);
  }
  ctx.fresh = new Set(fresh.keys());
  const known = JSON.stringify(ctx.fingerprints);
  // Links for «Пары и группы», written with the register at the end of the run (one read, one write).
  const pairLinks = new Map<string, string>();
  // Rows whose Doc this run saved (sharing needs not ask Drive whether they are still there).
  const saved = new Set<number>();
  let madeThisRun = 0;
  try {
    while (job.done < job.keys.length) {
      if (madeThisRun > 0 && Date.now() - started > budgetMs) break;
      const key = job.keys[job.done];
      const item = items.get(key);
      if (!item) {
        job.skipped.push(`${key}: больше нет среди участников — пропущен.`);
      } else {
        if (register.find(prepared.kind.shortTitle, item.related) < 0) reserveAhead(ctx, job, items, job.done, fresh);
        const outcome = generateOne(ctx, item);
        if (outcome.kind === 'skipped') job.skipped.push(outcome.reason);
        else {
          if (outcome.kind === 'made') job.made++;
          else job.updated++;
          saved.add(outcome.row);
          const docUrl = ctx.register.entry(outcome.row).docUrl;
          for (const id of item.pairIds) pairLinks.set(id, docUrl);
        }
        madeThisRun++;
      }
      job.done++;
      if (job.done === job.keys.length) job.finished = true;
    }
    // One letter per person for the whole batch, once every Doc of it exists (saved with the register below).
    if (job.finished) {
      const related = new Set(job.keys.flatMap((key) => items.get(key)?.related ?? []));
      restamp(ctx.fingerprints, shareDocuments(ss, prepared.kind, register, { related, live: saved }).docs);
    }
  } finally {
    // The register's links and the fingerprints of this run, in one write each (a run that stops
    // before finds its Docs again by name: generate.ts).
    ctx.register.flush();
    setPairCells(ss, prepared.kind.scope === 'pair' ? 'program' : 'order', pairLinks);
    if (JSON.stringify(ctx.fingerprints) !== known) writeJsonProperty(FINGERPRINTS, ctx.fingerprints);
    const left = [...fresh].filter(([row]) => ctx.fresh!.has(row)).map(([, key]) => key);
    if (left.length > 0) job.fresh = left;
    else delete job.fresh;
    // A batch that needs another call (or failed): the trigger carries it on if the sidebar is closed.
    if (!job.finished && !job.clock) {
      setClockMode('hourly', ss);
      job.clock = true;
    }
    // Nobody asks after a batch that began and ended in this call (the sidebar has its answer).
    if (!(unsaved && job.finished)) writeJob(job);
  }
  if (job.finished) {
    // Only a batch that made the trigger hourly sets it back (reminders: daily, or none).
    if (job.clock) settleClockTrigger(ss, prepared.data.settings);
    logAction(
      ss,
      'Документы',
      `${prepared.kind.shortTitle}: создано ${job.made}, обновлено ${job.updated}, пропущено ${job.skipped.length}.`,
    );
  }
  return job;
}
