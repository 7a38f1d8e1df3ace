/** «Создание документов»: the running batch's progress, «Остановить»/«Продолжить», what is ready and what was skipped. */
import type { DocumentsView } from '../src/contract/serverApi';
import { DocumentsEntryList } from './DocumentsEntryList';
import { isUnfinished, percent, type BatchState } from './documentsModel';
import { ErrorBanner, ProgressBar } from './ui';

export function DocumentsBatch(props: {
  state: BatchState;
  kinds: DocumentsView['kinds'];
  onStop: () => void;
  onResume: () => void;
}) {
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
          <DocumentsEntryList entries={results} />
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
