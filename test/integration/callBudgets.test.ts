/**
 * What one event costs in Apps Script service calls on the demo school (issue 18), counted by the
 * emulator as Google would bill them in time: each is within its budget. `npm run bench` prints the
 * same events in its budget table.
 */
import {
  CONSENT_CHOICE,
  DUTIES_YES,
  menteeForm,
  mentorForm,
  type FormDefinition,
} from '../../src/domain/questionnaires';
import type { Workspace } from '../../emulator/workspace';
import { cellOf, ROADMAP, useDemoSchool } from './workspace';

const demo = useDemoSchool('call-budgets');

function byTitle(def: FormDefinition, answers: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(answers).map(([key, v]) => [def.questions.find((q) => q.key === key)!.title, v]),
  );
}

const MENTEE = byTitle(menteeForm({ operator: 'x' }), {
  fullName: 'Новикова Дарья Олеговна',
  position: 'Учитель',
  subjects: ['Математика'],
  experience: '1',
  category: 'Без категории',
  requests: ['Оценивание образовательных результатов'],
  formatKind: 'Индивидуальная (пара)',
  mode: 'Очно',
  consent: [CONSENT_CHOICE],
});

const MENTOR = byTitle(mentorForm({ operator: 'x' }), {
  fullName: 'Лебедев Олег Ильич',
  position: 'Учитель',
  subjects: ['Математика'],
  experience: '21',
  category: 'Высшая',
  competences: ['Оценивание образовательных результатов'],
  capacity: '2',
  formatKinds: ['Индивидуальная (пара)'],
  mode: 'Очно',
  dutiesConsent: DUTIES_YES,
  consent: [CONSENT_CHOICE],
});

/** Service calls of one event, after whatever `prepare` sets up. */
function callsOf(ws: Workspace, event: () => void): number {
  ws.resetCalls();
  event();
  return ws.calls().total;
}

describe('service calls per event on the demo school', () => {
  test('a status typed on «Дорожная карта» (onEdit, with today stamped and «Сводка» updated): ≤ 15', async () => {
    const ws = await demo();
    expect(callsOf(ws, () => ws.edit(ROADMAP, cellOf(ws, 'Статус', '6.1'), 'Выполнено'))).toBeLessThanOrEqual(15);
    expect(ws.values(ROADMAP)!.find((row) => row[0] === '6.1')).toContain('25.11.2026');
    expect(callsOf(ws, () => ws.edit(ROADMAP, cellOf(ws, 'Статус', '6.2'), 'В работе'))).toBeLessThanOrEqual(15);
  });

  test('one questionnaire answer (the form-submit trigger): ≤ 25 for a mentee and for a mentor', async () => {
    const ws = await demo();
    expect(
      callsOf(ws, () => ws.submitForm('Анкета наставляемого', MENTEE, { email: 'novikova@school2.example' })),
    ).toBeLessThanOrEqual(25);
    expect(
      callsOf(ws, () => ws.submitForm('Анкета наставника', MENTOR, { email: 'lebedev@school2.example' })),
    ).toBeLessThanOrEqual(25);
    const banks = [ws.values('Наставляемые')!, ws.values('Наставники')!].map((rows) => rows.flat().join(' '));
    expect(banks[0]).toContain('Новикова Дарья Олеговна');
    expect(banks[1]).toContain('Лебедев Олег Ильич');
  });

  test('«Сохранить» in «Подбор пар»: ≤ 80', async () => {
    const ws = await demo();
    const view = ws.run('proposePairs', {}) as { units: unknown[] };
    expect(callsOf(ws, () => ws.run('savePairs', {}))).toBeLessThanOrEqual(80);
    expect(ws.values('Пары и группы')!.length - 1).toBe(view.units.length);
  });
});
