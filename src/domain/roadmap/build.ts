/** The roadmap template resolved for one period and one school's staff: the rows of the roadmap sheet. */
import { parseIsoDay } from '../dates';
import { parseDatePhrase, resolveSpan, type Span } from './datePhrase';
import { ROADMAP, ROLE_TITLES, SEED_START_YEAR, type Role, type Stage } from './template';

export interface StageRow {
  kind: 'stage';
  no: string;
  stage: string;
  title: string;
}

export interface ActivityRow {
  kind: 'activity';
  no: string;
  stage: string;
  title: string;
  /** ISO days. */
  start: string;
  end: string;
  /** The person's name, or the role title when the school has not named one. */
  responsible: string;
  role: Role;
  /** The seed's phrase, e.g. 'Февраль 2022 г.' (for a note: where the date came from). */
  when: string;
  details?: string;
}

export type RoadmapRow = StageRow | ActivityRow;

export type People = Partial<Record<Role, string>>;

/** Name for a role; the role title when the name is missing or blank. */
export function responsibleFor(role: Role, people: People): string {
  return people[role]?.trim() || ROLE_TITLES[role];
}

/** A stage header row, then its activities with dates for the period starting in `startYear`. */
export function buildRoadmap(startYear: number, people: People, stages: readonly Stage[] = ROADMAP): RoadmapRow[] {
  const rows: RoadmapRow[] = [];
  for (const stage of stages) {
    rows.push({ kind: 'stage', no: stage.no, stage: stage.no, title: stage.title });
    for (const a of stage.activities) {
      const { start, end } = resolveSpan(parseDatePhrase(a.when), SEED_START_YEAR, startYear);
      const row: ActivityRow = {
        kind: 'activity',
        no: a.no,
        stage: stage.no,
        title: a.title,
        start,
        end,
        responsible: responsibleFor(a.role, people),
        role: a.role,
        when: a.when,
      };
      if (a.details !== undefined) row.details = a.details;
      rows.push(row);
    }
  }
  return rows;
}

/** 2026 → '2026–2027' (en dash, as Russian documents write periods). */
export function periodLabel(startYear: number): string {
  return `${startYear}–${startYear + 1}`;
}

/** The whole period: 1 February startYear – 31 May startYear + 1. */
export function periodBounds(startYear: number): Span {
  return resolveSpan({ kind: 'wholePeriod' }, SEED_START_YEAR, startYear);
}

/**
 * The period to offer by default. A period runs February Y – May Y+1, so February–May belong to two
 * periods: the one finishing (stage 6) and the one starting (stage 1). Until the end of May the
 * finishing one is the default; from June on the school year Y/Y+1 is being prepared, i.e. period Y.
 */
export function defaultStartYear(todayIso: string): number {
  const { year, month } = parseIsoDay(todayIso);
  return month >= 6 ? year : year - 1;
}
