/**
 * Subject areas for the «one subject area» criterion: two teachers of different subjects in the same
 * area (physics and chemistry, two foreign languages) are a weaker but real match. Subjects are
 * compared folded (case, ё = е); a subject the table does not know is an area of its own.
 */
import { foldRu } from '../dates';

export const SUBJECT_AREAS: ReadonlyArray<{ area: string; subjects: readonly string[] }> = [
  { area: 'филология', subjects: ['Русский язык и литература', 'Родной язык и литература'] },
  {
    area: 'иностранные языки',
    subjects: ['Иностранный язык (английский)', 'Иностранный язык (немецкий)', 'Иностранный язык (французский)'],
  },
  { area: 'математика и информатика', subjects: ['Математика', 'Информатика'] },
  { area: 'естественные науки', subjects: ['Физика', 'Химия', 'Биология', 'География'] },
  { area: 'общественные науки', subjects: ['История и обществознание', 'ОРКСЭ / ОДНКНР'] },
  { area: 'искусство', subjects: ['Музыка', 'Изобразительное искусство'] },
  {
    area: 'технология, физическая культура и ОБЗР',
    subjects: ['Труд (технология)', 'Физическая культура', 'Основы безопасности и защиты Родины'],
  },
];

/** Folded subject → area. */
const AREA_OF = new Map<string, string>(
  SUBJECT_AREAS.flatMap(({ area, subjects }) => subjects.map((s) => [foldText(s), area] as [string, string])),
);

/** The area of a subject, or null. «Иностранный язык (испанский)» is a foreign language too. */
export function subjectArea(subject: string): string | null {
  const key = foldText(subject);
  const known = AREA_OF.get(key);
  if (known !== undefined) return known;
  if (key.startsWith('иностранный язык')) return 'иностранные языки';
  return null;
}

/** Trimmed, inner spaces collapsed, lower case, ё = е: how list values are compared. */
export function foldText(text: string): string {
  return foldRu(text.replace(/\s+/g, ' ').trim());
}
