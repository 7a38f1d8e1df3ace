/** One mentee of a proposed unit: score, why, and «Закрепить», «Исключить пару», «Другой наставник…». */
import type { PairingMentee, PairingUnit } from '../src/contract/serverApi';
import { formatScore, isExcluded, isLocked, type PairingState } from './pairingModel';

export function PairingMenteeRow(props: {
  unit: PairingUnit;
  mentee: PairingMentee;
  rowId: string;
  settings: PairingState;
  disabled: boolean;
  onLock: () => void;
  onExclude: () => void;
  onPick: (mentorId: string) => void;
}) {
  const { unit: u, mentee: m, rowId } = props;
  const locked = isLocked(props.settings, m.id, u.mentorId);
  const excluded = isExcluded(props.settings, m.id, u.mentorId);
  const others = (m.alternatives ?? []).filter((a) => !a.current && a.mentorId !== u.mentorId);
  const nameId = `${rowId}-n`;
  return (
    <li class={excluded ? 'mentee is-excluded' : 'mentee'}>
      <div class="mentee-line">
        <span class="mentee-name" id={nameId}>
          {m.name}
        </span>
        <span class="mentee-score" title="Оценка пары">
          {formatScore(m.score)}
        </span>
      </div>
      {/* A pair's card says it already. */}
      {m.explanation && m.explanation !== u.explanation && <div class="muted small">{m.explanation}</div>}
      {!u.confirmed && (
        <div class="mentee-actions">
          <button
            type="button"
            class={locked ? 'btn btn-small btn-toggle is-on' : 'btn btn-small btn-toggle'}
            aria-pressed={locked}
            aria-describedby={nameId}
            disabled={props.disabled}
            onClick={props.onLock}
          >
            {locked ? 'Закреплено' : 'Закрепить'}
          </button>
          <button
            type="button"
            class={excluded ? 'btn btn-small btn-toggle is-off' : 'btn btn-small btn-toggle'}
            aria-pressed={excluded}
            aria-describedby={nameId}
            disabled={props.disabled}
            onClick={props.onExclude}
          >
            {excluded ? 'Исключена' : 'Исключить пару'}
          </button>
          {others.length > 0 && (
            <select
              class="mentee-alt"
              aria-label={`Другой наставник для: ${m.name}`}
              disabled={props.disabled}
              value=""
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (v) props.onPick(v);
              }}
            >
              <option value="">Другой наставник…</option>
              {others.map((a) => (
                <option key={a.mentorId} value={a.mentorId}>
                  {a.mentorName} — {formatScore(a.score)},{' '}
                  {a.freeSlots > 0 ? `свободно мест: ${a.freeSlots}` : 'мест нет'}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </li>
  );
}
