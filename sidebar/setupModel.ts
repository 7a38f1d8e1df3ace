/** The setup form's state and validation, kept free of Preact so it is unit-testable. */
import type { SetupDefaults, SetupOptions } from '../src/contract/serverApi';

export type TextField = 'school' | 'director' | 'curator' | 'methodologist' | 'psychologist' | 'siteEditor';

export const TEXT_FIELDS: ReadonlyArray<readonly [TextField, string, string]> = [
  ['school', 'Образовательная организация', 'например, МОУ «Киришская СОШ № 2»'],
  ['director', 'Директор', 'Фамилия И. О.'],
  ['curator', 'Куратор наставничества', 'Фамилия И. О.'],
  ['methodologist', 'Методист', 'Фамилия И. О.'],
  ['psychologist', 'Педагог-психолог', 'Фамилия И. О.'],
  ['siteEditor', 'Ответственный за сайт', 'Фамилия И. О.'],
];

export type Form = Record<TextField, string> & { startYear: string; timeZone: string };

export function toForm(d: SetupDefaults): Form {
  return {
    school: d.school ?? '',
    director: d.director ?? '',
    curator: d.curator ?? '',
    methodologist: d.methodologist ?? '',
    psychologist: d.psychologist ?? '',
    siteEditor: d.siteEditor ?? '',
    startYear: String(d.startYear ?? ''),
    timeZone: d.timeZone || 'Europe/Moscow',
  };
}

/** Trims every value; returns the options to send or a Russian validation error. */
export function toOptions(form: Form): { options: SetupOptions } | { error: string; field: keyof Form } {
  const t = (v: string) => (v ?? '').replace(/\s+/g, ' ').trim();
  const school = t(form.school);
  if (!school) return { error: 'Укажите название образовательной организации', field: 'school' };
  const startYear = Number(form.startYear);
  if (!Number.isInteger(startYear) || startYear < 2000 || startYear > 2100) {
    return { error: 'Выберите учебный год', field: 'startYear' };
  }
  return {
    options: {
      school,
      director: t(form.director),
      curator: t(form.curator),
      methodologist: t(form.methodologist),
      psychologist: t(form.psychologist),
      siteEditor: t(form.siteEditor),
      startYear,
      timeZone: t(form.timeZone) || 'Europe/Moscow',
    },
  };
}
