/** «Подбор пар»: the panel's pure state transitions and the name filter. */
import type { PairingMentee, PairingUnit, PairingView } from '../../src/contract/serverApi';
import {
  clampWeight,
  collectNames,
  exclude,
  filter,
  formatScore,
  initialState,
  isExcluded,
  isLocked,
  lock,
  normalize,
  pickMentor,
  request,
  sameRequest,
  setWeight,
  syncWeights,
  unexclude,
  setCapacity,
  type PairingState,
} from '../../sidebar/pairingModel';

function mentee(id: string, name: string, locked = false): PairingMentee {
  return { id, name, score: 7, explanation: '', locked, alternatives: [] };
}

function unit(mentorId: string, mentorName: string, mentees: PairingMentee[]): PairingUnit {
  return {
    pairId: '',
    mentorId,
    mentorName,
    kind: mentees.length > 1 ? 'группа' : 'пара',
    score: 7,
    explanation: '',
    confirmed: false,
    capacity: 2,
    mentees,
  };
}

const view: PairingView = {
  weights: [
    { key: 'requests', label: 'Запросы', value: 8 },
    { key: 'subject', label: 'Предмет', value: 5 },
  ],
  units: [
    unit('НТ-1', 'Семёнова Алёна Петровна', [mentee('НС-1', 'Иванов Иван', true)]),
    unit('НТ-2', 'Орлов Пётр', [mentee('НС-2', 'Ёлкина Мария'), mentee('НС-3', 'Кузнецова Ольга')]),
    unit('НТ-3', 'Смирнова Анна', [mentee('НС-4', 'Волков Артём')]),
  ],
  unmatched: [
    { id: 'НС-5', name: 'Фёдоров Глеб', reason: 'нет наставника с такими компетенциями' },
    { id: 'НС-6', name: 'Петрова Нина', reason: 'места у наставников закончились' },
  ],
  rejectedLocks: [],
  coverage: [],
  mentees: 6,
  mentors: 3,
  matched: 4,
  settings: { weights: {}, locks: [{ menteeId: 'НС-1', mentorId: 'НТ-1' }], exclusions: [], capacityOverrides: {} },
  draft: false,
  names: {},
};

const empty: PairingState = { weights: {}, locks: [], exclusions: [], capacity: {} };

test('initial state takes the view weights and its locked pairs', () => {
  expect(initialState(view)).toEqual({
    weights: { requests: 8, subject: 5 },
    locks: [{ menteeId: 'НС-1', mentorId: 'НТ-1' }],
    capacity: {},
    exclusions: [],
  });
  expect(initialState(null)).toEqual(empty);
});

test('weights are clamped integers 0–10; new criteria are added, chosen ones kept', () => {
  expect(clampWeight(11)).toBe(10);
  expect(clampWeight(-1)).toBe(0);
  expect(clampWeight(3.6)).toBe(4);
  expect(clampWeight('7')).toBe(7);
  expect(clampWeight(NaN)).toBe(0);
  const s = setWeight(initialState(view), 'subject', 0);
  expect(s.weights).toEqual({ requests: 8, subject: 0 });
  const more = { ...view, weights: [...view.weights, { key: 'time', label: 'Время', value: 3 }] };
  expect(syncWeights(s, more).weights).toEqual({ requests: 8, subject: 0, time: 3 });
  expect(syncWeights(s, view)).toBe(s);
});

test('lock toggles a pair; one lock per mentee; locking lifts an exclusion of that pair', () => {
  let s = lock(empty, 'НС-2', 'НТ-2');
  expect(s.locks).toEqual([{ menteeId: 'НС-2', mentorId: 'НТ-2' }]);
  expect(isLocked(s, 'НС-2', 'НТ-2')).toBe(true);
  s = lock(s, 'НС-2', 'НТ-2');
  expect(s.locks).toEqual([]);
  s = lock(lock(empty, 'НС-2', 'НТ-2'), 'НС-2', 'НТ-3');
  expect(s.locks).toEqual([{ menteeId: 'НС-2', mentorId: 'НТ-3' }]);
  s = lock(exclude(empty, 'НС-2', 'НТ-2'), 'НС-2', 'НТ-2');
  expect(s.exclusions).toEqual([]);
  expect(s.locks).toEqual([{ menteeId: 'НС-2', mentorId: 'НТ-2' }]);
});

test('exclude adds an exclusion once and drops the lock of the same pair only', () => {
  const locked = lock(lock(empty, 'НС-1', 'НТ-1'), 'НС-2', 'НТ-2');
  const s = exclude(locked, 'НС-1', 'НТ-1');
  expect(s.exclusions).toEqual([{ menteeId: 'НС-1', mentorId: 'НТ-1' }]);
  expect(s.locks).toEqual([{ menteeId: 'НС-2', mentorId: 'НТ-2' }]);
  expect(isExcluded(s, 'НС-1', 'НТ-1')).toBe(true);
  expect(exclude(s, 'НС-1', 'НТ-1').exclusions).toHaveLength(1);
  expect(unexclude(s, 'НС-1', 'НТ-1').exclusions).toEqual([]);
  // the original state is untouched
  expect(locked.locks).toHaveLength(2);
  expect(locked.exclusions).toEqual([]);
});

