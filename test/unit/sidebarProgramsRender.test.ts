/**
 * @jest-environment ./test/unit/happyDomEnvironment.ts
 *
 * «Программы» rendered in a happy-dom page with @testing-library/preact and a fake
 * google.script.run (the harness of sidebarRender.test.ts): the list of confirmed pairs, the editor
 * (months, done items kept, validation), ONE saveProgram call with the edited activities, the
 * unsaved-changes question, server errors, and HTML in names shown as text.
 */
import { fireEvent, screen } from '@testing-library/preact';
import type { ProgramActivity, ProgramDraft, ProgramPairView, SaveProgramRequest } from '../../src/contract/serverApi';
import { boot, settle, type Server } from './sidebarHarness';

const EVIL = '<img src=x onerror=alert(1)>';

function pairs(): ProgramPairView[] {
  return [
    {
      pairId: 'П-001',
      kind: 'пара',
      mentorName: `Семёнова ${EVIL}`,
      menteeNames: ['Иванов Иван'],
      programId: 'ПР-001',
      progress: 40,
      overdue: 2,
    },
    {
      pairId: 'Г-002',
      kind: 'группа',
      mentorName: 'Орлов Пётр',
      menteeNames: ['Ёлкина Мария', 'Кузнецова Ольга'],
      programId: '',
      progress: null,
      overdue: 0,
    },
  ];
}

function act(id: string, date: string, over: Partial<ProgramActivity> = {}): ProgramActivity {
  return {
    id,
    date,
    title: `Мероприятие ${id}`,
    kind: 'Посещение урока',
    competence: 'Оценивание',
    expectedResult: 'Анализ урока',
    reporting: 'анализ урока',
    responsible: 'Наставник',
    status: 'запланировано',
    ...over,
  };
}

function draft(): ProgramDraft {
  return {
    pairId: 'П-001',
    programId: 'ПР-001',
    mentorName: 'Семёнова Алёна',
    menteeNames: ['Иванов Иван'],
    requests: ['Оценивание', `<b>Дисциплина</b>`],
    goals: ['Освоить формирующее оценивание'],
    tasks: ['Посетить уроки'],
    activities: [
      act('А-02', '2026-11-10', { title: `Урок ${EVIL} =cmd` }),
      act('А-01', '2026-10-05', { status: 'выполнено', title: 'Знакомство' }),
      act('А-03', '2026-11-20'),
    ],
    period: { start: '2026-09-01', end: '2027-05-31' },
    activityKinds: ['Посещение урока', 'Консультация'],
    responsibleOptions: ['Наставник', 'Методист'],
    saved: true,
  };
}

/** The buttons the user sees named `name` (their text, or their aria-label), in the order shown. */
const buttons = (name: string) => screen.queryAllByRole('button', { name });
const button = (name: string) => buttons(name)[0];
const disabled = (n: HTMLElement | undefined) => (n as HTMLButtonElement).disabled;
const readOnly = (n: HTMLElement) => (n as HTMLInputElement).readOnly;
/** The inputs (input/textarea/select) labelled `label`, in the order shown. */
const fields = (label: string) => screen.queryAllByLabelText(label);
/** What the field shows. */
const val = (n: HTMLElement) => (n as HTMLInputElement).value;

/** Types (or picks, with 'change') `value` in a field. */
function set(el: HTMLElement, value: string, event: 'input' | 'change' = 'input') {
  fireEvent[event](el, { target: { value } });
}

function server(over: Server = {}): Server {
  return {
    listProgramPairs: () => pairs(),
    getProgramDraft: () => draft(),
    saveProgram: (...args: unknown[]) => {
      const r = args[0] as SaveProgramRequest;
      return {
        programId: 'ПР-001',
        activities: r.activities.length,
        message: `Программа сохранена: ${r.activities.length} мероприятия`,
      };
    },
    ...over,
  };
}

async function openEditor(s: Server = server()) {
  const booted = boot('programs', s);
  await settle();
  fireEvent.click(button('Изменить программу')!);
  await settle();
  return booted;
}

test('the list: mentor, mentees, progress or «программа: нет», overdue; HTML stays text', async () => {
  const { body, calls } = boot('programs', server());
  await settle();
  expect(calls).toEqual([['listProgramPairs']]);
  expect(document.title).toBe('Программы наставничества');
  const text = body.textContent;
  expect(text).toContain('Программы наставничества');
  expect(text).toContain(`Семёнова ${EVIL}`);
  expect(text).toContain('Ёлкина Мария, Кузнецова Ольга');
  expect(text).toContain('выполнено 40%');
  expect(text).toContain('просрочено: 2');
  expect(text).toContain('программа: нет');
  expect(body.querySelector('img')).toBeNull();
  expect(button('Изменить программу')).toBeDefined();
  expect(button('Создать программу')).toBeDefined();
  const bar = screen.getByRole('progressbar', { name: 'Выполнено' });
  expect(bar.getAttribute('aria-valuenow')).toBe('40');
});

