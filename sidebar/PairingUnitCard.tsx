/** One proposed unit (a pair or a group): mentor, score, places, and its mentees. */
import type { PairingUnit } from '../src/contract/serverApi';
import { PairingMenteeRow } from './PairingMenteeRow';
import { formatScore, type PairingState } from './pairingModel';

export function PairingUnitCard(props: {
  unit: PairingUnit;
  index: number;
  settings: PairingState;
  disabled: boolean;
  onLock: (menteeId: string) => void;
  onExclude: (menteeId: string) => void;
  onPick: (menteeId: string, mentorId: string) => void;
  onCapacity: (places: number) => void;
}) {
  const { unit: u, index } = props;
  const headId = `pu-${index}`;
  return (
    <li class={u.confirmed ? 'unit unit-confirmed' : 'unit'} aria-labelledby={headId}>
      <div class="unit-head">
        <span class="unit-mentor" id={headId}>
          {u.mentorName}
        </span>
        <span class="unit-score" title="Оценка">
          {formatScore(u.score)}
        </span>
      </div>
      <div class="chips">
        {u.pairId && <span class="chip">{u.pairId}</span>}
        <span class="chip">{u.kind}</span>
        {u.confirmed && <span class="chip chip-ok">утверждена</span>}
        {/* A confirmed unit is kept as it is: its places change nothing. */}
        {!u.confirmed && (
          <label class="places">
            мест:{' '}
            <input
              type="number"
              min={0}
              max={20}
              value={props.settings.capacity[u.mentorId] ?? u.capacity}
              disabled={props.disabled}
              aria-label={`Сколько наставляемых у наставника ${u.mentorName}`}
              onChange={(e) => props.onCapacity(Number(e.currentTarget.value))}
            />
          </label>
        )}
      </div>
      {u.explanation && <p class="muted small unit-why">{u.explanation}</p>}
      <ul class="mentees">
        {u.mentees.map((m, mi) => (
          <PairingMenteeRow
            key={m.id}
            unit={u}
            mentee={m}
            rowId={`${headId}-${mi}`}
            settings={props.settings}
            disabled={props.disabled}
            onLock={() => props.onLock(m.id)}
            onExclude={() => props.onExclude(m.id)}
            onPick={(mentorId) => props.onPick(m.id, mentorId)}
          />
        ))}
      </ul>
      {u.confirmed && <p class="hint">Утверждённая пара сохраняется как есть.</p>}
    </li>
  );
}
