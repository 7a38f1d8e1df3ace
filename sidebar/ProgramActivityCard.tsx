/** One activity of the program editor: date, title, kind, responsible, result; move up/down and remove. */
import { Fragment } from 'preact';
import type { ProgramActivity } from '../src/contract/serverApi';
import { ProgramMoveButton } from './ProgramMoveButton';
import { ProgramTextField } from './ProgramTextField';
import { canMove, isDone, kindOptions, type Period, type Row } from './programsModel';

const DONE_HINT = 'Выполнено: дату и название не изменить, удалить нельзя.';
const DONE_MOVE = 'Выполненное не переносится на другую дату';

export function ProgramActivityCard(props: {
  rows: Row[];
  index: number;
  /** The month heading shown above the first activity of its month. */
  head: string | null;
  period: Period;
  kinds: string[];
  /** Shown after the first «Сохранить программу». */
  problems: { title?: string; date?: string } | undefined;
  onEdit: (patch: Partial<ProgramActivity>) => void;
  onShift: (dir: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { rows, index: i, period, problems: p, onEdit } = props;
  const r = rows[i];
  const done = isDone(r);
  const up = canMove(rows, i, -1);
  const down = canMove(rows, i, 1);
  return (
    <Fragment>
      {props.head !== null && <h3>{props.head}</h3>}
      <div class={done ? 'unit unit-confirmed' : 'unit'}>
        <div class="unit-head">
          <label class="small">
            Дата
            <input
              type="date"
              value={r.date}
              min={period.start || undefined}
              max={period.end || undefined}
              readOnly={done}
              aria-invalid={!!p?.date}
              onChange={(e) => onEdit({ date: e.currentTarget.value })}
            />
          </label>
          <span class={done ? 'chip chip-ok' : 'chip'}>{r.status}</span>
        </div>
        {p?.date && <p class="hint red">{p.date}</p>}
        <ProgramTextField
          label="Название"
          value={r.title}
          ro={done}
          bad={!!p?.title}
          set={(v) => onEdit({ title: v })}
        />
        {p?.title && <p class="hint red">{p.title}</p>}
        {r.competence && <p class="muted small">Запрос: {r.competence}</p>}
        <div class="row">
          <label class="small field">
            Вид
            <select value={r.kind} onChange={(e) => onEdit({ kind: e.currentTarget.value })}>
              {kindOptions(props.kinds, r.kind).map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <ProgramTextField
            label="Ответственный"
            list="prog-resp"
            value={r.responsible}
            set={(v) => onEdit({ responsible: v })}
          />
        </div>
        <details>
          <summary class="small">Результат и отчётность</summary>
          <ProgramTextField
            label="Ожидаемый результат"
            area={2}
            value={r.expectedResult}
            set={(v) => onEdit({ expectedResult: v })}
          />
          <ProgramTextField label="Форма отчётности" value={r.reporting} set={(v) => onEdit({ reporting: v })} />
        </details>
        {done && <p class="hint">{DONE_HINT}</p>}
        <div class="mentee-actions">
          <ProgramMoveButton label="Выше" title={up || !i ? '' : DONE_MOVE} off={!up} on={() => props.onShift(-1)}>
            ↑
          </ProgramMoveButton>
          <ProgramMoveButton
            label="Ниже"
            title={down || i === rows.length - 1 ? '' : DONE_MOVE}
            off={!down}
            on={() => props.onShift(1)}
          >
            ↓
          </ProgramMoveButton>
          <ProgramMoveButton off={done} title={done ? DONE_HINT : ''} on={props.onRemove}>
            Удалить
          </ProgramMoveButton>
        </div>
      </div>
    </Fragment>
  );
}
