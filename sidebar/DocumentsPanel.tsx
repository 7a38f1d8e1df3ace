/**
 * «Документы»: pick a kind, see what will go in (fields, table, documents, warnings, template
 * problems), then «Создать документы» runs the batch — generateDocuments, then continueDocuments one
 * call at a time until the server says finished — and the register of recent documents. Every
 * server value is rendered as text; links are rendered only when they are http(s).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  BatchProgress,
  DocumentEntry,
  DocumentKindId,
  DocumentPreview,
  DocumentsView,
  GenerateRequest,
} from '../src/contract/serverApi';
import { call } from './api';
import {
  buildRequest,
  canStart,
  continueDelay,
  existingLabel,
  fail,
  IDLE,
  isIsoDate,
  isProgress,
  isRunning,
  isUnfinished,
  nextJob,
  percent,
  receive,
  resume,
  safeUrl,
  send,
  start,
  statusLabel,
  stop,
  todayIso,
  syncJob,
  wait,
  type BatchState,
} from './documentsModel';
import { plural } from '../src/domain/russianPlural';
import { formatDate } from './format';
import { ErrorBanner, Loading, MoreButton, ProgressBar } from './ui';

/** Lists longer than this are cut, with «Показать ещё». */
const PAGE = 50;

export interface DocumentsPanelProps {
  load?: () => Promise<DocumentsView>;
  preview?: (kind: DocumentKindId) => Promise<DocumentPreview>;
  generate?: (request: GenerateRequest) => Promise<BatchProgress>;
  proceed?: (jobId: string) => Promise<BatchProgress>;
}

const reason = (e: unknown) => ((e as Error | null)?.message || '').trim() || 'неизвестная ошибка';

