/** «Ход реализации»: overall and per-stage progress, overdue and upcoming activities, the year in figures. */
import { useEffect, useState } from 'preact/hooks';
import type { ProgressReport as Report } from '../src/contract/serverApi';
import { call } from './api';
import { ProgressReport } from './ProgressReport';
import { ErrorBanner, Loading } from './ui';
import { EMPTY_ANSWER, useServer } from './useServer';
import { menuWay } from '../src/domain/addon';

export function ProgressPanel() {
  const server = useServer({ initial: 'load' });
  /** The last report: kept on screen while a refresh runs or fails. */
  const [report, setReport] = useState<Report | null>(null);
  /** The server's state before setup: a hint instead of figures (not an error). */
  const [noRoadmap, setNoRoadmap] = useState(false);

  const refresh = () =>
    void server.run({
      what: 'Не удалось получить данные',
      send: () => call('getProgress'),
      valid: (r) => r?.state === 'noRoadmap' || (r?.state === 'ready' && !!r.report?.overall),
      done: (r) => {
        setNoRoadmap(r.state === 'noRoadmap');
        setReport(r.state === 'ready' ? r.report : null);
      },
      failed: (why) => {
        if (why === EMPTY_ANSWER) setReport(null);
      },
    });

  useEffect(refresh, []);

  const loading = server.busy !== null;
  const error = server.error;
  const empty = noRoadmap && !error;

  return (
    <main class="panel" aria-busy={loading}>
      <header class="panel-head">
        <h1>Ход реализации</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={refresh} disabled={loading}>
          {loading ? 'Обновление…' : 'Обновить'}
        </button>
      </header>

      {loading && !report && <Loading text="Загрузка данных…" />}

      {error && <ErrorBanner onRetry={error.retry}>{error.message}</ErrorBanner>}

      {empty && (
        <div class="banner banner-info" role="status">
          <p>
            <strong>Дорожная карта ещё не создана.</strong>
          </p>
          <p>
            Выберите в меню таблицы <b>{menuWay('setup')}</b>, укажите образовательную организацию и учебный год — лист
            с мероприятиями появится автоматически.
          </p>
          <button type="button" class="btn btn-secondary btn-small" onClick={refresh}>
            Проверить ещё раз
          </button>
        </div>
      )}

      {report && <ProgressReport report={report} />}
    </main>
  );
}
