import { assignPairIds } from '../../src/domain/matching';

const saved = [
  { id: 'ПГ-004', mentorId: 'НТ-1', menteeIds: ['НС-1'] },
  { id: 'ПГ-005', mentorId: 'НТ-2', menteeIds: ['НС-2', 'НС-3'] },
  { id: 'ПГ-006', mentorId: 'НТ-3', menteeIds: ['НС-4'] },
];

describe('assignPairIds', () => {
  test('the same unit keeps its ID, whatever the order; a grown group keeps it too', () => {
    const { ids } = assignPairIds(
      [
        { mentorId: 'НТ-3', menteeIds: ['НС-4'] },
        { mentorId: 'НТ-2', menteeIds: ['НС-3', 'НС-2', 'НС-5'] },
        { mentorId: 'НТ-1', menteeIds: ['НС-1'] },
      ],
      saved,
      ['ПГ-001', 'ПГ-004', 'ПГ-005', 'ПГ-006'],
      0,
    );
    expect(ids).toEqual(['ПГ-006', 'ПГ-005', 'ПГ-004']);
  });

  test('new units continue after the largest ever issued, even when that row is gone', () => {
    const result = assignPairIds(
      [
        { mentorId: 'НТ-1', menteeIds: ['НС-1'] },
        { mentorId: 'НТ-9', menteeIds: ['НС-9'] },
        { mentorId: 'НТ-3', menteeIds: ['НС-8'] },
      ],
      saved,
      ['ПГ-001', 'ПГ-004', 'ПГ-005', 'ПГ-006'],
      17,
    );
    expect(result).toEqual({ ids: ['ПГ-004', 'ПГ-018', 'ПГ-019'], issued: 19 });
  });

  test('a preview issues nothing: a new unit has no ID yet', () => {
    expect(assignPairIds([{ mentorId: 'НТ-9', menteeIds: ['НС-9'] }], saved, [], 0, false)).toEqual({
      ids: [''],
      issued: 6,
    });
  });
});
