/**
 * @jest-environment ./test/unit/happyDomEnvironment.ts
 *
 * «Подбор пар» rendered in a happy-dom page with @testing-library/preact and a fake
 * google.script.run (the same harness as sidebarRender.test.ts): names with HTML stay text,
 * locks and weights reach the server only on «Подобрать», «Сохранить» shows the server's message,
 * errors keep the proposal and the settings.
 */
import { fireEvent, screen } from '@testing-library/preact';
import type { PairingRequest, PairingUnit, PairingView } from '../../src/contract/serverApi';
import { boot as bootPage, settle, type Server } from './sidebarHarness';

/** The pairing panel also asks for the check-in's flagged pairs: none unless a test says otherwise. */
const boot = (view: string, server: Server) => bootPage(view, { getCheckin: () => ({ attention: [] }), ...server });
/** Lets Preact re-render (microtasks) without letting the fake server (a 0 ms timer) answer. */
const rerender = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const EVIL = '<img src=x onerror=alert(1)>';

function makeView(): PairingView {
  return {
    weights: [
      { key: 'requests', label: 'Совпадение запросов', value: 8 },
      { key: 'subject', label: 'Предмет', value: 5 },
    ],
    units: [
      {
        pairId: '',
        mentorId: 'НТ-0001',
        mentorName: 'Семёнова Алёна Петровна',
        kind: 'пара',
        score: 8.46,
        explanation: 'совпадают запросы: оценивание; один предмет — математика',
        confirmed: false,
        capacity: 1,
        mentees: [
          {
            id: 'НС-0001',
            name: `${EVIL} Иванов Иван`,
            score: 8.46,
            explanation: 'совпадают запросы: оценивание',
            locked: false,
            alternatives: [
              { mentorId: 'НТ-0001', mentorName: 'Семёнова Алёна Петровна', score: 8.5, freeSlots: 0, current: true },
              { mentorId: 'НТ-0002', mentorName: '<b>Орлов</b> Пётр', score: 6, freeSlots: 2, current: false },
            ],
          },
        ],
      },
      {
        pairId: 'ПГ-001',
        mentorId: 'НТ-0003',
        mentorName: 'Смирнова Анна',
        kind: 'группа',
        score: 7,
        explanation: 'похожие запросы',
        confirmed: true,
        capacity: 3,
        mentees: [
          { id: 'НС-0002', name: 'Ёлкина Мария', score: 7, explanation: '', locked: true, alternatives: [] },
          { id: 'НС-0003', name: 'Кузнецова Ольга', score: 7, explanation: '', locked: true, alternatives: [] },
        ],
      },
    ],
    unmatched: [{ id: 'НС-0004', name: 'Фёдоров <i>Глеб</i>', reason: 'нет наставника с такими компетенциями' }],
    rejectedLocks: [],
    coverage: [
      { competence: 'Оценивание', menteesAsking: 2, mentorCapacity: 3, gap: 0 },
      { competence: 'Работа с родителями', menteesAsking: 4, mentorCapacity: 1, gap: 3 },
    ],
    mentees: 4,
    mentors: 3,
    matched: 3,
    settings: { weights: {}, locks: [], exclusions: [], capacityOverrides: {} },
    draft: false,
    names: {},
  };
}

/** The calls of one server function (the panel also keeps its edits with keepPairingDraft). */
const callsOf = (calls: unknown[][], name: string) => calls.filter((c) => c[0] === name);

/** The button the user sees with this text, or null. */
const button = (text: string) => screen.queryAllByRole('button', { name: text })[0] ?? null;

