/** «Веса критериев»: one slider per criterion; moving it changes the settings, letting go keeps the draft. */
import type { PairingView } from '../src/contract/serverApi';
import { setWeight, WEIGHT_MAX, WEIGHT_MIN, type PairingState } from './pairingModel';

export function PairingWeights(props: {
  weights: PairingView['weights'];
  settings: PairingState;
  disabled: boolean;
  onInput: (next: PairingState) => void;
  onChange: (next: PairingState) => void;
}) {
  const { settings } = props;
  if (props.weights.length === 0) return null;
  return (
    <fieldset class="weights" disabled={props.disabled}>
      <legend>Веса критериев</legend>
      {props.weights.map((w, i) => {
        const value = settings.weights[w.key] ?? w.value;
        return (
          <div class="weight" key={w.key}>
            <label for={`pw-${i}`}>{w.label}</label>
            <input
              id={`pw-${i}`}
              type="range"
              min={WEIGHT_MIN}
              max={WEIGHT_MAX}
              step={1}
              value={value}
              aria-valuetext={`${value} из ${WEIGHT_MAX}`}
              onInput={(e) => props.onInput(setWeight(settings, w.key, Number(e.currentTarget.value)))}
              onChange={(e) => props.onChange(setWeight(settings, w.key, Number(e.currentTarget.value)))}
            />
            <output for={`pw-${i}`} class="weight-value">
              {value}
            </output>
          </div>
        );
      })}
    </fieldset>
  );
}
