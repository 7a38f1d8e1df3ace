/** «Ход реализации»: overall and per-stage progress, overdue and upcoming activities, the year in figures. */
import { Fragment } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { OverdueItem, ProgressReport, StageProgress, YearFigures } from '../src/contract/serverApi';
import { call } from './api';
import { plural } from '../src/domain/russianPlural';
import { formatDate, isNoRoadmapError } from './format';
import { Bars, ErrorBanner, Loading, ProgressBar } from './ui';
import { decimal, percentOf, questionGroups, scoreWidth } from './yearModel';

type State =
  | { kind: 'loading'; report: ProgressReport | null }
  | { kind: 'ready'; report: ProgressReport }
  | { kind: 'empty'; message: string }
  | { kind: 'error'; message: string; report: ProgressReport | null };

export function ProgressPanel(props: { load?: () => Promise<ProgressReport> }) {
  const load = props.load ?? (() => call('getProgress'));
  const [state, setState] = useState<State>({ kind: 'loading', report: null });
  const seq = useRef(0);

  const refresh = useCallback(() => {
    const id = ++seq.current;
    setState((s) => ({ kind: 'loading', report: 'report' in s ? s.report : null }));
    load().then(
      (report) => {
        if (id !== seq.current) return;
        if (!report || !report.overall) {
          setState({ kind: 'error', message: 'сервер вернул пустой ответ', report: null });
        } else {
          setState({ kind: 'ready', report });
        }
      },
      (e: Error) => {
        if (id !== seq.current) return;
        const message = (e && e.message) || 'неизвестная ошибка';
        if (isNoRoadmapError(message)) setState({ kind: 'empty', message });
        else setState((s) => ({ kind: 'error', message, report: 'report' in s ? s.report : null }));
      },
    );
  }, []);

  useEffect(refresh, [refresh]);

  const loading = state.kind === 'loading';
  const report = 'report' in state ? state.report : null;

  return (
    <main class="panel" aria-busy={loading}>
      <header class="panel-head">
        <h1>Ход реализации</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={refresh} disabled={loading}>
          {loading ? 'Обновление…' : 'Обновить'}
        </button>
      </header>

      {state.kind === 'loading' && !report && <Loading text="Загрузка данных…" />}

      {state.kind === 'error' && (
        <ErrorBanner onRetry={refresh}>Не удалось получить данные: {state.message}</ErrorBanner>
      )}

      {state.kind === 'empty' && (
        <div class="banner banner-info" role="status">
          <p>
            <strong>Дорожная карта ещё не создана.</strong>
          </p>
          <p>
            Выберите в меню таблицы <b>Наставничество → Настроить учебный год…</b>, укажите образовательную организацию
            и учебный год — лист с мероприятиями появится автоматически.
          </p>
          <button type="button" class="btn btn-secondary btn-small" onClick={refresh}>
            Проверить ещё раз
          </button>
        </div>
      )}

      {report && <Report report={report} />}
    </main>
  );
}

function Report({ report }: { report: ProgressReport }) {
  const o = report.overall;
  const active = Math.max(0, o.total - o.cancelled);
  return (
    <div class="report">
      <section class="summary" aria-label="Общий ход">
        <div class="meta">
          {report.school && <div class="school">{report.school}</div>}
          <div class="muted">
            Учебный год {report.period}
            {report.asOf ? ` · на ${formatDate(report.asOf)}` : ''}
          </div>
        </div>
        <div class="overall">
          <span class="big">{o.percent}%</span>
          <span class="muted">
            выполнено {o.done} из {active} {plural(active, 'мероприятия', 'мероприятий', 'мероприятий')}
          </span>
        </div>
        <ProgressBar percent={o.percent} label="Общий ход реализации" />
        <div class="chips">
          {o.inWork > 0 && <span class="chip">в работе: {o.inWork}</span>}
          {o.overdue > 0 && <span class="chip chip-red">просрочено: {o.overdue}</span>}
          {o.cancelled > 0 && <span class="chip">отменено: {o.cancelled}</span>}
        </div>
      </section>

      <section aria-labelledby="h-stages">
        <h2 id="h-stages">Этапы</h2>
        <ol class="stages">
          {report.stages.map((s) => (
            <StageRow key={s.stage} s={s} />
          ))}
        </ol>
      </section>

      <section aria-labelledby="h-overdue">
        <h2 id="h-overdue">
          Просрочено {report.overdue.length > 0 && <span class="count count-red">{report.overdue.length}</span>}
        </h2>
        {report.overdue.length === 0 ? (
          <p class="muted">Просроченных мероприятий нет.</p>
        ) : (
          <Items items={report.overdue} overdue />
        )}
      </section>

      {(report.unconfirmed ?? []).length > 0 && (
        <section aria-labelledby="h-unconfirmed">
          <h2 id="h-unconfirmed">
            Выполнено без подтверждения <span class="count count-red">{report.unconfirmed.length}</span>
          </h2>
          <p class="muted small">
            Эти мероприятия не засчитаны в выполнение: на листе «Дорожная карта» в столбце «Подтверждение (ссылка)» нет
            ссылки на документ. Добавьте ссылку — и пункт будет учтён.
          </p>
          <Items items={report.unconfirmed} overdue />
        </section>
      )}

      <section aria-labelledby="h-upcoming">
        <h2 id="h-upcoming">
          Ближайшие 14 дней {report.upcoming.length > 0 && <span class="count">{report.upcoming.length}</span>}
        </h2>
        {report.upcoming.length === 0 ? (
          <p class="muted">В ближайшие две недели сроков нет.</p>
        ) : (
          <Items items={report.upcoming} />
        )}
      </section>

      {report.year && <YearBlock y={report.year} stages={report.stages} />}
    </div>
  );
}