test('shows the proposal with HTML in names as text; a lock and a weight reach the server on «Подобрать»', async () => {
  const { body, calls } = boot('pairing', {
    proposePairs: () => makeView(),
    savePairs: () => ({
      saved: 1,
      kept: 1,
      message: 'Сохранено в «Пары и группы»: 1 новая, 1 утверждённая сохранена.',
    }),
    keepPairingDraft: () => true,
  });
  await settle();
  expect(document.title).toBe('Подбор пар');
  // Opening asks for the kept settings: no request.
  expect(callsOf(calls, 'proposePairs')).toEqual([['proposePairs']]);
  const text = body.textContent;
  expect(text).toContain('Подбор пар');
  expect(text).toContain('Подобрано 3 из 4 наставляемых · наставников: 3');
  expect(text).toContain(`${EVIL} Иванов Иван`);
  expect(text).toContain('<b>Орлов</b> Пётр — 6, свободно мест: 2');
  expect(text).toContain('Фёдоров <i>Глеб</i>');
  expect(text).toContain('нет наставника с такими компетенциями');
  expect(text).toContain('совпадают запросы: оценивание; один предмет — математика');
  expect(text).toContain('8,5');
  expect(text).toContain('группа');
  expect(text).toContain('утверждена');
  expect(text).toContain('ПГ-001');
  expect(text).toContain('Совпадение запросов');
  expect(text).toContain('Анализ банка наставников');
  for (const tag of ['img', 'b', 'i']) expect(body.querySelector(tag)).toBeNull();
  const gapRow = screen.getByRole('rowheader', { name: 'Работа с родителями' }).closest('tr')!;
  expect(gapRow.getAttribute('class')).toBe('gap');
  expect(body.querySelector('details')).not.toBeNull();
  // the confirmed group offers no lock/exclude buttons: only the one open pair does
  expect(screen.getAllByRole('button', { name: 'Закрепить' })).toHaveLength(1);

  const lockBtn = button('Закрепить')!;
  expect(lockBtn.getAttribute('aria-pressed')).toBe('false');
  fireEvent.click(lockBtn);
  await settle();
  expect(lockBtn.getAttribute('aria-pressed')).toBe('true');
  expect(lockBtn.textContent).toBe('Закреплено');
  // The edit is kept on the server at once, so closing the panel does not lose it.
  expect(callsOf(calls, 'keepPairingDraft')).toEqual([
    [
      'keepPairingDraft',
      {
        weights: { requests: 8, subject: 5 },
        locks: [{ menteeId: 'НС-0001', mentorId: 'НТ-0001' }],
        exclusions: [],
        capacityOverrides: {},
      },
    ],
  ]);
  const slider = screen.getByRole('slider', { name: 'Предмет' });
  fireEvent.input(slider, { target: { value: '2' } });
  await settle();
  expect(callsOf(calls, 'proposePairs')).toHaveLength(1); // no proposal before «Подобрать»
  expect(body.textContent).toContain('Настройки изменены');
  expect(button('Сохранить')!.getAttribute('disabled')).not.toBeNull();

  fireEvent.click(button('Подобрать')!);
  // The confirmed group is the server's: its mentees are not sent back as locks.
  const sent: PairingRequest = {
    weights: { requests: 8, subject: 2 },
    locks: [{ menteeId: 'НС-0001', mentorId: 'НТ-0001' }],
    exclusions: [],
    capacityOverrides: {},
  };
  expect(callsOf(calls, 'proposePairs')).toEqual([['proposePairs'], ['proposePairs', sent]]);
  await rerender();
  expect(body.textContent).toContain('Подбираем пары…');
  expect(button('Подбираем…')!.getAttribute('disabled')).not.toBeNull();
  await settle();
  expect(body.textContent).not.toContain('Настройки изменены');

  const saveBtn = button('Сохранить')!;
  expect(saveBtn.getAttribute('disabled')).toBeNull();
  fireEvent.click(saveBtn);
  await settle();
  expect(callsOf(calls, 'savePairs')).toEqual([['savePairs', sent]]);
  expect(body.textContent).toContain('Сохранено в «Пары и группы»: 1 новая, 1 утверждённая сохранена.');
});

