/**
 * «Итоги года» rendered from the BUILT sidebar (what ships) in node:vm with the tiny fake DOM and a
 * fake google.script.run of sidebarHarness: the four sections, the monitoring mailing (buttons off
 * while it runs, one call for a double click), the news draft, «Добавить практику» with validation,
 * server errors shown in Russian with the typed text kept, and HTML in names as text.
 */
import type { PracticeInput, YearView } from '../../src/contract/serverApi';

import { boot, FakeNode, settle, type Server } from './sidebarHarness';

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

const buttons = (body: FakeNode, text: string) =>
  body.all().filter((n) => n.localName === 'button' && n.textContent === text);
const button = (body: FakeNode, text: string) => buttons(body, text)[0];
const disabled = (n: FakeNode | undefined) =>
  n!.getAttribute('disabled') !== null && n!.getAttribute('disabled') !== 'false';
const links = (body: FakeNode, text: string) => body.all().filter((n) => n.localName === 'a' && n.textContent === text);
/** The section under the heading with this id. */
const section = (body: FakeNode, id: string) =>
  body.find((n) => n.localName === 'section' && n.getAttribute('aria-labelledby') === id)!;
const field = (body: FakeNode, label: string) =>
  body
    .find((n) => n.localName === 'label' && n.childNodes[0]?.textContent === label)!
    .find((c) => ['input', 'textarea', 'select'].includes(c.localName ?? ''))!;
const val = (n: FakeNode) => (n as unknown as { value?: string }).value ?? n.getAttribute('value') ?? '';

function set(el: FakeNode, value: string, event = 'input') {
  (el as unknown as Record<string, unknown>).value = value;
  el.dispatch(event);
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
  const { body, doc, calls } = boot('year', server());
  await settle();
  expect(calls).toEqual([['getYearView']]);
  expect((doc as { title: string }).title).toBe('Итоги года');

  const mon = section(body, 'h-mon');
  expect(mon.textContent).toContain('Мониторинг (6.1)');
  expect(mon.textContent).toContain('Ответили 3 из 4');
  expect(mon.find((n) => n.getAttribute('role') === 'progressbar')!.getAttribute('aria-valuenow')).toBe('75');
  expect(mon.textContent).not.toContain('Ссылки разосланы');
  // non-respondents collapsed behind «Не ответили: 1»
  const toggle = button(body, 'Не ответили: 1')!;
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(mon.textContent).not.toContain('Петров');
  toggle.dispatch('click');
  await settle();
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(mon.textContent).toContain(`Петров ${EVIL} · наставляемый · П-002`);

  const ev = section(body, 'h-events');
  const items = ev.all().filter((n) => n.localName === 'li');
  expect(items.map((li) => li.childNodes[0].textContent)).toEqual([
    '20.04.2027запланировано',
    '10.12.2026без публикации',
    '05.10.2026опубликовано',
  ]);
  expect(items[1].textContent).toContain(`Мастер-класс: Урок ${EVIL}`);
  expect(items[1].find((n) => n.textContent === 'без публикации')!.getAttribute('class')).toBe('chip chip-warn');
  // a planned event has no news button; a held one has; an existing draft: link and «Обновить черновик»
  expect(items[0].find((n) => n.localName === 'button')).toBeUndefined();
  expect(items[1].find((n) => n.localName === 'button')!.textContent).toBe('Обновить черновик');
  expect(items[1].find((n) => n.localName === 'a')!.getAttribute('href')).toBe(
    'https://docs.google.com/document/d/old',
  );
  expect(items[2].find((n) => n.localName === 'button')!.textContent).toBe('Подготовить новость');
  expect(items[2].find((n) => n.localName === 'a')).toBeUndefined();

  const pr = section(body, 'h-prac');
  expect(pr.textContent).toContain('Кейс-урок');
  expect(pr.textContent).toContain('Семёнова А. А. · Оценивание');
  expect(pr.textContent).toContain(`Игра ${EVIL}`);
  expect(pr.find((n) => n.textContent === 'одобрена')!.getAttribute('class')).toBe('chip chip-new');
  expect(links(body, 'Материалы').map((a) => a.getAttribute('href'))).toEqual(['https://drive.google.com/p1']);
  expect(links(body, 'Форма «Предложить практику» для педагогов').map((a) => a.getAttribute('href'))).toEqual([
    'https://docs.google.com/forms/d/e/f-practice/viewform',
  ]);
  expect(links(body, 'Папка материалов на Диске').map((a) => a.getAttribute('href'))).toEqual([
    'https://drive.google.com/drive/folders/f-practices',
  ]);
  const select = field(body, 'Компетенция');
  expect(
    select
      .all()
      .filter((n) => n.localName === 'option')
      .map((o) => o.textContent),
  ).toEqual(['— не указана —', 'Оценивание', 'Дисциплина']);

  const rem = section(body, 'h-rem');
  expect(rem.textContent).toContain('Включены · последний запуск 01.03.2027');
  expect(rem.textContent).toContain('Включаются и выключаются на листе «Настройки».');
  expect(body.find((n) => n.localName === 'img')).toBeUndefined();
});

