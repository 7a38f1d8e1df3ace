/**
 * The mid-year check-in at the top of «Подбор пар»: «Разослать промежуточный опрос» (the clock sends it
 * by itself in January), the pairs the answers flagged «требует внимания» with the reason, and
 * «Расформировать и подобрать заново», asked once more before it acts: a dissolved pair is not restored
 * by a click.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckinView, DissolveResult } from '../src/contract/serverApi';
import { call } from './api';
import { ErrorBanner } from './ui';
import { useServer } from './useServer';

export function PairingCheckin(props: { disabled: boolean; onDissolved: () => void }) {
  const [view, setView] = useState<CheckinView | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<DissolveResult | null>(null);
  const server = useServer({ exclusive: true });

  const load = () =>
    void server.run({
      key: 'load',
      what: 'Не удалось загрузить итоги промежуточного опроса',
      send: () => call('getCheckin'),
      valid: (v) => Boolean(v && Array.isArray(v.attention)),
      done: setView,
    });
  useEffect(load, []);

  const dissolve = (pairId: string) => {
    setAsking(null);
    setNotice(null);
    void server
      .run({
        key: `dissolve:${pairId}`,
        what: `Не удалось расформировать пару ${pairId}`,
        send: () => call('dissolvePair', pairId),
        done: (r) => {
          setResult(r);
          props.onDissolved();
        },
      })
      .then((ok) => ok && load());
  };

  const send = () => {
    setNotice(null);
    void server.run({
      key: 'send',
      what: 'Не удалось разослать опрос',
      send: () => call('sendCheckinLinks'),
      done: (r) => setNotice(r.message),
    });
  };

  const off = props.disabled || server.busy !== null;
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
              {asking === p.pairId ? (
                <div class="actions" role="group" aria-label={`Подтверждение: расформировать ${p.pairId}`}>
                  <p class="small">
                    Расформировать {p.pairId}? Наставляемые вернутся в банк, история пары сохранится, старый наставник
                    им больше не будет предложен.
                  </p>
                  <button
                    type="button"
                    class="btn btn-danger btn-small"
                    disabled={off}
                    onClick={() => dissolve(p.pairId)}
                  >
                    Да, расформировать
                  </button>
                  <button type="button" class="btn btn-secondary btn-small" onClick={() => setAsking(null)}>
                    Отмена
                  </button>
                </div>
              ) : (
                <div class="actions">
                  <button
                    type="button"
                    class="btn btn-secondary btn-small"
                    disabled={off}
                    onClick={() => setAsking(p.pairId)}
                  >
                    {server.busy === `dissolve:${p.pairId}` ? 'Расформировываем…' : 'Расформировать и подобрать заново'}
                  </button>
                </div>
              )}
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
        <button type="button" class="btn btn-secondary" disabled={off} onClick={send}>
          {server.busy === 'send' ? 'Рассылаем…' : 'Разослать промежуточный опрос'}
        </button>
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {server.error && <ErrorBanner onRetry={server.error.retry}>{server.error.message}</ErrorBanner>}
    </section>
  );
}