test('another mentor from the list locks it and re-runs; an exclusion is sent and can be undone', async () => {
  const { body, calls } = boot('pairing', {
    proposePairs: () => makeView(),
    savePairs: () => ({}),
    keepPairingDraft: () => true,
  });
  await settle();
  fireEvent.click(button('Исключить пару')!);
  await settle();
  expect(button('Исключена')!.getAttribute('aria-pressed')).toBe('true');
  expect(body.textContent).toContain(`Исключённые пары 1${EVIL} Иванов Иван — Семёнова Алёна Петровна`);
  const select = screen.getByRole('combobox');
  expect(select.getAttribute('aria-label')).toBe(`Другой наставник для: ${EVIL} Иванов Иван`);
  fireEvent.change(select, { target: { value: 'НТ-0002' } });
  const proposals = callsOf(calls, 'proposePairs');
  expect(proposals).toHaveLength(2);
  expect(proposals[1][1]).toEqual({
    weights: { requests: 8, subject: 5 },
    locks: [{ menteeId: 'НС-0001', mentorId: 'НТ-0002' }],
    exclusions: [{ menteeId: 'НС-0001', mentorId: 'НТ-0001' }],
    capacityOverrides: {},
  });
  await settle();
  fireEvent.click(button('Вернуть')!);
  await settle();
  expect(body.textContent).not.toContain('Исключённые пары');
  expect(body.textContent).toContain('Настройки изменены');
});

test('a failed run shows a Russian banner with retry and keeps the proposal and the settings', async () => {
  let n = 0;
  const { body, calls } = boot('pairing', {
    proposePairs: () => {
      if (n++ === 1) throw new Error('Превышено время выполнения');
      return makeView();
    },
    savePairs: () => {
      throw new Error('Лист «Пары и группы» защищён');
    },
    keepPairingDraft: () => true,
  });
  await settle();
  fireEvent.click(button('Закрепить')!);
  await settle();
  fireEvent.click(button('Подобрать')!);
  await settle();
  const text = body.textContent;
  expect(text).toContain('Не удалось подобрать пары: Превышено время выполнения');
  expect(text).toContain(`${EVIL} Иванов Иван`);
  expect(button('Закреплено')).not.toBeNull();
  fireEvent.click(button('Повторить')!);
  await settle();
  const proposals = callsOf(calls, 'proposePairs');
  expect(proposals[2]).toEqual(proposals[1]);
  expect(body.textContent).not.toContain('Не удалось подобрать пары');

  fireEvent.click(button('Сохранить')!);
  await settle();
  expect(body.textContent).toContain('Не удалось сохранить пары: Лист «Пары и группы» защищён');
  expect(body.textContent).toContain(`${EVIL} Иванов Иван`);
});

test('long lists: a filter by name (ё-insensitive) and «Показать ещё» after 50 cards', async () => {
  const many = makeView();
  const base = many.units[0];
  many.units = Array.from({ length: 120 }, (_, i): PairingUnit => ({
    ...base,
    mentorId: `НТ-${i}`,
    mentorName: i === 77 ? 'Ёжикова Вера' : `Наставник ${i}`,
    mentees: [{ ...base.mentees[0], id: `НС-${i}`, name: `Наставляемый ${i}` }],
  }));
  const { body } = boot('pairing', { proposePairs: () => many, savePairs: () => ({}), keepPairingDraft: () => true });
  await settle();
  const cards = () => body.querySelectorAll('li.unit');
  expect(cards()).toHaveLength(50);
  expect(body.textContent).toContain('Показано 50 из 120');
  fireEvent.click(button('Показать ещё')!);
  await settle();
  expect(cards()).toHaveLength(100);
  const search = screen.getByRole('searchbox', { name: 'Поиск по ФИО' });
  fireEvent.input(search, { target: { value: 'ЕЖИКОВА' } });
  await settle();
  expect(cards()).toHaveLength(1);
  expect(body.textContent).toContain('Ёжикова Вера');
  expect(body.textContent).not.toContain('Показать ещё');
});

test('a failed first load shows only the banner; «Повторить» loads the proposal', async () => {
  let n = 0;
  const { body, calls } = boot('pairing', {
    proposePairs: () => {
      if (n++ === 0) throw new Error('Банк наставников не найден');
      return makeView();
    },
    savePairs: () => ({}),
    keepPairingDraft: () => true,
  });
  await settle();
  expect(body.textContent).toContain('Не удалось подобрать пары: Банк наставников не найден');
  expect(button('Подобрать')).toBeNull();
  fireEvent.click(button('Повторить')!);
  await settle();
  expect(callsOf(calls, 'proposePairs')).toEqual([['proposePairs'], ['proposePairs']]);
  expect(body.textContent).toContain('Подобрано 3 из 4');
  expect(body.textContent).not.toContain('Не удалось');
});

