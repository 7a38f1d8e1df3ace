import { assign } from '../../src/domain/matching';

import { rng } from './seededRandom';

type Score = (number | null)[][];

/**
 * The reference: every mentor copied `capacity` times into columns plus one "unmatched" column per
 * mentee (as bench/scipy_assign.py does), with the same lexicographic costs, solved by the textbook
 * O(n²·cols) Hungarian method. Returns the best (matched, total).
 */
function slotExpanded(score: Score, capacity: number[]): { matched: number; total: number } {
  const n = score.length;
  if (n === 0) return { matched: 0, total: 0 };
  const owner: number[] = [];
  capacity.forEach((c, j) => {
    for (let k = 0; k < c; k++) owner.push(j);
  });
  let maxScore = 0;
  for (const row of score) for (const s of row) if (s !== null && s > maxScore) maxScore = s;
  const big = (maxScore + 1) * (n + 1);
  const forbidden = 4 * big * (n + 1);
  const cols = owner.length + n;
  const cost = (i: number, c: number): number => {
    if (c >= owner.length) return 2 * big;
    const s = score[i][owner[c]];
    return s === null ? forbidden : big - s;
  };
  // 1-based potentials and matching (p[c]: the row in column c).
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(cols + 1).fill(0);
  const p = new Array<number>(cols + 1).fill(0);
  const way = new Array<number>(cols + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let c0 = 0;
    const minv = new Array<number>(cols + 1).fill(Infinity);
    const used = new Array<boolean>(cols + 1).fill(false);
    do {
      used[c0] = true;
      const i0 = p[c0];
      let delta = Infinity;
      let c1 = 0;
      for (let c = 1; c <= cols; c++) {
        if (used[c]) continue;
        const cur = cost(i0 - 1, c - 1) - u[i0] - v[c];
        if (cur < minv[c]) {
          minv[c] = cur;
          way[c] = c0;
        }
        if (minv[c] < delta) {
          delta = minv[c];
          c1 = c;
        }
      }
      for (let c = 0; c <= cols; c++) {
        if (used[c]) {
          u[p[c]] += delta;
          v[c] -= delta;
        } else {
          minv[c] -= delta;
        }
      }
      c0 = c1;
    } while (p[c0] !== 0);
    do {
      const c1 = way[c0];
      p[c0] = p[c1];
      c0 = c1;
    } while (c0 !== 0);
  }
  let matched = 0;
  let total = 0;
  for (let c = 1; c <= owner.length; c++) {
    if (p[c] === 0) continue;
    const s = score[p[c] - 1][owner[c - 1]];
    if (s === null) throw new Error('the reference used a forbidden pair');
    matched++;
    total += s;
  }
  return { matched, total };
}

function instance(random: () => number, nullRate: number) {
  const n = 1 + Math.floor(random() * 14);
  const m = 1 + Math.floor(random() * 6);
  const values = 1 + Math.floor(random() * 8);
  const capacity = Array.from({ length: m }, () => Math.floor(random() * 4));
  const score: Score = Array.from({ length: n }, () =>
    Array.from({ length: m }, () => (random() < nullRate ? null : Math.floor(random() * values) * 5)),
  );
  return { score, capacity };
}

describe('assign: the capacitated solver against the slot-expanded reference', () => {
  // Mostly allowed pairs take the dense transfer graph, mostly forbidden ones the sparse rows: both run.
  test.each([
    ['mostly allowed pairs', 0.1, 11],
    ['about half forbidden', 0.45, 12],
    ['mostly forbidden pairs', 0.75, 13],
  ])('%s: the same optimum on 600 small random instances', (_name, nullRate, seed) => {
    const random = rng(seed);
    for (let k = 0; k < 600; k++) {
      const { score, capacity } = instance(random, nullRate);
      const result = assign(score, capacity);
      let total = 0;
      const load = new Array<number>(capacity.length).fill(0);
      result.assignment.forEach((j, i) => {
        if (j < 0) return;
        load[j]++;
        total += score[i][j] as number;
      });
      load.forEach((l, j) => expect(l).toBeLessThanOrEqual(capacity[j]));
      expect(total).toBe(result.total);
      expect({ k, matched: result.matched, total: result.total }).toEqual({ k, ...slotExpanded(score, capacity) });
    }
  });
});
