/**
 * Stable IDs of pairs and groups («ПГ-001», issue 17.3). A unit of a new proposal keeps the ID of the
 * saved proposed unit it continues: first the one with the same mentor and the same mentees, then the
 * one with the same mentor and the most mentees in common. Any other unit gets the next number after
 * the largest ever issued (the rows on the sheet and the high-water mark kept in the add-on's state),
 * so an ID is never given to a second unit, even after its row was deleted.
 */

export const PAIR_ID_PREFIX = 'ПГ-';

export interface IdUnit {
  mentorId: string;
  menteeIds: readonly string[];
}

export interface SavedUnit extends IdUnit {
  id: string;
}

/** The number of «ПГ-017» (17), 0 for anything else. */
export function pairIdNumber(id: string): number {
  const match = /(\d+)\s*$/.exec(String(id ?? ''));
  return match ? Number(match[1]) : 0;
}

export function formatPairId(n: number): string {
  return `${PAIR_ID_PREFIX}${String(n).padStart(3, '0')}`;
}

/**
 * IDs for `units`, in their order. `previous`: the saved proposals a unit may continue; `taken`: every
 * ID in use (all statuses); `issued`: the largest number issued before. With `issue` false, a unit
 * that continues none gets '' (a preview: nothing is issued).
 */
export function assignPairIds(
  units: readonly IdUnit[],
  previous: readonly SavedUnit[],
  taken: readonly string[],
  issued: number,
  issue = true,
): { ids: string[]; issued: number } {
  const used = new Set<number>();
  const ids: string[] = units.map(() => '');
  const sameSet = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x) => b.includes(x));
  // Exact continuations first, so an overlap never takes the ID of a unit that is still there as it was.
  units.forEach((u, k) => {
    const p = previous.findIndex(
      (s, x) => !used.has(x) && s.mentorId === u.mentorId && sameSet(s.menteeIds, u.menteeIds),
    );
    if (p >= 0) {
      used.add(p);
      ids[k] = previous[p].id;
    }
  });
  units.forEach((u, k) => {
    if (ids[k]) return;
    let best = -1;
    let bestCommon = 0;
    previous.forEach((s, x) => {
      if (used.has(x) || s.mentorId !== u.mentorId) return;
      const common = s.menteeIds.filter((id) => u.menteeIds.includes(id)).length;
      if (common > bestCommon) {
        best = x;
        bestCommon = common;
      }
    });
    if (best >= 0) {
      used.add(best);
      ids[k] = previous[best].id;
    }
  });
  let last = Math.max(issued, ...taken.map(pairIdNumber), ...previous.map((s) => pairIdNumber(s.id)));
  if (issue) ids.forEach((id, k) => (ids[k] = id || formatPairId(++last)));
  return { ids, issued: last };
}
