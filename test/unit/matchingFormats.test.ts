import { LOCK_REASONS, matchPeople, UNMATCHED_REASONS } from '../../src/domain/matching';
import { mentee, mentor } from './matchingFixtures';

const PAIR = 'Индивидуальная (пара)';
const GROUP = 'Групповая';

const ids = (units: { mentorId: string; menteeIds: string[] }[]) =>
  Object.fromEntries(units.map((u) => [u.mentorId, u.menteeIds]));

describe('the mentor’s form is a hard rule', () => {
  test('a mentor who offered only individual work gets one mentee, whatever the capacity', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2'), mentee('НС-3')],
      mentors: [mentor('НТ-1', { formatKinds: [PAIR], capacity: 3 })],
    });
    expect(ids(proposal.units)).toEqual({ 'НТ-1': ['НС-1'] });
    expect(proposal.units[0].kind).toBe('пара');
    expect(proposal.unmatched.map((u) => u.menteeId)).toEqual(['НС-2', 'НС-3']);
    // A capacity override does not lift the rule either.
    const more = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2')],
      mentors: [mentor('НТ-1', { formatKinds: [PAIR], capacity: 1 })],
      capacityOverrides: { 'НТ-1': 5 },
    });
    expect(more.units.map((u) => u.kind)).toEqual(['пара']);
  });

  test('a lock of a second mentee onto an individual-only mentor is refused, naming the form', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2')],
      mentors: [mentor('НТ-1', { formatKinds: [PAIR], capacity: 2 })],
      locks: [
        { menteeId: 'НС-1', mentorId: 'НТ-1' },
        { menteeId: 'НС-2', mentorId: 'НТ-1' },
      ],
    });
    expect(proposal.rejectedLocks).toEqual([
      {
        menteeId: 'НС-2',
        mentorId: 'НТ-1',
        reason: 'наставник выбрал только индивидуальную форму, и его пара уже занята',
      },
    ]);
  });

  test('a mentor who offered only group work is never left with a single mentee', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1', { formatKind: GROUP })],
      mentors: [mentor('НТ-1', { formatKinds: [GROUP], capacity: 3 }), mentor('НТ-2', { competences: [] })],
    });
    // НТ-1 scores higher, but alone the mentee would make a «пара» of a group-only mentor.
    expect(ids(proposal.units)).toEqual({ 'НТ-2': ['НС-1'] });
    const alone = matchPeople({
      mentees: [mentee('НС-1', { formatKind: GROUP })],
      mentors: [mentor('НТ-1', { formatKinds: [GROUP], capacity: 3 })],
    });
    expect(alone.units).toEqual([]);
    expect(alone.unmatched).toEqual([{ menteeId: 'НС-1', reason: UNMATCHED_REASONS.groupOnly }]);
    const two = matchPeople({
      mentees: [mentee('НС-1', { formatKind: GROUP }), mentee('НС-2', { formatKind: GROUP })],
      mentors: [mentor('НТ-1', { formatKinds: [GROUP], capacity: 3 })],
    });
    expect(two.units.map((u) => [u.kind, u.menteeIds])).toEqual([['группа', ['НС-1', 'НС-2']]]);
  });
});

describe('the mentee’s wish: honoured, or the explanation says why not', () => {
  test('a mentee who wanted a pair but is in a group is told so, and whether a free pair mentor exists', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1', { formatKind: PAIR }), mentee('НС-2', { formatKind: GROUP })],
      mentors: [mentor('НТ-1', { capacity: 2 }), mentor('НТ-2', { competences: [], formatKinds: [PAIR] })],
      // Keep both with НТ-1 so that the wish of НС-1 cannot be met there.
      locks: [
        { menteeId: 'НС-1', mentorId: 'НТ-1' },
        { menteeId: 'НС-2', mentorId: 'НТ-1' },
      ],
    });
    const [group] = proposal.units;
    expect(group.kind).toBe('группа');
    const note = group.pairs.find((p) => p.menteeId === 'НС-1')!.explanation;
    expect(note).toMatch(
      /^не учтено пожелание «Индивидуальная \(пара\)»: у наставника группа из 2; свободный наставник для работы в паре есть — его можно выбрать в списке «Другой наставник…»; совпадают запросы/,
    );
    expect(group.pairs.find((p) => p.menteeId === 'НС-2')!.explanation).not.toContain('пожелание');
    expect(group.explanation).toContain('пожелание о форме не учтено у 1 из 2');
  });

  test('a mentee who wanted a group but is in a pair with an individual-only mentor is told why', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1', { formatKind: GROUP })],
      mentors: [mentor('НТ-1', { formatKinds: [PAIR] })],
    });
    expect(proposal.units[0].explanation).toMatch(
      /^не учтено пожелание «Групповая»: наставник работает только индивидуально; /,
    );
  });

  test('a wish that is met, or no wish at all, adds nothing', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1', { formatKind: PAIR }), mentee('НС-2', { formatKind: '' })],
      mentors: [mentor('НТ-1'), mentor('НТ-2')],
    });
    for (const unit of proposal.units) expect(unit.explanation).not.toContain('пожелание');
  });
});

describe('confirmed units are fixed inputs', () => {
  test('kept exactly, the mentor takes nobody else, and a lock repeating them is no warning', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2'), mentee('НС-3')],
      mentors: [mentor('НТ-1', { capacity: 3 }), mentor('НТ-2', { competences: [] })],
      fixed: [{ mentorId: 'НТ-1', menteeIds: ['НС-1'] }],
      locks: [{ menteeId: 'НС-1', mentorId: 'НТ-1' }],
    });
    expect(proposal.rejectedLocks).toEqual([]);
    const confirmed = proposal.units.find((u) => u.mentorId === 'НТ-1')!;
    expect(confirmed).toMatchObject({ menteeIds: ['НС-1'], kind: 'пара', fixed: true, locked: true });
    expect(proposal.units.find((u) => u.mentorId === 'НТ-2')!.fixed).toBe(false);
    expect(proposal.alternatives['НС-2'].map((a) => a.mentorId)).toEqual(['НТ-2']);
  });

  test('a lock against a confirmed unit names the confirmed unit', () => {
    const proposal = matchPeople({
      mentees: [mentee('НС-1'), mentee('НС-2')],
      mentors: [mentor('НТ-1', { capacity: 2 }), mentor('НТ-2')],
      fixed: [{ mentorId: 'НТ-1', menteeIds: ['НС-1'] }],
      locks: [
        { menteeId: 'НС-1', mentorId: 'НТ-2' },
        { menteeId: 'НС-2', mentorId: 'НТ-1' },
      ],
    });
    expect(proposal.rejectedLocks.map((r) => r.reason)).toEqual([
      LOCK_REASONS.menteeConfirmed,
      LOCK_REASONS.mentorConfirmed,
    ]);
  });
});
