/** One pair or group of «Моя пара»: who, when, the program's progress and the meeting reports. */
import type { MyPairEntry } from '../src/contract/serverApi';
import { formatDate } from './format';
import { ProgressBar } from './ui';

export function MyPairCard(props: { pair: MyPairEntry }) {
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
