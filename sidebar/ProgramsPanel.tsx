/**
 * «Программы»: the confirmed pairs/groups with their programs' progress, and the editor of one
 * program — goals, tasks and the activities by month — saved with ONE saveProgram call. Done
 * activities keep their date and title and cannot be removed. Every server value is rendered as text.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProgramActivity, ProgramDraft, ProgramPairView } from '../src/contract/serverApi';
import { call } from './api';
import { clampPercent, formatDate } from './format';
import {
  add,
  buildSaveRequest,
  canAdd,
  canMove,
  groupByMonth,
  isDirty,
  isDone,
  kindOptions,
  MAX_ACTIVITIES,
  move,
  remove,
  toRows,
  update,
  validate,
} from './programsModel';
import { ErrorBanner, Loading, ProgressBar } from './ui';

const reason = (e: unknown) => ((e as Error | null)?.message || '').trim() || 'неизвестная ошибка';
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const DONE_HINT = 'Выполнено: дату и название не изменить, удалить нельзя.';
const DONE_MOVE = 'Выполненное не переносится на другую дату';

export function ProgramsPanel() {
  const [pairs, setPairs] = useState<ProgramPairView[] | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<{ message: string; retry: () => void } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [draft, setDraft] = useState<ProgramDraft | null>(null);
  const seq = useRef(0);
  const openingRef = useRef(false);

  const load = () => {
    const id = ++seq.current;
    setBusy(true);
    setError(null);
    call('listProgramPairs').then(
      (v) => {
        if (id !== seq.current) return;
        setBusy(false);
        if (Array.isArray(v)) setPairs(v);
        else setError({ message: 'Не удалось получить пары: сервер вернул пустой ответ', retry: load });
      },
      (e) => {
        if (id !== seq.current) return;
        setBusy(false);
        setError({ message: `Не удалось получить пары: ${reason(e)}`, retry: load });
      },
    );
  };

  const open = (pairId: string) => {
    if (openingRef.current) return;
    openingRef.current = true;
    setOpening(true);
    setError(null);
    setNotice(null);
    const done = () => {
      openingRef.current = false;
      setOpening(false);
    };
    const failed = (why: string) =>
      setError({ message: `Не удалось открыть программу: ${why}`, retry: () => open(pairId) });
    call('getProgramDraft', pairId).then(
      (d) => {
        done();
        if (d && Array.isArray(d.activities)) setDraft(d);
        else failed('сервер вернул пустой ответ');
      },
      (e) => {
        done();
        failed(reason(e));
      },
    );
  };

  const close = (message?: string) => {
    setDraft(null);
    if (message !== undefined) {
      setNotice(message);
      load();
    }
  };

  useEffect(load, []);

  if (draft) return <Editor key={draft.pairId} draft={draft} onClose={close} />;

  return (
    <main class="panel programs">
      <header class="panel-head">
        <h1>Программы наставничества</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={load} disabled={busy}>
          Обновить
        </button>
      </header>
      {notice && (
        <div class="banner banner-ok" role="status">
          {notice}
        </div>
      )}
      {error && <ErrorBanner onRetry={error.retry}>{error.message}</ErrorBanner>}
      {((busy && !pairs) || opening) && <Loading text={opening ? 'Открываем программу…' : undefined} />}
      {pairs && pairs.length === 0 && (
        <div class="banner banner-info" role="status">
          Утверждённых пар и групп пока нет: сначала подтвердите их на листе «Пары и группы» (статус «утверждено»).
        </div>
      )}
      {pairs && pairs.length > 0 && (
        <ul class="units">
          {pairs.map((p) => (
            <li class="unit" key={p.pairId}>
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
              <button
                type="button"
                class="btn btn-secondary btn-small"
                disabled={opening}
                onClick={() => open(p.pairId)}
              >
                {p.programId ? 'Изменить программу' : 'Создать программу'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function Editor(props: { draft: ProgramDraft; onClose: (message?: string) => void }) {
  const d = props.draft;
  const period = d.period ?? { start: '', end: '' };
  const [rows, setRows] = useState(() => toRows(d.activities));
  const [goals, setGoals] = useState(() => (d.goals ?? []).join('\n'));
  const [tasks, setTasks] = useState(() => (d.tasks ?? []).join('\n'));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const savingRef = useRef(false);

  const problems = validate(rows, period);
  const heads = new Map(groupByMonth(rows).map((g) => [g.items[0].row.key, g.label]));

  const save = () => {
    if (savingRef.current) return;
    setTried(true);
    setLeaving(false);
    if (problems.count) return;
    savingRef.current = true;
    setSaving(true);
    setError(null);
    const what = 'Не удалось сохранить программу';
    call('saveProgram', buildSaveRequest(d.pairId, goals, tasks, rows)).then(
      (r) => {
        savingRef.current = false;
        setSaving(false);
        if (r && typeof r === 'object') props.onClose(String(r.message || 'Программа сохранена.'));
        else setError(`${what}: сервер вернул пустой ответ`);
      },
      (e) => {
        savingRef.current = false;
        setSaving(false);
        setError(`${what}: ${reason(e)}`);
      },
    );
  };

  const back = () => {
    if (savingRef.current) return;
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
        <Text label="Цели (по одной в строке)" area={3} value={goals} set={setGoals} />
        <Text label="Задачи (по одной в строке)" area={3} value={tasks} set={setTasks} />

        <h2>
          Мероприятия <span class="count">{rows.length}</span>
        </h2>
        <datalist id="prog-resp">
          {(d.responsibleOptions ?? []).map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <div>
          {rows.map((r, i) => {
            const done = isDone(r);
            const p = tried ? problems.rows[r.key] : undefined;
            const up = canMove(rows, i, -1);
            const down = canMove(rows, i, 1);
            return (
              <Fragment key={r.key}>
                {heads.has(r.key) && <h3>{cap(heads.get(r.key)!)}</h3>}
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
                        onChange={(e) => edit(r.key, { date: e.currentTarget.value })}
                      />
                    </label>
                    <span class={done ? 'chip chip-ok' : 'chip'}>{r.status}</span>
                  </div>
                  {p?.date && <p class="hint red">{p.date}</p>}
                  <Text
                    label="Название"
                    value={r.title}
                    ro={done}
                    bad={!!p?.title}
                    set={(v) => edit(r.key, { title: v })}
                  />
                  {p?.title && <p class="hint red">{p.title}</p>}
                  {r.competence && <p class="muted small">Запрос: {r.competence}</p>}
                  <div class="row">
                    <label class="small field">
                      Вид
                      <select value={r.kind} onChange={(e) => edit(r.key, { kind: e.currentTarget.value })}>
                        {kindOptions(d.activityKinds, r.kind).map((k) => (
                          <option key={k} value={k}>
                            {k}
                          </option>
                        ))}
                      </select>
                    </label>
                    <Text
                      label="Ответственный"
                      list="prog-resp"
                      value={r.responsible}
                      set={(v) => edit(r.key, { responsible: v })}
                    />
                  </div>
                  <details>
                    <summary class="small">Результат и отчётность</summary>
                    <Text
                      label="Ожидаемый результат"
                      area={2}
                      value={r.expectedResult}
                      set={(v) => edit(r.key, { expectedResult: v })}
                    />
                    <Text label="Форма отчётности" value={r.reporting} set={(v) => edit(r.key, { reporting: v })} />
                  </details>
                  {done && <p class="hint">{DONE_HINT}</p>}
                  <div class="mentee-actions">
                    <Btn label="Выше" title={up || !i ? '' : DONE_MOVE} off={!up} on={() => shift(r.key, -1)}>
                      ↑
                    </Btn>
                    <Btn
                      label="Ниже"
                      title={down || i === rows.length - 1 ? '' : DONE_MOVE}
                      off={!down}
                      on={() => shift(r.key, 1)}
                    >
                      ↓
                    </Btn>
                    <Btn off={done} title={done ? DONE_HINT : ''} on={() => setRows((rs) => remove(rs, r.key))}>
                      Удалить
                    </Btn>
                  </div>
                </div>
              </Fragment>
            );
          })}
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
        {error && <ErrorBanner>{error}</ErrorBanner>}
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

type Input = { currentTarget: { value: string } };

/** A labelled text input (or textarea with `area` rows). */
function Text(p: {
  label: string;
  value: string;
  set: (v: string) => void;
  area?: number;
  ro?: boolean;
  bad?: boolean;
  list?: string;
}) {
  const on = (e: Input) => p.set(e.currentTarget.value);
  return (
    <label class="small field">
      {p.label}
      {p.area ? (
        <textarea rows={p.area} value={p.value} onInput={on} />
      ) : (
        <input type="text" list={p.list} value={p.value} readOnly={p.ro} aria-invalid={p.bad} onInput={on} />
      )}
    </label>
  );
}

function Btn(p: { children: string; on: () => void; off?: boolean; label?: string; title?: string }) {
  return (
    <button
      type="button"
      class="btn btn-toggle btn-small"
      aria-label={p.label}
      title={p.title || p.label}
      disabled={p.off}
      onClick={p.on}
    >
      {p.children}
    </button>
  );
}
