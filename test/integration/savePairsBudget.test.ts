/**
 * Issue 18: «Сохранить» in «Подбор пар» is one sidebar round trip, within 80 service calls on the demo
 * school whatever the panel sends (the calls do not grow with the number of people: bench/run.mjs),
 * and «Подобрать» stays as cheap as it was.
 */
import type { PairingRequest } from '../../src/contract/serverApi';
import { records, useDemoSchool } from './workspace';
import { api } from './api';

const PAIRS = 'Пары и группы';
const SAVE_BUDGET = 80;
const PROPOSE_BUDGET = 24;
const demo = useDemoSchool('save-pairs-budget');

describe('«Подбор пар» within its call budget on the demo school', () => {
  test('«Подобрать» and «Сохранить» with the panel as opened', async () => {
    const ws = await demo();
    ws.resetCalls();
    const view = api(ws, 'proposePairs', {});
    expect(ws.calls().total).toBeLessThanOrEqual(PROPOSE_BUDGET);
    ws.resetCalls();
    ws.run('savePairs', {});
    const save = ws.calls();
    expect(save.total).toBeLessThanOrEqual(SAVE_BUDGET);
    // Summary refresh is left to the menu, the sidebar or the clock: «Сводка» is not rebuilt here.
    expect(save.byMethod['Sheet.getCharts'] ?? 0).toBe(0);
    // Units the panel showed with an ID keep it; a new unit gets the next one at saving.
    const proposed = records(ws, PAIRS).filter((r) => r['Статус'] === 'предложено');
    const shown = view.units.filter((u) => !u.confirmed);
    expect(proposed).toHaveLength(shown.length);
    expect(proposed.map((r) => r.ID)).toEqual(expect.arrayContaining(shown.map((u) => u.pairId).filter(Boolean)));
  });

  test('«Сохранить» with an edited draft, as the sidebar sends it: the lock is saved and the draft becomes the saved settings', async () => {
    const ws = await demo();
    const view = api(ws, 'proposePairs', {});
    const unit = view.units.find((u) => !u.confirmed && u.mentees.some((m) => m.alternatives.some((a) => !a.current)))!;
    const mentee = unit.mentees.find((m) => m.alternatives.some((a) => !a.current))!;
    const other = mentee.alternatives.find((a) => !a.current)!;
    // The panel sends every weight spelled out; one is moved, one mentee locked to another mentor.
    const request: PairingRequest = {
      ...view.settings,
      weights: Object.fromEntries(view.weights.map((w, i) => [w.key, i === 0 ? 9 : w.value])),
      locks: [{ menteeId: mentee.id, mentorId: other.mentorId }],
    };
    ws.run('keepPairingDraft', request);
    ws.resetCalls();
    ws.run('savePairs', request);
    const save = ws.calls();
    expect(save.total).toBeLessThanOrEqual(SAVE_BUDGET);
    const row = records(ws, PAIRS).find((r) => r['ID наставляемых'].split('; ').includes(mentee.id))!;
    expect(row['ID наставника']).toBe(other.mentorId);
    expect(api(ws, 'proposePairs').draft).toBe(false);
  });
});
