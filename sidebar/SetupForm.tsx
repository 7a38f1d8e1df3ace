/** «Настройка учебного года»: the modal dialog that creates or updates the roadmap. */
import { useEffect, useState } from 'preact/hooks';
import type { SetupDefaults, SetupResult } from '../src/contract/serverApi';
import { call, closeHost } from './api';
import { periodLabel, TIME_ZONES } from './format';
import { type Form, TEXT_FIELDS, toForm, toOptions } from './setupModel';
import { ErrorBanner, Loading } from './ui';
import { rolloverNotice } from '../src/domain/rollover/notice';
import { useServer } from './useServer';

export function SetupForm() {
  const loader = useServer({ initial: 'load' });
  const saver = useServer({ exclusive: true });
  const [defaults, setDefaults] = useState<SetupDefaults | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  /** A field the form itself refused (before any server call). */
  const [invalid, setInvalid] = useState<{ message: string; field: keyof Form } | null>(null);
  const [result, setResult] = useState<SetupResult | null>(null);
  const saving = saver.busy !== null;

  const loadDefaults = () =>
    void loader.run({
      what: 'Не удалось загрузить настройки',
      send: () => call('getSetupDefaults'),
      done: (d) => {
        setDefaults(d);
        setForm(toForm(d));
      },
    });
  useEffect(loadDefaults, []);

  if (loader.error) {
    return (
      <main class="panel dialog">
        <h1>Настройка учебного года</h1>
        <ErrorBanner onRetry={loader.error.retry}>{loader.error.message}</ErrorBanner>
      </main>
    );
  }
  if (!defaults || !form) {
    return (
      <main class="panel dialog">
        <h1>Настройка учебного года</h1>
        <Loading text="Загрузка настроек…" />
      </main>
    );
  }

  if (result) {
    return (
      <main class="panel dialog">
        <h1>Настройка учебного года</h1>
        <div class="banner banner-ok" role="status">
          {/* The message names the archives and restored columns itself. */}
          <p>{result.message}</p>
        </div>
        <div class="actions">
          <button type="button" class="btn btn-primary" onClick={() => closeHost()}>
            Закрыть
          </button>
        </div>
      </main>
    );
  }

  const years = defaults.startYears.includes(defaults.startYear)
    ? defaults.startYears
    : [defaults.startYear, ...defaults.startYears].sort((a, b) => a - b);
  const zones = TIME_ZONES.some(([id]) => id === form.timeZone)
    ? TIME_ZONES
    : [[form.timeZone, form.timeZone] as const, ...TIME_ZONES];
  const yearChanged = defaults.alreadySetUp && form.startYear !== String(defaults.startYear);
  // The next year closes the last one: the dialog names every sheet that becomes an archive.
  const nextYear = yearChanged && Number(form.startYear) > defaults.startYear;

  const set = (k: keyof Form) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setForm((f) => (f ? { ...f, [k]: value } : f));
    if (invalid && invalid.field === k) setInvalid(null);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const checked = toOptions(form);
    if ('error' in checked) {
      saver.clearError();
      setInvalid({ message: checked.error, field: checked.field });
      const el = document.getElementById(`f-${checked.field}`);
      if (el) el.focus();
      return;
    }
    setInvalid(null);
    void saver.run({
      key: 'save',
      what: 'Не удалось настроить учебный год',
      send: () => call('setupSchoolYear', checked.options),
      done: setResult,
    });
  };

  return (
    <main class="panel dialog">
      <h1>Настройка учебного года</h1>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving}>
          {TEXT_FIELDS.map(([k, label, placeholder]) => {
            const bad = invalid?.field === k;
            return (
              <div class="field" key={k}>
                <label for={`f-${k}`}>
                  {label}
                  {k === 'school' && (
                    <span class="req" aria-hidden="true">
                      {' '}
                      *
                    </span>
                  )}
                </label>
                <input
                  id={`f-${k}`}
                  type="text"
                  value={form[k]}
                  placeholder={placeholder}
                  required={k === 'school'}
                  aria-invalid={bad}
                  aria-describedby={bad ? 'form-error' : undefined}
                  onInput={set(k)}
                  autoComplete="off"
                />
              </div>
            );
          })}
          <div class="row">
            <div class="field">
              <label for="f-startYear">Учебный год</label>
              <select id="f-startYear" value={form.startYear} onChange={set('startYear')}>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {periodLabel(y)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-timeZone">Часовой пояс</label>
              <select id="f-timeZone" value={form.timeZone} onChange={set('timeZone')}>
                {zones.map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>

        {defaults.alreadySetUp && (
          <div class={yearChanged ? 'banner banner-warn' : 'banner banner-info'} role="note">
            Дорожная карта уже создана. Отметки о выполнении, ссылки и другие записи сотрудников сохраняются.
            {nextYear
              ? ` ${rolloverNotice(defaults.startYear, Number(form.startYear), defaults.yearSheets)}`
              : yearChanged
                ? ` Выбран другой учебный год (${periodLabel(Number(form.startYear))}): прежняя дорожная карта будет переименована в архивный лист, а не удалена.`
                : ' Если сменить учебный год, прежняя дорожная карта будет перенесена в архивный лист, а не удалена.'}
          </div>
        )}

        {(invalid || saver.error) && (
          <div id="form-error" class="banner banner-error" role="alert">
            {invalid ? invalid.message : saver.error?.message}
          </div>
        )}

        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={saving}>
            {saving ? 'Сохранение…' : defaults.alreadySetUp ? 'Обновить дорожную карту' : 'Создать дорожную карту'}
          </button>
          <button type="button" class="btn btn-secondary" onClick={() => closeHost()} disabled={saving}>
            Отмена
          </button>
        </div>
      </form>
    </main>
  );
}