test('pickMentor replaces any lock of that mentee with a lock to the chosen mentor', () => {
  let s = lock(lock(empty, 'НС-1', 'НТ-1'), 'НС-2', 'НТ-2');
  s = exclude(s, 'НС-1', 'НТ-3');
  s = pickMentor(s, 'НС-1', 'НТ-3');
  expect(s.locks).toEqual([
    { menteeId: 'НС-2', mentorId: 'НТ-2' },
    { menteeId: 'НС-1', mentorId: 'НТ-3' },
  ]);
  expect(s.exclusions).toEqual([]);
  expect(pickMentor(empty, 'НС-4', 'НТ-1').locks).toEqual([{ menteeId: 'НС-4', mentorId: 'НТ-1' }]);
});

test('request carries weights, locks and exclusions as plain copies', () => {
  const s = exclude(lock(initialState(view), 'НС-2', 'НТ-2'), 'НС-4', 'НТ-3');
  const r = request(s);
  expect(r).toEqual({
    weights: { requests: 8, subject: 5 },
    locks: [
      { menteeId: 'НС-1', mentorId: 'НТ-1' },
      { menteeId: 'НС-2', mentorId: 'НТ-2' },
    ],
    exclusions: [{ menteeId: 'НС-4', mentorId: 'НТ-3' }],
    capacityOverrides: {},
  });
  r.locks!.push({ menteeId: 'x', mentorId: 'y' });
  r.weights!.requests = 0;
  expect(s.locks).toHaveLength(2);
  expect(s.weights.requests).toBe(8);
  expect(request(empty)).toEqual({ weights: {}, locks: [], exclusions: [], capacityOverrides: {} });
  expect(sameRequest(request(s), request(s))).toBe(true);
  expect(sameRequest(request(s), request(setWeight(s, 'subject', 6)))).toBe(false);
});

test('filter keeps units and unmatched by mentor or mentee name, case- and ё-insensitive', () => {
  expect(normalize('  Семёнова   АЛЁНА ')).toBe('семенова алена');
  expect(filter(view, '')).toBe(view);
  expect(filter(view, '   ')).toBe(view);
  // mentor name, ё typed as е
  expect(filter(view, 'семенова').units.map((u) => u.mentorId)).toEqual(['НТ-1']);
  // mentee name with ё, typed in capitals: the whole unit is kept
  const byMentee = filter(view, 'ЕЛКИНА');
  expect(byMentee.units.map((u) => u.mentorId)).toEqual(['НТ-2']);
  expect(byMentee.units[0].mentees).toHaveLength(2);
  expect(byMentee.unmatched).toEqual([]);
  // ё typed where the name has е is found too
  expect(filter(view, 'пётрова').unmatched.map((m) => m.id)).toEqual(['НС-6']);
  expect(filter(view, 'федоров').unmatched.map((m) => m.id)).toEqual(['НС-5']);
  expect(filter(view, 'артем').units.map((u) => u.mentorId)).toEqual(['НТ-3']);
  const none = filter(view, 'нет такого');
  expect(none.units).toEqual([]);
  expect(none.unmatched).toEqual([]);
  expect(none.matched).toBe(4);
});

test('scores are shown with a Russian comma; names are collected by id', () => {
  expect(formatScore(7.46)).toBe('7,5');
  expect(formatScore(8)).toBe('8');
  expect(formatScore(undefined)).toBe('0');
  const names = collectNames(view);
  expect(names.get('НТ-2')).toBe('Орлов Пётр');
  expect(names.get('НС-5')).toBe('Фёдоров Глеб');
});

test('a capacity override is a whole number 0–20 and goes into the request', () => {
  const state = setCapacity(setCapacity(empty, 'НТ-1', 3.6), 'НТ-2', 99);
  expect(state.capacity).toEqual({ 'НТ-1': 4, 'НТ-2': 20 });
  expect(request(state).capacityOverrides).toEqual({ 'НТ-1': 4, 'НТ-2': 20 });
  expect(setCapacity(empty, 'НТ-1', 'много')).toBe(empty);
});

test('the kept settings are the starting state; a confirmed unit is never turned into locks of the panel', () => {
  const kept = {
    ...view,
    settings: {
      weights: { subject: 2 },
      locks: [],
      exclusions: [{ menteeId: 'НС-4', mentorId: 'НТ-3' }],
      capacityOverrides: { 'НТ-2': 3 },
    },
    draft: true,
  };
  expect(initialState(kept)).toEqual({
    weights: { requests: 8, subject: 2 },
    locks: [],
    exclusions: [{ menteeId: 'НС-4', mentorId: 'НТ-3' }],
    capacity: { 'НТ-2': 3 },
  });
  // A view without settings (an older server): locked mentees of confirmed units stay the server's.
  const confirmed = { ...view, units: [{ ...view.units[0], confirmed: true }, view.units[1]] };
  const { settings: _unused, ...legacy } = confirmed;
  expect(initialState(legacy as PairingView).locks).toEqual([]);
});
