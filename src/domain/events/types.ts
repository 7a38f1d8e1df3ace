/** School events of the roadmap («Мероприятия»), best practices and publications, as data. */

export interface EventKind {
  /** Russian, the dropdown value in «Справочники». */
  title: string;
  /** The roadmap activity such an event usually belongs to ('' when none). */
  roadmapNo: string;
}

export interface SchoolEvent {
  /** «М-001»: stable, for «Публикации» and the news draft. */
  id: string;
  /** ISO date; '' when not set yet. */
  date: string;
  kind: string;
  topic: string;
  responsible: string;
  participantsCount: number | null;
  /** Staff names, «; »-separated as typed. */
  participants: string;
  evidence: string;
  roadmapNo: string;
}

export type PracticeStatus = 'предложена' | 'одобрена' | 'опубликована';

export interface Practice {
  id: string;
  title: string;
  author: string;
  competence: string;
  description: string;
  materials: string;
  status: PracticeStatus;
}

export const PUBLICATION_CHANNELS = [
  'сайт — «Методическая работа»',
  'социальные сети',
  'муниципальный уровень',
  'региональный уровень',
] as const;

export interface Publication {
  date: string;
  /** Event id («М-001») or roadmap activity number the publication covers. */
  about: string;
  channel: string;
  title: string;
  link: string;
}