test('no confirmed pairs: a hint to confirm them on «Пары и группы» first', async () => {
  const { body } = boot('programs', server({ listProgramPairs: () => [] }));
  await settle();
  expect(body.textContent).toContain('«Пары и группы»');
  expect(body.textContent).toContain('«утверждено»');
  expect(button('Создать программу')).toBeUndefined();
});

test('the editor: requests, goals, activities by month; a done activity is read-only and not removable', async () => {
  const { body, calls } = await openEditor();
  expect(calls).toEqual([['listProgramPairs'], ['getProgramDraft', 'П-001']]);
  const text = body.textContent;
  expect(text).toContain('<b>Дисциплина</b>');
  expect(text).toContain('Семёнова Алёна');
  const headings = screen.getAllByRole('heading', { level: 3 });
  expect(headings.map((h) => h.textContent)).toEqual(['Октябрь 2026', 'Ноябрь 2026']);
  expect(val(fields('Цели (по одной в строке)')[0])).toBe('Освоить формирующее оценивание');

  const titles = fields('Название');
  expect(titles.map(val)).toEqual(['Знакомство', `Урок ${EVIL} =cmd`, 'Мероприятие А-03']);
  expect(body.querySelector('img')).toBeNull();
  const dates = fields('Дата');
  expect(dates[0].getAttribute('min')).toBe('2026-09-01');
  expect(dates[0].getAttribute('max')).toBe('2027-05-31');
  // the done one (first): date and title read-only, «Удалить» disabled with the reason
  expect(readOnly(dates[0])).toBe(true);
  expect(readOnly(titles[0])).toBe(true);
  expect(readOnly(titles[1])).toBe(false);
  const del = buttons('Удалить');
  expect(del.map(disabled)).toEqual([true, false, false]);
  expect(del[0].getAttribute('title')).toContain('удалить нельзя');
  expect(text).toContain('Выполнено: дату и название не изменить');
  fireEvent.click(del[0]);
  await settle();
  expect(fields('Название')).toHaveLength(3);
});

test('edit → save sends exactly ONE saveProgram with the edited activities, then the list again', async () => {
  const { body, calls } = await openEditor();
  set(fields('Цели (по одной в строке)')[0], 'Цель A\n\n Цель B ');
  set(fields('Название')[1], '  Открытый урок  ');
  set(fields('Вид')[1], 'Консультация', 'change');
  set(fields('Ответственный')[1], 'Завуч Петрова');
  await settle();
  // remove А-03, add a free item, move it above the edited one (same date)
  fireEvent.click(buttons('Удалить')[2]);
  await settle();
  fireEvent.click(button('Добавить мероприятие')!);
  await settle();
  expect(body.textContent).toContain('Другое');
  set(fields('Название')[2], 'Своё мероприятие');
  await settle();
  fireEvent.click(buttons('Выше')[2]);
  await settle();
  expect(fields('Название').map(val)).toEqual(['Знакомство', 'Своё мероприятие', '  Открытый урок  ']);

  const save = button('Сохранить программу')!;
  fireEvent.click(save);
  fireEvent.click(save); // a double click
  await settle();
  await settle();
  const saves = calls.filter((c) => c[0] === 'saveProgram');
  expect(saves).toHaveLength(1);
  const req = saves[0][1] as SaveProgramRequest;
  expect(req.pairId).toBe('П-001');
  expect(req.goals).toEqual(['Цель A', 'Цель B']);
  expect(req.tasks).toEqual(['Посетить уроки']);
  expect(req.activities).toEqual([
    act('А-01', '2026-10-05', { status: 'выполнено', title: 'Знакомство' }),
    {
      id: '',
      date: '2026-11-10',
      title: 'Своё мероприятие',
      kind: 'Другое',
      competence: '',
      expectedResult: '',
      reporting: '',
      responsible: '',
      status: 'запланировано',
    },
    act('А-02', '2026-11-10', { title: 'Открытый урок', kind: 'Консультация', responsible: 'Завуч Петрова' }),
  ]);
  // back to the refreshed list with the server's message
  expect(calls.filter((c) => c[0] === 'listProgramPairs')).toHaveLength(2);
  expect(body.textContent).toContain('Программа сохранена: 3 мероприятия');
  expect(button('Изменить программу')).toBeDefined();
});

