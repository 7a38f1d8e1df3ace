/**
 * The «Почта» tab: what the add-on "sent" with MailApp (nothing leaves the machine), newest first —
 * time, recipients, subject; a click opens the message. Bodies are shown as plain text, never as
 * markup; http(s) links are clickable, and links to the workspace's forms open the local form page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { MailView as Mail } from '../server/mail';
import { linkify } from './links';

interface Props {
  /** null while the first load is in flight. */
  mail: Mail[] | null;
  error: string | null;
  onReload(): void;
}

/** Tags dropped, entities of the common kind decoded: only for a message with an HTML body alone. */
function htmlAsText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function Body({ text }: { text: string }): JSX.Element {
  return (
    <div class="mail-body" data-testid="mail-body">
      {linkify(text).map((part, i) =>
        part.href ? (
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel={part.local ? 'noopener' : 'noopener noreferrer'}
            title={part.local ? 'Откроется локальная страница формы' : part.href}
            data-local={part.local ? 'true' : undefined}
          >
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}

function recipients(list: string[]): string {
  return list.join(', ');
}

function Message({ m, onClose }: { m: Mail; onClose(): void }): JSX.Element {
  const text = m.body.trim() !== '' || m.htmlBody === undefined ? m.body : htmlAsText(m.htmlBody);
  return (
    <article class="mail-message" data-testid="mail-message" aria-label={m.subject || 'Без темы'}>
      <div class="mail-message-bar">
        <h2 class="mail-subject">{m.subject || '(без темы)'}</h2>
        <button type="button" class="icon-btn" aria-label="Закрыть письмо" onClick={onClose}>
          ✕
        </button>
      </div>
      <dl class="mail-meta">
        <dt>От</dt>
        <dd>{m.name ? `${m.name} <${m.from}>` : m.from}</dd>
        <dt>Кому</dt>
        <dd>{recipients(m.to)}</dd>
        {m.cc.length ? (
          <>
            <dt>Копия</dt>
            <dd>{recipients(m.cc)}</dd>
          </>
        ) : null}
        {m.bcc.length ? (
          <>
            <dt>Скрытая копия</dt>
            <dd>{recipients(m.bcc)}</dd>
          </>
        ) : null}
        {m.replyTo ? (
          <>
            <dt>Ответить</dt>
            <dd>{m.replyTo}</dd>
          </>
        ) : null}
        <dt>Отправлено</dt>
        <dd>{m.time}</dd>
      </dl>
      {m.htmlBody !== undefined && m.body.trim() === '' ? (
        <p class="muted small">Письмо отправлено только в HTML; показан его текст.</p>
      ) : null}
      <Body text={text} />
    </article>
  );
}

export function MailView({ mail, error, onReload }: Props): JSX.Element {
  const [openId, setOpenId] = useState<string | null>(null);
  // A reset empties the outbox: a message that is gone is closed.
  useEffect(() => {
    if (openId !== null && mail && !mail.some((m) => m.id === openId)) setOpenId(null);
  }, [mail, openId]);
  const open = mail?.find((m) => m.id === openId) ?? null;
  return (
    <section class="mail-view" data-testid="mail-view">
      <div class="mail-list">
        <div class="mail-head">
          <h1>Почта</h1>
          <button type="button" class="btn" onClick={onReload}>
            Обновить
          </button>
        </div>
        <p class="muted small">
          Письма, которые дополнение отправило через MailApp. Они никуда не уходят: это исходящие локального
          пространства.
        </p>
        {error ? <p class="red">Не удалось загрузить письма: {error}</p> : null}
        {!error && mail === null ? <p class="muted">Загрузка…</p> : null}
        {mail && mail.length === 0 ? (
          <p class="empty-state" data-testid="empty">
            Писем пока нет. Они появятся здесь, когда дополнение отправит почту.
          </p>
        ) : null}
        {mail && mail.length > 0 ? (
          <table class="mail-table">
            <thead>
              <tr>
                <th scope="col">Время</th>
                <th scope="col">Кому</th>
                <th scope="col">Тема</th>
              </tr>
            </thead>
            <tbody>
              {mail.map((m) => (
                <tr
                  key={m.id}
                  class={`mail-row${m.id === openId ? ' selected' : ''}`}
                  data-testid="mail-item"
                  aria-selected={m.id === openId}
                  tabIndex={0}
                  onClick={() => setOpenId(m.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setOpenId(m.id);
                    }
                  }}
                >
                  <td class="mail-time muted">{m.time}</td>
                  <td class="mail-to" title={recipients([...m.to, ...m.cc, ...m.bcc])}>
                    {recipients(m.to.length ? m.to : [...m.cc, ...m.bcc])}
                  </td>
                  <td class="mail-subj">{m.subject || '(без темы)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <div class="mail-preview">
        {open ? (
          <Message m={open} onClose={() => setOpenId(null)} />
        ) : (
          <p class="muted mail-placeholder">Выберите письмо, чтобы прочитать его.</p>
        )}
      </div>
    </section>
  );
}
