/** «Исключённые пары»: the pairs the curator excluded, by name, each with «Вернуть». */
import { unexclude, type PairingState } from './pairingModel';

export function PairingExcluded(props: {
  settings: PairingState;
  /** Person id → name, from every proposal seen (an excluded pair may no longer be proposed). */
  names: Map<string, string>;
  disabled: boolean;
  onChange: (next: PairingState) => void;
}) {
  const { settings, names } = props;
  if (settings.exclusions.length === 0) return null;
  return (
    <section aria-labelledby="h-excluded">
      <h2 id="h-excluded">
        Исключённые пары <span class="count">{settings.exclusions.length}</span>
      </h2>
      <ul class="plain excluded">
        {settings.exclusions.map((x) => (
          <li key={`${x.menteeId}|${x.mentorId}`}>
            <span>
              {names.get(x.menteeId) ?? x.menteeId} — {names.get(x.mentorId) ?? x.mentorId}
            </span>
            <button
              type="button"
              class="btn btn-secondary btn-small"
              disabled={props.disabled}
              onClick={() => props.onChange(unexclude(settings, x.menteeId, x.mentorId))}
            >
              Вернуть
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
