/**
 * The optimal assignment of mentees to mentors with capacities: maximise the number of matched
 * mentees first, then the total score.
 *
 * Model: a transportation problem. Rows are mentees (supply 1 each), columns are the mentors (supply
 * `capacity[j]`) plus one "unmatched" column with room for everybody, so every row always has a place.
 * Costs make the objective lexicographic:
 *
 *   cost(i, j)         = BIG − score[i][j]            (an allowed pair)
 *   cost(i, unmatched) = 2·BIG
 *   BIG                = (maxScore + 1)·(n + 1)
 *
 * A solution with k matched mentees costs 2·n·BIG − k·BIG − total. Any total lies in [0, n·maxScore],
 * which is < BIG, so one more match always outweighs any gain in score, and among solutions with the
 * most matches the cheapest is the one with the largest total.
 *
 * Solver: successive shortest augmenting paths with potentials (the Hungarian / Jonker–Volgenant
 * scheme, with the mentors kept as capacitated columns instead of expanded into copies). Each mentee
 * in turn is added by a Dijkstra over the columns on reduced costs c − u[i] − v[j] ≥ 0: reaching a
 * full mentor continues through the mentees already assigned to it (their edges have reduced cost 0);
 * reaching a mentor with room, or the unmatched column, ends the path. Potentials change only on the
 * nodes the search touched. Rows are stored sparse (forbidden pairs and mentors of capacity 0 are left
 * out) in typed arrays. The next column to settle is the closest candidate; among equally close ones a
 * column with room wins (the path can end there: this tie rule, as in scipy's solver, keeps the
 * searches short when many reduced costs are equal), then the lower index. Mentees are added in index
 * order, so the same input always gives the same assignment.
 *
 * The BIG transform and the "unmatched" column are what make a plain assignment solver (scipy's
 * linear_sum_assignment in bench/scipy_assign.py, with the same costs) lexicographic as well.
 *
 * Scores with up to 6 decimals are scaled to integers first, so all the arithmetic is exact.
 */

export interface Assignment {
  /** assignment[i]: the mentor index of mentee i, or -1 when unmatched. */
  assignment: number[];
  matched: number;
  /** The sum of the scores of the matched pairs. */
  total: number;
}

/** Largest cost magnitude kept exact in float64 arithmetic (2^53 with room for the sums). */
const EXACT_LIMIT = 2 ** 50;
// Module constants instead of global lookups in the hot loops: globals are slow to read in some hosts
// (a vm context such as Jest's).
const INF = Number.POSITIVE_INFINITY;
const { abs, floor, max, round } = Math;
const { isInteger, isNaN: isNotANumber, isFinite: isFiniteNumber } = Number;
const isArray = Array.isArray;

export function assign(score: ReadonlyArray<ReadonlyArray<number | null>>, capacity: readonly number[]): Assignment {
  validateCapacity(capacity);
  const n = isArray(score) ? score.length : 0;
  const m = capacity.length;
  // One pass over the caller's nested arrays (whose element kinds vary: small integers, doubles,
  // nulls); everything after it reads one flat Float64Array, so the hot loops stay monomorphic.
  const values = readScores(score, capacity);
  if (n === 0) return { assignment: [], matched: 0, total: 0 };

  // Whole scores (the usual case) need no scaling pass.
  const scale = scoreStats[2] === 1 ? 1 : integerScale(values);
  if (scale !== 0) scaleValues(values, scale);
  const nnz = scoreStats[0];
  // Rounding is monotone, so the largest scaled score is the largest score scaled.
  const maxScaled = scale === 0 ? scoreStats[1] : round(scoreStats[1] * scale);
  let open = 0;
  for (let j = 0; j < m; j++) if (capacity[j] > 0) open++;
  const big = (maxScaled + 1) * (n + 1);
  if (scale !== 0 && 2 * big * (n + 1) > EXACT_LIMIT) {
    throw new Error(`scores are too large for exact arithmetic: max ${maxScaled / scale} with ${n} rows`);
  }

  // Mostly allowed pairs: the dense transfer graph between mentors; few: sparse rows.
  const mentorOfRow =
    nnz >= DENSE_SHARE * n * open
      ? solveTransfer(values, n, capacity, big, scale !== 0)
      : solveSparse(values, n, capacity, big, nnz);

  const assignment = Array.from(mentorOfRow);
  let matched = 0;
  let totalScaled = 0;
  for (let i = 0; i < n; i++) {
    const j = assignment[i];
    if (j < 0) continue;
    matched++;
    const s = score[i][j] as number;
    totalScaled += scale === 0 ? s : round(s * scale);
  }
  const total = scale === 0 ? sumOriginal(score, assignment) : totalScaled / scale;
  return { assignment, matched, total };
}