test('reopening restores the kept draft (exclusions by name, places); «Отменить изменения» returns to the saved settings', async () => {
  const drafted = makeView();
  drafted.settings = {
    weights: { requests: 3 },
    locks: [],
    exclusions: [{ menteeId: 'НС-0009', mentorId: 'НТ-0001' }],
    capacityOverrides: { 'НТ-0001': 2 },
  };
  drafted.draft = true;
  drafted.names = { 'НС-0009': 'Зайцева Полина', 'НТ-0001': 'Семёнова Алёна Петровна' };
  const { body, calls } = boot('pairing', {
    proposePairs: () => drafted,
    discardPairingDraft: () => makeView(),
    savePairs: () => ({}),
    keepPairingDraft: () => true,
  });
  await settle();
  let text = body.textContent;
  expect(text).toContain('Исключённые пары 1Зайцева Полина — Семёнова Алёна Петровна');
  expect(text).toContain('Есть несохранённые изменения подбора');
  const places = screen.getByRole('spinbutton', { name: 'Сколько наставляемых у наставника Семёнова Алёна Петровна' });
  expect((places as HTMLInputElement).value).toBe('2');
  const slider = screen.getByRole('slider', { name: 'Совпадение запросов' });
  expect(slider.getAttribute('aria-valuetext')).toBe('3 из 10');
  // The restored settings are what the proposal was made with: nothing to re-run, saving is allowed.
  expect(text).not.toContain('Настройки изменены');
  expect(button('Сохранить')!.getAttribute('disabled')).toBeNull();

  fireEvent.click(button('Отменить изменения')!);
  await settle();
  expect(callsOf(calls, 'discardPairingDraft')).toEqual([['discardPairingDraft']]);
  text = body.textContent;
  expect(text).not.toContain('Исключённые пары');
  expect(text).not.toContain('Есть несохранённые изменения');
  expect(text).toContain('Изменения отменены');
  expect(button('Отменить изменения')).toBeNull();
});

test('a pair’s reason is shown once: on its card, not again on its mentee', async () => {
  const view = makeView();
  const same = 'первый выбор наставляемого; совпадают запросы: оценивание';
  view.units[0].explanation = same;
  view.units[0].mentees[0].explanation = same;
  boot('pairing', { proposePairs: () => view, keepPairingDraft: () => true, getCheckin: () => ({ attention: [] }) });
  await settle();
  expect(screen.getAllByText(same)).toHaveLength(1);
});

test('two flagged pairs: dissolving one asks once more, then shows «Расформировываем…» on its button only', async () => {
  const flagged = (pairId: string) => ({
    pairId,
    mentorName: 'Смирнова Анна',
    menteeNames: [],
    reason: 'оценка 3 из 10',
  });
  const { calls: sent } = boot('pairing', {
    proposePairs: () => makeView(),
    keepPairingDraft: () => true,
    getCheckin: () => ({ attention: [flagged('ПГ-001'), flagged('ПГ-002')] }),
    dissolvePair: () => ({ message: 'Пара ПГ-001 расформирована', proposals: [] }),
  });
  await settle();
  const dissolve = () => screen.getAllByRole('button', { name: /Расформир/ });
  expect(dissolve()).toHaveLength(2);
  fireEvent.click(dissolve()[0]);
  await rerender();
  // It asks once more, on that pair only; «Отмена» changes nothing.
  expect(callsOf(sent, 'dissolvePair')).toHaveLength(0);
  expect(screen.getByRole('group', { name: /расформировать ПГ-001/ }).textContent).toContain(
    'Наставляемые вернутся в банк',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Отмена' }));
  await rerender();
  expect(callsOf(sent, 'dissolvePair')).toHaveLength(0);
  fireEvent.click(dissolve()[0]);
  await rerender();
  fireEvent.click(screen.getByRole('button', { name: 'Да, расформировать' }));
  await rerender();
  expect(callsOf(sent, 'dissolvePair')).toEqual([['dissolvePair', 'ПГ-001']]);
  expect(dissolve().map((b) => b.textContent)).toEqual(['Расформировываем…', 'Расформировать и подобрать заново']);
  expect(document.body.textContent).toContain('В январе опрос рассылается сам');
});
