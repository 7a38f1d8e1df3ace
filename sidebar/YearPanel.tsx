/**
 * «Итоги года»: monitoring (6.1) with its mailing and non-respondents, the events and their news
 * drafts, the best practices with «Добавить практику», and the reminders' state. One server call at
 * a time; every server value is rendered as text, links only when they are http(s).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PracticeInput, YearView } from '../src/contract/serverApi';
import { call } from './api';
import { safeUrl } from './documentsModel';
import { formatDate } from './format';
import { ErrorBanner, Loading, ProgressBar } from './ui';
import {
  buildPractice,
  EMPTY_PRACTICE,
  eventBadge,
  newsState,
  percentOf,
  practiceBadge,
  practiceProblems,
  sortEvents,
} from './yearModel';

const reason = (e: unknown) => ((e as Error | null)?.message || '').trim() || 'неизвестная ошибка';
const EMPTY_ANSWER = 'сервер вернул пустой ответ';

const isView = (v: YearView | null | undefined): v is YearView =>
  !!v && !!v.monitoring && Array.isArray(v.events) && Array.isArray(v.practices);

type Where = 'monitoring' | 'events' | 'practices';
type Notice = { at: Where; text: string; error?: boolean };

export function YearPanel() {
  const [view, setView] = useState<YearView | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [news, setNews] = useState<Record<string, string>>({});
  const [showAll, setShowAll] = useState(false);
  const busyRef = useRef<string | null>(null);
  const seq = useRef(0);

  const load = () => {
    const id = ++seq.current;
    setLoading(true);
    setLoadError(null);
    call('getYearView').then(
      (v) => {
        if (id !== seq.current) return;
        setLoading(false);
        if (isView(v)) setView(v);
        else setLoadError(EMPTY_ANSWER);
      },
      (e) => {
        if (id !== seq.current) return;
        setLoading(false);
        setLoadError(reason(e));
      },
    );
  };
  useEffect(load, []);

  /** One call at a time (a double click reads the ref before Preact re-renders); true when it succeeded. */
  function run<T>(key: string, at: Where, what: string, go: () => Promise<T>, ok: (r: T) => void): Promise<boolean> {
    if (busyRef.current) return Promise.resolve(false);
    busyRef.current = key;
    setBusy(key);
    setNotice(null);
    const done = () => {
      busyRef.current = null;
      setBusy(null);
    };
    return go().then(
      (r) => {
        done();
        if (!r || typeof r !== 'object') {
          setNotice({ at, text: `${what}: ${EMPTY_ANSWER}`, error: true });
          return false;
        }
        ok(r);
        return true;
      },
      (e) => {
        done();
        setNotice({ at, text: `${what}: ${reason(e)}`, error: true });
        return false;
      },
    );
  }

  const mail = (fn: 'sendMonitoringLinks' | 'sendMeetingLinks') =>
    run(
      fn,
      'monitoring',
      'Не удалось разослать ссылки',
      () => call(fn),
      (r) => {
        setNotice({ at: 'monitoring', text: String(r.message || 'Ссылки разосланы.') });
        if (fn === 'sendMonitoringLinks') load();
      },
    );

  const prepare = (id: string) =>
    run(
      `news:${id}`,
      'events',
      'Не удалось подготовить новость',
      () => call('prepareNews', id),
      (r) => {
        setNews((n) => ({ ...n, [id]: r.url }));
        setNotice({ at: 'events', text: String(r.message || 'Черновик новости готов.') });
      },
    );

  const addPractice = (input: PracticeInput) =>
    run(
      'practice',
      'practices',
      'Не удалось добавить практику',
      () => call('addPractice', input),
      (v) => {
        if (isView(v)) {
          // a reload still on its way (after a mailing) must not bring the list back without it
          ++seq.current;
          setLoading(false);
          setView(v);
        } else load();
        setNotice({ at: 'practices', text: `Практика «${input.title}» добавлена.` });
      },
    );

  const off = busy !== null;
  const say = (at: Where) =>
    notice && notice.at === at ? (
      notice.error ? (
        <ErrorBanner>{notice.text}</ErrorBanner>
      ) : (
        <div class="banner banner-ok" role="status">
          {notice.text}
        </div>
      )
    ) : null;

  const m = view?.monitoring;
  const non = m?.nonRespondents ?? [];
  const events = sortEvents(view?.events);

  return (
    <main class="panel year-panel" aria-busy={loading || off}>
      <header class="panel-head">
        <h1>Итоги года</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={load} disabled={loading || off}>
          {loading && view ? 'Обновление…' : 'Обновить'}
        </button>
      </header>
      {loading && !view && <Loading />}
      {loadError && <ErrorBanner onRetry={load}>Не удалось получить итоги года: {loadError}</ErrorBanner>}

      {view && view.period === null && (
        <div class="banner banner-info" role="status">
          Сначала настройте учебный год: меню «Наставничество → Настроить учебный год…».
        </div>
      )}

      {view && view.period !== null && m && (
        <>
          <p class="muted">Учебный год {view.period}</p>

          <section aria-labelledby="h-mon">
            <h2 id="h-mon">Мониторинг (6.1)</h2>
            <p>
              Ответили <strong>{m.answered}</strong> из {m.expected}
            </p>
            <ProgressBar percent={percentOf(m.answered, m.expected)} label="Ответили на мониторинг" />
            {!m.formsReady && <p class="hint">Формы мониторинга будут созданы при первой рассылке.</p>}
            {m.linksSentAt && <p class="muted small">Ссылки разосланы {formatDate(m.linksSentAt)}</p>}
            {non.length > 0 && (
              <>
                <button
                  type="button"
                  class="btn btn-toggle btn-small"
                  aria-expanded={showAll}
                  onClick={() => setShowAll(!showAll)}
                >
                  Не ответили: {non.length}
                </button>
                {showAll && (
                  <ul class="plain ylist">
                    {non.map((p, i) => (
                      <li key={i}>
                        {p.name}{' '}
                        <span class="muted small">
                          · {p.role} · {p.pairId}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            <div class="actions">
              <button type="button" class="btn btn-primary" disabled={off} onClick={() => mail('sendMonitoringLinks')}>
                {busy === 'sendMonitoringLinks' ? 'Рассылаем…' : 'Разослать ссылки на мониторинг'}
              </button>
              <button type="button" class="btn btn-secondary" disabled={off} onClick={() => mail('sendMeetingLinks')}>
                {busy === 'sendMeetingLinks' ? 'Рассылаем…' : 'Разослать наставникам ссылки на отчёт о встрече'}
              </button>
            </div>
            {say('monitoring')}
          </section>

          <section aria-labelledby="h-events">
            <h2 id="h-events">
              Мероприятия <span class="count">{events.length}</span>
            </h2>
            {say('events')}
            {events.length === 0 ? (
              <p class="muted">Мероприятия вносятся на листе «Мероприятия».</p>
            ) : (
              <ul class="plain ylist">
                {events.map((e) => {
                  const b = eventBadge(e);
                  const n = newsState(e, news[e.id]);
                  return (
                    <li class="item" key={e.id}>
                      <div class="item-head">
                        <span class="item-date">{e.date ? formatDate(e.date) : 'без даты'}</span>
                        <span class={b.cls}>{b.label}</span>
                      </div>
                      <div class="item-title">
                        {e.kind && <span class="muted">{e.kind}: </span>}
                        {e.topic}
                      </div>
                      {e.held && (
                        <div class="row">
                          <button
                            type="button"
                            class="btn btn-secondary btn-small"
                            disabled={off}
                            onClick={() => prepare(e.id)}
                          >
                            {busy === `news:${e.id}` ? 'Готовим…' : n.button}
                          </button>
                          {n.url && (
                            <a href={n.url} target="_blank" rel="noopener noreferrer">
                              Открыть черновик
                            </a>
                          )}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section aria-labelledby="h-prac">
            <h2 id="h-prac">
              Методическая копилка <span class="count">{view.practices.length}</span>
            </h2>
            {view.practiceFormUrl && safeUrl(view.practiceFormUrl) && (
              <p class="small">
                <a href={safeUrl(view.practiceFormUrl)!} target="_blank" rel="noopener noreferrer">
                  Форма «Предложить практику» для педагогов
                </a>
              </p>
            )}
            {view.materialsFolderUrl && safeUrl(view.materialsFolderUrl) && (
              <p class="small">
                <a href={safeUrl(view.materialsFolderUrl)!} target="_blank" rel="noopener noreferrer">
                  Папка материалов на Диске
                </a>
              </p>
            )}
            {view.practices.length === 0 ? (
              <p class="muted">Практик пока нет.</p>
            ) : (
              <ul class="plain ylist">
                {view.practices.map((p) => {
                  const b = practiceBadge(p.status);
                  const url = safeUrl(p.materials);
                  return (
                    <li class="item" key={p.id}>
                      <div class="item-head">
                        <strong class="item-title">{p.title}</strong>
                        <span class={b.cls}>{b.label}</span>
                      </div>
                      <div class="muted small">
                        {p.author}
                        {p.competence && ` · ${p.competence}`}
                      </div>
                      {url && (
                        <a class="small" href={url} target="_blank" rel="noopener noreferrer">
                          Материалы
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            <PracticeForm
              competences={view.competences ?? []}
              busy={busy === 'practice'}
              off={off}
              onAdd={addPractice}
            />
            {say('practices')}
          </section>

          <section aria-labelledby="h-rem">
            <h2 id="h-rem">Напоминания</h2>
            <p>
              {view.reminders?.enabled ? 'Включены' : 'Выключены'}
              {' · '}
              {view.reminders?.lastRun
                ? `последний запуск ${formatDate(view.reminders.lastRun)}`
                : 'ещё не запускались'}
            </p>
            <p class="hint">Включаются и выключаются на листе «Настройки».</p>
          </section>
        </>
      )}
    </main>
  );
}

type Field = keyof PracticeInput;

/** «Добавить практику»: validated here; what was typed stays until the server has added it. */
function PracticeForm(props: {
  competences: string[];
  busy: boolean;
  off: boolean;
  onAdd: (input: PracticeInput) => Promise<boolean>;
}) {
  const [d, setD] = useState<PracticeInput>(EMPTY_PRACTICE);
  const [tried, setTried] = useState(false);
  const problems = tried ? practiceProblems(d) : {};
  const set = (k: Field) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setD((x) => ({ ...x, [k]: value }));
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (props.off || Object.keys(practiceProblems(d)).length) return;
    props.onAdd(buildPractice(d)).then((ok) => {
      if (!ok) return;
      setD(EMPTY_PRACTICE);
      setTried(false);
    });
  };

  const text = (k: Field, label: string, area?: boolean) => (
    <label class="small field">
      {label}
      {area ? (
        <textarea rows={3} value={d[k]} onInput={set(k)} />
      ) : (
        <input type="text" value={d[k]} aria-invalid={!!problems[k]} onInput={set(k)} />
      )}
      {problems[k] && <span class="hint red">{problems[k]}</span>}
    </label>
  );

  return (
    <form class="yform" onSubmit={submit} noValidate>
      <h3>Добавить практику</h3>
      <fieldset disabled={props.busy}>
        {text('title', 'Название практики')}
        {text('author', 'Автор')}
        <label class="small field">
          Компетенция
          <select value={d.competence} onChange={set('competence')}>
            <option value="">— не указана —</option>
            {props.competences.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {text('description', 'Описание', true)}
        {text('materials', 'Ссылка на материалы (необязательно)')}
      </fieldset>
      <button type="submit" class="btn btn-primary" disabled={props.off}>
        {props.busy ? 'Добавляем…' : 'Добавить практику'}
      </button>
    </form>
  );
}
