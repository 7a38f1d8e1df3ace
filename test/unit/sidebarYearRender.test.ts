/**
 * @jest-environment ./test/unit/happyDomEnvironment.ts
 *
 * «Итоги года» rendered in a happy-dom page with @testing-library/preact and the fake
 * google.script.run of sidebarHarness: the four sections, the monitoring mailing (buttons off
 * while it runs, one call for a double click), the news draft, «Добавить практику» with validation,
 * server errors shown in Russian with the typed text kept, and HTML in names as text.
 */
import { fireEvent, screen, within } from '@testing-library/preact';
import type { PracticeInput, YearView } from '../../src/contract/serverApi';
import { boot, settle, type Server } from './sidebarHarness';

const EVIL = '<img src=x onerror=alert(1)>';

function view(): YearView {
  return {
    period: '2026–2027',
    figures: null,
    monitoring: {
      formsReady: true,
      linksSentAt: '',
      expected: 4,
      answered: 3,
      nonRespondents: [{ name: `Петров ${EVIL}`, role: 'наставляемый', pairId: 'П-002' }],
    },
    events: [
      { id: 'М-1', date: '2026-10-05', kind: 'Семинар', topic: 'Старт', held: true, publications: 1, newsUrl: '' },
      { id: 'М-3', date: '2027-04-20', kind: 'Конференция', topic: 'Итоги', held: false, publications: 0, newsUrl: '' },
      {
        id: 'М-2',
        date: '2026-12-10',
        kind: 'Мастер-класс',
        topic: `Урок ${EVIL}`,
        held: true,
        publications: 0,
        newsUrl: 'https://docs.google.com/document/d/old',
      },
    ],
    practices: [
      {
        id: 'ЛП-1',
        title: 'Кейс-урок',
        author: 'Семёнова А. А.',
        competence: 'Оценивание',
        status: 'одобрена',
        materials: 'https://drive.google.com/p1',
      },
      {
        id: 'ЛП-2',
        title: `Игра ${EVIL}`,
        author: 'Орлов П.',
        competence: '',
        status: 'предложена',
        materials: 'javascript:alert(1)',
      },
    ],
    competences: ['Оценивание', 'Дисциплина'],
    materialsFolderUrl: 'https://drive.google.com/drive/folders/f-practices',
    practiceFormUrl: 'https://docs.google.com/forms/d/e/f-practice/viewform',
    reminders: { enabled: true, lastRun: '2027-03-01T08:00:00Z' },
  };
}

/** The buttons the user sees named `name`, in the order shown. */
const buttons = (name: string) => screen.queryAllByRole('button', { name });
const button = (name: string) => buttons(name)[0];
const disabled = (n: HTMLElement | undefined) => (n as HTMLButtonElement).disabled;
const links = (name: string) => screen.queryAllByRole('link', { name });
const HEADINGS: Record<string, RegExp> = {
  'h-mon': /^Мониторинг/,
  'h-events': /^Мероприятия/,
  'h-prac': /^Методическая копилка/,
  'h-rem': /^Напоминания/,
};
/** The section under the heading with this id, found by its heading's text. */
const section = (id: string) => screen.getByRole('region', { name: HEADINGS[id] });
/** The field whose label starts with `label` (a problem under the field is part of its label). */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`));
const val = (n: HTMLElement) => (n as HTMLInputElement).value;

/** Types (or picks, with 'change') `value` in a field. */
function set(el: HTMLElement, value: string, event: 'input' | 'change' = 'input') {
  fireEvent[event](el, { target: { value } });
}

function server(over: Server = {}) {
  const state = view();
  const s: Server = {
    getYearView: () => state,
    sendMonitoringLinks: () => {
      state.monitoring.linksSentAt = '2027-03-02T10:00:00Z';
      return { sent: 4, message: 'Ссылки на мониторинг отправлены: 4 письма.' };
    },
    sendMeetingLinks: () => ({ sent: 2, message: 'Ссылки на отчёт о встрече отправлены: 2 письма.' }),
    prepareNews: (...args: unknown[]) => ({
      url: `https://docs.google.com/document/d/news-${args[0]}`,
      message: 'Черновик новости создан.',
    }),
    addPractice: (...args: unknown[]) => {
      const p = args[0] as PracticeInput;
      state.practices.push({ id: 'ЛП-3', ...p, status: 'предложена' });
      return state;
    },
    ...over,
  };
  return s;
}