test('validation: an empty title and a date outside the year are shown next to the field; nothing is sent', async () => {
  const { body, calls } = await openEditor();
  set(fields('Название')[1], '   ');
  set(fields('Дата')[2], '2027-07-01', 'change');
  await settle();
  fireEvent.click(button('Сохранить программу')!);
  await settle();
  const text = body.textContent;
  expect(text).toContain('Укажите название мероприятия.');
  expect(text).toContain('Дата вне учебного года (01.09.2026 – 31.05.2027).');
  expect(text).toContain('Исправьте отмеченные поля');
  expect(fields('Название')[1].getAttribute('aria-invalid')).toBe('true');
  expect(calls.filter((c) => c[0] === 'saveProgram')).toEqual([]);
  // fixed: the messages go and the save goes through
  set(fields('Название')[1], 'Урок');
  set(fields('Дата')[2], '2027-05-20', 'change');
  await settle();
  expect(body.textContent).not.toContain('Укажите название');
  fireEvent.click(button('Сохранить программу')!);
  await settle();
  await settle();
  expect(calls.filter((c) => c[0] === 'saveProgram')).toHaveLength(1);
});

test('a failed save is a readable Russian message; the editor keeps the edits and can save again', async () => {
  let n = 0;
  const ok = server().saveProgram;
  const { body, calls } = await openEditor(
    server({
      saveProgram: (...args: unknown[]) => {
        if (n++ === 0) throw new Error('Лист «Программы» защищён');
        return ok(...args);
      },
    }),
  );
  set(fields('Название')[1], 'Новое название');
  await settle();
  fireEvent.click(button('Сохранить программу')!);
  await settle();
  expect(body.textContent).toContain('Не удалось сохранить программу: Лист «Программы» защищён');
  expect(body.textContent).not.toContain('Exception');
  expect(val(fields('Название')[1])).toBe('Новое название');
  const save = button('Сохранить программу')!;
  expect(disabled(save)).toBe(false);
  fireEvent.click(save);
  await settle();
  await settle();
  expect(calls.filter((c) => c[0] === 'saveProgram')).toHaveLength(2);
  expect(body.textContent).toContain('Программа сохранена');
});

test('«Назад» with unsaved changes asks inline; without changes it just goes back', async () => {
  const { body, calls } = await openEditor();
  fireEvent.click(button('Назад')!);
  await settle();
  expect(button('Изменить программу')).toBeDefined();

  fireEvent.click(button('Изменить программу')!);
  await settle();
  set(fields('Задачи (по одной в строке)')[0], 'Другая задача');
  await settle();
  fireEvent.click(button('Назад')!);
  await settle();
  expect(body.textContent).toContain('Изменения не сохранены: выйти без сохранения?');
  fireEvent.click(button('Остаться')!);
  await settle();
  expect(body.textContent).not.toContain('Изменения не сохранены');
  expect(val(fields('Задачи (по одной в строке)')[0])).toBe('Другая задача');
  fireEvent.click(button('Назад')!);
  await settle();
  fireEvent.click(button('Выйти без сохранения')!);
  await settle();
  expect(button('Изменить программу')).toBeDefined();
  expect(calls.filter((c) => c[0] === 'saveProgram')).toEqual([]);
});

test('a failed open or list load shows a banner with retry', async () => {
  let lists = 0;
  let drafts = 0;
  const { body, calls } = boot(
    'programs',
    server({
      listProgramPairs: () => {
        if (lists++ === 0) throw new Error('Лист «Пары и группы» не найден');
        return pairs();
      },
      getProgramDraft: () => {
        if (drafts++ === 0) throw new Error('Нет анкеты наставляемого');
        return draft();
      },
    }),
  );
  await settle();
  expect(body.textContent).toContain('Не удалось получить пары: Лист «Пары и группы» не найден');
  fireEvent.click(button('Повторить')!);
  await settle();
  fireEvent.click(button('Создать программу')!);
  await settle();
  expect(body.textContent).toContain('Не удалось открыть программу: Нет анкеты наставляемого');
  expect(button('Создать программу')).toBeDefined();
  fireEvent.click(button('Повторить')!);
  await settle();
  expect(calls.slice(-2)).toEqual([
    ['getProgramDraft', 'Г-002'],
    ['getProgramDraft', 'Г-002'],
  ]);
  expect(button('Сохранить программу')).toBeDefined();
});
