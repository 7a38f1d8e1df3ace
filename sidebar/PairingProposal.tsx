/** «Предложение»: the proposed units (pairs and groups), cut at a page with «Показать ещё». */
import type { PairingUnit } from '../src/contract/serverApi';
import { exclude, isExcluded, lock, pickMentor, setCapacity, unexclude, type PairingState } from './pairingModel';
import { PairingUnitCard } from './PairingUnitCard';
import { MoreButton } from './ui';

export function PairingProposal(props: {
  /** The server proposed at least one unit (before the name filter). */
  any: boolean;
  /** The units the name filter keeps. */
  units: PairingUnit[];
  limit: number;
  onMore: () => void;
  settings: PairingState;
  disabled: boolean;
  onChange: (next: PairingState) => void;
  /** Another mentor picked: the new settings, to propose with at once. */
  onPick: (next: PairingState) => void;
}) {
  const { units, settings, onChange } = props;
  return (
    <section aria-labelledby="h-units">
      <h2 id="h-units">
        Предложение <span class="count">{units.length}</span>
      </h2>
      {!props.any ? (
        <p class="muted">Ни одной пары подобрать не удалось — причины ниже.</p>
      ) : units.length === 0 ? (
        <p class="muted">Ничего не найдено.</p>
      ) : (
        <ul class="units">
          {units.slice(0, props.limit).map((u, ui) => (
            <PairingUnitCard
              key={u.mentorId}
              unit={u}
              index={ui}
              settings={settings}
              disabled={props.disabled}
              onLock={(m) => onChange(lock(settings, m, u.mentorId))}
              onCapacity={(places) => onChange(setCapacity(settings, u.mentorId, places))}
              onExclude={(m) =>
                onChange(
                  isExcluded(settings, m, u.mentorId)
                    ? unexclude(settings, m, u.mentorId)
                    : exclude(settings, m, u.mentorId),
                )
              }
              onPick={(m, mentorId) => props.onPick(pickMentor(settings, m, mentorId))}
            />
          ))}
        </ul>
      )}
      {units.length > props.limit && <MoreButton shown={props.limit} total={units.length} onClick={props.onMore} />}
    </section>
  );
}
