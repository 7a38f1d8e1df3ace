/**
 * Renders the BUILT sidebar (what ships) in node:vm with a tiny fake DOM and a fake
 * google.script.run: the progress view shows server data as text (HTML in names stays text),
 * the no-roadmap error becomes a hint, and the setup view validates before calling the server.
 * (No jsdom in the project: the fake DOM implements only what Preact touches.)
 */
import type { ProgressReport } from '../../src/ui/contract';

import { boot, FakeNode, settle } from './sidebarHarness';

const report: ProgressReport = {
  period: '2026–2027',
  school: '<img src=x onerror=alert(1)> СОШ № 2',
  asOf: '2026-04-10',
  questionnaires: null,
  overall: { stage: '', title: 'Всего', total: 40, done: 10, inWork: 3, cancelled: 0, overdue: 2, percent: 25 },
  stages: [
    { stage: '1', title: 'Подготовительный', total: 8, done: 8, inWork: 0, cancelled: 0, overdue: 0, percent: 100 },
    { stage: '2', title: 'Банк наставляемых', total: 6, done: 2, inWork: 1, cancelled: 0, overdue: 2, percent: 33 },
  ],
  overdue: [
    {
      no: '2.1.1',
      title: 'Анкетирование <b>педагогов</b>',
      end: '2026-03-31',
      responsible: 'Иванова И. И.',
      status: 'В работе',
    },
  ],
  upcoming: [{ no: '3.1', title: 'Банк наставников', end: '2026-04-20', responsible: 'Петров П. П.', status: '' }],
};

test('progress view shows the report, with HTML in names as text', async () => {
  const { body, calls, doc } = boot('progress', { getProgress: () => report });
  await settle();
  expect(calls).toEqual([['getProgress']]);
  const text = body.textContent;
  expect(doc.title).toBe('Ход реализации');
  expect(text).toContain('Ход реализации');
  expect(text).toContain('<img src=x onerror=alert(1)> СОШ № 2');
  expect(text).toContain('Анкетирование <b>педагогов</b>');
  expect(text).toContain('31.03.2026');
  expect(text).toContain('Иванова И. И.');
  expect(text).toContain('Подготовительный');
  expect(text).toContain('25%');
  expect(text).toContain('20.04.2026');
  expect(body.find((n) => n.localName === 'img')).toBeUndefined();
  expect(body.find((n) => n.localName === 'b')).toBeUndefined();
  const bar = body.find((n) => n.getAttribute('role') === 'progressbar')!;
  expect(bar.getAttribute('aria-valuenow')).toBe('25');
});

test('an error shows a Russian banner with retry; retry reloads', async () => {
  let n = 0;
  const { body, calls } = boot('progress', {
    getProgress: () => {
      if (n++ === 0) throw new Error('Превышено время ожидания');
      return report;
    },
  });
  await settle();
  expect(body.textContent).toContain('Не удалось получить данные: Превышено время ожидания');
  const retry = body.find((n) => n.localName === 'button' && n.textContent === 'Повторить')!;
  retry.dispatch('click');
  await settle();
  expect(calls).toHaveLength(2);
  expect(body.textContent).not.toContain('Не удалось получить данные');
  expect(body.textContent).toContain('СОШ № 2');
});

test('a missing roadmap is a friendly hint, not an error', async () => {
  const { body } = boot('progress', {
    getProgress: () => {
      throw new Error('Дорожная карта ещё не создана. Выберите «Наставничество → Настроить учебный год…».');
    },
  });
  await settle();
  expect(body.textContent).toContain('Наставничество → Настроить учебный год…');
  expect(body.textContent).not.toContain('Не удалось получить данные');
});

const defaults = {
  school: '',
  director: 'Сидорова А. В.',
  curator: '',
  methodologist: '',
  psychologist: '',
  siteEditor: '',
  startYear: 2026,
  timeZone: 'Europe/Moscow',
  startYears: [2025, 2026, 2027],
  alreadySetUp: false,
};

function input(body: FakeNode, id: string, value: string) {
  const el = body.find((n) => n.getAttribute('id') === id)!;
  (el as unknown as { value: string }).value = value;
  el.dispatch('input');
}

test('setup view validates, trims, sends and shows the result', async () => {
  const sent: unknown[] = [];
  const { body, calls, closed, doc } = boot('setup', {
    getSetupDefaults: () => defaults,
    setupSchoolYear: (o: unknown) => {
      sent.push(o);
      return {
        period: '2026–2027',
        added: 40,
        kept: 0,
        restoredColumns: [],
        archivedSheet: null,
        message: 'Дорожная карта на 2026–2027 создана: 40 мероприятий.',
      };
    },
  });
  await settle();
  expect(doc.title).toBe('Настройка учебного года');
  const text = body.textContent;
  expect(text).toContain('Создать дорожную карту');
  expect(text).toContain('2026–2027');
  expect(text).toContain('Петропавловск-Камчатский (МСК+9)');
  const form = body.find((n) => n.localName === 'form')!;
  form.dispatch('submit');
  await settle();
  expect(body.textContent).toContain('Укажите название образовательной организации');
  expect(calls.map((c) => c[0])).toEqual(['getSetupDefaults']);
  expect(body.find((n) => n.getAttribute('id') === 'f-school')!.focused).toBe(true);

  input(body, 'f-school', '  МОУ «СОШ № 2»  ');
  await settle();
  form.dispatch('submit');
  await settle();
  expect(sent).toEqual([
    {
      school: 'МОУ «СОШ № 2»',
      director: 'Сидорова А. В.',
      curator: '',
      methodologist: '',
      psychologist: '',
      siteEditor: '',
      startYear: 2026,
      timeZone: 'Europe/Moscow',
    },
  ]);
  expect(body.textContent).toContain('Дорожная карта на 2026–2027 создана: 40 мероприятий.');
  body.find((n) => n.localName === 'button' && n.textContent === 'Закрыть')!.dispatch('click');
  expect(closed()).toBe(1);
});

test('setup errors keep the form; re-run says «обновить»', async () => {
  const { body } = boot('setup', {
    getSetupDefaults: () => ({ ...defaults, school: 'СОШ № 2', alreadySetUp: true }),
    setupSchoolYear: () => {
      throw new Error('Таблица занята другим пользователем, попробуйте через минуту');
    },
  });
  await settle();
  expect(body.textContent).toContain('Обновить дорожную карту');
  expect(body.textContent).toContain('а не удалена');
  input(body, 'f-curator', 'Кузнецова Е. Н.');
  await settle();
  body.find((n) => n.localName === 'form')!.dispatch('submit');
  await settle();
  expect(body.textContent).toContain('Таблица занята другим пользователем, попробуйте через минуту');
  const curator = body.find((n) => n.getAttribute('id') === 'f-curator') as unknown as { value: string };
  expect(curator.value).toBe('Кузнецова Е. Н.');
});