export function DocumentsPanel(props: DocumentsPanelProps) {
  const load = props.load ?? (() => call('getDocumentsView'));
  const getPreview = props.preview ?? ((kind: DocumentKindId) => call('previewDocuments', kind));
  const generate = props.generate ?? ((req: GenerateRequest) => call('generateDocuments', req));
  const proceed = props.proceed ?? ((jobId: string) => call('continueDocuments', jobId));

  const [view, setView] = useState<DocumentsView | null>(null);
  const [viewBusy, setViewBusy] = useState(true);
  const [viewError, setViewError] = useState<string | null>(null);

  const [kind, setKind] = useState<DocumentKindId | null>(null);
  const [preview, setPreview] = useState<DocumentPreview | null>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);

  const [pdf, setPdf] = useState(false);
  const [date, setDate] = useState(() => todayIso());

  /** The batch loop: the ref is the truth (a double click reads it before Preact re-renders). */
  const batchRef = useRef<BatchState>(IDLE);
  const [batch, setBatch] = useState<BatchState>(IDLE);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const viewSeq = useRef(0);
  const previewSeq = useRef(0);
  /** The picked kind for callbacks of the batch loop (closures of an older render). */
  const kindRef = useRef<DocumentKindId | null>(null);

  const apply = (next: BatchState) => {
    batchRef.current = next;
    setBatch(next);
  };

  const loadView = () => {
    const id = ++viewSeq.current;
    setViewBusy(true);
    setViewError(null);
    load().then(
      (v) => {
        if (id !== viewSeq.current) return;
        setViewBusy(false);
        if (!v || !Array.isArray(v.kinds)) {
          setViewError('Не удалось открыть «Документы»: сервер вернул пустой ответ');
          return;
        }
        setView(v);
        // A batch the server runs (its trigger) is shown, merged with the panel's own.
        const before = batchRef.current;
        const next = syncJob(before, v.job);
        if (next !== before) apply(next);
      },
      (e) => {
        if (id !== viewSeq.current) return;
        setViewBusy(false);
        setViewError(`Не удалось открыть «Документы»: ${reason(e)}`);
      },
    );
  };

  const loadPreview = (k: DocumentKindId) => {
    const id = ++previewSeq.current;
    setPreviewBusy(true);
    setPreviewError(null);
    getPreview(k).then(
      (p) => {
        if (id !== previewSeq.current) return;
        setPreviewBusy(false);
        if (!p || !Array.isArray(p.documents)) {
          setPreview(null);
          setPreviewError('Не удалось собрать данные для документа: сервер вернул пустой ответ');
          return;
        }
        setPreview(p);
      },
      (e) => {
        if (id !== previewSeq.current) return;
        setPreviewBusy(false);
        setPreview(null);
        setPreviewError(`Не удалось собрать данные для документа: ${reason(e)}`);
      },
    );
  };

  const pick = (k: DocumentKindId) => {
    const b = batchRef.current;
    if (isRunning(b)) return;
    // a failed start of another kind is no longer relevant
    if (!b.progress && b.error) apply(IDLE);
    kindRef.current = k;
    setKind(k);
    setPreview(null);
    loadPreview(k);
  };

  const finished = (p: BatchProgress) => {
    // The register and the statuses of the preview changed: fetch both again.
    loadView();
    if (kindRef.current && kindRef.current === p.kind) loadPreview(kindRef.current);
  };

  const answer = (p: unknown, what: string) => {
    if (!isProgress(p)) {
      apply(fail(batchRef.current, `${what}: сервер вернул пустой ответ`));
      return;
    }
    apply(receive(batchRef.current, p));
    if (p.finished) finished(p);
    else pump();
  };

  const sendContinue = () => {
    timer.current = null;
    const before = batchRef.current;
    const next = send(before);
    if (next === before || !next.progress) return;
    apply(next);
    const what = 'Не удалось продолжить создание документов';
    proceed(next.progress.jobId).then(
      (p) => answer(p, what),
      (e) => apply(fail(batchRef.current, `${what}: ${reason(e)}`)),
    );
  };

  /** One continueDocuments at a time: the next one is sent only after the previous answer. */
  const pump = () => {
    const s = batchRef.current;
    if (nextJob(s) === null) return;
    const delay = continueDelay(s);
    if (delay > 0) {
      apply(wait(s));
      timer.current = setTimeout(sendContinue, delay);
    } else {
      sendContinue();
    }
  };

  const running = isRunning(batch);
  const kinds = view?.kinds ?? [];
  const shownPreview = preview && preview.kind === kind ? preview : null;
  const problems = shownPreview?.problems ?? [];
  const dateOk = isIsoDate(date);
  const blocked = !shownPreview || problems.length > 0 || (shownPreview.documents ?? []).length === 0;
  const startDisabled = !kind || previewBusy || blocked || !dateOk || !canStart(batch);

  /** «Создать документы»: refused unless the shown preview allows it (a disabled button may still get a click). */
  const create = () => {
    if (!kind || startDisabled) return;
    const req = buildRequest(kind, pdf, date);
    const before = batchRef.current;
    if (!req || !canStart(before)) return;
    apply(start(before));
    const what = 'Не удалось создать документы';
    generate(req).then(
      (p) => answer(p, what),
      (e) => apply(fail(batchRef.current, `${what}: ${reason(e)}`)),
    );
  };

  const halt = () => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    apply(stop(batchRef.current));
  };

  const carryOn = () => {
    const before = batchRef.current;
    const next = resume(before);
    if (next === before) return;
    apply(next);
    pump();
  };

  useEffect(() => {
    loadView();
    return () => {
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  return (
    <main class="panel documents" aria-busy={viewBusy || previewBusy || running}>
      <header class="panel-head">
        <h1>Документы</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={loadView} disabled={viewBusy}>
          {viewBusy && view ? 'Обновление…' : 'Обновить'}
        </button>
      </header>

      {viewBusy && !view && <Loading text="Загрузка…" />}
      {viewError && <ErrorBanner onRetry={loadView}>{viewError}</ErrorBanner>}

      {view && view.period === null && (
        <div class="banner banner-info" role="status">
          <p>Сначала настройте учебный год: меню «Наставничество → Настроить учебный год…».</p>
          <p>После этого здесь можно будет создавать приказы и согласия.</p>
        </div>
      )}

      {view && view.period !== null && (
        <div class="documents-body">
          <p class="doc-period">
            Учебный год <strong>{view.period}</strong>
            {safeUrl(view.folderUrl) && (
              <>
                {' · '}
                <ExternalLink url={view.folderUrl}>Папка документов</ExternalLink>
              </>
            )}
          </p>

          {kinds.length === 0 ? (
            <p class="hint">Виды документов не найдены.</p>
          ) : (
            <fieldset class="doc-kinds" disabled={running}>
              <legend>Какой документ создать</legend>
              {kinds.map((k, i) => (
                <div class={k.id === kind ? 'doc-kind is-picked' : 'doc-kind'} key={k.id}>
                  <input
                    type="radio"
                    name="doc-kind"
                    id={`dk-${i}`}
                    value={k.id}
                    checked={k.id === kind}
                    onChange={() => pick(k.id)}
                  />
                  <label for={`dk-${i}`}>{k.title}</label>
                  {safeUrl(k.templateUrl) && (
                    <ExternalLink url={k.templateUrl} class="doc-template small">
                      Открыть шаблон
                    </ExternalLink>
                  )}
                </div>
              ))}
            </fieldset>
          )}

          {previewBusy && <Loading text="Собираем данные для документа…" />}
          {previewError && kind && <ErrorBanner onRetry={() => loadPreview(kind)}>{previewError}</ErrorBanner>}
          {shownPreview && <Preview key={shownPreview.kind} preview={shownPreview} />}

          {kind && shownPreview && (
            <fieldset class="doc-options" disabled={running}>
              <legend>Параметры</legend>
              <div class="doc-check">
                <input type="checkbox" id="doc-pdf" checked={pdf} onChange={(e) => setPdf(!!e.currentTarget.checked)} />
                <label for="doc-pdf">Сохранить также PDF</label>
              </div>
              <div class="field">
                <label for="doc-date">Дата документов</label>
                <input
                  type="date"
                  id="doc-date"
                  value={date}
                  aria-invalid={!dateOk}
                  onInput={(e) => setDate(e.currentTarget.value)}
                  onChange={(e) => setDate(e.currentTarget.value)}
                />
              </div>
              {!dateOk && <p class="hint red">Укажите дату документов.</p>}
            </fieldset>
          )}

          {kind && shownPreview && (
            <div class="actions">
              <button type="button" class="btn btn-primary" disabled={startDisabled} onClick={create}>
                {batch.pending === 'generate' ? 'Создаём…' : 'Создать документы'}
              </button>
            </div>
          )}
          {shownPreview && problems.length > 0 && (
            <p class="hint red">Сначала исправьте шаблон (ошибки выше), затем выберите вид документа ещё раз.</p>
          )}
          {shownPreview && problems.length === 0 && shownPreview.documents.length === 0 && (
            <p class="hint">Создавать нечего: нет ни одного документа этого вида.</p>
          )}
          {isUnfinished(batch.progress) && batch.pending === null && (batch.paused || batch.error) && (
            <p class="hint">Новое создание можно начать, когда закончится текущее.</p>
          )}

          <Batch state={batch} kinds={kinds} onStop={halt} onResume={carryOn} />

          <Register entries={view.recent ?? []} />
        </div>
      )}
    </main>
  );
}

/** A link opened in a new tab; nothing but its text when the URL is not http(s). */
function ExternalLink(props: { url: string | null | undefined; class?: string; children: string }) {
  const url = safeUrl(props.url);
  if (!url) return null;
  return (
    <a class={props.class} href={url} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  );
}

function Preview(props: { preview: DocumentPreview }) {
  const p = props.preview;
  const fields = p.fields ?? [];
  const header = p.table?.header ?? [];
  const rows = p.table?.rows ?? [];
  const documents = p.documents ?? [];
  const warnings = p.warnings ?? [];
  const problems = p.problems ?? [];
  const [limit, setLimit] = useState(PAGE);
  return (
    <section class="doc-preview" aria-labelledby="h-doc-preview">
      <h2 id="h-doc-preview">Что войдёт в документ</h2>
      {p.title && <p class="doc-title">{p.title}</p>}

      {problems.length > 0 && (
        <div class="banner banner-error" role="alert">
          <p>
            <strong>Ошибки в шаблоне — документы не будут созданы, пока их не исправить:</strong>
          </p>
          <ul class="plain doc-msgs">
            {problems.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      {warnings.length > 0 && (
        <div class="banner banner-warn" role="status">
          <ul class="plain doc-msgs">
            {warnings.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      {fields.length > 0 && (
        <dl class="doc-fields">
          {fields.map((f, i) => (
            <div class="doc-field" key={i}>
              <dt>{f.label}</dt>
              <dd>{f.value === '' ? '—' : f.value}</dd>
            </div>
          ))}
        </dl>
      )}

      {p.nameNote && <p class="muted doc-name-note">{p.nameNote}</p>}

      {(header.length > 0 || rows.length > 0) && (
        <div class="table-wrap doc-table-wrap" tabIndex={0} aria-label="Таблица документа">
          <table class="doc-table">
            {header.length > 0 && (
              <thead>
                <tr>
                  {header.map((h, i) => (
                    <th scope="col" key={i}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {rows.map((r, ri) => (
                <tr key={ri}>
                  {(r ?? []).map((c, ci) => (
                    <td key={ci}>{c}</td>
                  ))}
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td class="muted" colSpan={Math.max(1, header.length)}>
                    Строк нет.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}

      <h3>
        Будет {documents.length === 1 ? 'создан' : 'создано'} <span class="count">{documents.length}</span>{' '}
        {plural(documents.length, 'документ', 'документа', 'документов')}
      </h3>
      {documents.length > 0 && (
        <ul class="plain doc-list">
          {documents.slice(0, limit).map((d) => (
            <li key={d.key}>
              <span class="doc-list-title">{d.title}</span>
              <span
                class={
                  d.existing === 'подписан' ? 'chip chip-ok' : d.existing === 'черновик' ? 'chip' : 'chip chip-new'
                }
              >
                {existingLabel(d.existing)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {documents.length > limit && (
        <MoreButton shown={limit} total={documents.length} onClick={() => setLimit(limit + PAGE)} />
      )}
    </section>
  );
}

function Batch(props: { state: BatchState; kinds: DocumentsView['kinds']; onStop: () => void; onResume: () => void }) {
  const s = props.state;
  const p = s.progress;
  if (!p && s.pending === null && !s.error) return null;
  const kindTitle = p ? (props.kinds.find((k) => k.id === p.kind)?.title ?? '') : '';
  const unfinished = isUnfinished(p);
  const looping = unfinished && !s.paused && !s.error;
  const results = p?.results ?? [];
  const skipped = p?.skipped ?? [];
  return (
    <section class="doc-batch" aria-labelledby="h-doc-batch">
      <h2 id="h-doc-batch">{p?.finished ? 'Документы созданы' : 'Создание документов'}</h2>
      {kindTitle && <p class="muted small">{kindTitle}</p>}

      {(p || s.pending === 'generate') && (
        <div class="doc-progress" aria-live="polite">
          <ProgressBar percent={percent(p)} label="Создание документов" />
          <p class="doc-progress-text">
            {p ? (
              <>
                <strong>
                  {p.done} из {p.total}
                </strong>
                {p.message ? ` · ${p.message}` : ''}
              </>
            ) : (
              'Начинаем…'
            )}
          </p>
        </div>
      )}

      {s.error && <ErrorBanner>{s.error}</ErrorBanner>}

      {(looping || s.pending === 'generate') && !s.paused && (
        <div class="actions">
          <button type="button" class="btn btn-secondary" onClick={props.onStop}>
            Остановить
          </button>
        </div>
      )}

      {unfinished && (s.paused || s.error) && (
        <>
          {s.paused && (
            <p class="hint" role="status">
              {s.pending === 'continue'
                ? 'Останавливаем: дожидаемся текущей порции документов…'
                : 'Панель больше не следит за созданием, но сервер продолжит его сам, в фоне — панель можно закрыть, готовые документы появятся в реестре. Нажмите «Продолжить», чтобы следить здесь.'}
            </p>
          )}
          <div class="actions">
            <button type="button" class="btn btn-primary" disabled={s.pending !== null} onClick={props.onResume}>
              Продолжить
            </button>
          </div>
        </>
      )}

      {results.length > 0 && (
        <>
          <h3>
            {p?.finished ? 'Готово' : 'Готово пока'} <span class="count">{results.length}</span>
          </h3>
          <EntryList entries={results} />
        </>
      )}
      {skipped.length > 0 && (
        <>
          <h3>
            Пропущено <span class="count">{skipped.length}</span>
          </h3>
          <ul class="plain doc-msgs doc-skipped">
            {skipped.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function EntryList(props: { entries: DocumentEntry[]; register?: boolean }) {
  const [limit, setLimit] = useState(PAGE);
  const entries = props.entries;
  return (
    <>
      <ul class={props.register ? 'plain doc-entries doc-register' : 'plain doc-entries'}>
        {entries.slice(0, limit).map((d, i) => (
          <li class="doc-entry" key={`${d.number}-${i}`}>
            <div class="doc-entry-head">
              <span class="doc-number">{d.number}</span>
              {props.register && <span class="item-date">{formatDate(d.date)}</span>}
              {props.register && (
                <span class={d.status === 'подписан' ? 'chip chip-ok' : 'chip'}>{statusLabel(d.status)}</span>
              )}
            </div>
            <div class="doc-entry-title">{d.title}</div>
            {props.register && d.kindTitle && <div class="muted small">{d.kindTitle}</div>}
            <div class="doc-links">
              <ExternalLink url={d.docUrl}>Документ</ExternalLink>
              <ExternalLink url={d.pdfUrl}>PDF</ExternalLink>
            </div>
          </li>
        ))}
      </ul>
      {entries.length > limit && (
        <MoreButton shown={limit} total={entries.length} onClick={() => setLimit(limit + PAGE)} />
      )}
    </>
  );
}

function Register(props: { entries: DocumentEntry[] }) {
  return (
    <section class="doc-register-section" aria-labelledby="h-doc-register">
      <h2 id="h-doc-register">
        Реестр документов <span class="count">{props.entries.length}</span>
      </h2>
      {props.entries.length === 0 ? (
        <p class="muted">Документов пока нет.</p>
      ) : (
        <EntryList entries={props.entries} register />
      )}
    </section>
  );
}