test('empty states: no events, no non-respondents, reminders off; no school year yet', async () => {
  const bare = view();
  bare.events = [];
  bare.practices = [];
  bare.monitoring = { formsReady: false, linksSentAt: '', expected: 0, answered: 0, nonRespondents: [] };
  bare.reminders = { enabled: false, lastRun: '' };
  const { body } = boot('year', server({ getYearView: () => bare }));
  await settle();
  expect(section(body, 'h-events').textContent).toContain('Мероприятия вносятся на листе «Мероприятия».');
  expect(body.textContent).toContain('Практик пока нет.');
  expect(body.textContent).toContain('Формы мониторинга будут созданы при первой рассылке.');
  expect(body.textContent).not.toContain('Не ответили');
  expect(section(body, 'h-rem').textContent).toContain('Выключены · ещё не запускались');

  const { body: b2 } = boot('year', server({ getYearView: () => ({ ...bare, period: null }) }));
  await settle();
  expect(b2.textContent).toContain('Сначала настройте учебный год');
  expect(b2.textContent).not.toContain('Мониторинг (6.1)');
});

test('«Разослать ссылки на мониторинг»: buttons off while it runs, one call for a double click, message and date', async () => {
  const seen: boolean[] = [];
  const s = server();
  const booted = boot('year', s);
  const body = booted.body;
  const send = s.sendMonitoringLinks;
  // the harness looks the server function up at call time: record what the user sees while it works
  s.sendMonitoringLinks = () => {
    seen.push(
      ...['Рассылаем…', 'Разослать наставникам ссылки на отчёт о встрече', 'Обновить', 'Подготовить новость'].map((t) =>
        disabled(button(body, t)),
      ),
    );
    return send();
  };
  await settle();
  const b = button(body, 'Разослать ссылки на мониторинг')!;
  b.dispatch('click');
  b.dispatch('click');
  await settle();
  expect(booted.calls.filter((c) => c[0] === 'sendMonitoringLinks')).toHaveLength(1);
  expect(seen).toEqual([true, true, true, true]);
  const mon = section(body, 'h-mon');
  expect(mon.textContent).toContain('Ссылки на мониторинг отправлены: 4 письма.');
  // the view is read again: the date of the mailing
  expect(booted.calls.filter((c) => c[0] === 'getYearView')).toHaveLength(2);
  expect(mon.textContent).toContain('Ссылки разосланы 02.03.2027');
  expect(disabled(button(body, 'Разослать ссылки на мониторинг'))).toBe(false);

  button(body, 'Разослать наставникам ссылки на отчёт о встрече')!.dispatch('click');
  await settle();
  expect(booted.calls.filter((c) => c[0] === 'sendMeetingLinks')).toHaveLength(1);
  expect(mon.textContent).toContain('Ссылки на отчёт о встрече отправлены: 2 письма.');
});

test('a failed mailing is a Russian message, the buttons come back', async () => {
  const { body } = boot(
    'year',
    server({
      sendMeetingLinks: () => {
        throw new Error('Нет адресов наставников на листе «Настройки»');
      },
    }),
  );
  await settle();
  button(body, 'Разослать наставникам ссылки на отчёт о встрече')!.dispatch('click');
  await settle();
  const text = section(body, 'h-mon').textContent;
  expect(text).toContain('Не удалось разослать ссылки: Нет адресов наставников на листе «Настройки»');
  expect(text).not.toContain('Exception');
  expect(disabled(button(body, 'Разослать наставникам ссылки на отчёт о встрече'))).toBe(false);
});

