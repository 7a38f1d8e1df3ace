/** «Мониторинг (6.1)»: who answered, who did not, and the two mailings. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { YearView } from '../src/contract/serverApi';
import { formatDate } from './format';
import { ProgressBar } from './ui';
import { percentOf } from './yearModel';

export type Mailing = 'sendMonitoringLinks' | 'sendMeetingLinks';

export function YearMonitoring(props: {
  monitoring: YearView['monitoring'];
  /** The key of the action running, or null. */
  busy: string | null;
  onMail: (fn: Mailing) => void;
  /** The last action's message, when it was started here. */
  message: ComponentChildren;
}) {
  const [showAll, setShowAll] = useState(false);
  const m = props.monitoring;
  const non = m.nonRespondents ?? [];
  const off = props.busy !== null;
  return (
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
        <button
          type="button"
          class="btn btn-primary"
          disabled={off}
          onClick={() => props.onMail('sendMonitoringLinks')}
        >
          {props.busy === 'sendMonitoringLinks' ? 'Рассылаем…' : 'Разослать ссылки на мониторинг'}
        </button>
        <button type="button" class="btn btn-secondary" disabled={off} onClick={() => props.onMail('sendMeetingLinks')}>
          {props.busy === 'sendMeetingLinks' ? 'Рассылаем…' : 'Разослать наставникам ссылки на отчёт о встрече'}
        </button>
      </div>
      {props.message}
    </section>
  );
}
