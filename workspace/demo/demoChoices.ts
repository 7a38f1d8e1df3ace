import type { Workspace } from '../../emulator/workspace';
import type { PairingView } from '../../src/contract/serverApi';
import { CHOICE_FORM_TITLE } from '../../src/domain/matching/choiceForm';
import { CHOICE_RANKS } from '../../src/domain/matching/choice';

/** The units «Пары и группы» gets confirmed right after the save (demoSchool.ts pairUp). */
const CONFIRMED_AFTER_SAVE = 3;

/**
 * «Выбор наставника» before the demo's pairing (issue 20.2): the methodologist sends the personal
 * links and a few mentees answer through the form. Most rank first the mentor the engine gives them
 * anyway; one ranks first a mentor whose one place another mentee chose too, and the proposal says
 * «первый выбор — … — не учтён: у наставника нет свободных мест». The choices agree with the optimum
 * without them, so the demo's pairs are the same as before (those mentees are in units left
 * unconfirmed, where «Подбор пар» shows the explanation).
 */
export function answerDemoChoices(ws: Workspace): void {
  ws.run('sendChoiceLinks');
  const view = ws.run('proposePairs') as PairingView;
  const open = view.units.slice(CONFIRMED_AFTER_SAVE);
  const pairs = open.filter((u) => u.kind === 'пара' && u.capacity === 1);
  if (pairs.length < 4) throw new Error('The demo proposal has too few units for the choice answers');
  const [taken, missed, ...rest] = pairs;
  const answers: Array<{ menteeId: string; ranked: string[] }> = [
    // The mentor of a one-place pair, chosen first by their mentee…
    { menteeId: taken.mentees[0].id, ranked: [taken.mentorName] },
    // …and first by another mentee, who gets their second choice.
    { menteeId: missed.mentees[0].id, ranked: [taken.mentorName, missed.mentorName] },
    ...rest.slice(0, 2).map((u) => ({ menteeId: u.mentees[0].id, ranked: [u.mentorName] })),
    // The groups' members too: without them, the mentees who tie for a group's last place (equal fit)
    // could change places once the ranking's bonus enters the solver's sums.
    ...view.units
      .filter((u) => u.kind === 'группа')
      .flatMap((u) => u.mentees.map((m) => ({ menteeId: m.id, ranked: [u.mentorName] }))),
  ];
  const [header, ...rows] = ws.values('Наставляемые')!;
  const email = new Map(rows.map((r) => [r[header.indexOf('ID')], r[header.indexOf('Email')]]));
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