test('the four sections: monitoring, events newest first, practices, reminders; HTML stays text', async () => {
  const { body, calls } = boot('year', server());
  await settle();
  expect(calls).toEqual([['getYearView']]);
  expect(document.title).toBe('Итоги года');

  const mon = section('h-mon');
  expect(mon.textContent).toContain('Мониторинг (6.1)');
  expect(mon.textContent).toContain('Ответили 3 из 4');
  expect(within(mon).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
  expect(mon.textContent).not.toContain('Ссылки разосланы');
  // non-respondents collapsed behind «Не ответили: 1»
  const toggle = button('Не ответили: 1')!;
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(mon.textContent).not.toContain('Петров');
  fireEvent.click(toggle);
  await settle();
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(mon.textContent).toContain(`Петров ${EVIL} · наставляемый · П-002`);

  const ev = section('h-events');
  const items = within(ev).getAllByRole('listitem');
  expect(items.map((li) => li.firstElementChild!.textContent)).toEqual([
    '20.04.2027запланировано',
    '10.12.2026без публикации',
    '05.10.2026опубликовано',
  ]);
  expect(items[1].textContent).toContain(`Мастер-класс: Урок ${EVIL}`);
  expect(within(items[1]).getByText('без публикации').getAttribute('class')).toBe('chip chip-warn');
  // a planned event has no news button; a held one has; an existing draft: link and «Обновить черновик»
  expect(within(items[0]).queryByRole('button')).toBeNull();
  expect(within(items[1]).queryByRole('button')!.textContent).toBe('Обновить черновик');
  expect(within(items[1]).queryByRole('link')!.getAttribute('href')).toBe('https://docs.google.com/document/d/old');
  expect(within(items[2]).queryByRole('button')!.textContent).toBe('Подготовить новость');
  expect(within(items[2]).queryByRole('link')).toBeNull();

  const pr = section('h-prac');
  expect(pr.textContent).toContain('Кейс-урок');
  expect(pr.textContent).toContain('Семёнова А. А. · Оценивание');
  expect(pr.textContent).toContain(`Игра ${EVIL}`);
  expect(within(pr).getByText('одобрена').getAttribute('class')).toBe('chip chip-new');
  expect(links('Материалы').map((a) => a.getAttribute('href'))).toEqual(['https://drive.google.com/p1']);
  expect(links('Форма «Предложить практику» для педагогов').map((a) => a.getAttribute('href'))).toEqual([
    'https://docs.google.com/forms/d/e/f-practice/viewform',
  ]);
  expect(links('Папка материалов на Диске').map((a) => a.getAttribute('href'))).toEqual([
    'https://drive.google.com/drive/folders/f-practices',
  ]);
  const select = field('Компетенция');
  expect(
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['— не указана —', 'Оценивание', 'Дисциплина']);

  const rem = section('h-rem');
  expect(rem.textContent).toContain('Включены · последний запуск 01.03.2027');
  expect(rem.textContent).toContain('Включаются и выключаются на листе «Настройки».');
  expect(body.querySelector('img')).toBeNull();
});

test('empty states: no events, no non-respondents, reminders off; no school year yet', async () => {
  const bare = view();
  bare.events = [];
  bare.practices = [];
  bare.monitoring = { formsReady: false, linksSentAt: '', expected: 0, answered: 0, nonRespondents: [] };
  bare.reminders = { enabled: false, lastRun: '' };
  const { body } = boot('year', server({ getYearView: () => bare }));
  await settle();
  expect(section('h-events').textContent).toContain('Мероприятия вносятся на листе «Мероприятия».');
  expect(body.textContent).toContain('Практик пока нет.');
  expect(body.textContent).toContain('Формы мониторинга будут созданы при первой рассылке.');
  expect(body.textContent).not.toContain('Не ответили');
  expect(section('h-rem').textContent).toContain('Выключены · ещё не запускались');

  const { body: b2 } = boot('year', server({ getYearView: () => ({ ...bare, period: null }) }));
  await settle();
  expect(b2.textContent).toContain('Сначала настройте учебный год');
  expect(b2.textContent).not.toContain('Мониторинг (6.1)');
});

test('«Разослать ссылки на мониторинг»: buttons off while it runs, one call for a double click, message and date', async () => {
  const seen: boolean[] = [];
  const s = server();
  const booted = boot('year', s);

  const send = s.sendMonitoringLinks;
  // the harness looks the server function up at call time: record what the user sees while it works
  s.sendMonitoringLinks = () => {
    seen.push(
      ...['Рассылаем…', 'Разослать наставникам ссылки на отчёт о встрече', 'Обновить', 'Подготовить новость'].map((t) =>
        disabled(button(t)),
      ),
    );
    return send();
  };
  await settle();
  const b = button('Разослать ссылки на мониторинг')!;
  fireEvent.click(b);
  fireEvent.click(b);
  await settle();
  expect(booted.calls.filter((c) => c[0] === 'sendMonitoringLinks')).toHaveLength(1);
  expect(seen).toEqual([true, true, true, true]);
  const mon = section('h-mon');
  expect(mon.textContent).toContain('Ссылки на мониторинг отправлены: 4 письма.');
  // the view is read again: the date of the mailing
  expect(booted.calls.filter((c) => c[0] === 'getYearView')).toHaveLength(2);
  expect(mon.textContent).toContain('Ссылки разосланы 02.03.2027');
  expect(disabled(button('Разослать ссылки на мониторинг'))).toBe(false);

  fireEvent.click(button('Разослать наставникам ссылки на отчёт о встрече')!);
  await settle();
  expect(booted.calls.filter((c) => c[0] === 'sendMeetingLinks')).toHaveLength(1);
  expect(mon.textContent).toContain('Ссылки на отчёт о встрече отправлены: 2 письма.');
});

test('a failed mailing is a Russian message, the buttons come back', async () => {
  boot(
    'year',
    server({
      sendMeetingLinks: () => {
        throw new Error('Нет адресов наставников на листе «Настройки»');
      },
    }),
  );
  await settle();
  fireEvent.click(button('Разослать наставникам ссылки на отчёт о встрече')!);
  await settle();
  const text = section('h-mon').textContent;
  expect(text).toContain('Не удалось разослать ссылки: Нет адресов наставников на листе «Настройки»');
  expect(text).not.toContain('Exception');
  expect(disabled(button('Разослать наставникам ссылки на отчёт о встрече'))).toBe(false);
});

test('«Подготовить новость» → the draft link and «Обновить черновик»', async () => {
  const { calls } = boot('year', server());
  await settle();
  const item = () => within(section('h-events')).getAllByRole('listitem')[2];
  expect(within(item()).queryByRole('link')).toBeNull();
  fireEvent.click(button('Подготовить новость')!);
  await settle();
  expect(calls.filter((c) => c[0] === 'prepareNews')).toEqual([['prepareNews', 'М-1']]);
  const link = within(item()).queryByRole('link')!;
  expect(link.textContent).toBe('Открыть черновик');
  expect(link.getAttribute('href')).toBe('https://docs.google.com/document/d/news-М-1');
  expect(link.getAttribute('target')).toBe('_blank');
  expect(within(item()).queryByRole('button')!.textContent).toBe('Обновить черновик');
  expect(section('h-events').textContent).toContain('Черновик новости создан.');
  expect(button('Подготовить новость')).toBeUndefined();
});

test('«Добавить практику»: validation first, then one addPractice with the trimmed input; the list is replaced', async () => {
  const { body, calls } = boot('year', server());
  await settle();
  const form = body.querySelector('form')!;
  fireEvent.submit(form);
  await settle();
  expect(body.textContent).toContain('Укажите название практики.');
  expect(body.textContent).toContain('Укажите автора практики.');
  expect(field('Название практики').getAttribute('aria-invalid')).toBe('true');

  set(field('Название практики'), '  Урок-квест ');
  set(field('Автор'), 'Кузнецова Е. Н.');
  set(field('Компетенция'), 'Дисциплина', 'change');
  set(field('Описание'), 'Игровой формат');
  set(field('Ссылка на материалы (необязательно)'), 'drive.google.com/q');
  await settle();
  expect(body.textContent).not.toContain('Укажите название практики.');
  fireEvent.submit(form);
  await settle();
  expect(body.textContent).toContain('Ссылка должна начинаться с http:// или https://.');
  expect(calls.filter((c) => c[0] === 'addPractice')).toEqual([]);

  set(field('Ссылка на материалы (необязательно)'), 'https://drive.google.com/q');
  await settle();
  fireEvent.submit(form);
  await settle();
  expect(calls.filter((c) => c[0] === 'addPractice')).toEqual([
    [
      'addPractice',
      {
        title: 'Урок-квест',
        author: 'Кузнецова Е. Н.',
        competence: 'Дисциплина',
        description: 'Игровой формат',
        materials: 'https://drive.google.com/q',
      },
    ],
  ]);
  const pr = section('h-prac');
  expect(pr.textContent).toContain('Практика «Урок-квест» добавлена.');
  expect(pr.textContent).toContain('Кузнецова Е. Н. · Дисциплина');
  expect(links('Материалы').map((a) => a.getAttribute('href'))).toContain('https://drive.google.com/q');
  // the form is empty again
  expect(val(field('Название практики'))).toBe('');
  expect(val(field('Автор'))).toBe('');
});

test('a server refusal of the practice is shown in Russian and the form keeps what was typed', async () => {
  let n = 0;
  const ok = server().addPractice;
  const { body, calls } = boot(
    'year',
    server({
      addPractice: (...args: unknown[]) => {
        if (n++ === 0) throw new Error('Практика «Урок-квест» уже есть в копилке');
        return ok(...args);
      },
    }),
  );
  await settle();
  set(field('Название практики'), 'Урок-квест');
  set(field('Автор'), 'Кузнецова Е. Н.');
  set(field('Описание'), 'Игровой формат');
  await settle();
  const form = body.querySelector('form')!;
  fireEvent.submit(form);
  await settle();
  const pr = section('h-prac');
  expect(pr.textContent).toContain('Не удалось добавить практику: Практика «Урок-квест» уже есть в копилке');
  expect(within(pr).queryByRole('alert')).not.toBeNull();
  expect(pr.textContent).not.toContain('Exception');
  expect(val(field('Название практики'))).toBe('Урок-квест');
  expect(val(field('Автор'))).toBe('Кузнецова Е. Н.');
  expect(val(field('Описание'))).toBe('Игровой формат');
  expect(disabled(button('Добавить практику'))).toBe(false);

  fireEvent.submit(form);
  await settle();
  expect(calls.filter((c) => c[0] === 'addPractice')).toHaveLength(2);
  expect(section('h-prac').textContent).toContain('Практика «Урок-квест» добавлена.');
});

test('a failed load shows a banner with retry', async () => {
  let n = 0;
  const { body, calls } = boot(
    'year',
    server({
      getYearView: () => {
        if (n++ === 0) throw new Error('Лист «Мероприятия» не найден');
        return view();
      },
    }),
  );
  await settle();
  expect(body.textContent).toContain('Не удалось получить итоги года: Лист «Мероприятия» не найден');
  fireEvent.click(button('Повторить')!);
  await settle();
  expect(calls).toEqual([['getYearView'], ['getYearView']]);
  expect(body.textContent).not.toContain('Не удалось получить итоги года');
  expect(body.textContent).toContain('Мониторинг (6.1)');
});
