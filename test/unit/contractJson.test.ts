/**
 * The contract's JSON check (src/contract/json.ts), checked by the compiler (`npm run typecheck`):
 * each line below fails to compile if IsJson judged that type the other way.
 */
import type { IsJson } from '../../src/contract/json';
import type { PairingView, ProgressState, ServerApiIsJson, YearView } from '../../src/contract/serverApi';

interface WithOptional {
  name: string;
  note?: string;
  tags: string[];
  score: number | null;
  nested: { at: string; list: Array<{ n: number }> };
}

const accepted = {
  primitives: true as IsJson<string | number | boolean | null>,
  interfaceWithOptionalField: true as IsJson<WithOptional>,
  record: true as IsJson<Record<string, number>>,
  progress: true as IsJson<ProgressState>,
  pairing: true as IsJson<PairingView>,
  year: true as IsJson<YearView>,
} satisfies Record<string, true>;

const refused = {
  date: false as IsJson<{ at: Date }>,
  dateInList: false as IsJson<Array<{ at: Date }>>,
  map: false as IsJson<Map<string, number>>,
  fn: false as IsJson<{ run: () => void }>,
  undefinedInList: false as IsJson<Array<string | undefined>>,
  undefinedAlone: false as IsJson<undefined>,
} satisfies Record<string, false>;

test('the contract types travel as JSON; a Date, a Map, a function or undefined in a list do not', () => {
  expect(Object.values(accepted).every((v) => v === true)).toBe(true);
  expect(Object.values(refused).every((v) => v === false)).toBe(true);
  // ServerApiIsJson is never exactly when no ServerApi function breaks the rule.
  const none: ServerApiIsJson[] = [];
  expect(none).toEqual([]);
});
