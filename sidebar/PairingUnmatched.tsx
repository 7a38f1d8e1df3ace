/** «Без наставника»: the mentees no mentor was found for, with the reason. */
import type { PairingView } from '../src/contract/serverApi';
import { MoreButton } from './ui';

export function PairingUnmatched(props: { mentees: PairingView['unmatched']; limit: number; onMore: () => void }) {
  const { mentees, limit } = props;
  return (
    <section aria-labelledby="h-unmatched">
      <h2 id="h-unmatched">
        Без наставника <span class="count count-red">{mentees.length}</span>
      </h2>
      <ul class="items unmatched">
        {mentees.slice(0, limit).map((m) => (
          <li key={m.id} class="item item-overdue">
            <div class="item-title">{m.name}</div>
            <div class="muted small">{m.reason}</div>
          </li>
        ))}
      </ul>
      {mentees.length > limit && <MoreButton shown={limit} total={mentees.length} onClick={props.onMore} />}
    </section>
  );
}
