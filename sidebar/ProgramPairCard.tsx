/** One confirmed pair or group in «Программы»: its people, its program's progress, and the button to edit it. */
import type { ProgramPairView } from '../src/contract/serverApi';
import { clampPercent } from './format';
import { ProgressBar } from './ui';

export function ProgramPairCard(props: { pair: ProgramPairView; disabled: boolean; onOpen: () => void }) {
  const p = props.pair;
  return (
    <li class="unit">
      <div class="unit-head">
        <span class="unit-mentor">{p.mentorName}</span>
        <span class="chip">{p.kind}</span>
      </div>
      <div class="muted small">{(p.menteeNames ?? []).join(', ')}</div>
      {p.programId ? (
        <div>
          <ProgressBar thin percent={p.progress ?? 0} label="Выполнено" />
          <span class="small">
            выполнено {clampPercent(p.progress)}% ·{' '}
            <span class={p.overdue > 0 ? 'red' : 'muted'}>просрочено: {p.overdue || 0}</span>
          </span>
        </div>
      ) : (
        <p class="muted small">программа: нет</p>
      )}
      <button type="button" class="btn btn-secondary btn-small" disabled={props.disabled} onClick={props.onOpen}>
        {p.programId ? 'Изменить программу' : 'Создать программу'}
      </button>
    </li>
  );
}
