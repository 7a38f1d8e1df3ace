/**
 * «Подбор пар» (stages 4 and 5.1): weights, the proposal with locks/exclusions/another mentor, the
 * unmatched mentees, the mentor-bank analysis, and «Сохранить». Every server call is one
 * google.script.run call; the panel's settings and the last proposal survive any error.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  PairingMentee,
  PairingRequest,
  PairingUnit,
  PairingView,
  SavePairsResult,
} from '../src/contract/serverApi';
import { call } from './api';
import { plural } from '../src/domain/russianPlural';
import {
  collectNames,
  exclude,
  filter,
  formatScore,
  initialState,
  isExcluded,
  isLocked,
  lock,
  pickMentor,
  request,
  sameRequest,
  setCapacity,
  setWeight,
  syncWeights,
  unexclude,
  WEIGHT_MAX,
  WEIGHT_MIN,
  type PairingState,
} from './pairingModel';
import { ErrorBanner, Loading, MoreButton } from './ui';

const PAGE = 50;
/** Lists longer than this get the filter input. */
const FILTER_FROM = 10;

type Busy = null | 'propose' | 'save' | 'discard';

export interface PairingPanelProps {
  /** Without a request: the settings the server kept (the panel opening). */
  propose?: (req?: PairingRequest) => Promise<PairingView>;
  save?: (req: PairingRequest) => Promise<SavePairsResult>;
  keep?: (req: PairingRequest) => Promise<boolean>;
  discard?: () => Promise<PairingView>;
}

