/**
 * The demo school's people each have a name of their own: a name on a sheet, in an order or in a
 * letter points at one person (tests that need namesakes make their own).
 */
import { DEMO_SCHOOL } from '../../workspace/demo/demoSchool';
import { DEMO_MENTEES, DEMO_MENTORS, demoTeachers } from '../../workspace/demo/demoTeachers';

const repeated = (list: string[]) => [...new Set(list.filter((x, i) => list.indexOf(x) !== i))];

test('every demo person — mentee, mentor, staff — has a unique full name and e-mail', () => {
  const { mentees, mentors } = demoTeachers();
  expect(mentees).toHaveLength(DEMO_MENTEES);
  expect(mentors).toHaveLength(DEMO_MENTORS);
  const staff = Object.entries(DEMO_SCHOOL)
    .filter(([key]) => key !== 'school')
    .map(([, name]) => name);
  const names = [...mentees, ...mentors].map((p) => p.fullName);
  expect(repeated([...names, ...staff])).toEqual([]);
  expect(repeated([...mentees, ...mentors].map((p) => p.email))).toEqual([]);
});
