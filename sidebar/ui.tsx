/** Shared small pieces: progress bar, error banner, spinner text. */
import type { ComponentChildren } from 'preact';
import { clampPercent } from './format';

export function ProgressBar(props: { percent: number; label: string; thin?: boolean }) {
  const p = clampPercent(props.percent);
  return (
    <div
      class={props.thin ? 'bar bar-thin' : 'bar'}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={p}
    >
      <div class="bar-fill" style={{ width: `${p}%` }} />
    </div>
  );
}

export function ErrorBanner(props: { children: ComponentChildren; onRetry?: () => void }) {
  return (
    <div class="banner banner-error" role="alert">
      <div>{props.children}</div>
      {props.onRetry && (
        <button type="button" class="btn btn-secondary btn-small" onClick={props.onRetry}>
          Повторить
        </button>
      )}
    </div>
  );
}

export function Loading(props: { text?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {props.text ?? 'Загрузка…'}
    </div>
  );
}

/** «Показано N из M · Показать ещё» under a long list. */
export function MoreButton(props: { shown: number; total: number; onClick: () => void }) {
  return (
    <div class="more">
      <span class="muted small">
        Показано {props.shown} из {props.total}
      </span>
      <button type="button" class="btn btn-secondary btn-small" onClick={props.onClick}>
        Показать ещё
      </button>
    </div>
  );
}

export interface BarItem {
  label: string;
  /** Width of the bar, 0–100. */
  percent: number;
  /** The value as text, always shown next to the bar. */
  text: string;
}

/** Horizontal bars with plain divs: label, bar (decorative), value as text. */
export function Bars(props: { label: string; items: BarItem[]; small?: boolean }) {
  return (
    <ul class={props.small ? 'hbars hbars-small' : 'hbars'} aria-label={props.label}>
      {props.items.map((b, i) => (
        <li class="hbar" key={i}>
          <span class="hbar-label" title={b.label}>
            {b.label}
          </span>
          <span class="hbar-track" aria-hidden="true">
            <span class="hbar-fill" style={{ width: `${clampPercent(b.percent)}%` }} />
          </span>
          <span class="hbar-value">{b.text}</span>
        </li>
      ))}
    </ul>
  );
}
