/**
 * The «Почта» tab: what the add-on "sent" with MailApp (nothing leaves the machine), newest first —
 * time, recipients, subject; a click opens the message. An HTML body is shown as its text with its
 * named links clickable (never rendered as markup), with the plain-text version below; http(s) links are
 * clickable, and links to the workspace's forms open the local form page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { MailView as Mail } from '../server/mail';
import { htmlParts, linkify, type TextPart } from './links';

interface Props {
  /** null while the first load is in flight. */
  mail: Mail[] | null;
  error: string | null;
  onReload(): void;
}

function Body({ parts, testId = 'mail-body' }: { parts: TextPart[]; testId?: string }): JSX.Element {
  return (
    <div class="mail-body" data-testid={testId}>
      {parts.map((part, i) =>
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
  // The HTML version as mail clients show it (its named links clickable), else the plain text.
  const html = m.htmlBody !== undefined && m.htmlBody.trim() !== '';
  const parts = html ? htmlParts(m.htmlBody!) : linkify(m.body);
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
      {html && m.body.trim() === '' ? (
        <p class="muted small">Письмо отправлено только в HTML, без текстовой версии.</p>
      ) : null}
      <Body parts={parts} />
      {html && m.body.trim() !== '' ? (
        <details class="mail-plain">
          <summary>Текстовая версия (для почтовых программ без HTML)</summary>
          <Body parts={linkify(m.body)} testId="mail-plain-body" />
        </details>
      ) : null}
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