/** The share of allowed pairs from which the dense transfer graph is faster than sparse rows. */
const DENSE_SHARE = 0.5;

/**
 * Sparse rows: each new row's Dijkstra runs over the columns through the rows assigned to them
 * (forbidden pairs are not stored). Returns the mentor of each row, −1 when unmatched.
 */
function solveSparse(
  values: Float64Array,
  n: number,
  capacity: readonly number[],
  big: number,
  nnz: number,
): Int32Array {
  const m = capacity.length;
  // Sparse rows: column index and cost, with the unmatched column (index m) last in every row.
  const dummy = m;
  const rowStart = new Int32Array(n + 1);
  const colIdx = new Int32Array(nnz + n);
  const cost = new Float64Array(nnz + n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = k;
    const base = i * (m + 1);
    for (let j = 0; j < m; j++) {
      const s = values[base + j];
      if (s !== s) continue;
      colIdx[k] = j;
      cost[k] = big - s;
      k++;
    }
    colIdx[k] = dummy;
    cost[k] = 2 * big;
    k++;
  }
  rowStart[n] = k;

  // Column slots: the rows assigned to each column, in a flat array; the unmatched column holds n.
  const cols = m + 1;
  const slotStart = new Int32Array(cols + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + capacity[j];
  slotStart[cols] = slotStart[m] + n;
  const slots = new Int32Array(slotStart[cols]);
  const used = new Int32Array(cols);
  const rowCol = new Int32Array(n).fill(-1);
  const rowSlot = new Int32Array(n).fill(-1);
  const rowEdge = new Int32Array(n).fill(-1);

  const u = new Float64Array(n);
  const v = new Float64Array(cols);

  // Per-search state, reset only where touched.
  const dist = new Float64Array(cols).fill(INF);
  const prevRow = new Int32Array(cols).fill(-1);
  const prevEdge = new Int32Array(cols).fill(-1);
  const done = new Uint8Array(cols);
  const touched = new Int32Array(cols);
  const popped = new Int32Array(cols);
  const reachedRows = new Int32Array(n);
  const rowDist = new Float64Array(n);
  const cand = new Int32Array(cols);

  for (let r = 0; r < n; r++) {
    const start = rowStart[r];
    const end = rowStart[r + 1];
    // The new row's potential: its cheapest reduced edge becomes 0, so all its edges are ≥ 0.
    let ur = INF;
    for (let e = start; e < end; e++) {
      const c = cost[e] - v[colIdx[e]];
      if (c < ur) ur = c;
    }
    u[r] = ur;

    let nTouched = 0;
    let nPopped = 0;
    let nReached = 0;
    let nCand = 0;
    reachedRows[nReached] = r;
    rowDist[nReached++] = 0;
    for (let e = start; e < end; e++) {
      const j = colIdx[e];
      const d = cost[e] - ur - v[j];
      if (d < dist[j]) {
        if (dist[j] === INF) {
          touched[nTouched++] = j;
          cand[nCand++] = j;
        }
        dist[j] = d;
        prevRow[j] = r;
        prevEdge[j] = e;
      }
    }

    let endCol = -1;
    while (nCand > 0) {
      // The closest candidate column; among equals one with room (the path ends), then the lower index.
      let best = 0;
      let bj = cand[0];
      let bd = dist[bj];
      let bFree = used[bj] < (bj === dummy ? n : capacity[bj]);
      for (let c = 1; c < nCand; c++) {
        const j = cand[c];
        const d = dist[j];
        if (d > bd) continue;
        const free = used[j] < (j === dummy ? n : capacity[j]);
        if (d < bd || (free && !bFree) || (free === bFree && j < bj)) {
          best = c;
          bj = j;
          bd = d;
          bFree = free;
        }
      }
      cand[best] = cand[--nCand];
      const j = bj;
      done[j] = 1;
      popped[nPopped++] = j;
      const capJ = j === dummy ? n : capacity[j];
      if (used[j] < capJ) {
        endCol = j;
        break;
      }
      for (let s = slotStart[j], sEnd = slotStart[j] + used[j]; s < sEnd; s++) {
        const i = slots[s];
        reachedRows[nReached] = i;
        rowDist[nReached++] = bd;
        const base = bd - u[i];
        for (let e = rowStart[i], eEnd = rowStart[i + 1]; e < eEnd; e++) {
          const j2 = colIdx[e];
          const d = base + cost[e] - v[j2];
          if (d < dist[j2] && done[j2] === 0) {
            if (dist[j2] === INF) {
              touched[nTouched++] = j2;
              cand[nCand++] = j2;
            }
            dist[j2] = d;
            prevRow[j2] = i;
            prevEdge[j2] = e;
          }
        }
      }
    }
    if (endCol < 0) throw new Error('assign: no augmenting path (internal error)');

    // Potentials: only the nodes closer than the end move.
    const dEnd = dist[endCol];
    for (let p = 0; p < nPopped; p++) {
      const j = popped[p];
      if (dist[j] < dEnd) v[j] -= dEnd - dist[j];
    }
    for (let p = 0; p < nReached; p++) {
      const d = rowDist[p];
      if (d < dEnd) u[reachedRows[p]] += dEnd - d;
    }

    // Augment along the path back to r.
    let j = endCol;
    for (;;) {
      const i = prevRow[j];
      const old = rowCol[i];
      if (old >= 0) removeFromSlot(i, old, slotStart, used, rowSlot, slots);
      // Into column j.
      const s = slotStart[j] + used[j]++;
      slots[s] = i;
      rowSlot[i] = s;
      rowCol[i] = j;
      rowEdge[i] = prevEdge[j];
      if (i === r) break;
      j = old;
    }

    // Reset the search state.
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t];
      dist[c] = INF;
      done[c] = 0;
      prevRow[c] = -1;
    }
  }

  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = rowCol[i] === dummy ? -1 : rowCol[i];
  return out;
}

