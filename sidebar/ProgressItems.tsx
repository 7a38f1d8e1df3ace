/** A list of roadmap activities (overdue, unconfirmed or upcoming): number, due date, title, who. */
import type { OverdueItem } from '../src/contract/serverApi';
import { formatDate } from './format';

export function ProgressItems({ items, overdue }: { items: OverdueItem[]; overdue?: boolean }) {
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
