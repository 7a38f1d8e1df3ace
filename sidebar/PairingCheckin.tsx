/**
 * The mid-year check-in at the top of «Подбор пар»: «Разослать промежуточный опрос» (the clock sends it
 * by itself in January), the pairs the
 * answers flagged «требует внимания» with the reason, and «Расформировать и подобрать заново».
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckinView, DissolveResult } from '../src/contract/serverApi';
import { call } from './api';
import { ErrorBanner } from './ui';

export function PairingCheckin(props: { disabled: boolean; onDissolved: () => void }) {
  const [view, setView] = useState<CheckinView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<DissolveResult | null>(null);

  const load = () =>
    call('getCheckin').then(
      (v) => setView(v && Array.isArray(v.attention) ? v : { attention: [] }),
      (e: Error) => setError(`Не удалось загрузить итоги промежуточного опроса: ${e.message}`),
    );
  useEffect(() => void load(), []);

  const run = <T,>(key: string, what: string, send: () => Promise<T>, done: (r: T) => void) => {
    setBusy(key);
    setError(null);
    setNotice(null);
    send().then(
      (r) => {
        setBusy(null);
        done(r);
      },
      (e: Error) => {
        setBusy(null);
        setError(`${what}: ${e.message}`);
      },
    );
  };

  const off = props.disabled || busy !== null;
  const attention = view?.attention ?? [];
  return (
    <section aria-labelledby="h-checkin" class="checkin">
      <h2 id="h-checkin">
        Промежуточный опрос {attention.length > 0 && <span class="count count-red">{attention.length}</span>}
      </h2>
      <p class="hint">
        В январе опрос рассылается сам: обе стороны каждой утверждённой пары получают одно письмо с личной ссылкой.
        Кнопка — чтобы разослать его раньше или позже января.
      </p>
      {attention.length > 0 && (
        <ul class="items attention">
          {attention.map((p) => (
            <li key={p.pairId} class="item item-overdue">
              <div class="item-title">{p.pairId} · требует внимания</div>
              <div class="small">
                Наставник: {p.mentorName}
                {p.menteeNames.length > 0 && <> · наставляемые: {p.menteeNames.join(', ')}</>}
              </div>
              <div class="muted small">{p.reason}</div>
              <div class="actions">
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  disabled={off}
                  onClick={() =>
                    run(
                      `dissolve:${p.pairId}`,
                      'Не удалось расформировать пару',
                      () => call('dissolvePair', p.pairId),
                      (r) => {
                        setResult(r);
                        void load();
                        props.onDissolved();
                      },
                    )
                  }
                >
                  {busy === `dissolve:${p.pairId}` ? 'Расформировываем…' : 'Расформировать и подобрать заново'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {result && (
        <div class="notice" role="status">
          <p>{result.message}</p>
          <ul class="plain">
            {result.proposals.map((p) => (
              <li key={p.menteeId}>
                <strong>{p.menteeName}</strong>:{' '}
                {p.mentors.length > 0
                  ? p.mentors.map((m) => `${m.mentorName} (совпадение ${m.score})`).join('; ')
                  : 'подходящих свободных наставников нет'}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          class="btn btn-secondary"
          disabled={off}
          onClick={() =>
            run(
              'send',
              'Не удалось разослать опрос',
              () => call('sendCheckinLinks'),
              (r) => setNotice(r.message),
            )
          }
        >
          {busy === 'send' ? 'Рассылаем…' : 'Разослать промежуточный опрос'}
        </button>
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorBanner>{error}</ErrorBanner>}
    </section>
  );
}
