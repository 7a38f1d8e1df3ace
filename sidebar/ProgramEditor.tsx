/**
 * The editor of one program: goals, tasks and the activities by month, saved with ONE saveProgram
 * call. Done activities keep their date and title and cannot be removed.
 */
import { useState } from 'preact/hooks';
import type { ProgramActivity, ProgramDraft } from '../src/contract/serverApi';
import { call } from './api';
import { formatDate } from './format';
import { ProgramActivityCard } from './ProgramActivityCard';
import { ProgramTextField } from './ProgramTextField';
import {
  add,
  buildSaveRequest,
  canAdd,
  groupByMonth,
  isDirty,
  MAX_ACTIVITIES,
  move,
  remove,
  toRows,
  update,
  validate,
} from './programsModel';
import { ErrorBanner } from './ui';
import { useServer } from './useServer';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ProgramEditor(props: { draft: ProgramDraft; onClose: (message?: string) => void }) {
  const d = props.draft;
  const period = d.period ?? { start: '', end: '' };
  const server = useServer({ exclusive: true });
  const [rows, setRows] = useState(() => toRows(d.activities));
  const [goals, setGoals] = useState(() => (d.goals ?? []).join('\n'));
  const [tasks, setTasks] = useState(() => (d.tasks ?? []).join('\n'));
  const [tried, setTried] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const saving = server.busy !== null;

  const problems = validate(rows, period);
  const heads = new Map(groupByMonth(rows).map((g) => [g.items[0].row.key, g.label]));

  const save = () => {
    if (saving) return;
    setTried(true);
    setLeaving(false);
    if (problems.count) return;
    void server.run({
      key: 'save',
      what: 'Не удалось сохранить программу',
      send: () => call('saveProgram', buildSaveRequest(d.pairId, goals, tasks, rows)),
      valid: (r) => !!r && typeof r === 'object',
      done: (r) => props.onClose(String(r.message || 'Программа сохранена.')),
    });
  };

  const back = () => {
    if (saving) return;
    if (isDirty(d, goals, tasks, rows)) setLeaving(true);
    else props.onClose();
  };

  const edit = (key: number, patch: Partial<ProgramActivity>) => setRows((rs) => update(rs, key, patch));
  const shift = (key: number, dir: -1 | 1) =>
    setRows((rs) =>
      move(
        rs,
        rs.findIndex((x) => x.key === key),
        dir,
      ),
    );

  return (
    <main class="panel programs">
      <header class="panel-head">
        <h1>{d.programId ? 'Изменение программы' : 'Новая программа'}</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={back} disabled={saving}>
          Назад
        </button>
      </header>
      {leaving && (
        <div class="banner banner-warn" role="alertdialog">
          <p>Изменения не сохранены: выйти без сохранения?</p>
          <div class="actions">
            <button type="button" class="btn btn-secondary btn-small" onClick={() => props.onClose()}>
              Выйти без сохранения
            </button>
            <button type="button" class="btn btn-primary btn-small" onClick={() => setLeaving(false)}>
              Остаться
            </button>
          </div>
        </div>
      )}
      <p>
        <strong>{d.mentorName}</strong> → {(d.menteeNames ?? []).join(', ')}
      </p>
      <p class="muted small">
        Учебный год: с {formatDate(period.start)} по {formatDate(period.end)}
      </p>

      <fieldset disabled={saving}>
        <h2>Запросы наставляемых</h2>
        {(d.requests ?? []).length ? (
          <div class="chips">
            {d.requests.map((q, i) => (
              <span class="chip" key={i}>
                {q}
              </span>
            ))}
          </div>
        ) : (
          <p class="muted small">Запросы не указаны.</p>
        )}
        <ProgramTextField label="Цели (по одной в строке)" area={3} value={goals} set={setGoals} />
        <ProgramTextField label="Задачи (по одной в строке)" area={3} value={tasks} set={setTasks} />

        <h2>
          Мероприятия <span class="count">{rows.length}</span>
        </h2>
        <datalist id="prog-resp">
          {(d.responsibleOptions ?? []).map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <div>
          {rows.map((r, i) => (
            <ProgramActivityCard
              key={r.key}
              rows={rows}
              index={i}
              head={heads.has(r.key) ? cap(heads.get(r.key)!) : null}
              period={period}
              kinds={d.activityKinds}
              problems={tried ? problems.rows[r.key] : undefined}
              onEdit={(patch) => edit(r.key, patch)}
              onShift={(dir) => shift(r.key, dir)}
              onRemove={() => setRows((rs) => remove(rs, r.key))}
            />
          ))}
        </div>
        <div class="actions">
          <button
            type="button"
            class="btn btn-secondary"
            disabled={!canAdd(rows)}
            onClick={() => setRows((rs) => add(rs, period))}
          >
            Добавить мероприятие
          </button>
        </div>
        {!canAdd(rows) && <p class="hint">В программе не больше {MAX_ACTIVITIES} мероприятий.</p>}
      </fieldset>

      <div class="prog-foot">
        {server.error && <ErrorBanner>{server.error.message}</ErrorBanner>}
        {tried && problems.count > 0 && (
          <div class="hint red" role="alert">
            {problems.general.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
            <p>Исправьте отмеченные поля и сохраните снова.</p>
          </div>
        )}
        <button type="button" class="btn btn-primary" disabled={saving} onClick={save}>
          {saving ? 'Сохраняем…' : 'Сохранить программу'}
        </button>
      </div>
    </main>
  );
}
