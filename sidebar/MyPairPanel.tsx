/**
 * «Моя пара»: read-only, for any account — the person's own pairs or groups, their program and the
 * meeting reports. For an account that may not manage mentoring it also says why the curator's
 * panels are closed (the server refuses their calls anyway).
 */
import { useEffect, useState } from 'preact/hooks';
import type { MyPairView } from '../src/contract/serverApi';
import { call } from './api';
import { MyPairCard } from './MyPairCard';
import { ErrorBanner, Loading } from './ui';
import { useServer } from './useServer';

export function MyPairPanel() {
  const server = useServer({ initial: 'load' });
  const [view, setView] = useState<MyPairView | null>(null);
  const refresh = () =>
    void server.run({
      what: 'Не удалось получить данные',
      send: () => call('getMyPair'),
      valid: (v) => !!v && Array.isArray(v.pairs),
      done: setView,
    });
  useEffect(refresh, []);
  const loading = server.busy !== null;
  const ready = !loading && !server.error ? view : null;
  return (
    <main class="panel" aria-busy={loading}>
      <header class="panel-head">
        <h1>Моя пара</h1>
      </header>
      {loading && <Loading text="Загрузка данных…" />}
      {server.error && <ErrorBanner onRetry={server.error.retry}>{server.error.message}</ErrorBanner>}
      {ready && (
        <>
          {ready.notice && (
            <div class="banner banner-info" role="status">
              {ready.notice}
            </div>
          )}
          {ready.empty && <p class="muted">{ready.empty}</p>}
          {ready.pairs.map((p) => (
            <MyPairCard key={p.pairId} pair={p} />
          ))}
        </>
      )}
    </main>
  );
}
