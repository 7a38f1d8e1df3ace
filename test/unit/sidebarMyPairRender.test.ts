/**
 * @jest-environment ./test/unit/happyDomEnvironment.ts
 *
 * «Моя пара» rendered in a happy-dom page with @testing-library/preact (sidebarHarness): the notice why the
 * curator's panels are closed, the person's pair with its program and meetings, the empty case, and
 * HTML in names shown as text.
 */
import { screen } from '@testing-library/preact';
import type { MyPairView } from '../../src/contract/serverApi';
import { boot, settle } from './sidebarHarness';

const EVIL = '<img src=x onerror=alert(1)>';

const view = (over: Partial<MyPairView> = {}): MyPairView => ({
  email: 'petrova@school2.example',
  manages: false,
  notice: 'Подбор пар, программы, документы и рассылки ведут сотрудники, чьи адреса указаны на листе «Настройки».',
  empty: '',
  pairs: [
    {
      pairId: 'ПГ-001',
      kind: 'пара',
      status: 'утверждено',
      role: 'наставник',
      mentorName: 'Петрова Анна Ивановна',
      menteeNames: [`Козлов Павел ${EVIL}`],
      start: '2026-09-01',
      end: '2027-05-31',
      progress: 50,
      activities: [
        { date: '2026-10-06', title: 'Знакомство', status: 'выполнено' },
        { date: '2026-11-10', title: 'Открытый урок', status: 'запланировано' },
      ],
      meetings: [{ date: '2026-10-06', topic: 'План на год', format: 'очно', duration: 45 }],
    },
  ],
  ...over,
});

test('the notice, the pair, its program and meetings; HTML in a name stays text', async () => {
  const { body, calls } = boot('mine', { getMyPair: () => view() });
  await settle();
  expect(calls).toEqual([['getMyPair']]);
  expect(document.title).toBe('Моя пара');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Моя пара');
  const text = body.textContent;
  expect(text).toContain('Подбор пар, программы, документы и рассылки ведут');
  expect(text).toContain('ПГ-001 · пара · вы наставник');
  expect(text).toContain(`Козлов Павел ${EVIL}`);
  expect(text).toContain('Выполнено 50%');
  expect(text).toContain('10.11.2026 — Открытый урок (запланировано)');
  expect(text).toContain('06.10.2026 — План на год (очно)');
  expect(screen.queryByRole('img')).toBeNull();
  expect(body.querySelector('img')).toBeNull();
});

test('nobody’s pair: the reason is shown, no notice for a curator', async () => {
  const empty = view({
    manages: true,
    notice: '',
    pairs: [],
    empty: 'Утверждённой пары или группы с вашим участием пока нет.',
  });
  const { body } = boot('mine', { getMyPair: () => empty });
  await settle();
  expect(body.textContent).toContain('Утверждённой пары или группы с вашим участием пока нет.');
  expect(body.textContent).not.toContain('ведут сотрудники');
});
