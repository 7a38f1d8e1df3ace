/** «Анкеты»: the questionnaires' links with copy buttons, answer counts, and the staff mailing. */
import { useEffect, useState } from 'preact/hooks';
import type { FormLink } from '../src/contract/serverApi';
import { plural } from '../src/domain/russianPlural';
import { call } from './api';
import { CopyButton } from './CopyButton';
import { ErrorBanner, Loading } from './ui';
import { useServer } from './useServer';

export function FormsPanel() {
  const loader = useServer({ initial: 'load' });
  const actions = useServer({ exclusive: true });
  const [links, setLinks] = useState<FormLink[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () =>
    void loader.run({
      what: 'Не удалось получить ссылки',
      send: () => call('getFormLinks'),
      valid: Array.isArray,
      done: setLinks,
    });
  useEffect(refresh, []);

  const act = (send: () => Promise<{ message: string }>) => {
    setNotice(null);
    void actions.run({
      key: 'act',
      what: 'Ошибка',
      send,
      done: (r) => {
        setNotice(r.message);
        refresh();
      },
    });
  };

  const busy = actions.busy !== null;
  const loading = loader.busy !== null;
  /** The links as of the last load, hidden while a load runs or after it failed. */
  const ready = !loading && !loader.error && links !== null ? links : null;
  const message = actions.error?.message ?? notice;

  return (
    <main class="panel" aria-busy={loading || busy}>
      <header class="panel-head">
        <h1>Анкеты</h1>
        <button type="button" class="btn btn-secondary btn-small" onClick={refresh} disabled={busy}>
          Обновить
        </button>
      </header>
      {loading && <Loading text="Загрузка ссылок…" />}
      {loader.error && <ErrorBanner onRetry={loader.error.retry}>{loader.error.message}</ErrorBanner>}
      {ready && ready.length === 0 && (
        <p class="hint">Анкеты ещё не созданы. Нажмите «Создать анкеты»: появятся три Google Формы и ссылки на них.</p>
      )}
      {ready &&
        ready.map((link) => (
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
          {ready && ready.length > 0 ? 'Обновить анкеты' : 'Создать анкеты'}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={busy || !ready || ready.length === 0}
          onClick={() => act(() => call('sendFormLinks'))}
        >
          Разослать ссылки
        </button>
      </div>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <p class="hint">
        Списки вариантов берутся с листа «Справочники». Изменили список — нажмите «Обновить анкеты». Адреса для рассылки
        — на листе «Настройки».
      </p>
    </main>
  );
}
