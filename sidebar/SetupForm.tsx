/** «Настройка учебного года»: the modal dialog that creates or updates the roadmap. */
import { useEffect, useState } from 'preact/hooks';
import type { SetupDefaults, SetupResult } from '../src/contract/serverApi';
import { call, closeHost } from './api';
import { periodLabel, TIME_ZONES } from './format';
import { type Form, TEXT_FIELDS, toForm, toOptions } from './setupModel';
import { ErrorBanner, Loading } from './ui';

export function SetupForm() {
  const [defaults, setDefaults] = useState<SetupDefaults | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field?: keyof Form } | null>(null);
  const [result, setResult] = useState<SetupResult | null>(null);

  const loadDefaults = () => {
    setLoadError(null);
    call('getSetupDefaults').then(
      (d) => {
        setDefaults(d);
        setForm(toForm(d));
      },
      (e: Error) => setLoadError(e.message),
    );
  };
  useEffect(loadDefaults, []);

  if (loadError) {
    return (
      <main class="panel dialog">
        <h1>Настройка учебного года</h1>
        <ErrorBanner onRetry={loadDefaults}>Не удалось загрузить настройки: {loadError}</ErrorBanner>
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
          <p>{result.message}</p>
          {result.archivedSheet && (
            <p class="small">Прежняя дорожная карта сохранена на листе «{result.archivedSheet}».</p>
          )}
          {result.restoredColumns.length > 0 && (
            <p class="small">Восстановлены столбцы: {result.restoredColumns.join(', ')}.</p>
          )}
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

  const set = (k: keyof Form) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setForm((f) => (f ? { ...f, [k]: value } : f));
    if (error && error.field === k) setError(null);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const checked = toOptions(form);
    if ('error' in checked) {
      setError({ message: checked.error, field: checked.field });
      const el = document.getElementById(`f-${checked.field}`);
      if (el) el.focus();
      return;
    }
    setError(null);
    setSaving(true);
    call('setupSchoolYear', checked.options).then(
      (r) => {
        setSaving(false);
        setResult(r);
      },
      (err: Error) => {
        setSaving(false);
        setError({ message: err.message });
      },
    );
  };

  return (
    <main class="panel dialog">
      <h1>Настройка учебного года</h1>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving}>
          {TEXT_FIELDS.map(([k, label, placeholder]) => {
            const invalid = error?.field === k;
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
                  aria-invalid={invalid}
                  aria-describedby={invalid ? 'form-error' : undefined}
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
            {yearChanged
              ? ` Выбран другой учебный год (${periodLabel(Number(form.startYear))}): прежняя дорожная карта будет переименована в архивный лист, а не удалена.`
              : ' Если сменить учебный год, прежняя дорожная карта будет перенесена в архивный лист, а не удалена.'}
          </div>
        )}

        {error && (
          <div id="form-error" class="banner banner-error" role="alert">
            {error.field ? error.message : `Не удалось настроить учебный год: ${error.message}`}
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
