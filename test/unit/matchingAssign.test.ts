import { assign, greedyAssign } from '../../src/domain/matching';

import { rng } from './seededRandom';

type Score = (number | null)[][];

/** Every assignment (each mentee: -1 or an allowed mentor with room): the best (matched, total). */
function bruteForce(score: Score, capacity: number[]): { matched: number; total: number } {
  const n = score.length;
  const left = capacity.slice();
  let best = { matched: -1, total: -1 };
  const visit = (i: number, matched: number, total: number): void => {
    if (i === n) {
      if (matched > best.matched || (matched === best.matched && total > best.total + 1e-9)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, total);
    for (let j = 0; j < capacity.length; j++) {
      const s = score[i][j];
      if (s === null || left[j] === 0) continue;
      left[j]--;
      visit(i + 1, matched + 1, total + s);
      left[j]++;
    }
  };
  visit(0, 0, 0);
  return best;
}

function randomInstance(random: () => number, maxN: number, maxM: number, maxCap: number) {
  const n = Math.floor(random() * (maxN + 1));
  const m = Math.floor(random() * (maxM + 1));
  const nullRate = random() * 0.7;
  // Few distinct values → many ties.
  const values = 1 + Math.floor(random() * 6);
  const capacity = Array.from({ length: m }, () => Math.floor(random() * (maxCap + 1)));
  const score: Score = Array.from({ length: n }, () =>
    Array.from({ length: m }, () => (random() < nullRate ? null : Math.floor(random() * values) * 2)),
  );
  return { score, capacity };
}

/** The assignment is feasible, and matched / total agree with it. */
function checkFeasible(score: Score, capacity: number[], result: ReturnType<typeof assign>): void {
  expect(result.assignment).toHaveLength(score.length);
  const load = new Array<number>(capacity.length).fill(0);
  let matched = 0;
  let total = 0;
  result.assignment.forEach((j, i) => {
    if (j === -1) return;
    expect(Number.isInteger(j) && j >= 0 && j < capacity.length).toBe(true);
    expect(score[i][j]).not.toBeNull();
    load[j]++;
    matched++;
    total += score[i][j] as number;
  });
  load.forEach((l, j) => expect(l).toBeLessThanOrEqual(capacity[j]));
  expect(result.matched).toBe(matched);
  expect(result.total).toBeCloseTo(total, 9);
}

describe('assign: the optimum', () => {
  test('equals brute force on 1 500 small random instances (capacities 0–3, nulls, ties)', () => {
    const random = rng(20261125);
    for (let k = 0; k < 1500; k++) {
      const { score, capacity } = randomInstance(random, 6, 4, 3);
      const result = assign(score, capacity);
      checkFeasible(score, capacity, result);
      const best = bruteForce(score, capacity);
      expect({ k, matched: result.matched, total: result.total }).toEqual({ k, ...best });
    }
  });

  test('equals brute force with decimal scores', () => {
    const random = rng(7);
    for (let k = 0; k < 300; k++) {
      const { score, capacity } = randomInstance(random, 5, 4, 2);
      const decimals = score.map((row) => row.map((s) => (s === null ? null : s + Math.round(random() * 100) / 100)));
      const result = assign(decimals, capacity);
      checkFeasible(decimals, capacity, result);
      const best = bruteForce(decimals, capacity);
      expect(result.matched).toBe(best.matched);
      expect(result.total).toBeCloseTo(best.total, 9);
    }
  });

  test('one more match beats any gain in score', () => {
    // Mentee 0 alone with mentor 0 scores 100; matching both needs mentee 0 on mentor 1 (score 0).
    const result = assign(
      [
        [100, 0],
        [1, null],
      ],
      [1, 1],
    );
    expect(result).toEqual({ assignment: [1, 0], matched: 2, total: 1 });
  });

  test('a better-scoring later mentee takes the only place', () => {
    expect(assign([[1], [5]], [1])).toEqual({ assignment: [-1, 0], matched: 1, total: 5 });
  });

  test('capacities fill a mentor with several mentees', () => {
    const result = assign(
      [
        [9, 1],
        [8, 1],
        [7, 1],
      ],
      [2, 3],
    );
    expect(result).toEqual({ assignment: [0, 0, 1], matched: 3, total: 18 });
  });

  test('empty inputs', () => {
    expect(assign([], [])).toEqual({ assignment: [], matched: 0, total: 0 });
    expect(assign([], [3, 1])).toEqual({ assignment: [], matched: 0, total: 0 });
    expect(assign([[], []], [])).toEqual({ assignment: [-1, -1], matched: 0, total: 0 });
    expect(assign([[null, null]], [1, 1])).toEqual({ assignment: [-1], matched: 0, total: 0 });
    expect(assign([[5, 5]], [0, 0])).toEqual({ assignment: [-1], matched: 0, total: 0 });
  });

  test('zero scores still count as matches', () => {
    expect(assign([[0], [0]], [2])).toEqual({ assignment: [0, 0], matched: 2, total: 0 });
  });
});

describe('assign: properties against the greedy baseline', () => {
  test('never fewer matches than greedy; when equal, never a lower total', () => {
    const random = rng(42);
    let strictlyBetter = 0;
    for (let k = 0; k < 400; k++) {
      const { score, capacity } = randomInstance(random, 30, 12, 4);
      const best = assign(score, capacity);
      const greedy = greedyAssign(score, capacity);
      checkFeasible(score, capacity, best);
      checkFeasible(score, capacity, greedy);
      expect(best.matched).toBeGreaterThanOrEqual(greedy.matched);
      if (best.matched === greedy.matched) expect(best.total).toBeGreaterThanOrEqual(greedy.total);
      if (best.matched > greedy.matched || best.total > greedy.total) strictlyBetter++;
    }
    // The test would be vacuous if greedy were always optimal on these instances.
    expect(strictlyBetter).toBeGreaterThan(20);
  });

  test('deterministic: the same input gives the same assignment, and the input is not changed', () => {
    const random = rng(99);
    for (let k = 0; k < 50; k++) {
      const { score, capacity } = randomInstance(random, 40, 15, 4);
      const copy = JSON.stringify({ score, capacity });
      const a = assign(score, capacity);
      const b = assign(JSON.parse(copy).score, JSON.parse(copy).capacity);
      expect(b).toEqual(a);
      expect(JSON.stringify({ score, capacity })).toBe(copy);
    }
  });

  test('ties go to the lower mentor index', () => {
    expect(assign([[3, 3, 3]], [1, 1, 1]).assignment).toEqual([0]);
    expect(assign([[3, 3, 3]], [0, 1, 1]).assignment).toEqual([1]);
  });

  // Speed is measured side by side with scipy in `npm run bench`, never here.
  test('2 000 mentees × 667 mentors, capacities 1–4: feasible, and every place that can be filled is', () => {
    const random = rng(2000);
    const n = 2000;
    const m = 667;
    const capacity = Array.from({ length: m }, () => 1 + Math.floor(random() * 4));
    const score: Score = Array.from({ length: n }, () =>
      Array.from({ length: m }, () => (random() < 0.2 ? null : Math.floor(random() * 101))),
    );
    const result = assign(score, capacity);
    checkFeasible(score, capacity, result);
    expect(result.matched).toBe(
      Math.min(
        n,
        capacity.reduce((a, b) => a + b, 0),
      ),
    );
  });
});

describe('assign: invalid input', () => {
  test.each([
    [[[1, 2, 3, 4]], [1, 1, 1, 1, 1], 'score row 0 has 4 columns, expected 5'],
    [[[1], [2, 3]], [1], 'score row 1 has 2 columns, expected 1'],
    [[[1], [-1]], [1], 'score[1][0] is negative'],
    [[[Number.NaN]], [1], 'score[0][0] is NaN'],
    [[[Infinity]], [1], 'score[0][0] is not finite'],
    [[['5']], [1], 'score[0][0] is not a number or null'],
    [[[undefined]], [1], 'score[0][0] is not a number or null'],
    [[[1]], [Number.NaN], 'capacity[0] is NaN'],
    [[[1]], [-1], 'capacity[0] is negative'],
    [[[1]], [1.5], 'capacity[0] is not a whole number: 1.5'],
    [[[1]], ['2'], 'capacity[0] is not a number'],
    [[1], [1], 'score row 0 is not an array'],
    ['x', [1], 'score must be an array of rows'],
    [[[1]], null, 'capacity must be an array'],
  ])('%j with capacity %j → %s', (score, capacity, message) => {
    expect(() => assign(score as unknown as Score, capacity as unknown as number[])).toThrow(message);
  });
});