test('«Подготовить новость» → the draft link and «Обновить черновик»', async () => {
  const { body, calls } = boot('year', server());
  await settle();
  const item = () =>
    section(body, 'h-events')
      .all()
      .filter((n) => n.localName === 'li')[2];
  expect(item().find((n) => n.localName === 'a')).toBeUndefined();
  button(body, 'Подготовить новость')!.dispatch('click');
  await settle();
  expect(calls.filter((c) => c[0] === 'prepareNews')).toEqual([['prepareNews', 'М-1']]);
  const link = item().find((n) => n.localName === 'a')!;
  expect(link.textContent).toBe('Открыть черновик');
  expect(link.getAttribute('href')).toBe('https://docs.google.com/document/d/news-М-1');
  expect(link.getAttribute('target')).toBe('_blank');
  expect(item().find((n) => n.localName === 'button')!.textContent).toBe('Обновить черновик');
  expect(section(body, 'h-events').textContent).toContain('Черновик новости создан.');
  expect(button(body, 'Подготовить новость')).toBeUndefined();
});

test('«Добавить практику»: validation first, then one addPractice with the trimmed input; the list is replaced', async () => {
  const { body, calls } = boot('year', server());
  await settle();
  const form = body.find((n) => n.localName === 'form')!;
  form.dispatch('submit');
  await settle();
  expect(body.textContent).toContain('Укажите название практики.');
  expect(body.textContent).toContain('Укажите автора практики.');
  expect(field(body, 'Название практики').getAttribute('aria-invalid')).toBe('true');

  set(field(body, 'Название практики'), '  Урок-квест ');
  set(field(body, 'Автор'), 'Кузнецова Е. Н.');
  set(field(body, 'Компетенция'), 'Дисциплина', 'change');
  set(field(body, 'Описание'), 'Игровой формат');
  set(field(body, 'Ссылка на материалы (необязательно)'), 'drive.google.com/q');
  await settle();
  expect(body.textContent).not.toContain('Укажите название практики.');
  form.dispatch('submit');
  await settle();
  expect(body.textContent).toContain('Ссылка должна начинаться с http:// или https://.');
  expect(calls.filter((c) => c[0] === 'addPractice')).toEqual([]);

  set(field(body, 'Ссылка на материалы (необязательно)'), 'https://drive.google.com/q');
  await settle();
  form.dispatch('submit');
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
  const pr = section(body, 'h-prac');
  expect(pr.textContent).toContain('Практика «Урок-квест» добавлена.');
  expect(pr.textContent).toContain('Кузнецова Е. Н. · Дисциплина');
  expect(links(body, 'Материалы').map((a) => a.getAttribute('href'))).toContain('https://drive.google.com/q');
  // the form is empty again
  expect(val(field(body, 'Название практики'))).toBe('');
  expect(val(field(body, 'Автор'))).toBe('');
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
  set(field(body, 'Название практики'), 'Урок-квест');
  set(field(body, 'Автор'), 'Кузнецова Е. Н.');
  set(field(body, 'Описание'), 'Игровой формат');
  await settle();
  const form = body.find((n) => n.localName === 'form')!;
  form.dispatch('submit');
  await settle();
  const pr = section(body, 'h-prac');
  expect(pr.textContent).toContain('Не удалось добавить практику: Практика «Урок-квест» уже есть в копилке');
  expect(pr.find((n) => n.getAttribute('role') === 'alert')).toBeDefined();
  expect(pr.textContent).not.toContain('Exception');
  expect(val(field(body, 'Название практики'))).toBe('Урок-квест');
  expect(val(field(body, 'Автор'))).toBe('Кузнецова Е. Н.');
  expect(val(field(body, 'Описание'))).toBe('Игровой формат');
  expect(disabled(button(body, 'Добавить практику'))).toBe(false);

  form.dispatch('submit');
  await settle();
  expect(calls.filter((c) => c[0] === 'addPractice')).toHaveLength(2);
  expect(section(body, 'h-prac').textContent).toContain('Практика «Урок-квест» добавлена.');
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
  button(body, 'Повторить')!.dispatch('click');
  await settle();
  expect(calls).toEqual([['getYearView'], ['getYearView']]);
  expect(body.textContent).not.toContain('Не удалось получить итоги года');
  expect(body.textContent).toContain('Мониторинг (6.1)');
});
