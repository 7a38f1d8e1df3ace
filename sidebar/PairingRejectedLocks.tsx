/** The locks the server could not keep (the mentor is full, the mentee left…), with the reason. */
import type { PairingView } from '../src/contract/serverApi';

export function PairingRejectedLocks(props: { locks: PairingView['rejectedLocks'] }) {
  if (props.locks.length === 0) return null;
  return (
    <div class="banner banner-warn" role="alert">
      <p>
        <strong>Не удалось учесть закрепления:</strong>
      </p>
      <ul class="plain">
        {props.locks.map((r, i) => (
          <li key={i}>
            {r.menteeName} — {r.mentorName}: {r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
