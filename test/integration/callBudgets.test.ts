/**
 * What a status typed on «Дорожная карта» costs its simple trigger on the demo school (issue 18): it
 * stamps today's date and updates «Сводка» within 15 service calls. The other events' budgets are
 * asserted beside their features: formAnswerBudget (≤ 25), savePairsBudget (≤ 80), documentsBudget
 * (≤ 25 per document); `npm run bench` prints them all in its budget table.
 */
import type { Workspace } from '../../workspace/workspace';
import { cellOf, ROADMAP, useDemoSchool } from './workspace';

const BUDGET = 15;
const demo = useDemoSchool('call-budgets');

function callsOf(ws: Workspace, event: () => void): number {
  ws.resetCalls();
  event();
  return ws.calls().total;
}

describe('a status typed on «Дорожная карта»', () => {
  test('«Выполнено» stamps today and updates «Сводка» within 15 calls; another status too', async () => {
    const ws = await demo();
    expect(callsOf(ws, () => ws.edit(ROADMAP, cellOf(ws, 'Статус', '6.1'), 'Выполнено'))).toBeLessThanOrEqual(BUDGET);
    expect(ws.values(ROADMAP)!.find((row) => row[0] === '6.1')).toContain('25.11.2026');
    const total = ws.values('Сводка')!.find((row) => row[1] === 'Итого')!;
    expect(callsOf(ws, () => ws.edit(ROADMAP, cellOf(ws, 'Статус', '6.2'), 'В работе'))).toBeLessThanOrEqual(BUDGET);
    expect(ws.values('Сводка')!.find((row) => row[1] === 'Итого')![4]).toBe(String(Number(total[4]) + 1));
  });
});