/**
 * The dense transfer graph: the Dijkstra runs over the mentors alone, one edge per pair of mentors (the
 * cheapest move of one of the first mentor's rows), and rows are taken cheapest best edge first, which
 * keeps the later searches short. Returns the mentor of each row, −1 when unmatched.
 */
function solveTransfer(
  values: Float64Array,
  n: number,
  capacity: readonly number[],
  big: number,
  exact: boolean,
): Int32Array {
  const m = capacity.length;
  // Every mentor is a column (one of capacity 0 has only forbidden pairs, so it is never reached); the
  // unmatched column comes last. The costs replace the scores in place: row i at i·cols, a forbidden
  // pair +∞; bestCost is each row's cheapest.
  const dummy = m;
  const cols = m + 1;
  const cost = values;
  const bestCost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * cols;
    let b = 2 * big;
    for (let c = 0; c < m; c++) {
      const s = cost[base + c];
      const x = s !== s ? INF : big - s;
      cost[base + c] = x;
      if (x < b) b = x;
    }
    cost[base + dummy] = 2 * big;
    bestCost[i] = b;
  }

  const cap = new Int32Array(cols);
  for (let c = 0; c < m; c++) cap[c] = capacity[c];
  cap[dummy] = n;

  // The rows in each column, in a flat array (the unmatched column's rows are never needed: a path
  // ends there, so it is never left).
  const slotStart = new Int32Array(cols + 1);
  for (let c = 0; c < cols; c++) slotStart[c + 1] = slotStart[c] + cap[c];
  const slots = new Int32Array(slotStart[cols]);
  const used = new Int32Array(cols);
  const rowCol = new Int32Array(n).fill(-1);
  const rowSlot = new Int32Array(n).fill(-1);

  // The transfer graph between mentors: move[j·cols + k] is the cheapest way to move one of j's rows
  // to column k, min over rows i in j of cost(i, k) − cost(i, j), and moveRow the row that does it
  // (the lower index on ties). With u[i] = cost(i, j) − v[j] for a row in j (its edge is tight), the
  // reduced cost of that move is move + v[j] − v[k]: no row potentials are needed, and the table
  // changes only when a column's rows change.
  const move = new Float64Array(m * cols).fill(INF);
  const moveRow = new Int32Array(m * cols).fill(-1);

  const v = new Float64Array(cols);
  const dist = new Float64Array(cols);
  const prevCol = new Int32Array(cols);
  const prevRow = new Int32Array(cols);
  const open = new Int32Array(cols);
  const popped = new Int32Array(cols);
  const changed = new Int32Array(cols);
  const addRow = new Int32Array(cols);
  const delRow = new Int32Array(cols).fill(-1);

  // Rows with the cheapest best edge first.
  const order = rowOrder(bestCost, exact);
  for (let t = 0; t < n; t++) {
    const r = order[t];
    const rb = r * cols;
    // The new row's potential: its cheapest reduced edge becomes 0, so all its edges are ≥ 0. When that
    // column (by the tie rule below) has room, the path is that one edge and no potential moves.
    let ur = INF;
    let direct = -1;
    let directFree = false;
    for (let c = 0; c < cols; c++) {
      const x = cost[rb + c] - v[c];
      if (x > ur) continue;
      const free = used[c] < cap[c];
      if (x < ur || (free && !directFree)) {
        ur = x;
        direct = c;
        directFree = free;
      }
    }
    let nChanged = 0;
    if (directFree) {
      const s = slotStart[direct] + used[direct]++;
      slots[s] = r;
      rowSlot[r] = s;
      rowCol[r] = direct;
      if (direct !== dummy) {
        addRow[direct] = r;
        changed[nChanged++] = direct;
        updateMoves(nChanged, changed, addRow, delRow, cost, move, moveRow, slots, slotStart, used, cols);
      }
      continue;
    }
    // Dijkstra over the columns; the next column is the closest, among equals one with room (the path
    // ends there: as in scipy's solver, this keeps the searches short when many costs are equal), then
    // the lower index.
    let nOpen = 0;
    let bj = -1;
    let bo = -1;
    let bd = INF;
    let bFree = false;
    for (let c = 0; c < cols; c++) {
      const d = cost[rb + c] - ur - v[c];
      dist[c] = d;
      prevCol[c] = -1;
      prevRow[c] = r;
      open[nOpen++] = c;
      if (d > bd) continue;
      const free = used[c] < cap[c];
      if (d < bd || (free && !bFree)) {
        bj = c;
        bo = c;
        bd = d;
        bFree = free;
      }
    }
    let nPopped = 0;
    let endCol = -1;
    while (bj >= 0) {
      const j = bj;
      popped[nPopped++] = j;
      if (bFree) {
        endCol = j;
        break;
      }
      // Settled: out of the open list (its order does not matter, the tie rule compares indices).
      open[bo] = open[--nOpen];
      const base = bd + v[j];
      const mb = j * cols;
      bj = -1;
      bd = INF;
      bFree = false;
      for (let o = 0; o < nOpen; o++) {
        const c = open[o];
        let d = dist[c];
        const nd = base + move[mb + c] - v[c];
        if (nd < d) {
          d = nd;
          dist[c] = nd;
          prevCol[c] = j;
          prevRow[c] = moveRow[mb + c];
        }
        if (d > bd) continue;
        const free = used[c] < cap[c];
        if (d < bd || (free && !bFree) || (free === bFree && c < bj)) {
          bj = c;
          bo = o;
          bd = d;
          bFree = free;
        }
      }
      if (bd === INF) bj = -1;
    }
    if (endCol < 0) throw new Error('assign: no augmenting path (internal error)');

    // Potentials: only the columns closer than the end move.
    const dEnd = dist[endCol];
    for (let p = 0; p < nPopped; p++) {
      const c = popped[p];
      if (dist[c] < dEnd) v[c] -= dEnd - dist[c];
    }

    // Augment along the path back to r.
    let c = endCol;
    for (;;) {
      const i = prevRow[c];
      const from = prevCol[c];
      if (from >= 0) {
        // Out of its old column: the last row of that column takes its slot.
        const last = slotStart[from] + --used[from];
        const old = rowSlot[i];
        if (old !== last) {
          const moved = slots[last];
          slots[old] = moved;
          rowSlot[moved] = old;
        }
      }
      const s = slotStart[c] + used[c]++;
      slots[s] = i;
      rowSlot[i] = s;
      rowCol[i] = c;
      // A path visits a column once: it gains row i and, unless it is the path's end, loses the row
      // that moved on from it (delRow, set one step earlier).
      if (c !== dummy) {
        addRow[c] = i;
        changed[nChanged++] = c;
      }
      if (from < 0) break;
      delRow[from] = i;
      c = from;
    }
    updateMoves(nChanged, changed, addRow, delRow, cost, move, moveRow, slots, slotStart, used, cols);
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = rowCol[i] === dummy ? -1 : rowCol[i];
  return out;
}

