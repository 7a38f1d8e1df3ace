/**
 * Issue 17.3 through the sidebar's API on the demo school: confirmed pairs are fixed and shown as
 * confirmed (no warnings about themselves), the panel's edits survive a reload until saved or
 * discarded, and saved proposals keep their IDs.
 */
import { openWorkspace, type Workspace } from '../../workspace/workspace';
import type { PairingRequest, PairingView } from '../../src/contract/serverApi';
import { columnOf, NOW, records, useDemoSchool } from './workspace';
import { api } from './api';

const PAIRS = 'Пары и группы';
const demo = useDemoSchool('pairing-draft');

/** The workspace saved and opened again from its folder: what a reload of the page sees. */
async function reload(ws: Workspace): Promise<Workspace> {
  await ws.save();
  return openWorkspace({ dir: ws.dir, now: NOW });
}

const unitOf = (view: PairingView, menteeId: string) =>
  view.units.find((u) => u.mentees.some((m) => m.id === menteeId));

describe('confirmed pairs', () => {
  test('«Подобрать» right after opening warns about nothing; confirmed units show as confirmed, with their IDs', async () => {
    const ws = await demo();
    const confirmed = records(ws, PAIRS).filter((r) => r['Статус'] === 'утверждено');
    expect(confirmed.length).toBeGreaterThan(0);
    const opened = api(ws, 'proposePairs');
    // What the panel sends back on «Подобрать»: its settings, and (as the old panel did) the locked mentees.
    const locks = opened.units.flatMap((u) =>
      u.mentees.filter((m) => m.locked).map((m) => ({ menteeId: m.id, mentorId: u.mentorId })),
    );
    const again = api(ws, 'proposePairs', { ...opened.settings, locks });
    expect(again.rejectedLocks).toEqual([]);
    // What the panel sends: every weight spelled out, nothing changed — not an unsaved draft.
    const weights = Object.fromEntries(opened.weights.map((w) => [w.key, w.value]));
    const plain = api(ws, 'proposePairs', { ...opened.settings, weights });
    expect(plain.draft).toBe(false);
    expect(plain.rejectedLocks).toEqual([]);
    for (const row of confirmed) {
      const unit = again.units.find((u) => u.pairId === row.ID)!;
      expect(unit).toMatchObject({ confirmed: true, mentorId: row['ID наставника'] });
      expect(unit.mentees.map((m) => m.id)).toEqual(row['ID наставляемых'].split('; '));
    }
  });

  test('a confirmed pair stays a confirmed pair on reopening: no mentee added, an excluded teacher not pulled back in', async () => {
    let ws = await demo();
    const row = records(ws, PAIRS).find((r) => r['Статус'] === 'утверждено' && r['Вид'] === 'пара')!;
    // Give the confirmed pair's mentor room for more and exclude another mentee from them.
    const view = api(ws, 'proposePairs');
    const other = view.units.find((u) => !u.confirmed)!;
    const request: PairingRequest = {
      ...view.settings,
      capacityOverrides: { [row['ID наставника']]: 5 },
      exclusions: [{ menteeId: other.mentees[0].id, mentorId: other.mentorId }],
    };
    ws.run('keepPairingDraft', request);
    ws = await reload(ws);
    const reopened = api(ws, 'proposePairs');
    const unit = reopened.units.find((u) => u.pairId === row.ID)!;
    expect(unit.confirmed).toBe(true);
    expect(unit.kind).toBe('пара');
    expect(unit.mentees.map((m) => m.id)).toEqual([row['ID наставляемых']]);
    expect(unitOf(reopened, other.mentees[0].id)?.mentorId).not.toBe(other.mentorId);
  });
});

