/**
 * «Итоги года»: monitoring (6.1) with its mailing and non-respondents, the events and their news
 * drafts, the best practices with «Добавить практику», and the reminders' state. One server call at
 * a time; every server value is rendered as text, links only when they are http(s).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PracticeInput, YearView } from '../src/contract/serverApi';
import { call } from './api';
import { ErrorBanner, Loading } from './ui';
import { useServer } from './useServer';
import { YearEvents } from './YearEvents';
import { YearMonitoring } from './YearMonitoring';
import { YearPractices } from './YearPractices';
import { YearReminders } from './YearReminders';
import { menuPath } from '../src/domain/addon';

const isView = (v: YearView | null | undefined): v is YearView =>
  !!v && !!v.monitoring && Array.isArray(v.events) && Array.isArray(v.practices);

/** The section an action's message is shown in. */
type Where = 'monitoring' | 'events' | 'practices';

export function YearPanel() {
  const loader = useServer({ initial: 'load' });
  const actions = useServer({ exclusive: true });
  const [view, setView] = useState<YearView | null>(null);
  /** Where the last action was started: its success or its error is shown there. */
  const [at, setAt] = useState<Where | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [news, setNews] = useState<Record<string, string>>({});

  const load = () =>
    void loader.run({
      what: 'Не удалось получить итоги года',
      send: () => call('getYearView'),
      valid: isView,
      done: setView,
    });
  useEffect(load, []);

  /** One action at a time; true when it succeeded. */
  function act<T>(key: string, where: Where, what: string, send: () => Promise<T>, ok: (r: T) => void) {
    if (actions.busy !== null) return Promise.resolve(false);
    setAt(where);
    setNotice(null);
    return actions.run({ key, what, send, valid: (r) => !!r && typeof r === 'object', done: ok });
  }

  const mail = (fn: 'sendMonitoringLinks' | 'sendMeetingLinks') =>
    act(
      fn,
      'monitoring',
      'Не удалось разослать ссылки',
      () => call(fn),
      (r) => {
        setNotice(String(r.message || 'Ссылки разосланы.'));
        if (fn === 'sendMonitoringLinks') load();
      },
    );

  const prepare = (id: string) =>
    act(
      `news:${id}`,
      'events',
      'Не удалось подготовить новость',
      () => call('prepareNews', id),
      (r) => {
        setNews((n) => ({ ...n, [id]: r.url }));
        setNotice(String(r.message || 'Черновик новости готов.'));
      },
    );

  const addPractice = (input: PracticeInput) =>
    act(
      'practice',
      'practices',
      'Не удалось добавить практику',
      () => call('addPractice', input),
      (v) => {
        if (isView(v)) {
          // a reload still on its way (after a mailing) must not bring the list back without it
          loader.cancel();
          setView(v);
        } else load();
        setNotice(`Практика «${input.title}» добавлена.`);
      },
    );

  const loading = loader.busy !== null;
  const busy = actions.busy;
  const off = busy !== null;
  const say = (where: Where) =>
    at !== where ? null : actions.error ? (
      <ErrorBanner>{actions.error.message}</ErrorBanner>
    ) : notice ? (
      <div class="banner banner-ok" role="status">
        {notice}
      </div>
    ) : null;

  const m = view?.monitoring;

  return (
    <main class="panel year-panel" aria-busy={loading || off}>
      <header class="panel-head">
        <h1>Итоги года</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={load} disabled={loading || off}>
          {loading && view ? 'Обновление…' : 'Обновить'}
        </button>
      </header>
      {loading && !view && <Loading />}
      {loader.error && <ErrorBanner onRetry={loader.error.retry}>{loader.error.message}</ErrorBanner>}

      {view && view.period === null && (
        <div class="banner banner-info" role="status">
          Сначала настройте учебный год: меню {menuPath('setup')}.
        </div>
      )}

      {view && view.period !== null && m && (
        <>
          <p class="muted">Учебный год {view.period}</p>
          <YearMonitoring monitoring={m} busy={busy} onMail={mail} message={say('monitoring')} />
          <YearEvents events={view.events} news={news} busy={busy} onPrepare={prepare} message={say('events')} />
          <YearPractices view={view} busy={busy} onAdd={addPractice} message={say('practices')} />
          <YearReminders reminders={view.reminders} />
        </>
      )}
    </main>
  );
}