/**
 * Keeps move / moveRow equal to a full recomputation (the cheapest move of the column's rows, the
 * lower row on ties) after each changed column gained addRow and maybe lost delRow: the gained row
 * is compared entry by entry, and only the entries the lost row held are recomputed. A module function,
 * not a closure: a closure made on every call is compiled again on every call.
 */
function updateMoves(
  nChanged: number,
  changed: Int32Array,
  addRow: Int32Array,
  delRow: Int32Array,
  cost: Float64Array,
  move: Float64Array,
  moveRow: Int32Array,
  slots: Int32Array,
  slotStart: Int32Array,
  used: Int32Array,
  cols: number,
): void {
  for (let t = 0; t < nChanged; t++) {
    const j = changed[t];
    const mb = j * cols;
    const a = addRow[j];
    const ab = a * cols;
    const aOwn = cost[ab + j];
    const d = delRow[j];
    delRow[j] = -1;
    const s0 = slotStart[j];
    const s1 = s0 + used[j];
    for (let k = 0; k < cols; k++) {
      if (d >= 0 && moveRow[mb + k] === d) {
        let bx = INF;
        let bi = -1;
        for (let q = s0; q < s1; q++) {
          const i = slots[q];
          const x = cost[i * cols + k] - cost[i * cols + j];
          if (x < bx || (x === bx && i < bi)) {
            bx = x;
            bi = i;
          }
        }
        move[mb + k] = bx;
        moveRow[mb + k] = bi;
        continue;
      }
      const x = cost[ab + k] - aOwn;
      const cur = move[mb + k];
      if (x < cur || (x === cur && a < moveRow[mb + k])) {
        move[mb + k] = x;
        moveRow[mb + k] = a;
      }
    }
    move[mb + j] = INF;
  }
}