describe('the panel’s edits are kept until saved or discarded', () => {
  test('exclusions and places survive a reload; «Отменить изменения» returns to the saved settings', async () => {
    let ws = await demo();
    const view = api(ws, 'proposePairs');
    expect(view.draft).toBe(false);
    const [a, b] = view.units.filter((u) => !u.confirmed);
    const request: PairingRequest = {
      weights: { subject: 9 },
      locks: [],
      exclusions: [{ menteeId: a.mentees[0].id, mentorId: a.mentorId }],
      capacityOverrides: { [b.mentorId]: 0 },
    };
    expect(ws.run('keepPairingDraft', request)).toBe(true);
    ws = await reload(ws);
    const reopened = api(ws, 'proposePairs');
    expect(reopened.draft).toBe(true);
    expect(reopened.settings).toEqual(request);
    expect(reopened.names[a.mentees[0].id]).toBe(a.mentees[0].name);
    expect(unitOf(reopened, a.mentees[0].id)?.mentorId).not.toBe(a.mentorId);
    expect(reopened.units.find((u) => u.mentorId === b.mentorId)).toBeUndefined();
    // «Подобрать» with other settings keeps those as the draft.
    const changed = { ...request, weights: { subject: 1 } };
    ws.run('proposePairs', changed);
    expect(api(ws, 'proposePairs').settings).toEqual(changed);

    const discarded = api(ws, 'discardPairingDraft');
    expect(discarded.draft).toBe(false);
    expect(discarded.settings.exclusions).toEqual([]);
    expect(discarded).toEqual(view);
    ws = await reload(ws);
    expect(ws.run('proposePairs')).toEqual(view);
  });

  test('«Сохранить» makes the draft the saved settings: reopening shows what was saved', async () => {
    let ws = await demo();
    const view = api(ws, 'proposePairs');
    const a = view.units.find((u) => !u.confirmed)!;
    const request: PairingRequest = {
      weights: {},
      locks: [],
      exclusions: [{ menteeId: a.mentees[0].id, mentorId: a.mentorId }],
      capacityOverrides: {},
    };
    ws.run('keepPairingDraft', request);
    ws.run('savePairs', request);
    ws = await reload(ws);
    const reopened = api(ws, 'proposePairs');
    expect(reopened.draft).toBe(false);
    expect(reopened.settings).toEqual(request);
    const saved = records(ws, PAIRS).filter((r) => r['Статус'] === 'предложено');
    // Every saved proposal is on the panel under its ID.
    for (const row of saved) {
      const unit = reopened.units.find((u) => u.pairId === row.ID)!;
      expect(unit.mentees.map((m) => m.id).join('; ')).toBe(row['ID наставляемых']);
    }
  });
});

describe('stable IDs', () => {
  test('a unit saved before keeps its ID; a new one gets a number after the largest ever issued, never a freed one', async () => {
    const ws = await demo();
    const key = (r: Record<string, string>) => `${r['ID наставника']}|${r['ID наставляемых']}`;
    const num = (id: string) => Number(id.replace(/^ПГ-/, ''));
    const view = api(ws, 'proposePairs', {});
    const moved = view.units.find(
      (u) => !u.confirmed && u.mentees.length === 1 && u.mentees[0].alternatives.some((x) => !x.current),
    )!;
    const to = moved.mentees[0].alternatives.find((x) => !x.current)!;
    const lock = { locks: [{ menteeId: moved.mentees[0].id, mentorId: to.mentorId }] };
    let previous = records(ws, PAIRS);
    const seen = new Set(previous.map((r) => r.ID));
    let largest = Math.max(...previous.map((r) => num(r.ID)));
    // Save as it is (twice), confirm a proposal in the middle, move a mentee, move them back, move
    // again: IDs of unchanged units stay.
    const steps: Array<Record<string, unknown> | 'confirm'> = [{}, {}, 'confirm', {}, lock, {}, lock];
    for (const request of steps) {
      if (request === 'confirm') {
        const rows = records(ws, PAIRS);
        const middle = rows.findIndex((r, i) => r['Статус'] === 'предложено' && i > rows.length / 2);
        ws.edit(PAIRS, `${columnOf(ws, PAIRS, 'Статус')}${middle + 2}`, 'утверждено');
        previous = records(ws, PAIRS);
        continue;
      }
      ws.run('savePairs', request);
      const rows = records(ws, PAIRS);
      expect(new Set(rows.map((r) => r.ID)).size).toBe(rows.length);
      for (const row of rows) {
        const old = previous.find((r) => key(r) === key(row));
        if (old) expect(row.ID).toBe(old.ID);
        if (!seen.has(row.ID)) expect(num(row.ID)).toBeGreaterThan(largest);
      }
      for (const row of rows) seen.add(row.ID);
      largest = Math.max(largest, ...rows.map((r) => num(r.ID)));
      previous = rows;
    }
  });
});
