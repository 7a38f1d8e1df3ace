/** The sidebar panel, dialogs (iframes of /ui/:id), answered alerts/prompts, toasts, job progress. */
import { useEffect } from 'preact/hooks';
import type { JSX } from 'preact';
import type { DialogView, JobState, MessageView, ToastView } from '../server/protocol';

export function uiUrl(id: string): string {
  return `/ui/${encodeURIComponent(id)}`;
}

export function SidebarPanel({ dialog, onClose }: { dialog: DialogView; onClose(): void }): JSX.Element {
  return (
    <aside class="sidebar" data-testid="sidebar" data-dialog-id={dialog.id}>
      <div class="sidebar-head">
        <span class="sidebar-title" data-testid="sidebar-title">
          {dialog.title}
        </span>
        <button type="button" class="icon-btn" title="Закрыть" aria-label="Закрыть" onClick={onClose}>
          ✕
        </button>
      </div>
      <iframe
        key={dialog.id}
        class="sidebar-frame"
        data-testid="sidebar-frame"
        src={uiUrl(dialog.id)}
        title={dialog.title}
      />
    </aside>
  );
}

export function DialogBox({ dialog, onClose }: { dialog: DialogView; onClose(): void }): JSX.Element {
  const modal = dialog.kind !== 'modeless';
  return (
    <div class={`overlay${modal ? '' : ' modeless'}`} data-testid="dialog-overlay">
      <div class="dialog" role="dialog" aria-modal={modal} data-testid="dialog" data-dialog-id={dialog.id}>
        <div class="dialog-head">
          <span class="dialog-title">{dialog.title}</span>
          <button type="button" class="icon-btn" title="Закрыть" aria-label="Закрыть" onClick={onClose}>
            ✕
          </button>
        </div>
        <iframe
          key={dialog.id}
          class="dialog-frame"
          data-testid="dialog-frame"
          src={uiUrl(dialog.id)}
          title={dialog.title}
          style={{ width: `${dialog.width || 600}px`, height: `${dialog.height || 400}px` }}
        />
      </div>
    </div>
  );
}

export function MessageBox({ message, onClose }: { message: MessageView; onClose(): void }): JSX.Element {
  return (
    <div class="overlay" data-testid="message-overlay">
      <div class="dialog message" role="alertdialog" data-testid="message">
        <div class="dialog-head">
          <span class="dialog-title">{message.title || (message.kind === 'prompt' ? 'Запрос' : 'Сообщение')}</span>
        </div>
        <div class="message-body">{message.message}</div>
        <div class="message-note muted">
          {message.kind === 'prompt'
            ? 'Эмулятор ответил на запрос автоматически: '
            : 'Эмулятор нажал кнопку автоматически: '}
          «{message.answer}»
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn primary" data-testid="message-ok" onClick={onClose} autoFocus>
            ОК
          </button>
        </div>
      </div>
    </div>
  );
}

export function Toast({ toast, onClose }: { toast: ToastView; onClose(): void }): JSX.Element {
  useEffect(() => {
    const t = setTimeout(onClose, 5000);
    return () => clearTimeout(t);
  }, [toast.id]);
  return (
    <div class="toast" role="status" data-testid="toast">
      {toast.title ? <div class="toast-title">{toast.title}</div> : null}
      <div>{toast.message}</div>
      <button type="button" class="icon-btn" aria-label="Закрыть" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}

export function JobBox({ job }: { job: JobState }): JSX.Element {
  const pct = job.steps > 0 ? Math.min(100, Math.round((job.step / job.steps) * 100)) : 0;
  return (
    <div class="overlay" data-testid="job">
      <div class="dialog job" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <div class="dialog-title">{job.label || 'Выполняется…'}</div>
        <div class="job-bar">
          <div class="job-fill" style={{ width: `${pct}%` }} />
        </div>
        <div class="muted" data-testid="job-step">
          {job.done ? 'Готово' : job.stepLabel}{' '}
          {job.steps > 0 ? `(${Math.min(job.step, job.steps)} из ${job.steps})` : ''}
        </div>
      </div>
    </div>
  );
}
