/**
 * @jest-environment ./test/unit/happyDomEnvironment.ts
 *
 * Renders the sidebar in a happy-dom page with @testing-library/preact and a fake
 * google.script.run: the progress view shows server data as text (HTML in names stays text),
 * the no-roadmap state becomes a hint, and the setup view validates before calling the server.
 */
import { fireEvent, screen } from '@testing-library/preact';
import type { ProgressReport, ProgressState, YearFigures } from '../../src/contract/serverApi';
import { boot, settle } from './sidebarHarness';

const ready = (r: ProgressReport): ProgressState => ({ state: 'ready', report: r });

const report: ProgressReport = {
  period: '2026–2027',
  school: '<img src=x onerror=alert(1)> СОШ № 2',
  asOf: '2026-04-10',
  questionnaires: null,
  year: null,
  overall: {
    stage: '',
    title: 'Всего',
    total: 40,
    done: 10,
    inWork: 3,
    cancelled: 0,
    overdue: 2,
    unconfirmed: 0,
    percent: 25,
  },
  stages: [
    {
      stage: '1',
      title: 'Подготовительный',
      total: 8,
      done: 8,
      inWork: 0,
      cancelled: 0,
      overdue: 0,
      unconfirmed: 0,
      percent: 100,
    },
    {
      stage: '2',
      title: 'Банк наставляемых',
      total: 6,
      done: 2,
      inWork: 1,
      cancelled: 0,
      overdue: 2,
      unconfirmed: 1,
      percent: 33,
    },
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
  unconfirmed: [
    { no: '2.2', title: 'Сбор запросов', end: '2026-03-20', responsible: 'Сидорова А. А.', status: 'Выполнено' },
  ],
};

test('progress view shows the report, with HTML in names as text', async () => {
  const { body, calls } = boot('progress', { getProgress: () => ready(report) });
  await settle();
  expect(calls).toEqual([['getProgress']]);
  const text = body.textContent;
  expect(document.title).toBe('Ход реализации');
  expect(text).toContain('Ход реализации');
  expect(text).toContain('<img src=x onerror=alert(1)> СОШ № 2');
  expect(text).toContain('Анкетирование <b>педагогов</b>');
  expect(text).toContain('31.03.2026');
  expect(text).toContain('Иванова И. И.');
  expect(text).toContain('Подготовительный');
  expect(text).toContain('Выполнено без подтверждения');
  expect(text).toContain('Сбор запросов');
  expect(text).toContain('25%');
  expect(text).toContain('20.04.2026');
  expect(body.querySelector('img')).toBeNull();
  expect(body.querySelector('b')).toBeNull();
  const bar = screen.getByRole('progressbar', { name: 'Общий ход реализации' });
  expect(bar.getAttribute('aria-valuenow')).toBe('25');
});

const year: YearFigures = {
  pairs: { proposed: 3, confirmed: 6, dissolved: 1, attention: 0 },
  programPercent: 42,
  meetings: 17,
  events: { held: 4, planned: 2, unpublished: 2 },
  unpublishedEvents: [
    { id: 'М-003', date: '2027-03-01', title: 'Семинар: Оценивание' },
    { id: 'М-004', date: '2027-03-15', title: 'Мастер-класс' },
  ],
  monitoring: {
    pairs: 6,
    expected: 20,
    answered: 15,
    responseRate: 75,
    menteeSatisfaction: 8.4,
    mentorSatisfaction: 9,
    resolvedShare: 60,
    programPercent: 42,
    meetings: 17,
    before: 4.5,
    after: 7.2,
  },
  monitoringQuestions: [
    { key: 'satisfactionProgram', title: 'Программа <b>полезна</b>', role: 'mentee', average: 7.5, answers: 10 },
    { key: 'satisfactionMentee', title: 'Работа с наставляемым', role: 'mentor', average: null, answers: 0 },
  ],
  practices: { proposed: 2, approved: 1, published: 0 },
};

/** The «Итоги года» block: its labels → values, its bars' texts and widths. */
function yearBlock() {
  const section = screen.queryByRole('region', { name: 'Итоги года' });
  if (!section) return null;
  const figs = Object.fromEntries(
    Array.from(section.querySelectorAll('dl.figs > .fig')).map((f) => [
      f.querySelector('dt')!.textContent,
      f.querySelector('dd')!.textContent,
    ]),
  );
  const bars = Array.from(section.querySelectorAll('li.hbar')).map((b) => {
    const [label, track, value] = Array.from(b.children) as HTMLElement[];
    return [label.textContent, value.textContent, (track.firstElementChild as HTMLElement).style.width];
  });
  /** The element whose whole text is `text`. */
  const byText = (text: string) => Array.from(section.querySelectorAll('*')).find((n) => n.textContent === text)!;
  return { section, text: section.textContent!, figs, bars, byText };
}

test('progress view shows the year in figures: stages, pairs, programs, events, monitoring', async () => {
  const { body } = boot('progress', { getProgress: () => ready({ ...report, year }) });
  await settle();
  const y = yearBlock()!;
  expect(y).not.toBeNull();
  expect(y.text).toContain('Итоги года');
  expect(y.bars).toEqual([
    ['1. Подготовительный', '100%', '100%'],
    ['2. Банк наставляемых', '33%', '33%'],
    ['предложено', '3', '50%'],
    ['утверждено', '6', '100%'],
    ['расформировано', '1', '17%'],
    ['Программа <b>полезна</b>', '7,5', '75%'],
    ['Работа с наставляемым', '—', '0%'],
  ]);
  expect(y.figs).toEqual({
    'Выполнение программ': '42%',
    Встречи: '17',
    Мероприятия: 'проведено 4 · запланировано 2',
    Ответили: '75% (15 из 20)',
    'Удовлетворённость наставляемых': '8,4 из 10',
    'Удовлетворённость наставников': '9 из 10',
    'Запросы решены': '60%',
  });
  const unpublished = y.byText('без публикации: 2');
  expect(unpublished.getAttribute('class')).toBe('chip chip-warn');
  expect(y.text).toContain('Наставляемые: средний балл (1–10)');
  expect(y.text).toContain('Наставники: средний балл (1–10)');
  expect(y.text).not.toContain('Ответов мониторинга пока нет');
  expect(body.querySelector('b')).toBeNull();
});

test('the year block: no monitoring answers and no programs are empty states; all published is not a warning', async () => {
  const quiet: YearFigures = {
    ...year,
    programPercent: null,
    events: { held: 3, planned: 0, unpublished: 0 },
    unpublishedEvents: [],
    monitoring: null,
    monitoringQuestions: [],
  };
  boot('progress', { getProgress: () => ready({ ...report, year: quiet }) });
  await settle();
  const y = yearBlock()!;
  expect(y.text).toContain('Ответов мониторинга пока нет.');
  expect(y.figs['Выполнение программ']).toBe('—');
  expect(y.figs['Ответили']).toBeUndefined();
  expect(y.byText('без публикации: 0').getAttribute('class')).toBe('chip');
  expect(y.bars.map((b) => b[0])).not.toContain('Работа с наставляемым');
});

test('the year block is hidden when the report has no year figures', async () => {
  const { body } = boot('progress', { getProgress: () => ready(report) });
  await settle();
  expect(body.textContent).toContain('Подготовительный');
  expect(yearBlock()).toBeNull();
  expect(body.textContent).not.toContain('Итоги года');
});

test('an error shows a Russian banner with retry; retry reloads', async () => {
  let n = 0;
  const { body, calls } = boot('progress', {
    getProgress: () => {
      if (n++ === 0) throw new Error('Превышено время ожидания');
      return ready(report);
    },
  });
  await settle();
  expect(body.textContent).toContain('Не удалось получить данные: Превышено время ожидания');
  const retry = screen.getByRole('button', { name: 'Повторить' });
  fireEvent.click(retry);
  await settle();
  expect(calls).toHaveLength(2);
  expect(body.textContent).not.toContain('Не удалось получить данные');
  expect(body.textContent).toContain('СОШ № 2');
});

test('a missing roadmap is a friendly hint, not an error', async () => {
  const { body } = boot('progress', { getProgress: (): ProgressState => ({ state: 'noRoadmap' }) });
  await settle();
  expect(body.textContent).toContain('Дорожная карта ещё не создана.');
  expect(body.textContent).toContain('Наставничество → Настроить учебный год…');
  expect(body.textContent).not.toContain('Не удалось получить данные');
});

test('the hint comes from the state, not the wording of an error', async () => {
  const { body } = boot('progress', {
    getProgress: () => {
      throw new Error('Не найден лист «Дорожная карта»: таблицу сейчас обновляет другой пользователь.');
    },
  });
  await settle();
  expect(body.textContent).toContain('Не удалось получить данные: Не найден лист «Дорожная карта»');
  expect(body.textContent).not.toContain('Проверить ещё раз');
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
  yearSheets: ['Дорожная карта', 'Пары и группы', 'Программы', 'Мониторинг', 'Встречи', 'Мероприятия'],
};

/** Types `value` into the field labelled `label`. */
function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

test('setup view validates, trims, sends and shows the result', async () => {
  const sent: unknown[] = [];
  const { body, calls, closed } = boot('setup', {
    getSetupDefaults: () => defaults,
    setupSchoolYear: (o: unknown) => {
      sent.push(o);
      return {
        period: '2026–2027',
        added: 40,
        kept: 0,
        restoredColumns: [],
        archivedSheet: null,
        yearArchives: [],
        message: 'Дорожная карта на 2026–2027 создана: 40 мероприятий.',
      };
    },
  });
  await settle();
  expect(document.title).toBe('Настройка учебного года');
  const text = body.textContent;
  expect(text).toContain('Создать дорожную карту');
  expect(text).toContain('2026–2027');
  expect(text).toContain('Петропавловск-Камчатский (МСК+9)');
  const form = body.querySelector('form')!;
  fireEvent.submit(form);
  await settle();
  expect(body.textContent).toContain('Укажите название образовательной организации');
  expect(calls.map((c) => c[0])).toEqual(['getSetupDefaults']);
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Образовательная организация/ }));

  type(/Образовательная организация/, '  МОУ «СОШ № 2»  ');
  await settle();
  fireEvent.submit(form);
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
  fireEvent.click(screen.getByRole('button', { name: 'Закрыть' }));
  expect(closed()).toBe(1);
});

