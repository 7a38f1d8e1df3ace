/**
 * «Документы»: pick a kind, see what will go in (fields, table, documents, warnings, template
 * problems), then «Создать документы» runs the batch (useDocumentBatch) and the register of recent
 * documents. Every server value is rendered as text; links are rendered only when they are http(s).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BatchProgress, DocumentKindId, DocumentPreview, DocumentsView } from '../src/contract/serverApi';
import { call } from './api';
import { DocumentsBatch } from './DocumentsBatch';
import { DocumentsKinds } from './DocumentsKinds';
import { DocumentsOptions } from './DocumentsOptions';
import { DocumentsPreview } from './DocumentsPreview';
import { DocumentsRegister } from './DocumentsRegister';
import { buildRequest, canStart, isIsoDate, isRunning, isUnfinished, safeUrl, todayIso } from './documentsModel';
import { ExternalLink } from './ExternalLink';
import { ErrorBanner, Loading } from './ui';
import { useDocumentBatch } from './useDocumentBatch';
import { useServer } from './useServer';
import { menuPath } from '../src/domain/addon';

export function DocumentsPanel() {
  const viewServer = useServer({ initial: 'load' });
  const previewServer = useServer();
  const [view, setView] = useState<DocumentsView | null>(null);
  const [kind, setKind] = useState<DocumentKindId | null>(null);
  const [preview, setPreview] = useState<DocumentPreview | null>(null);
  const [pdf, setPdf] = useState(false);
  const [date, setDate] = useState(() => todayIso());
  /** The picked kind for callbacks of the batch loop (closures of an older render). */
  const kindRef = useRef<DocumentKindId | null>(null);

  const loadView = () =>
    void viewServer.run({
      what: 'Не удалось открыть «Документы»',
      send: () => call('getDocumentsView'),
      valid: (v) => !!v && Array.isArray(v.kinds),
      done: (v) => {
        setView(v);
        batch.adopt(v.job);
      },
    });

  const loadPreview = (k: DocumentKindId) =>
    void previewServer.run({
      what: 'Не удалось собрать данные для документа',
      send: () => call('previewDocuments', k),
      valid: (p) => !!p && Array.isArray(p.documents),
      done: setPreview,
      failed: () => setPreview(null),
    });

  const batch = useDocumentBatch((p: BatchProgress) => {
    // The register and the statuses of the preview changed: fetch both again.
    loadView();
    if (kindRef.current && kindRef.current === p.kind) loadPreview(kindRef.current);
  });

  const pick = (k: DocumentKindId) => {
    if (isRunning(batch.current())) return;
    // a failed start of another kind is no longer relevant
    batch.clearFailedStart();
    kindRef.current = k;
    setKind(k);
    setPreview(null);
    loadPreview(k);
  };

  useEffect(loadView, []);

  const viewBusy = viewServer.busy !== null;
  const previewBusy = previewServer.busy !== null;
  const running = isRunning(batch.state);
  const kinds = view?.kinds ?? [];
  const shownPreview = preview && preview.kind === kind ? preview : null;
  const problems = shownPreview?.problems ?? [];
  const dateOk = isIsoDate(date);
  const blocked = !shownPreview || problems.length > 0 || (shownPreview.documents ?? []).length === 0;
  const startDisabled = !kind || previewBusy || blocked || !dateOk || !canStart(batch.state);

  /** «Создать документы»: refused unless the shown preview allows it (a disabled button may still get a click). */
  const create = () => {
    if (!kind || startDisabled) return;
    const req = buildRequest(kind, pdf, date);
    if (req) batch.create(req);
  };

  return (
    <main class="panel documents" aria-busy={viewBusy || previewBusy || running}>
      <header class="panel-head">
        <h1>Документы</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={loadView} disabled={viewBusy}>
          {viewBusy && view ? 'Обновление…' : 'Обновить'}
        </button>
      </header>

      {viewBusy && !view && <Loading text="Загрузка…" />}
      {viewServer.error && <ErrorBanner onRetry={viewServer.error.retry}>{viewServer.error.message}</ErrorBanner>}

      {view && view.period === null && (
        <div class="banner banner-info" role="status">
          <p>Сначала настройте учебный год: меню {menuPath('setup')}.</p>
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

          <DocumentsKinds kinds={kinds} picked={kind} disabled={running} onPick={pick} />

          {previewBusy && <Loading text="Собираем данные для документа…" />}
          {previewServer.error && kind && (
            <ErrorBanner onRetry={previewServer.error.retry}>{previewServer.error.message}</ErrorBanner>
          )}
          {shownPreview && <DocumentsPreview key={shownPreview.kind} preview={shownPreview} />}

          {kind && shownPreview && (
            <DocumentsOptions
              disabled={running}
              pdf={pdf}
              onPdf={setPdf}
              date={date}
              dateOk={dateOk}
              onDate={setDate}
            />
          )}

          {kind && shownPreview && (
            <div class="actions">
              <button type="button" class="btn btn-primary" disabled={startDisabled} onClick={create}>
                {batch.state.pending === 'generate' ? 'Создаём…' : 'Создать документы'}
              </button>
            </div>
          )}
          {shownPreview && problems.length > 0 && (
            <p class="hint red">Сначала исправьте шаблон (ошибки выше), затем выберите вид документа ещё раз.</p>
          )}
          {shownPreview && problems.length === 0 && shownPreview.documents.length === 0 && (
            <p class="hint">Создавать нечего: нет ни одного документа этого вида.</p>
          )}
          {isUnfinished(batch.state.progress) &&
            batch.state.pending === null &&
            (batch.state.paused || batch.state.error) && (
              <p class="hint">Новое создание можно начать, когда закончится текущее.</p>
            )}

          <DocumentsBatch state={batch.state} kinds={kinds} onStop={batch.halt} onResume={batch.carryOn} />

          <DocumentsRegister entries={view.recent ?? []} />
        </div>
      )}
    </main>
  );
}
