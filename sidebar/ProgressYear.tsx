import { Fragment } from 'preact';
import type { StageProgress, YearFigures } from '../src/contract/serverApi';
import { Bars } from './ui';
import { decimal, percentOf, questionGroups, scoreWidth } from './yearModel';

const pct = (n: number | null | undefined) => (typeof n === 'number' ? `${n}%` : '—');

/** «Итоги года»: the figures the «Сводка» sheet charts, as bars with their values in text. */
export function ProgressYear({ y, stages }: { y: YearFigures; stages: StageProgress[] }) {
  const m = y.monitoring;
  const pairs = y.pairs ?? { proposed: 0, confirmed: 0, dissolved: 0, attention: 0 };
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
          ...(pairs.attention > 0 ? [count('из утверждённых требуют внимания', pairs.attention)] : []),
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