test('choosing the next year names every sheet that becomes a read-only archive', async () => {
  const { body } = boot('setup', {
    getSetupDefaults: () => ({ ...defaults, school: 'СОШ № 2', alreadySetUp: true }),
  });
  await settle();
  expect(body.textContent).not.toContain('«Пары и группы 2026–2027»');
  fireEvent.change(screen.getByLabelText('Учебный год'), { target: { value: '2027' } });
  await settle();
  const text = body.textContent;
  for (const name of defaults.yearSheets) expect(text).toContain(`«${name} 2026–2027»`);
  expect(text).toContain('только для просмотра');
  expect(text).toContain('остаются в банках');
  expect(text).toContain('«Наставничество 2027–2028»');
  expect(text).not.toMatch(/undefined|\.\./);
});

test('the rollover’s result names each archive once', async () => {
  const message =
    'Дорожная карта на 2027–2028 учебный год создана; прежняя дорожная карта сохранена на листе «Дорожная карта 2026–2027»; ' +
    'данные 2026–2027 учебного года сохранены в архивных листах (только просмотр): «Пары и группы 2026–2027».';
  const { body } = boot('setup', {
    getSetupDefaults: () => ({ ...defaults, school: 'СОШ № 2', alreadySetUp: true }),
    setupSchoolYear: () => ({
      period: '2027–2028',
      added: 40,
      kept: 0,
      restoredColumns: [],
      archivedSheet: 'Дорожная карта 2026–2027',
      yearArchives: ['Пары и группы 2026–2027'],
      message,
    }),
  });
  await settle();
  fireEvent.submit(body.querySelector('form')!);
  await settle();
  expect(body.textContent).toContain(message);
  expect(body.textContent!.split('«Пары и группы 2026–2027»')).toHaveLength(2);
  expect(body.textContent!.split('«Дорожная карта 2026–2027»')).toHaveLength(2);
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
  type('Куратор наставничества', 'Кузнецова Е. Н.');
  await settle();
  fireEvent.submit(body.querySelector('form')!);
  await settle();
  expect(body.textContent).toContain('Таблица занята другим пользователем, попробуйте через минуту');
  const curator = screen.getByLabelText('Куратор наставничества') as HTMLInputElement;
  expect(curator.value).toBe('Кузнецова Е. Н.');
});