const pct = (n: number | null | undefined) => (typeof n === 'number' ? `${n}%` : '—');

/** «Итоги года»: the figures the «Сводка» sheet charts, as bars with their values in text. */
function YearBlock({ y, stages }: { y: YearFigures; stages: StageProgress[] }) {
  const m = y.monitoring;
  const pairs = y.pairs ?? { proposed: 0, confirmed: 0, dissolved: 0 };
  const events = y.events ?? { held: 0, planned: 0, unpublished: 0 };
  const top = Math.max(pairs.proposed, pairs.confirmed, pairs.dissolved);
  const count = (label: string, n: number) => ({ label, percent: percentOf(n, top), text: String(n) });
  return (
    <section class="year" aria-labelledby="h-year">
      <h2 id="h-year">Итоги года</h2>
      <h3>Ход по этапам</h3>
      <Bars
        label="Ход по этапам"
        items={stages.map((s) => ({ label: `${s.stage}. ${s.title}`, percent: s.percent, text: `${s.percent}%` }))}
      />
      <h3>Пары и группы</h3>
      <Bars
        label="Пары и группы по статусам"
        items={[
          count('предложено', pairs.proposed),
          count('утверждено', pairs.confirmed),
          count('расформировано', pairs.dissolved),
        ]}
      />
      <dl class="figs">
        <Fig label="Выполнение программ" value={pct(y.programPercent)} />
        <Fig label="Встречи" value={String(y.meetings ?? 0)} />
        <Fig label="Мероприятия" value={`проведено ${events.held} · запланировано ${events.planned}`} />
      </dl>
      <span class={events.unpublished > 0 ? 'chip chip-warn' : 'chip'}>без публикации: {events.unpublished}</span>
      <h3>Мониторинг</h3>
      {m ? (
        <>
          <dl class="figs">
            <Fig label="Ответили" value={`${m.responseRate}% (${m.answered} из ${m.expected})`} />
            <Fig label="Удовлетворённость наставляемых" value={`${decimal(m.menteeSatisfaction)} из 10`} />
            <Fig label="Удовлетворённость наставников" value={`${decimal(m.mentorSatisfaction)} из 10`} />
            <Fig label="Запросы решены" value={pct(m.resolvedShare)} />
          </dl>
          {questionGroups(y.monitoringQuestions).map((g) => (
            <Fragment key={g.title}>
              <p class="muted small">{g.title}: средний балл (1–10)</p>
              <Bars
                small
                label={`${g.title}: средний балл по вопросам`}
                items={g.items.map((q) => ({
                  label: q.title,
                  percent: scoreWidth(q.average),
                  text: decimal(q.average),
                }))}
              />
            </Fragment>
          ))}
        </>
      ) : (
        <p class="muted">Ответов мониторинга пока нет.</p>
      )}
    </section>
  );
}

function Fig({ label, value }: { label: string; value: string }) {
  return (
    <div class="fig">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function StageRow({ s }: { s: StageProgress }) {
  const active = Math.max(0, s.total - s.cancelled);
  return (
    <li class="stage">
      <div class="stage-line">
        <span class="stage-no">{s.stage}</span>
        <span class="stage-title" title={s.title}>
          {s.title}
        </span>
        <span class="stage-count">
          {s.done}/{active}
        </span>
      </div>
      <ProgressBar percent={s.percent} label={`Этап ${s.stage}: ${s.percent}%`} thin />
      {s.overdue > 0 && <div class="red small">просрочено: {s.overdue}</div>}
    </li>
  );
}

function Items({ items, overdue }: { items: OverdueItem[]; overdue?: boolean }) {
  return (
    <ul class="items">
      {items.map((it, i) => (
        <li key={`${it.no}-${i}`} class={overdue ? 'item item-overdue' : 'item'}>
          <div class="item-head">
            <span class="item-no">№ {it.no}</span>
            {it.end && <span class={overdue ? 'item-date red' : 'item-date'}>срок {formatDate(it.end)}</span>}
          </div>
          <div class="item-title">{it.title}</div>
          {(it.responsible || it.status) && (
            <div class="muted small">
              {it.responsible && <span>Ответственный: {it.responsible}</span>}
              {it.responsible && it.status && ' · '}
              {it.status && <span>{it.status}</span>}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
