/** The kinds of school events («Вид» in «Мероприятия») and the roadmap activity each usually closes. */
import { foldRu } from '../dates';
import type { EventKind } from './types';

export const EVENT_KINDS: EventKind[] = [
  { title: 'Педагогический совет', roadmapNo: '1.3' },
  { title: 'Административное совещание', roadmapNo: '1.6' },
  { title: 'Обучение наставников', roadmapNo: '4.2.1' },
  { title: 'Консультация для наставников', roadmapNo: '4.2.2' },
  { title: 'Психолого-педагогическая консультация', roadmapNo: '5.3' },
  { title: 'Школьная конференция', roadmapNo: '6.2' },
  { title: 'Семинар', roadmapNo: '6.2' },
  { title: 'Круглый стол по лучшим практикам', roadmapNo: '6.3' },
  { title: 'Мастер-класс', roadmapNo: '' },
  { title: 'Другое', roadmapNo: '' },
];

/** Folded for comparison: any case, ё = е, spaces trimmed and collapsed. */
export function kindKey(text: string): string {
  return foldRu(text).replace(/\s+/g, ' ').trim();
}

/** The known kind a cell's text names (any case, ё/е, extra spaces), or undefined. */
export function findKind(text: string): EventKind | undefined {
  const key = kindKey(text);
  if (key === '') return undefined;
  return EVENT_KINDS.find((k) => kindKey(k.title) === key);
}

/** «семинар » → '6.2'; an unknown or empty kind → ''. */
export function roadmapNoOfKind(kind: string): string {
  return findKind(kind)?.roadmapNo ?? '';
}
