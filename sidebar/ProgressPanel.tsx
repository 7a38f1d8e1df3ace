/** «Ход реализации»: overall and per-stage progress, overdue and upcoming activities, the year in figures. */
import { useEffect, useState } from 'preact/hooks';
import type { ProgressReport as Report } from '../src/contract/serverApi';
import { call } from './api';
import { isNoRoadmapError } from './format';
import { ProgressReport } from './ProgressReport';
import { ErrorBanner, Loading } from './ui';
import { EMPTY_ANSWER, useServer } from './useServer';
import { menuWay } from '../src/domain/addon';

export function ProgressPanel() {
  const server = useServer({ initial: 'load' });
  /** The last report: kept on screen while a refresh runs or fails. */
  const [report, setReport] = useState<Report | null>(null);

  const refresh = () =>
    void server.run({
      what: 'Не удалось получить данные',
      send: () => call('getProgress'),
      valid: (r) => !!r && !!r.overall,
      done: setReport,
      failed: (why) => {
        if (why === EMPTY_ANSWER || isNoRoadmapError(why)) setReport(null);
      },
    });

  useEffect(refresh, []);

  const loading = server.busy !== null;
  const error = server.error;
  const empty = !!error && isNoRoadmapError(error.reason);

  return (
    <main class="panel" aria-busy={loading}>
      <header class="panel-head">
        <h1>Ход реализации</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={refresh} disabled={loading}>
          {loading ? 'Обновление…' : 'Обновить'}
        </button>
      </header>

      {loading && !report && <Loading text="Загрузка данных…" />}

      {error && !empty && <ErrorBanner onRetry={error.retry}>{error.message}</ErrorBanner>}

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
