/**
 * «Подбор пар» (stages 4 and 5.1): weights, the proposal with locks/exclusions/another mentor, the
 * unmatched mentees, the mentor-bank analysis, and «Сохранить». Every server call is one
 * google.script.run call; the panel's settings and the last proposal survive any error.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PairingRequest, PairingView } from '../src/contract/serverApi';
import { plural } from '../src/domain/russianPlural';
import { call } from './api';
import { PairingActions } from './PairingActions';
import { PairingCheckin } from './PairingCheckin';
import { PairingChoiceLinks } from './PairingChoiceLinks';
import { PairingCoverage } from './PairingCoverage';
import { PairingExcluded } from './PairingExcluded';
import { PairingProposal } from './PairingProposal';
import { PairingRejectedLocks } from './PairingRejectedLocks';
import { PairingUnmatched } from './PairingUnmatched';
import { PairingWeights } from './PairingWeights';
import {
  collectNames,
  filter,
  initialState,
  request,
  sameRequest,
  syncWeights,
  type PairingState,
} from './pairingModel';
import { ErrorBanner, Loading } from './ui';
import { reason, useServer } from './useServer';

const PAGE = 50;
/** Lists longer than this get the filter input. */
const FILTER_FROM = 10;

const isView = (v: PairingView) => !!v && Array.isArray(v.units);

export function PairingPanel() {
  const server = useServer({ initial: 'propose' });
  const [view, setView] = useState<PairingView | null>(null);
  const [settings, setSettings] = useState<PairingState | null>(null);
  /** The request behind the shown proposal (null before the first one). */
  const [shown, setShown] = useState<PairingRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The server keeps unsaved settings (a draft) for this panel. */
  const [hasDraft, setHasDraft] = useState(false);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [unmatchedLimit, setUnmatchedLimit] = useState(PAGE);
  const names = useRef(new Map<string, string>());

  const show = (v: PairingView, next: PairingState, req: PairingRequest) => {
    collectNames(v, names.current);
    setView(v);
    setSettings(next);
    setShown(req);
    setHasDraft(v.draft === true);
  };

  /** «Подобрать»: `req` null = the first load (the settings the server kept). */
  const propose = (req: PairingRequest | null, base: PairingState | null) => {
    setNotice(null);
    void server.run({
      key: 'propose',
      what: 'Не удалось подобрать пары',
      send: () => (req ? call('proposePairs', req) : call('proposePairs')),
      valid: isView,
      done: (v) => {
        const next = base ? syncWeights(base, v) : initialState(v);
        show(v, next, req ?? request(next));
        setLimit(PAGE);
        setUnmatchedLimit(PAGE);
      },
    });
  };

  const save = (req: PairingRequest) => {
    setNotice(null);
    void server.run({
      key: 'save',
      what: 'Не удалось сохранить пары',
      send: () => call('savePairs', req),
      done: (r) => {
        setHasDraft(false);
        setNotice((r && r.message) || 'Сохранено.');
      },
    });
  };

  /** «Отменить изменения»: the server drops the draft and proposes with the saved settings. */
  const discard = () => {
    setNotice(null);
    void server.run({
      key: 'discard',
      what: 'Не удалось отменить изменения',
      send: () => call('discardPairingDraft'),
      valid: isView,
      done: (v) => {
        const next = initialState(v);
        show(v, next, request(next));
        setNotice('Изменения отменены: показан подбор с сохранёнными настройками.');
      },
    });
  };

  /** The edits are kept on the server as they are made, so closing the panel loses none of them. */
  const keepDraft = (next: PairingState) => {
    call('keepPairingDraft', request(next)).then(
      (kept) => setHasDraft(kept === true),
      (e: unknown) => server.fail('Не удалось запомнить изменения на сервере', reason(e), () => keepDraft(next)),
    );
  };

  useEffect(() => propose(null, null), []);

  const sendChoice = () => {
    setNotice(null);
    void server.run({
      key: 'choice',
      what: 'Не удалось разослать ссылки на выбор наставника',
      send: () => call('sendChoiceLinks'),
      done: (r) => setNotice((r && r.message) || 'Ссылки разосланы.'),
    });
  };

  const update = (next: PairingState, persist = true) => {
    setSettings(next);
    setNotice(null);
    if (persist) keepDraft(next);
  };

  const busy = server.busy;
  const off = busy !== null;
  const dirty = !!settings && !!shown && !sameRequest(shown, request(settings));
  const total = view ? view.units.length + view.unmatched.length : 0;
  const shownView = view ? filter(view, query) : null;

  return (
    <main class="panel pairing" aria-busy={off}>
      <header class="panel-head">
        <h1>Подбор пар</h1>
      </header>

      {view && (
        <p class="pairing-figures" aria-live="polite">
          Подобрано <strong>{view.matched}</strong> из {view.mentees}{' '}
          {plural(view.mentees, 'наставляемого', 'наставляемых', 'наставляемых')} · наставников: {view.mentors}
        </p>
      )}

      <PairingCheckin disabled={off} onDissolved={() => propose(null, null)} />

      {busy === 'propose' && <Loading text={view ? 'Подбираем пары…' : 'Загрузка банков…'} />}
      {busy === 'save' && <Loading text="Сохраняем «Пары и группы»…" />}
      {busy === 'discard' && <Loading text="Отменяем изменения…" />}

      {server.error && <ErrorBanner onRetry={server.error.retry}>{server.error.message}</ErrorBanner>}

      {view && settings && shownView && (
        <div class={off ? 'pairing-body is-busy' : 'pairing-body'}>
          <PairingWeights
            weights={view.weights}
            settings={settings}
            disabled={off}
            onInput={(next) => update(next, false)}
            onChange={keepDraft}
          />

          <PairingActions
            busy={busy}
            dirty={dirty}
            hasDraft={hasDraft}
            canSave={view.units.length > 0}
            notice={notice}
            onPropose={() => propose(request(settings), settings)}
            onSave={() => shown && save(shown)}
            onDiscard={discard}
          />

          <PairingChoiceLinks busy={busy} onSend={sendChoice} />

          <PairingRejectedLocks locks={view.rejectedLocks} />

          <PairingExcluded settings={settings} names={names.current} disabled={off} onChange={update} />

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

          <PairingProposal
            any={view.units.length > 0}
            units={shownView.units}
            limit={limit}
            onMore={() => setLimit(limit + PAGE)}
            settings={settings}
            disabled={off}
            onChange={update}
            onPick={(next) => {
              // «Подобрать» with the new settings keeps them as the draft too.
              setSettings(next);
              propose(request(next), next);
            }}
          />

          {view.unmatched.length > 0 && (
            <PairingUnmatched
              mentees={shownView.unmatched}
              limit={unmatchedLimit}
              onMore={() => setUnmatchedLimit(unmatchedLimit + PAGE)}
            />
          )}

          {view.coverage.length > 0 && <PairingCoverage coverage={view.coverage} />}
        </div>
      )}
    </main>
  );
}