export function PairingPanel(props: PairingPanelProps) {
  const propose = props.propose ?? ((req?: PairingRequest) => (req ? call('proposePairs', req) : call('proposePairs')));
  const save = props.save ?? ((req: PairingRequest) => call('savePairs', req));
  const keep = props.keep ?? ((req: PairingRequest) => call('keepPairingDraft', req));
  const discard = props.discard ?? (() => call('discardPairingDraft'));

  const [view, setView] = useState<PairingView | null>(null);
  const [settings, setSettings] = useState<PairingState | null>(null);
  /** The request behind the shown proposal (null before the first one). */
  const [shown, setShown] = useState<PairingRequest | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<{ message: string; retry: () => void } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The server keeps unsaved settings (a draft) for this panel. */
  const [hasDraft, setHasDraft] = useState(false);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [unmatchedLimit, setUnmatchedLimit] = useState(PAGE);
  const names = useRef(new Map<string, string>());
  const seq = useRef(0);

  /** «Подобрать»: `req` null = the first load (the settings the server kept). */
  const run = (req: PairingRequest | null, base: PairingState | null) => {
    const id = ++seq.current;
    setBusy('propose');
    setError(null);
    setNotice(null);
    (req ? propose(req) : propose()).then(
      (v) => {
        if (id !== seq.current) return;
        setBusy(null);
        if (!v || !Array.isArray(v.units)) {
          setError({ message: 'Не удалось подобрать пары: сервер вернул пустой ответ', retry: () => run(req, base) });
          return;
        }
        collectNames(v, names.current);
        const next = base ? syncWeights(base, v) : initialState(v);
        setView(v);
        setSettings(next);
        setShown(req ?? request(next));
        setHasDraft(v.draft === true);
        setLimit(PAGE);
        setUnmatchedLimit(PAGE);
      },
      (e: Error) => {
        if (id !== seq.current) return;
        setBusy(null);
        setError({
          message: `Не удалось подобрать пары: ${(e && e.message) || 'неизвестная ошибка'}`,
          retry: () => run(req, base),
        });
      },
    );
  };

  const doSave = (req: PairingRequest) => {
    const id = ++seq.current;
    setBusy('save');
    setError(null);
    setNotice(null);
    save(req).then(
      (r) => {
        if (id !== seq.current) return;
        setBusy(null);
        setHasDraft(false);
        setNotice((r && r.message) || 'Сохранено.');
      },
      (e: Error) => {
        if (id !== seq.current) return;
        setBusy(null);
        setError({
          message: `Не удалось сохранить пары: ${(e && e.message) || 'неизвестная ошибка'}`,
          retry: () => doSave(req),
        });
      },
    );
  };

  /** «Отменить изменения»: the server drops the draft and proposes with the saved settings. */
  const doDiscard = () => {
    const id = ++seq.current;
    setBusy('discard');
    setError(null);
    setNotice(null);
    discard().then(
      (v) => {
        if (id !== seq.current) return;
        setBusy(null);
        if (!v || !Array.isArray(v.units)) {
          setError({ message: 'Не удалось отменить изменения: сервер вернул пустой ответ', retry: doDiscard });
          return;
        }
        collectNames(v, names.current);
        const next = initialState(v);
        setView(v);
        setSettings(next);
        setShown(request(next));
        setHasDraft(v.draft === true);
        setNotice('Изменения отменены: показан подбор с сохранёнными настройками.');
      },
      (e: Error) => {
        if (id !== seq.current) return;
        setBusy(null);
        setError({
          message: `Не удалось отменить изменения: ${(e && e.message) || 'неизвестная ошибка'}`,
          retry: doDiscard,
        });
      },
    );
  };

  /** The edits are kept on the server as they are made, so closing the panel loses none of them. */
  const keepDraft = (next: PairingState) => {
    keep(request(next)).then(
      (kept) => setHasDraft(kept === true),
      (e: Error) =>
        setError({
          message: `Не удалось запомнить изменения на сервере: ${(e && e.message) || 'неизвестная ошибка'}`,
          retry: () => keepDraft(next),
        }),
    );
  };

  useEffect(() => run(null, null), []);

  const rerun = () => settings && run(request(settings), settings);
  const update = (next: PairingState, persist = true) => {
    setSettings(next);
    setNotice(null);
    if (persist) keepDraft(next);
  };

  const dirty = !!settings && !!shown && !sameRequest(shown, request(settings));
  const shownView = view ? filter(view, query) : null;
  const total = view ? view.units.length + view.unmatched.length : 0;

  return (
    <main class="panel pairing" aria-busy={busy !== null}>
      <header class="panel-head">
        <h1>Подбор пар</h1>
      </header>

      {view && (
        <p class="pairing-figures" aria-live="polite">
          Подобрано <strong>{view.matched}</strong> из {view.mentees}{' '}
          {plural(view.mentees, 'наставляемого', 'наставляемых', 'наставляемых')} · наставников: {view.mentors}
        </p>
      )}

      {busy === 'propose' && <Loading text={view ? 'Подбираем пары…' : 'Загрузка банков…'} />}
      {busy === 'save' && <Loading text="Сохраняем «Пары и группы»…" />}
      {busy === 'discard' && <Loading text="Отменяем изменения…" />}

      {error && <ErrorBanner onRetry={error.retry}>{error.message}</ErrorBanner>}

      {view && settings && (
        <div class={busy ? 'pairing-body is-busy' : 'pairing-body'}>
          {view.weights.length > 0 && (
            <fieldset class="weights" disabled={busy !== null}>
              <legend>Веса критериев</legend>
              {view.weights.map((w, i) => {
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
                      onInput={(e) => update(setWeight(settings, w.key, Number(e.currentTarget.value)), false)}
                      onChange={(e) => keepDraft(setWeight(settings, w.key, Number(e.currentTarget.value)))}
                    />
                    <output for={`pw-${i}`} class="weight-value">
                      {value}
                    </output>
                  </div>
                );
              })}
            </fieldset>
          )}

          <div class="actions">
            <button type="button" class="btn btn-primary" disabled={busy !== null} onClick={rerun}>
              {busy === 'propose' ? 'Подбираем…' : 'Подобрать'}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              disabled={busy !== null || dirty || view.units.length === 0}
              onClick={() => shown && doSave(shown)}
            >
              {busy === 'save' ? 'Сохранение…' : 'Сохранить'}
            </button>
            {(hasDraft || dirty) && (
              <button type="button" class="btn btn-secondary" disabled={busy !== null} onClick={doDiscard}>
                {busy === 'discard' ? 'Отменяем…' : 'Отменить изменения'}
              </button>
            )}
          </div>
          {hasDraft && !dirty && (
            <p class="hint" role="status">
              Есть несохранённые изменения подбора: они хранятся, пока вы не нажмёте «Сохранить» или «Отменить
              изменения».
            </p>
          )}
          {dirty && (
            <p class="hint" role="status">
              Настройки изменены — нажмите «Подобрать», чтобы увидеть новый подбор; сохранить можно после этого.
            </p>
          )}
          {notice && (
            <p class="notice" role="status">
              {notice}
            </p>
          )}

          {view.rejectedLocks.length > 0 && (
            <div class="banner banner-warn" role="alert">
              <p>
                <strong>Не удалось учесть закрепления:</strong>
              </p>
              <ul class="plain">
                {view.rejectedLocks.map((r, i) => (
                  <li key={i}>
                    {r.menteeName} — {r.mentorName}: {r.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {settings.exclusions.length > 0 && (
            <section aria-labelledby="h-excluded">
              <h2 id="h-excluded">
                Исключённые пары <span class="count">{settings.exclusions.length}</span>
              </h2>
              <ul class="plain excluded">
                {settings.exclusions.map((x) => (
                  <li key={`${x.menteeId}|${x.mentorId}`}>
                    <span>
                      {names.current.get(x.menteeId) ?? x.menteeId} — {names.current.get(x.mentorId) ?? x.mentorId}
                    </span>
                    <button
                      type="button"
                      class="btn btn-secondary btn-small"
                      disabled={busy !== null}
                      onClick={() => update(unexclude(settings, x.menteeId, x.mentorId))}
                    >
                      Вернуть
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {total > FILTER_FROM && (
            <div class="field pairing-filter">
              <label for="p-filter">Поиск по ФИО</label>
              <input
                id="p-filter"
                type="search"
                value={query}
                placeholder="наставник или наставляемый"
                onInput={(e) => {
                  setQuery(e.currentTarget.value);
                  setLimit(PAGE);
                  setUnmatchedLimit(PAGE);
                }}
              />
            </div>
          )}

          <section aria-labelledby="h-units">
            <h2 id="h-units">
              Предложение <span class="count">{shownView!.units.length}</span>
            </h2>
            {view.units.length === 0 ? (
              <p class="muted">Ни одной пары подобрать не удалось — причины ниже.</p>
            ) : shownView!.units.length === 0 ? (
              <p class="muted">Ничего не найдено.</p>
            ) : (
              <ul class="units">
                {shownView!.units.slice(0, limit).map((u, ui) => (
                  <UnitCard
                    key={u.mentorId}
                    unit={u}
                    index={ui}
                    settings={settings}
                    disabled={busy !== null}
                    onLock={(m) => update(lock(settings, m, u.mentorId))}
                    onCapacity={(places) => update(setCapacity(settings, u.mentorId, places))}
                    onExclude={(m) =>
                      update(
                        isExcluded(settings, m, u.mentorId)
                          ? unexclude(settings, m, u.mentorId)
                          : exclude(settings, m, u.mentorId),
                      )
                    }
                    onPick={(m, mentorId) => {
                      // «Подобрать» with the new settings keeps them as the draft too.
                      const next = pickMentor(settings, m, mentorId);
                      setSettings(next);
                      run(request(next), next);
                    }}
                  />
                ))}
              </ul>
            )}
            {shownView!.units.length > limit && (
              <MoreButton shown={limit} total={shownView!.units.length} onClick={() => setLimit(limit + PAGE)} />
            )}
          </section>

          {view.unmatched.length > 0 && (
            <section aria-labelledby="h-unmatched">
              <h2 id="h-unmatched">
                Без наставника <span class="count count-red">{shownView!.unmatched.length}</span>
              </h2>
              <ul class="items unmatched">
                {shownView!.unmatched.slice(0, unmatchedLimit).map((m) => (
                  <li key={m.id} class="item item-overdue">
                    <div class="item-title">{m.name}</div>
                    <div class="muted small">{m.reason}</div>
                  </li>
                ))}
              </ul>
              {shownView!.unmatched.length > unmatchedLimit && (
                <MoreButton
                  shown={unmatchedLimit}
                  total={shownView!.unmatched.length}
                  onClick={() => setUnmatchedLimit(unmatchedLimit + PAGE)}
                />
              )}
            </section>
          )}

          {view.coverage.length > 0 && <Coverage coverage={view.coverage} />}
        </div>
      )}
    </main>
  );
}

function UnitCard(props: {
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
          <MenteeRow
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

function MenteeRow(props: {
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
      {m.explanation && <div class="muted small">{m.explanation}</div>}
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

function Coverage(props: { coverage: PairingView['coverage'] }) {
  const gaps = props.coverage.filter((c) => c.gap > 0).length;
  return (
    <details class="coverage">
      <summary>
        Анализ банка наставников{' '}
        {gaps > 0 && (
          <span class="count count-red">
            {gaps} {plural(gaps, 'дефицит', 'дефицита', 'дефицитов')}
          </span>
        )}
      </summary>
      <p class="hint">
        Для каждой запрошенной компетенции: сколько наставляемых о ней просят и сколько мест у наставников, которые ей
        владеют. Дефицит — кого школе нужно найти или обучить.
      </p>
      <div class="table-wrap">
        <table class="coverage-table">
          <thead>
            <tr>
              <th scope="col">Компетенция</th>
              <th scope="col">Просят</th>
              <th scope="col">Мест</th>
              <th scope="col">Дефицит</th>
            </tr>
          </thead>
          <tbody>
            {props.coverage.map((c, i) => (
              <tr key={`${c.competence}-${i}`} class={c.gap > 0 ? 'gap' : undefined}>
                <th scope="row">{c.competence}</th>
                <td>{c.menteesAsking}</td>
                <td>{c.mentorCapacity}</td>
                <td>{c.gap > 0 ? c.gap : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
