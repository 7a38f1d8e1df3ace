/** The report of «Ход реализации»: overall, stages, overdue, unconfirmed, upcoming, and the year in figures. */
import type { ProgressReport as Report } from '../src/contract/serverApi';
import { plural } from '../src/domain/russianPlural';
import { formatDate } from './format';
import { ProgressItems } from './ProgressItems';
import { ProgressStage } from './ProgressStage';
import { ProgressYear } from './ProgressYear';
import { ProgressBar } from './ui';

export function ProgressReport({ report }: { report: Report }) {
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
            <ProgressStage key={s.stage} s={s} />
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
          <ProgressItems items={report.overdue} overdue />
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
          <ProgressItems items={report.unconfirmed} overdue />
        </section>
      )}

      <section aria-labelledby="h-upcoming">
        <h2 id="h-upcoming">
          Ближайшие 14 дней {report.upcoming.length > 0 && <span class="count">{report.upcoming.length}</span>}
        </h2>
        {report.upcoming.length === 0 ? (
          <p class="muted">В ближайшие две недели сроков нет.</p>
        ) : (
          <ProgressItems items={report.upcoming} />
        )}
      </section>

      {report.year && <ProgressYear y={report.year} stages={report.stages} />}
    </div>
  );
}
