/** «Мероприятия»: the year's events, newest first, each held one with «Подготовить новость». */
import type { ComponentChildren } from 'preact';
import type { YearView } from '../src/contract/serverApi';
import { formatDate } from './format';
import { eventBadge, newsState, sortEvents } from './yearModel';

export function YearEvents(props: {
  events: YearView['events'];
  /** Event id → the news draft prepared in this panel. */
  news: Record<string, string>;
  busy: string | null;
  onPrepare: (eventId: string) => void;
  message: ComponentChildren;
}) {
  const events = sortEvents(props.events);
  const off = props.busy !== null;
  return (
    <section aria-labelledby="h-events">
      <h2 id="h-events">
        Мероприятия <span class="count">{events.length}</span>
      </h2>
      {props.message}
      {events.length === 0 ? (
        <p class="muted">Мероприятия вносятся на листе «Мероприятия».</p>
      ) : (
        <ul class="plain ylist">
          {events.map((e) => {
            const b = eventBadge(e);
            const n = newsState(e, props.news[e.id]);
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
                      onClick={() => props.onPrepare(e.id)}
                    >
                      {props.busy === `news:${e.id}` ? 'Готовим…' : n.button}
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
  );
}
