import { choiceForm, matchPeople, parseChoices, type Proposal } from '../../src/domain/matching';
import { mentee, mentor, REQ } from './matchingFixtures';

const mentorOf = (p: Proposal, menteeId: string) => p.units.find((u) => u.menteeIds.includes(menteeId))?.mentorId;
const explanationOf = (p: Proposal, menteeId: string) =>
  p.units.flatMap((u) => u.pairs).find((x) => x.menteeId === menteeId)?.explanation ?? '';

describe('the mentee’s own choice (issue 20.2)', () => {
  // M1 fits every request of A; M2 only a different one: without a choice A goes to M1.
  const mentors = [
    mentor('M1', { fullName: 'Петрова Анна Сергеевна' }),
    mentor('M2', { fullName: 'Иванов Алексей Алексеевич', competences: [REQ.exam], subjects: ['История'] }),
  ];

  it('gives a feasible first choice even over a better fit, and says so', () => {
    const a = mentee('A');
    expect(mentorOf(matchPeople({ mentees: [a], mentors }), 'A')).toBe('M1');
    const p = matchPeople({ mentees: [a], mentors, choices: { A: ['M2', 'M1'] } });
    expect(mentorOf(p, 'A')).toBe('M2');
    expect(explanationOf(p, 'A')).toMatch(/^первый выбор наставляемого; /);
    // The unit's score stays the pair's fit: the bonus only steers the solver.
    expect(p.units[0].score).toBeLessThan(100);
  });

  it('stays optimal over the school when two mentees want the same one-place mentor', () => {
    // A and B both rank M2 first; B's second choice is M1, A has none: only «B → M1, A → M2» keeps both
    // choices honoured as far as possible (a first-come rule would give M2 to A or B by order).
    const a = mentee('A');
    const b = mentee('B');
    const p = matchPeople({
      mentees: [b, a],
      mentors,
      choices: { A: ['M2'], B: ['M2', 'M1'] },
    });
    expect(mentorOf(p, 'A')).toBe('M2');
    expect(mentorOf(p, 'B')).toBe('M1');
    expect(explanationOf(p, 'B')).toMatch(
      /^первый выбор — Иванов А\. А\. — не учтён: у наставника нет свободных мест; второй выбор наставляемого/,
    );
    expect(explanationOf(p, 'A')).toMatch(/^первый выбор наставляемого/);
  });

  it('names the form when the first choice works only with a group that could not be gathered', () => {
    const group = mentor('M3', { fullName: 'Сидорова Мария Ивановна', formatKinds: ['Групповая'], capacity: 3 });
    const p = matchPeople({ mentees: [mentee('A')], mentors: [...mentors, group], choices: { A: ['M3'] } });
    expect(mentorOf(p, 'A')).not.toBe('M3');
    expect(explanationOf(p, 'A')).toMatch(/^первый выбор — Сидорова М\. И\. — не учтён: не подходит формат/);
  });
});

describe('«Выбор наставника» form labels', () => {
  it('labels an offered mentor as among the whole bank, so the answer reads back to them', () => {
    const bank = [
      { id: 'M1', fullName: 'Иванов Иван Иванович' },
      { id: 'M2', fullName: 'Иванов Иван Иванович' },
    ];
    // Only M1 has places: the dropdown offers one «Иванов Иван Иванович», filing reads it among both.
    const form = choiceForm({ operator: 'Школа', mentors: [bank[0]], bank });
    const first = form.questions.find((q) => q.key === 'first')!;
    expect(first.choices).toEqual(['Иванов Иван Иванович (M1)']);
    expect(parseChoices({ first: first.choices![0] }, bank)).toEqual(['M1']);
  });
});
