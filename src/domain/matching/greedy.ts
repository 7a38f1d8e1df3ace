/**
 * A greedy baseline for the benchmark and the property tests: take the allowed pairs from the highest
 * score down (ties by mentee index, then mentor index) and keep a pair when the mentee is still free
 * and the mentor has room. Not used by the add-on: it can match fewer mentees and score less than
 * `assign`, which is the case for the optimal solver.
 */
import type { Assignment } from './assign';

export function greedyAssign(
  score: ReadonlyArray<ReadonlyArray<number | null>>,
  capacity: readonly number[],
): Assignment {
  const n = score.length;
  const m = capacity.length;
  const pairs: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) if (score[i][j] !== null && capacity[j] > 0) pairs.push(i * m + j);
  }
  const value = (p: number) => score[Math.floor(p / m)][p % m] as number;
  pairs.sort((a, b) => value(b) - value(a) || a - b);
  const left = capacity.slice();
  const assignment = new Array<number>(n).fill(-1);
  let matched = 0;
  let total = 0;
  for (const p of pairs) {
    const i = Math.floor(p / m);
    const j = p % m;
    if (assignment[i] >= 0 || left[j] === 0) continue;
    assignment[i] = j;
    left[j]--;
    matched++;
    total += value(p);
  }
  return { assignment, matched, total };
}