/** Takes row i out of column j's slots: the column's last row takes its place. */
function removeFromSlot(
  i: number,
  j: number,
  slotStart: Int32Array,
  used: Int32Array,
  rowSlot: Int32Array,
  slots: Int32Array,
): void {
  const last = slotStart[j] + --used[j];
  const s = rowSlot[i];
  if (s !== last) {
    const moved = slots[last];
    slots[s] = moved;
    rowSlot[moved] = s;
  }
  rowSlot[i] = -1;
}

/**
 * Row indices by best cost, then index. With exact integer costs (bestCost·(n + 1) + i stays below 2^53,
 * see EXACT_LIMIT) one numeric sort of a typed array does it without a comparator.
 */
function rowOrder(bestCost: Float64Array, exact: boolean): Int32Array {
  const n = bestCost.length;
  const order = new Int32Array(n);
  if (exact) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = bestCost[i] * (n + 1) + i;
    keys.sort();
    for (let t = 0; t < n; t++) order[t] = keys[t] % (n + 1);
    return order;
  }
  const list = Array.from({ length: n }, (_, i) => i).sort((a, b) => bestCost[a] - bestCost[b] || a - b);
  for (let t = 0; t < n; t++) order[t] = list[t];
  return order;
}

function sumOriginal(score: ReadonlyArray<ReadonlyArray<number | null>>, assignment: number[]): number {
  let total = 0;
  for (let i = 0; i < assignment.length; i++) if (assignment[i] >= 0) total += score[i][assignment[i]] as number;
  return total;
}

