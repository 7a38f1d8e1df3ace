/**
 * «Моя пара»: read-only, for any account — the person's own pairs or groups, their program and the
 * meeting reports. For an account that may not manage mentoring it also says why the curator's
 * panels are closed (the server refuses their calls anyway).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MyPairEntry, MyPairView } from '../src/contract/serverApi';
import { call } from './api';
import { formatDate } from './format';
import { ErrorBanner, Loading, ProgressBar } from './ui';

type State = { kind: 'loading' } | { kind: 'ready'; view: MyPairView } | { kind: 'error'; message: string };

function Pair(props: { pair: MyPairEntry }) {
  const p = props.pair;
  const period = [p.start, p.end].filter(Boolean).map(formatDate).join(' — ');
  return (
    <section class="my-pair" aria-label={p.pairId}>
      <h2>
        {p.pairId} · {p.kind} · вы {p.role}
      </h2>
      <p>
        Наставник: {p.mentorName}
        <br />
        {p.kind === 'группа' ? 'Наставляемые' : 'Наставляемый'}: {p.menteeNames.join(', ')}
      </p>
      {period && <p class="muted">Срок: {period}</p>}
      <h3>Программа</h3>
      {p.progress === null ? (
        <p class="muted">Программа ещё не составлена.</p>
      ) : (
        <>
          <p class="muted">Выполнено {p.progress}%</p>
          <ProgressBar percent={p.progress} label={`Выполнено ${p.progress}%`} thin />
          <ul class="my-list">
            {p.activities.map((a) => (
              <li key={`${a.date}${a.title}`}>
                {formatDate(a.date)} — {a.title} <span class="muted">({a.status})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Отчёты о встречах</h3>
      {p.meetings.length === 0 ? (
        <p class="muted">Отчётов о встречах пока нет.</p>
      ) : (
        <ul class="my-list">
          {p.meetings.map((m, i) => (
            <li key={i}>
              {formatDate(m.date)} — {m.topic || 'без темы'}
              {m.format && <span class="muted"> ({m.format})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyPairPanel(props: { load?: () => Promise<MyPairView> }) {
  const load = props.load ?? (() => call('getMyPair'));
  const [state, setState] = useState<State>({ kind: 'loading' });
  const refresh = useCallback(() => {
    setState({ kind: 'loading' });
    load().then(
      (view) => setState({ kind: 'ready', view }),
      (e: Error) => setState({ kind: 'error', message: (e && e.message) || 'неизвестная ошибка' }),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return (
    <main class="panel" aria-busy={state.kind === 'loading'}>
      <header class="panel-head">
        <h1>Моя пара</h1>
      </header>
      {state.kind === 'loading' && <Loading text="Загрузка данных…" />}
      {state.kind === 'error' && (
        <ErrorBanner onRetry={refresh}>Не удалось получить данные: {state.message}</ErrorBanner>
      )}
      {state.kind === 'ready' && (
        <>
          {state.view.notice && (
            <div class="banner banner-info" role="status">
              {state.view.notice}
            </div>
          )}
          {state.view.empty && <p class="muted">{state.view.empty}</p>}
          {state.view.pairs.map((p) => (
            <Pair key={p.pairId} pair={p} />
          ))}
        </>
      )}
    </main>
  );
}
