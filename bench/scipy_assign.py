#!/usr/bin/env python3
"""The reference optimum for bench/matching.mjs: scipy.optimize.linear_sum_assignment.

Reads one instance as JSON on stdin: {"score": [[number | null, ...], ...], "capacity": [int, ...],
"repeat": 3 (optional)}.
Expands every mentor j into capacity[j] identical columns, adds one "unmatched" column per mentee,
and uses the same lexicographic cost as src/domain/matching/assign.ts:

    cost(i, j)         = BIG - score[i][j]     allowed pair
    cost(i, unmatched) = 2 * BIG
    BIG                = (maxScore + 1) * (n + 1)

Forbidden pairs (null) cost +inf. Prints JSON: matched, total, seconds (the median solve time of
`repeat` runs, the solve only, CPU time of this process: the machine may be shared, and
bench/matching.mjs times our solver the same way) and build_seconds (the cost matrix).
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    data = json.load(sys.stdin)
    score = data["score"]
    capacity = data["capacity"]
    n = len(score)
    m = len(capacity)
    t0 = time.perf_counter()
    values = np.array(
        [[np.nan if s is None else float(s) for s in row] for row in score], dtype=np.float64
    ).reshape(n, m)
    allowed = ~np.isnan(values)
    max_score = float(np.nanmax(values)) if allowed.any() else 0.0
    big = (max_score + 1.0) * (n + 1)
    cost = np.where(allowed, big - np.nan_to_num(values), np.inf)
    owner = np.repeat(np.arange(m), capacity)
    expanded = cost[:, owner] if len(owner) else np.zeros((n, 0))
    full = np.hstack([expanded, np.full((n, n), 2.0 * big)])
    t1 = time.perf_counter()
    times = []
    for _ in range(max(1, int(data.get("repeat", 1)))):
        start = time.process_time()
        rows, cols = linear_sum_assignment(full)
        times.append(time.process_time() - start)
    times.sort()
    matched = 0
    total = 0.0
    for i, c in zip(rows, cols):
        if c < len(owner):
            matched += 1
            total += values[i, owner[c]]
    print(json.dumps({"matched": matched, "total": total, "seconds": times[len(times) // 2], "build_seconds": t1 - t0}))


if __name__ == "__main__":
    main()
