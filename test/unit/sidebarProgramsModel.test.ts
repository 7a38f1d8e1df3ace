/** «Программы»: the editor's pure rules — order, add/remove/move (done items kept), months, validation, the request, dirty. */
import type { ProgramActivity, ProgramDraft } from '../../src/contract/serverApi';
import {
  add,
  buildSaveRequest,
  canAdd,
  canMove,
  canRemove,
  groupByMonth,
  isDirty,
  kindOptions,
  lines,
  MAX_ACTIVITIES,
  monthLabel,
  move,
  remove,
  toRows,
  update,
  validate,
  type Row,
} from '../../sidebar/programsModel';

const PERIOD = { start: '2026-09-01', end: '2027-05-31' };

function act(id: string, date: string, over: Partial<ProgramActivity> = {}): ProgramActivity {
  return {
    id,
    date,
    title: `Мероприятие ${id}`,
    kind: 'Посещение урока',
    competence: 'Оценивание',
    expectedResult: 'Анализ',
    reporting: 'анализ урока',
    responsible: 'Наставник',
    status: 'запланировано',
    ...over,
  };
}

function draft(over: Partial<ProgramDraft> = {}): ProgramDraft {
  return {
    pairId: 'П-001',
    programId: 'ПР-001',
    mentorName: 'Семёнова А. П.',
    menteeNames: ['Иванов И. И.'],
    requests: ['Оценивание'],
    goals: ['Цель 1', 'Цель 2'],
    tasks: ['Задача 1'],
    activities: [
      act('А-02', '2026-11-10'),
      act('А-01', '2026-10-05', { status: 'выполнено' }),
      act('А-03', '2026-11-10'),
    ],
    period: PERIOD,
    activityKinds: ['Посещение урока', 'Консультация'],
    responsibleOptions: ['Наставник', 'Методист'],
    saved: true,
    ...over,
  };
}

const ids = (rows: Row[]) => rows.map((r) => r.id);

test('toRows orders by date (stable), gives keys, fills missing fields', () => {
  const rows = toRows(draft().activities);
  expect(ids(rows)).toEqual(['А-01', 'А-02', 'А-03']);
  expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  const [r] = toRows([{ id: 'x', date: 'bad' } as unknown as ProgramActivity, act('y', '2026-09-02')]);
  expect(r.id).toBe('y');
  const broken = toRows([{ id: 'x' } as unknown as ProgramActivity])[0];
  expect(broken).toMatchObject({ title: '', kind: '', responsible: '', status: 'запланировано' });
  expect(toRows(null)).toEqual([]);
});

test('months: Russian nominative, grouped consecutively', () => {
  expect(monthLabel('2026-10-15')).toBe('октябрь 2026');
  expect(monthLabel('2027-01-01')).toBe('январь 2027');
  expect(monthLabel('2027-05-31')).toBe('май 2027');
  expect(monthLabel('')).toBe('без даты');
  const groups = groupByMonth(toRows(draft().activities));
  expect(groups.map((g) => g.label)).toEqual(['октябрь 2026', 'ноябрь 2026']);
  expect(groups[1].items.map((x) => [x.row.id, x.index])).toEqual([
    ['А-02', 1],
    ['А-03', 2],
  ]);
});

test('a done activity keeps its date and title and cannot be removed; other fields stay editable', () => {
  const rows = toRows(draft().activities);
  const done = rows[0];
  expect(canRemove(rows, done.key)).toBe(false);
  expect(remove(rows, done.key)).toBe(rows);
  const edited = update(rows, done.key, { date: '2026-12-01', title: 'Другое', responsible: 'Методист' });
  expect(edited[0]).toMatchObject({
    id: 'А-01',
    date: '2026-10-05',
    title: 'Мероприятие А-01',
    responsible: 'Методист',
  });
  // status and id are never edited by the sidebar
  expect(update(rows, rows[1].key, { status: 'выполнено', id: 'Z' })[1]).toMatchObject({
    id: 'А-02',
    status: 'запланировано',
  });
  // a planned one can be removed
  expect(ids(remove(rows, rows[1].key))).toEqual(['А-01', 'А-03']);
  expect(canRemove(rows, 999)).toBe(false);
});

test('a new valid date re-sorts the list; an empty one leaves the row where it is', () => {
  const rows = toRows(draft().activities);
  const moved = update(rows, rows[2].key, { date: '2026-09-15' });
  expect(ids(moved)).toEqual(['А-03', 'А-01', 'А-02']);
  const cleared = update(rows, rows[1].key, { date: '' });
  expect(ids(cleared)).toEqual(['А-01', 'А-02', 'А-03']);
  expect(cleared[1].date).toBe('');
  expect(update(rows, 999, { title: 'x' })).toBe(rows);
});

test('move: same date swaps places; different dates swap dates too; a done neighbour refuses', () => {
  const rows = toRows(draft().activities); // А-01 (done, 10-05), А-02 (11-10), А-03 (11-10)
  expect(canMove(rows, 0, -1)).toBe(false);
  expect(canMove(rows, 2, 1)).toBe(false);
  const same = move(rows, 2, -1);
  expect(ids(same)).toEqual(['А-01', 'А-03', 'А-02']);
  expect(same.map((r) => r.date)).toEqual(['2026-10-05', '2026-11-10', '2026-11-10']);
  // А-02 up past the done А-01 would change the done one's date
  expect(canMove(rows, 1, -1)).toBe(false);
  expect(move(rows, 1, -1)).toBe(rows);
  expect(canMove(rows, 0, 1)).toBe(false);

  const plain = toRows([act('a', '2026-09-10'), act('b', '2026-10-20')]);
  const swapped = move(plain, 1, -1);
  expect(swapped.map((r) => [r.id, r.date])).toEqual([
    ['b', '2026-09-10'],
    ['a', '2026-10-20'],
  ]);
  expect(plain.map((r) => r.id)).toEqual(['a', 'b']); // not mutated
  expect(move(plain, -1, 1)).toBe(plain);
});

