/** «Анкеты»: the questionnaires' links with copy buttons, answer counts, and the staff mailing. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FormLink } from '../src/contract/serverApi';
import { call } from './api';
import { plural } from '../src/domain/russianPlural';
import { ErrorBanner, Loading } from './ui';

type State = { kind: 'loading' } | { kind: 'ready'; links: FormLink[] } | { kind: 'error'; message: string };

function CopyButton(props: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(props.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button type="button" class="btn btn-secondary btn-small" onClick={copy}>
      {copied ? 'Скопировано' : 'Копировать'}
    </button>
  );
}

export function FormsPanel() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(() => {
    setState({ kind: 'loading' });
    call('getFormLinks').then(
      (links) => setState({ kind: 'ready', links }),
      (e: Error) => setState({ kind: 'error', message: e.message }),
    );
  }, []);
  useEffect(refresh, [refresh]);

  const act = (run: () => Promise<{ message: string }>) => {
    setBusy(true);
    setNotice(null);
    run().then(
      (r) => {
        setNotice(r.message);
        setBusy(false);
        refresh();
      },
      (e: Error) => {
        setNotice(`Ошибка: ${e.message}`);
        setBusy(false);
      },
    );
  };

  return (
    <main class="panel" aria-busy={state.kind === 'loading' || busy}>
      <header class="panel-head">
        <h1>Анкеты</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={refresh} disabled={busy}>
          Обновить
        </button>
      </header>
      {state.kind === 'loading' && <Loading text="Загрузка ссылок…" />}
      {state.kind === 'error' && (
        <ErrorBanner onRetry={refresh}>Не удалось получить ссылки: {state.message}</ErrorBanner>
      )}
      {state.kind === 'ready' && state.links.length === 0 && (
        <p class="hint">Анкеты ещё не созданы. Нажмите «Создать анкеты»: появятся три Google Формы и ссылки на них.</p>
      )}
      {state.kind === 'ready' &&
        state.links.map((link) => (
          <section class="card form-link" key={link.key}>
            <h2>{link.title}</h2>
            <p class="muted">
              {link.responses} {plural(link.responses, 'ответ', 'ответа', 'ответов')}
            </p>
            <label class="field">
              <span>Ссылка для педагогов</span>
              <input type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div class="row">
              <CopyButton text={link.url} />
              <a class="btn btn-secondary btn-small" href={link.editUrl} target="_blank" rel="noopener noreferrer">
                Редактировать форму
              </a>
            </div>
          </section>
        ))}
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy}
          onClick={() => act(() => call('setupQuestionnaires'))}
        >
          {state.kind === 'ready' && state.links.length > 0 ? 'Обновить анкеты' : 'Создать анкеты'}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={busy || state.kind !== 'ready' || state.links.length === 0}
          onClick={() => act(() => call('sendFormLinks'))}
        >
          Разослать ссылки
        </button>
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p class="hint">
        Списки вариантов берутся с листа «Справочники». Изменили список — нажмите «Обновить анкеты». Адреса для рассылки
        — на листе «Настройки».
      </p>
    </main>
  );
}
