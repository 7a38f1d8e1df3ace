import type { PairingView } from '../../src/contract/serverApi';
import { columnOf, records, ROADMAP, setUpWorkspace, useDemoSchool } from './workspace';
import { api } from './api';

const PAIRS = 'Пары и группы';

/** The demo school: seeded once, a fresh copy for each test. */
const demo = useDemoSchool('pairing');

describe('«Подбор пар» on the demo banks', () => {
  test('a proposal: every mentee matched or listed with a reason, capacities kept, explanations in Russian', async () => {
    const ws = await demo();
    const view = api(ws, 'proposePairs', {});
    const placed = view.units.flatMap((u) => u.mentees.map((m) => m.id));
    expect(placed.length + view.unmatched.length).toBe(view.mentees);
    expect(new Set(placed).size).toBe(placed.length);
    expect(view.matched).toBe(placed.length);
    const capacity = Object.fromEntries(
      records(ws, 'Наставники').map((r) => [r.ID, Number(r['Наставляемых, не более'])]),
    );
    for (const unit of view.units) {
      expect(unit.mentees.length).toBeLessThanOrEqual(capacity[unit.mentorId]);
      expect(unit.kind).toBe(unit.mentees.length > 1 ? 'группа' : 'пара');
      expect(unit.explanation).toMatch(/[а-я]/);
    }
    expect(view.unmatched.every((u) => u.reason.length > 0)).toBe(true);
    expect(view.coverage.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  test('locks and exclusions hold across re-runs', async () => {
    const ws = await demo();
    const first = api(ws, 'proposePairs', {});
    // The demo has three confirmed units; take proposals the methodologist may still change.
    const [unit, other] = first.units.filter((u) => !u.confirmed);
    const mentee = unit.mentees[0];
    // Lock the first mentee to another mentor, exclude the second unit's pair.
    const lockTo = mentee.alternatives.find((a) => !a.current)!;
    const request = {
      locks: [{ menteeId: mentee.id, mentorId: lockTo.mentorId }],
      exclusions: [{ menteeId: other.mentees[0].id, mentorId: other.mentorId }],
    };
    const second = api(ws, 'proposePairs', request);
    const unitOf = (view: PairingView, id: string) => view.units.find((u) => u.mentees.some((m) => m.id === id));
    expect(unitOf(second, mentee.id)!.mentorId).toBe(lockTo.mentorId);
    expect(unitOf(second, mentee.id)!.mentees.find((m) => m.id === mentee.id)!.locked).toBe(true);
    expect(unitOf(second, other.mentees[0].id)?.mentorId).not.toBe(other.mentorId);
    expect(ws.run('proposePairs', request)).toEqual(second);
  });

  test('«Сохранить» writes «Пары и группы» once, however often; confirmed pairs are kept; statuses follow', async () => {
    const ws = await demo();
    const confirmedBefore = records(ws, PAIRS).filter((r) => r['Статус'] === 'утверждено');
    expect(confirmedBefore).toHaveLength(3);
    ws.run('savePairs', {});
    ws.run('savePairs', {});
    const rows = records(ws, PAIRS);
    const ids = rows.flatMap((r) => r['ID наставляемых'].split('; '));
    expect(new Set(ids).size).toBe(ids.length);
    const view = api(ws, 'proposePairs', {});
    expect(new Set(ids)).toEqual(new Set(view.units.flatMap((u) => u.mentees.map((m) => m.id))));
    expect(rows.filter((r) => r['Статус'] === 'утверждено')).toEqual(confirmedBefore);
    const proposed = rows.find((r) => r['Статус'] === 'предложено')!;
    expect(proposed).toMatchObject({ Начало: '01.09.2026', Окончание: '31.05.2027' });
    const paired = new Set(ids);
    for (const r of records(ws, 'Наставляемые')) expect(r['Статус']).toBe(paired.has(r.ID) ? 'в паре' : 'новый');
    // Confirm a proposed pair, then save with an exclusion of exactly that pair: it stays.
    const rowNumber = rows.indexOf(proposed) + 2;
    ws.edit(PAIRS, `${columnOf(ws, PAIRS, 'Статус')}${rowNumber}`, 'утверждено');
    const confirmed = records(ws, PAIRS)[rowNumber - 2];
    ws.run('savePairs', {
      exclusions: [{ menteeId: confirmed['ID наставляемых'].split('; ')[0], mentorId: confirmed['ID наставника'] }],
    });
    expect(records(ws, PAIRS).filter((r) => r.ID === confirmed.ID)).toEqual([confirmed]);
    expect(records(ws, ROADMAP).find((r) => r['№'] === '5.1')!['Статус']).toBe('В работе');
  });

  test('bad requests get a clear Russian error', async () => {
    const ws = await demo();
    expect(() => ws.run('proposePairs', { weights: { requests: 50 } })).toThrow('должен быть числом от 0 до 10');
    expect(() => ws.run('proposePairs', { locks: [{ menteeId: 1 }] })).toThrow('Неверный список «закреплённые пары»');
  });

  test('without mentees it says to collect the questionnaires first', async () => {
    const ws = await setUpWorkspace();
    expect(() => ws.run('proposePairs', {})).toThrow('Сначала соберите анкеты');
  });

  test('«Подобрать» costs the same number of calls for the demo bank and a bank twice as big', async () => {
    const ws = await demo();
    ws.resetCalls();
    ws.run('proposePairs', {});
    const small = ws.calls().total;
    const big = await demo();
    const mentee = ws.forms()[0];
    for (let i = 0; i < 40; i++) {
      const answers = Object.fromEntries(
        mentee.items.map((item) => [item.title, item.choices.length ? [item.choices[0]] : '3']),
      );
      answers['Фамилия, имя, отчество'] = `Учитель ${i}`;
      answers[mentee.items.find((it) => it.type === 'LIST')!.title] = mentee.items.find(
        (it) => it.type === 'LIST',
      )!.choices[0];
      for (const item of mentee.items.filter((it) => it.type === 'MULTIPLE_CHOICE'))
        answers[item.title] = item.choices[0];
      big.submitForm(mentee.title, answers, { email: `extra${i}@school2.example` });
    }
    big.resetCalls();
    big.run('proposePairs', {});
    expect(big.calls().total).toBe(small);
  });
});

describe('consent withdrawn after pairing', () => {
  test('the person disappears from «Пары и группы» too; the pair keeps its ids', async () => {
    const ws = await demo();
    const pair = records(ws, PAIRS)[0];
    const menteeId = pair['ID наставляемых'].split('; ')[0];
    const mentee = records(ws, 'Наставляемые').find((r) => r.ID === menteeId)!;
    const withdrawal = ws.forms().find((f) => f.title === 'Отзыв согласия')!;
    const confirm = withdrawal.items.find((i) => i.type === 'CHECKBOX')!;
    ws.submitForm('Отзыв согласия', { [confirm.title]: [confirm.choices[0]] }, { email: mentee.Email });
    const after = records(ws, PAIRS)[0];
    expect(after['ID наставляемых']).toBe(pair['ID наставляемых']);
    expect(after['Наставляемые']).not.toContain(mentee['ФИО']);
    expect(after['Наставляемые']).toContain('Отозвано согласие');
    const everything = ws
      .sheetNames()
      .flatMap((n) => ws.values(n)!)
      .flat()
      .join('\n');
    expect(everything).not.toContain(mentee.Email);
  });
});

describe('capacity override', () => {
  test('a mentor given more places by the methodologist takes more mentees', async () => {
    const ws = await demo();
    const first = api(ws, 'proposePairs', {});
    // Only a mentor who offered group work may take more than one (issue 17.4).
    const forms = Object.fromEntries(records(ws, 'Наставники').map((r) => [r.ID, r['Формы']]));
    const unit = first.units.find((u) => !u.confirmed && forms[u.mentorId].includes('Групповая'))!;
    expect(first.unmatched.length).toBeGreaterThan(0);
    const places = unit.mentees.length + 2;
    const wider = api(ws, 'proposePairs', { capacityOverrides: { [unit.mentorId]: places } });
    const after = wider.units.find((u) => u.mentorId === unit.mentorId)!;
    expect(after.capacity).toBe(places);
    expect(after.mentees.length).toBeGreaterThan(unit.mentees.length);
    expect(() => ws.run('proposePairs', { capacityOverrides: { [unit.mentorId]: -1 } })).toThrow('целым от 0 до 20');
  });
});

describe('staff rows in «Пары и группы»', () => {
  test('a row staff typed by hand survives «Сохранить»', async () => {
    const ws = await demo();
    const last = ws.values(PAIRS)!.length + 1;
    ws.edit(PAIRS, `C${last}`, 'Наставник из другой школы (по договору)');
    ws.run('savePairs', {});
    expect(ws.values(PAIRS)!.flat()).toContain('Наставник из другой школы (по договору)');
  });
});

describe('the form of mentoring (issue 17.4)', () => {
  test('no mentor who offered only pairs has a group, on the panel or the sheet; every unmet wish is named with the reason', async () => {
    const ws = await demo();
    const mentors = records(ws, 'Наставники');
    const onlyPairs = new Set(mentors.filter((r) => r['Формы'] === 'Индивидуальная (пара)').map((r) => r.ID));
    const onlyGroups = new Set(mentors.filter((r) => r['Формы'] === 'Групповая').map((r) => r.ID));
    expect(onlyPairs.size).toBeGreaterThan(0);
    const wish = Object.fromEntries(records(ws, 'Наставляемые').map((r) => [r.ID, r['Форма']]));
    for (const request of [{}, { capacityOverrides: Object.fromEntries([...onlyPairs].map((id) => [id, 5])) }]) {
      const view = api(ws, 'proposePairs', request);
      for (const unit of view.units) {
        if (onlyPairs.has(unit.mentorId)) expect(unit.mentees).toHaveLength(1);
        if (onlyGroups.has(unit.mentorId)) expect(unit.mentees.length).toBeGreaterThan(1);
        for (const m of unit.mentees) {
          const met =
            (wish[m.id] === 'Индивидуальная (пара)' && unit.mentees.length === 1) ||
            (wish[m.id] === 'Групповая' && unit.mentees.length > 1) ||
            wish[m.id] === '';
          if (!met) {
            expect(m.explanation).toMatch(
              new RegExp(`^не учтено пожелание «${wish[m.id].replace(/[()]/g, '\\$&')}»: [а-я]`),
            );
          } else {
            expect(m.explanation).not.toContain('не учтено пожелание');
          }
        }
      }
      expect(view.matched).toBeGreaterThan(0);
    }
    ws.run('savePairs', {});
    for (const row of records(ws, 'Пары и группы')) {
      if (onlyPairs.has(row['ID наставника'])) expect(row['Вид']).toBe('пара');
    }
  });
});
