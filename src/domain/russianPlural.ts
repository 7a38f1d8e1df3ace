/**
 * The Russian noun form for a count, one copy for the add-on and the sidebar:
 * plural(5, 'мероприятие', 'мероприятия', 'мероприятий') → 'мероприятий' («1 анкета», «2 анкеты», «5 анкет»).
 */
export function plural(n: number, one: string, few: string, many: string): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b === 1) return one;
  if (b >= 2 && b <= 4) return few;
  return many;
}
