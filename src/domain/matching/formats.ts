/**
 * The form of mentoring (issue 17.4): «Индивидуальная (пара)» or «Групповая».
 *
 * The mentor's choice is a hard rule for the engine: a mentor who offered only individual work takes at
 * most one mentee, a mentor who offered only group work is never left with a single mentee. The
 * mentee's wish is honoured when the proposal allows it; when it does not, the mentee's explanation
 * starts with a note that names the wish and says why it was not met.
 */
import { FORMATS_KIND } from '../questionnaires/lists';
import type { MenteeProfile, MentorProfile } from './score';
import { foldText } from './subjectAreas';

const INDIVIDUAL = foldText(FORMATS_KIND[0]);
const GROUP = foldText(FORMATS_KIND[1]);

/** What a mentor's answer allows: 'any' when both forms or none were ticked. */
export type MentorForms = 'individual' | 'group' | 'any';

export function mentorForms(b: MentorProfile): MentorForms {
  const individual = b.formatKinds.has(INDIVIDUAL);
  const group = b.formatKinds.has(GROUP);
  if (individual && !group) return 'individual';
  if (group && !individual) return 'group';
  return 'any';
}

/** The mentee's wish, or null when none (or an answer the lists do not know). */
export function menteeWish(a: MenteeProfile): 'individual' | 'group' | null {
  if (a.formatKind === INDIVIDUAL) return 'individual';
  if (a.formatKind === GROUP) return 'group';
  return null;
}

/** The mentor's places once the form is applied: individual work is one mentee. */
export function formCapacity(b: MentorProfile, capacity: number): number {
  return mentorForms(b) === 'individual' ? Math.min(capacity, 1) : capacity;
}

/** Why a lock onto a mentor who works only with groups was dropped. */
export const GROUP_ONLY_ALONE =
  'наставник выбрал только групповую форму, а других наставляемых в его группу не подобрано';
/** Why a lock onto a mentor who works only individually, with the place taken, was dropped. */
export const INDIVIDUAL_ONLY_TAKEN = 'наставник выбрал только индивидуальную форму, и его пара уже занята';

/** How every wish note begins (a group's explanation counts them). */
export const WISH_NOTE_START = 'не учтено пожелание';

/**
 * The note for a mentee whose wish is not met in a unit of `size` with mentor `b`, or null when it is
 * met (or there is none). `freePairMentor`: a mentor this mentee may have who would still work with
 * them alone. The caller puts the note first in the explanation.
 */
export function wishNote(a: MenteeProfile, b: MentorProfile, size: number, freePairMentor: boolean): string | null {
  const wish = menteeWish(a);
  if (wish === 'individual' && size > 1) {
    const why = mentorForms(b) === 'group' ? 'наставник работает только с группой' : `у наставника группа из ${size}`;
    const other = freePairMentor
      ? 'свободный наставник для работы в паре есть — его можно выбрать в списке «Другой наставник…»'
      : 'свободных наставников для работы в паре не осталось';
    return `${WISH_NOTE_START} «${FORMATS_KIND[0]}»: ${why}; ${other}`;
  }
  if (wish === 'group' && size === 1) {
    const why =
      mentorForms(b) === 'individual'
        ? 'наставник работает только индивидуально'
        : 'других наставляемых в группу к этому наставнику не подобрано';
    return `${WISH_NOTE_START} «${FORMATS_KIND[1]}»: ${why}`;
  }
  return null;
}
