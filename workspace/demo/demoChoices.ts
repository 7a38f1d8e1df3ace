import type { Workspace } from '../../emulator/workspace';
import { CHOICE_FORM_TITLE } from '../../src/domain/matching/choiceForm';
import { CHOICE_RANKS } from '../../src/domain/matching/choice';

function table(ws: Workspace, sheet: string): Array<Record<string, string>> {
  const [header, ...rows] = ws.values(sheet)!;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * «Выбор наставника» before the demo's pairing is final (issue 20.2): the first three pairs are
 * confirmed; the methodologist sends the personal links to the mentees still waiting, and those in the
 * saved proposal answer through the form. They rank first the mentor the proposal gives them anyway,
 * save one, who ranks first the mentor of a one-place pair (chosen first by its own mentee too) and
 * their own second: «первый выбор — … — не учтён: у наставника нет свободных мест; второй выбор
 * наставляемого». Every answer agrees with the saved proposal, so saving again gives the same pairs,
 * now with the choices in their explanations (a ranking's bonus in the solver's sums could otherwise
 * move mentees who tie for a place).
 */
export function answerDemoChoices(ws: Workspace): void {
  ws.run('sendChoiceLinks');
  // The letters went out in September: today's quota is whole for the rest of the seeding.
  ws.forgetTodaysMailQuota();
  const proposed = table(ws, 'Пары и группы').filter((r) => r['Статус'] === 'предложено');
  const pairs = proposed.filter((r) => r['Вид'] === 'пара');
  if (pairs.length < 2) throw new Error('The demo proposal has too few pairs for the choice answers');
  const [taken, missed] = pairs;
  const answers = proposed.flatMap((r) =>
    r['ID наставляемых'].split('; ').map((menteeId) => ({
      menteeId,
      ranked: r === missed ? [taken['Наставник'], r['Наставник']] : [r['Наставник']],
    })),
  );
  const email = new Map(table(ws, 'Наставляемые').map((r) => [r['ID'], r['Email']]));
  for (const a of answers) {
    ws.submitForm(
      CHOICE_FORM_TITLE,
      {
        'Ваш код участника': a.menteeId,
        ...Object.fromEntries(a.ranked.map((name, k) => [CHOICE_RANKS[k], name])),
      },
      { email: email.get(a.menteeId) },
    );
  }
}