/** The smallest power of ten (1 … 10^6) that makes every score an integer, or 0 when none does. */
function integerScale(values: Float64Array): number {
  for (let scale = 1; scale <= 1e6; scale *= 10) {
    let ok = true;
    for (let k = 0; k < values.length; k++) {
      const s = values[k];
      if (s !== s) continue;
      const x = s * scale;
      if (abs(x - round(x)) > 1e-9 * max(1, abs(x))) {
        ok = false;
        break;
      }
    }
    if (ok) return scale;
  }
  return 0;
}

function scaleValues(values: Float64Array, scale: number): void {
  if (scale === 1) return;
  for (let k = 0; k < values.length; k++) values[k] = round(values[k] * scale);
}

function validateCapacity(capacity: unknown): void {
  if (!isArray(capacity)) throw new Error('capacity must be an array');
  for (let j = 0; j < capacity.length; j++) {
    const c: unknown = capacity[j];
    if (typeof c !== 'number') throw new Error(`capacity[${j}] is not a number`);
    if (isNotANumber(c)) throw new Error(`capacity[${j}] is NaN`);
    if (c < 0) throw new Error(`capacity[${j}] is negative`);
    if (!isInteger(c)) throw new Error(`capacity[${j}] is not a whole number: ${c}`);
  }
}

/**
 * Checks the scores and copies them into one row-major Float64Array (n × (m + 1), the last column left
 * 0); a forbidden pair, and any pair with a mentor of capacity 0, is NaN.
 */
/** readScores' by-products: the number of allowed pairs, the largest score, 1 when all are whole. */
const scoreStats = new Float64Array(3);

function readScores(score: unknown, capacity: readonly number[]): Float64Array {
  if (!isArray(score)) throw new Error('score must be an array of rows');
  const n = score.length;
  const m = capacity.length;
  // One spare column per row: the transfer solver's unmatched column.
  const values = new Float64Array(n * (m + 1));
  let nnz = 0;
  let top = 0;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const row: unknown = score[i];
    if (!isArray(row)) throw new Error(`score row ${i} is not an array`);
    if (row.length !== m) throw new Error(`score row ${i} has ${row.length} columns, expected ${m}`);
    const base = i * (m + 1);
    for (let j = 0; j < m; j++) {
      const s: unknown = row[j];
      if (s === null) {
        values[base + j] = NaN;
        continue;
      }
      if (typeof s !== 'number') throw new Error(`score[${i}][${j}] is not a number or null`);
      if (isNotANumber(s)) throw new Error(`score[${i}][${j}] is NaN`);
      if (!isFiniteNumber(s)) throw new Error(`score[${i}][${j}] is not finite`);
      if (s < 0) throw new Error(`score[${i}][${j}] is negative`);
      if (capacity[j] === 0) {
        values[base + j] = NaN;
        continue;
      }
      values[base + j] = s;
      nnz++;
      if (s > top) top = s;
      if (whole && floor(s) !== s) whole = false;
    }
  }
  scoreStats[0] = nnz;
  scoreStats[1] = top;
  scoreStats[2] = whole ? 1 : 0;
  return values;
}