test('add: a free item dated like the last one, or the start of the year; at most 60', () => {
  const rows = toRows(draft().activities);
  const more = add(rows, PERIOD);
  const last = more[more.length - 1];
  expect(last).toMatchObject({ id: '', date: '2026-11-10', title: '', kind: 'Другое', status: 'запланировано' });
  expect(new Set(more.map((r) => r.key)).size).toBe(4);
  expect(add([], PERIOD)[0].date).toBe('2026-09-01');
  expect(add([], null)[0].date).toBe('');

  let many: Row[] = [];
  for (let i = 0; i < MAX_ACTIVITIES; i++) many = add(many, PERIOD);
  expect(many).toHaveLength(60);
  expect(canAdd(many)).toBe(false);
  expect(add(many, PERIOD)).toBe(many);
});

test('validation: title required and ≤ 300, date inside the year, 1..60 activities; done items not checked', () => {
  const rows = toRows([
    act('a', '2026-09-01', { title: '   ' }),
    act('b', '2027-06-01'),
    act('c', '', { title: 'x'.repeat(301) }),
    act('d', '2026-08-31', { status: 'выполнено', title: '' }),
    act('e', '2027-05-31', { title: 'x'.repeat(300) }),
  ]);
  const byId = (id: string) => rows.find((r) => r.id === id)!.key;
  const p = validate(rows, PERIOD);
  expect(p.rows[byId('a')]).toEqual({ title: 'Укажите название мероприятия.' });
  expect(p.rows[byId('b')]).toEqual({ date: 'Дата вне учебного года (01.09.2026 – 31.05.2027).' });
  expect(p.rows[byId('c')]).toEqual({
    title: 'Не длиннее 300 символов (сейчас 301).',
    date: 'Укажите дату мероприятия.',
  });
  expect(p.rows[byId('d')]).toBeUndefined();
  expect(p.rows[byId('e')]).toBeUndefined();
  expect(p.general).toEqual([]);
  expect(p.count).toBe(4);

  expect(validate(toRows(draft().activities), PERIOD)).toEqual({ rows: {}, general: [], count: 0 });
  expect(validate([], PERIOD).general).toEqual(['Добавьте хотя бы одно мероприятие.']);
  const lots = toRows(Array.from({ length: 61 }, (_, i) => act(`x${i}`, '2026-10-01')));
  expect(validate(lots, PERIOD)).toMatchObject({
    general: ['Не больше 60 мероприятий (сейчас 61): удалите лишние.'],
    count: 1,
  });
  // no period known: only a valid date is required
  expect(validate(toRows([act('z', '2030-01-01')]), null).count).toBe(0);
});

test('the request: lines of goals and tasks, rows without keys, texts trimmed, order kept', () => {
  expect(lines(' Цель 1 \r\n\n  Цель 2\n  ')).toEqual(['Цель 1', 'Цель 2']);
  let rows = toRows(draft().activities);
  rows = update(rows, rows[1].key, { title: '  <b>Новое</b> =cmd  ', responsible: ' Методист ' });
  rows = add(rows, PERIOD);
  rows = update(rows, rows[3].key, { title: 'Своё', kind: '' });
  const req = buildSaveRequest('П-001', 'Цель\n\nЕщё', '', rows);
  expect(req).toEqual({
    pairId: 'П-001',
    goals: ['Цель', 'Ещё'],
    tasks: [],
    activities: [
      act('А-01', '2026-10-05', { status: 'выполнено' }),
      act('А-02', '2026-11-10', { title: '<b>Новое</b> =cmd', responsible: 'Методист' }),
      act('А-03', '2026-11-10'),
      {
        id: '',
        date: '2026-11-10',
        title: 'Своё',
        kind: 'Другое',
        competence: '',
        expectedResult: '',
        reporting: '',
        responsible: '',
        status: 'запланировано',
      },
    ],
  });
  expect(req.activities.some((a) => 'key' in a)).toBe(false);
});

test('dirty: only real changes count (blank lines, spaces and the initial order do not)', () => {
  const d = draft();
  const rows = toRows(d.activities);
  expect(isDirty(d, 'Цель 1\nЦель 2\n', ' Задача 1 ', rows)).toBe(false);
  expect(isDirty(d, 'Цель 1', 'Задача 1', rows)).toBe(true);
  expect(isDirty(d, 'Цель 1\nЦель 2', 'Задача 1', update(rows, rows[1].key, { title: 'Иное' }))).toBe(true);
  expect(isDirty(d, 'Цель 1\nЦель 2', 'Задача 1', move(rows, 2, -1))).toBe(true);
  expect(isDirty(d, 'Цель 1\nЦель 2', 'Задача 1', add(rows, PERIOD))).toBe(true);
  expect(isDirty(draft({ goals: [], tasks: [], activities: [] }), '', '', [])).toBe(false);
});

test('kind options: the draft kinds, «Другое», and the row’s own kind, without repeats', () => {
  expect(kindOptions(['Посещение урока', 'Консультация'], 'Консультация')).toEqual([
    'Посещение урока',
    'Консультация',
    'Другое',
  ]);
  expect(kindOptions(['Посещение урока'], 'Старый вид')).toEqual(['Посещение урока', 'Другое', 'Старый вид']);
  expect(kindOptions(null, '')).toEqual(['Другое']);
});
